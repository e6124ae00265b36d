import { Text, View } from '@tarojs/components';
import type { LocalDate, PlanRevisionView } from '@jinri/shared';

import { formatStamp } from '@/utils/date';
import { entryTimeLabel, sortEntries } from '@/utils/plan';
import './index.css';

type SnapshotEntry = PlanRevisionView['entries'][number];

interface RevisionListProps {
  /** Oldest first, as the server sends them. */
  revisions: readonly PlanRevisionView[];
  /** The plan's date: changes made on another day show their date too. */
  planDate?: LocalDate;
}

const KIND_LABELS: Record<PlanRevisionView['kind'], string> = {
  submitted: '提交',
  published: '公示',
  revised: '修改',
};

/**
 * A plan's history: what was published, then each change, who made it and when. Each version
 * lists its entries; entries taken back are struck through and marked 已撤回, new and changed
 * ones are marked against the version before.
 */
export function RevisionList({ revisions, planDate }: RevisionListProps) {
  const ordered = [...revisions].sort((a, b) => a.revision - b.revision || (a.at < b.at ? -1 : 1));
  return (
    <View className="revisions" data-testid="revision-list">
      {ordered.map((rev, index) => {
        const previous = index > 0 ? ordered[index - 1] : null;
        const title = rev.kind === 'revised' ? `第 ${rev.revision} 次修改` : KIND_LABELS[rev.kind];
        return (
          <View
            key={`${rev.revision}-${rev.kind}-${rev.at}`}
            className="revision"
            data-testid="revision"
            data-kind={rev.kind}
          >
            <View className="revision__head">
              <Text className="revision__title">{title}</Text>
              <Text className="revision__meta">
                {formatStamp(rev.at, planDate)} · {rev.by}
                {index === ordered.length - 1 && ordered.length > 1 ? ' · 当前' : ''}
              </Text>
            </View>
            {shownEntries(rev, previous).map((entry) => (
              <RevisionEntry key={entry.id} entry={entry} mark={markOf(entry, previous)} />
            ))}
            {rev.entries.every((e) => e.status === 'withdrawn') ? (
              <Text className="revision__empty">（没有安排）</Text>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}

/** Entries of a version, in time order, leaving out those already withdrawn in an earlier one. */
function shownEntries(rev: PlanRevisionView, previous: PlanRevisionView | null): SnapshotEntry[] {
  return sortEntries(
    rev.entries.filter(
      (e) =>
        e.status !== 'withdrawn' || !previous?.entries.some((p) => p.id === e.id && p.status === 'withdrawn'),
    ),
  );
}

type Mark = 'withdrawn' | 'added' | 'changed' | null;

function markOf(entry: SnapshotEntry, previous: PlanRevisionView | null): Mark {
  if (entry.status === 'withdrawn') return 'withdrawn';
  if (!previous) return null;
  const before = previous.entries.find((e) => e.id === entry.id);
  if (!before || before.status === 'withdrawn') return 'added';
  const same =
    before.startTime === entry.startTime &&
    before.endTime === entry.endTime &&
    before.period === entry.period &&
    before.place === entry.place &&
    before.what === entry.what &&
    before.kind === entry.kind;
  return same ? null : 'changed';
}

const MARK_LABELS: Record<Exclude<Mark, null>, string> = {
  withdrawn: '已撤回',
  added: '新增',
  changed: '有改动',
};

function RevisionEntry({ entry, mark }: { entry: SnapshotEntry; mark: Mark }) {
  const time = entryTimeLabel(entry);
  return (
    <View
      className={`revision-entry ${mark === 'withdrawn' ? 'revision-entry--withdrawn' : ''}`}
      data-testid="revision-entry"
      data-status={entry.status}
    >
      <View className="revision-entry__body">
        <Text className="revision-entry__line">
          {time ? <Text className="revision-entry__time">{time} </Text> : null}
          {entry.place ? `${entry.place} · ` : ''}
          {entry.what}
        </Text>
      </View>
      {mark ? (
        <Text className={`revision-entry__mark revision-entry__mark--${mark}`}>{MARK_LABELS[mark]}</Text>
      ) : null}
    </View>
  );
}
