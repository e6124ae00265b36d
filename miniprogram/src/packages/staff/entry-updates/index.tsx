/**
 * 今日晒 (一日三晒): today's entries of the official's plan; on each, 晒进展 at noon and 晒结果 in
 * the evening, with photos and optionally the location (supervisors only see it).
 */
import { Button, Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { DayPlanView, EntryUpdateKind, EntryUpdateView, PlanEntryView } from '@jinri/shared';
import { useCallback, useState } from 'react';

import { mediaUrl } from '@/api/files';
import { getPlan } from '@/api/journals.api';
import { localToday, formatDay, formatStamp } from '@/utils/date';
import { EmptyState } from '@/components/EmptyState';
import { OfficialPage } from '../common/OfficialPage';
import { viewTimeLabel } from '../common/entries';
import { useLoad } from '@/hooks/useLoad';
import { usePhotoPreview } from '@/components/PhotoPreview';
import { Chip } from '@/components/Chip';
import { ErrorCard, LoadingCard } from '@/components/StateCard';
import { EntryUpdateForm, UPDATE_KIND_LABELS } from './EntryUpdateForm';
import '@/styles/kit.css';
import '@/styles/kit-form.css';
import '../common/staff.css';

export default function EntryUpdatesPage() {
  return (
    <OfficialPage name="entry-updates" title="今日晒" deniedText="只有干部本人可以晒工作进展。">
      {(officialId) => <EntryUpdates officialId={officialId} />}
    </OfficialPage>
  );
}

function EntryUpdates({ officialId }: { officialId: number }) {
  const [today] = useState(() => localToday());
  const load = useCallback(() => getPlan(officialId, today, 'signed-in'), [officialId, today]);
  const { view, retry, setData } = useLoad(`posts:${officialId}:${today}`, load, { cache: false });
  const [open, setOpen] = useState<{ entryId: number; kind: EntryUpdateKind } | null>(null);

  const header = (
    <View className="st-day">
      <Text className="st-day__label">今天 · {formatDay(today)}</Text>
      <View className="st-day__sub">
        <Text className="st-hint st-grow">中午晒进展，下午晒结果。照片和位置都可不附。</Text>
        <View className="st-link-btn" role="button" data-testid="posts-refresh" onClick={retry}>
          <Text>刷新</Text>
        </View>
      </View>
    </View>
  );

  if (view.kind === 'loading') {
    return (
      <>
        {header}
        <LoadingCard text="正在读取今天的日程…" />
      </>
    );
  }
  if (view.kind === 'error') {
    return (
      <>
        {header}
        <ErrorCard error={view.error} onRetry={retry} title="日程读取失败" />
      </>
    );
  }

  const plan = view.data;
  const entries = (plan?.entries ?? [])
    .filter((e) => e.status === 'active')
    .sort((a, b) => a.position - b.position);

  if (!plan || entries.length === 0) {
    return (
      <>
        {header}
        <View className="card" data-testid="posts-empty">
          <EmptyState title="今天还没有日程" description="先填写今天的工作安排，才能晒进展和结果。">
            <Button
              className="btn btn-primary"
              onClick={() => void Taro.redirectTo({ url: `/packages/staff/plan-edit/index?date=${today}` })}
            >
              填写今天的日程
            </Button>
          </EmptyState>
        </View>
      </>
    );
  }

  const onPosted = (entryId: number, update: EntryUpdateView) => {
    const next: DayPlanView = {
      ...plan,
      entries: plan.entries.map((e) => (e.id === entryId ? { ...e, updates: [...e.updates, update] } : e)),
    };
    setData(next);
    setOpen(null);
  };

  return (
    <>
      {header}
      {plan.status !== 'published' ? (
        <View className="st-banner st-banner--info">
          <Text className="st-banner__text">今天的日程还没有公示，晒出的内容会在公示后一并显示。</Text>
        </View>
      ) : null}
      {entries.map((entry) => (
        <EntryPosts
          key={entry.id}
          entry={entry}
          open={open?.entryId === entry.id ? open.kind : null}
          onOpen={(kind) => setOpen({ entryId: entry.id, kind })}
          onClose={() => setOpen(null)}
          onPosted={(update) => onPosted(entry.id, update)}
        />
      ))}
    </>
  );
}

interface EntryPostsProps {
  entry: PlanEntryView;
  open: EntryUpdateKind | null;
  onOpen: (kind: EntryUpdateKind) => void;
  onClose: () => void;
  onPosted: (update: EntryUpdateView) => void;
}

function EntryPosts({ entry, open, onOpen, onClose, onPosted }: EntryPostsProps) {
  const time = viewTimeLabel(entry);
  const hasResult = entry.updates.some((u) => u.kind === 'result');
  return (
    <View className="card st-post-entry" data-testid="post-entry" data-entry-id={String(entry.id)}>
      <View className="st-item__head">
        <Text className="st-item__title">{time || '时间未定'}</Text>
        <Chip tone={hasResult ? 'success' : entry.updates.length ? 'info' : 'neutral'}>
          {hasResult ? '已晒结果' : entry.updates.length ? '已晒进展' : '未晒'}
        </Chip>
      </View>
      <Text className="st-item__line st-post-entry__what">{entry.what}</Text>
      <Text className="st-item__meta">
        {[entry.kind, entry.meetingName, entry.place].filter(Boolean).join(' · ')}
      </Text>

      {entry.updates.length > 0 ? (
        <View className="st-updates" data-testid="post-updates">
          {entry.updates.map((u) => (
            <UpdateView key={u.id} update={u} />
          ))}
        </View>
      ) : null}

      {open ? (
        <EntryUpdateForm entryId={entry.id} kind={open} onPosted={onPosted} onClose={onClose} />
      ) : (
        <View className="st-actions-row">
          <Button
            className="btn btn-secondary"
            data-testid="open-progress"
            onClick={() => onOpen('progress')}
          >
            晒进展
          </Button>
          <Button className="btn btn-primary" data-testid="open-result" onClick={() => onOpen('result')}>
            晒结果
          </Button>
        </View>
      )}
    </View>
  );
}

function UpdateView({ update }: { update: EntryUpdateView }) {
  const urls = update.photos.map((p) => mediaUrl(p.url));
  const [openPreview, previewOverlay] = usePhotoPreview();
  return (
    <View className="st-update" data-testid="post-update" data-kind={update.kind}>
      <View className="st-update__head">
        <Chip tone={update.kind === 'result' ? 'success' : 'info'}>{UPDATE_KIND_LABELS[update.kind]}</Chip>
        <Text className="st-item__meta st-update__time">
          {formatStamp(update.createdAt)}
          {update.location ? ' · 已附位置' : ''}
        </Text>
      </View>
      <Text className="st-item__line">{update.text}</Text>
      {update.photos.length > 0 ? (
        <View className="st-photos">
          {/* The Image sits in a sized .st-photo box: on the Image itself .st-photo__img's 100% wins
              over .st-photo's size and the picture collapses to nothing (as in the form). */}
          {update.photos.map((p, i) => (
            <View key={p.id} className="st-photo" data-testid="post-update-photo">
              <Image
                className="st-photo__img"
                src={mediaUrl(p.thumbUrl)}
                mode="aspectFill"
                ariaLabel={`照片 ${i + 1}，点击查看大图`}
                onClick={() => openPreview(urls, i)}
              />
            </View>
          ))}
        </View>
      ) : null}
      {previewOverlay}
    </View>
  );
}
