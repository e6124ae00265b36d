import { Image, Text, View, type ITouchEvent } from '@tarojs/components';
import type { EntryUpdateView, LocalDate, PlanEntryView } from '@jinri/shared';
import { memo } from 'react';

import { mediaUrl } from '@/api/files';
import { usePhotoPreview } from '@/components/PhotoPreview';
import { formatStamp } from '@/utils/date';
import { entryTimeLabel, findCurrentEntry, sortEntries, UPDATE_KIND_LABELS } from '@/utils/plan';
import './index.css';

interface PlanEntryListProps {
  entries: readonly PlanEntryView[];
  /**
   * Minutes since local midnight to mark the entry going on then as 正在进行. Pass it only for
   * today's plan; null or omitted marks nothing.
   */
  nowMinutes?: number | null;
  /** The plan's date: a change made on another day is stamped with its date as well as its time. */
  planDate?: LocalDate;
  /** Show 一日三晒 updates (progress, results, photos) under each entry. Default true. */
  showUpdates?: boolean;
  /** A 留言 button on each entry (published plans only); omitted: none. */
  onComment?: (entry: PlanEntryView) => void;
}

/** A day's entries in time order: time, place, what; 正在进行, 已修改 and updates as they apply. */
export const PlanEntryList = memo(function PlanEntryList({
  entries,
  nowMinutes = null,
  planDate,
  showUpdates = true,
  onComment,
}: PlanEntryListProps) {
  const sorted = sortEntries(entries);
  const current = nowMinutes === null ? null : findCurrentEntry(sorted, nowMinutes);
  return (
    <View className="entry-list" data-testid="entry-list">
      {sorted.map((entry) => (
        <EntryRow
          key={entry.id}
          entry={entry}
          current={entry === current}
          planDate={planDate}
          showUpdates={showUpdates}
          onComment={onComment}
        />
      ))}
    </View>
  );
});

interface EntryRowProps {
  entry: PlanEntryView;
  current?: boolean;
  planDate?: LocalDate;
  showUpdates?: boolean;
  onComment?: (entry: PlanEntryView) => void;
}

/** One entry. Reusable on its own (e.g. in an editor's preview). */
export function EntryRow({ entry, current = false, planDate, showUpdates = true, onComment }: EntryRowProps) {
  const time = entryTimeLabel(entry);
  const tag = entry.meetingName || entry.kind;
  return (
    <View
      className={`entry ${current ? 'entry--now' : ''}`}
      data-testid="entry"
      data-entry-id={String(entry.id)}
      data-now={current ? 'true' : 'false'}
    >
      <View className="entry__head">
        {time ? <Text className="entry__time">{time}</Text> : null}
        {current ? <Text className="entry__now">正在进行</Text> : null}
        {tag ? <Text className="entry__tag">{tag}</Text> : null}
      </View>
      {entry.place ? <Text className="entry__place">{entry.place}</Text> : null}
      <Text className="entry__what">{entry.what}</Text>
      {entry.modifiedAt ? (
        <Text className="entry__modified" data-testid="entry-modified">
          已修改 {formatStamp(entry.modifiedAt, planDate)}
        </Text>
      ) : null}
      {showUpdates && entry.updates.length > 0 ? (
        <EntryUpdates updates={entry.updates} planDate={planDate} />
      ) : null}
      {onComment && entry.status === 'active' ? (
        <View className="entry__actions">
          <View
            className="entry__comment"
            role="button"
            aria-label={`对“${entry.what}”留言`}
            data-testid="entry-comment"
            data-entry-id={String(entry.id)}
            hoverClass="entry__comment--pressed"
            onClick={(e) => {
              // The entry may sit inside a tappable card: the button must not open the card too.
              e.stopPropagation();
              onComment(entry);
            }}
          >
            <Text>留言</Text>
          </View>
        </View>
      ) : null}
    </View>
  );
}

/** 一日三晒 under an entry: "进展 12:05 已完成2户签约" and photo thumbnails (tap to enlarge). */
function EntryUpdates({ updates, planDate }: { updates: EntryUpdateView[]; planDate?: LocalDate }) {
  return (
    <View className="entry-updates">
      {updates.map((update) => (
        <View key={update.id} className="entry-update" data-testid="entry-update">
          <Text className="entry-update__text">
            <Text className={`entry-update__kind entry-update__kind--${update.kind}`}>
              {UPDATE_KIND_LABELS[update.kind] ?? '动态'}
            </Text>
            <Text className="entry-update__time"> {formatStamp(update.createdAt, planDate)} </Text>
            {update.text}
          </Text>
          {update.photos.length > 0 ? <Photos photos={update.photos} /> : null}
        </View>
      ))}
    </View>
  );
}

function Photos({ photos }: { photos: EntryUpdateView['photos'] }) {
  const urls = photos.map((p) => mediaUrl(p.url));
  // Not Taro.previewImage on H5: it pulls a carousel library (~200 KB) into the today page's chunk.
  const [openPreview, previewOverlay] = usePhotoPreview();
  const preview = (e: ITouchEvent, index: number) => {
    // The entry may sit inside a tappable card: a photo tap must not open the card too.
    e.stopPropagation();
    openPreview(urls, index);
  };
  return (
    <View className="entry-photos">
      {photos.map((photo, index) => (
        <Image
          key={photo.id}
          className="entry-photos__thumb"
          src={mediaUrl(photo.thumbUrl)}
          mode="aspectFill"
          lazyLoad
          ariaLabel={`照片 ${index + 1}，点击查看大图`}
          data-testid="entry-photo"
          onClick={(e) => preview(e, index)}
        />
      ))}
      {previewOverlay}
    </View>
  );
}
