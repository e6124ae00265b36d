import {
  DAY_PERIOD_LABELS,
  type PlanRevisionView,
  type SpotCheckCandidate,
  type SpotCheckView,
  type SupervisionPhoto,
} from '@jinri/shared';
import { localTime } from '../../common/time/local-time';
import type { PlanEntry } from '../journals/plan-entry.entity';
import type { PlanRevision } from '../journals/plan-revision.entity';
import type { SpotCheck } from './spot-check.entity';

/** An entry as a revision snapshot keeps it (what was published at that moment). */
export type EntrySnapshot = PlanRevisionView['entries'][number];

type Timed = Pick<EntrySnapshot, 'startTime' | 'endTime' | 'period'>;

/** The time an entry names, as the pages write it: "09:00–11:30", "14:00 起", "上午", or "当天". */
export function plannedTime(entry: Timed): string {
  if (entry.startTime && entry.endTime) return `${entry.startTime}–${entry.endTime}`;
  if (entry.startTime) return `${entry.startTime} 起`;
  if (entry.period) return DAY_PERIOD_LABELS[entry.period];
  return '当天';
}

/** Candidates in the order of the day: by start time (a period by its usual hour), then by id. */
export function dayOrder(entry: Timed & { id: number }): string {
  const byPeriod = { allday: '00:00', am: '08:00', pm: '14:00' } as const;
  const time = entry.startTime ?? (entry.period ? byPeriod[entry.period] : '99:99');
  return `${time}|${String(entry.id).padStart(12, '0')}`;
}

export function candidateView(
  entry: PlanEntry,
  official: { id: number; name: string; post: string },
  unit: { id: number; name: string },
): SpotCheckCandidate {
  return {
    entryId: entry.id,
    official,
    unit,
    startTime: entry.startTime,
    endTime: entry.endTime,
    period: entry.period,
    place: entry.place,
    placeUnit: entry.placeUnit ? { id: entry.placeUnit.id, name: entry.placeUnit.name } : null,
    what: entry.what,
    modifiedAt: entry.modifiedAt ? entry.modifiedAt.toISOString() : null,
  };
}

export function spotCheckView(
  check: SpotCheck,
  post: string,
  photos: (ids: string[] | null | undefined) => SupervisionPhoto[],
): SpotCheckView {
  return {
    id: check.id,
    entry: candidateView(
      check.planEntry,
      { id: check.officialId, name: check.official?.name ?? '', post },
      { id: check.unitId, name: check.unit?.name ?? '' },
    ),
    visitedAt: check.visitedAt.toISOString(),
    found: check.found,
    note: check.note,
    photos: photos(check.photoIds),
    location: check.location,
    sampleId: check.sampleId,
    findingId: check.findingId,
    noFindingReason: check.noFindingReason,
    createdAt: check.createdAt.toISOString(),
  };
}

/** The entry as it read at `at`: in the last revision recorded by then, else as it reads now. */
export function entryInForce(revisions: PlanRevision[], entry: PlanEntry, at: Date): EntrySnapshot {
  let found: EntrySnapshot | undefined;
  for (const revision of revisions) {
    if (revision.createdAt.getTime() > at.getTime()) break;
    found = revision.snapshot.find((e) => e.id === entry.id) ?? found;
  }
  return found ?? snapshotOf(entry);
}

export interface EntryChange {
  at: Date;
  /** The entry after the change; withdrawn (or gone from the plan) when it was taken back. */
  after: EntrySnapshot | null;
}

/**
 * The last change to this entry (its time, place, work or status) made at or before `visitedAt`:
 * the official changed or withdrew it before the supervisor came, so finding nobody there is no
 * absence. The revisions of the published plan say when each change was made; the entry's own
 * `modifiedAt` (its last change, on the app's clock) counts too, and is all there is when the plan
 * has no recorded history. An entry added after publication is no change of it: it was in force
 * when the visit came.
 */
export function changeBeforeVisit(
  revisions: PlanRevision[],
  entry: PlanEntry,
  visitedAt: Date,
): EntryChange | null {
  const visit = visitedAt.getTime();
  let change: EntryChange | null = null;
  let previous: EntrySnapshot | undefined;
  let published = false;
  let changes = 0;
  let addedLater = false;
  for (const revision of revisions) {
    const current = revision.snapshot.find((e) => e.id === entry.id);
    if (revision.kind !== 'revised') published = true;
    else if (published && content(previous) !== content(current)) {
      changes += 1;
      if (!previous) addedLater = true;
      else if (revision.createdAt.getTime() <= visit)
        change = {
          at: revision.createdAt,
          after: current && current.status !== 'withdrawn' ? current : null,
        };
    }
    previous = current;
  }
  if (change) return change;
  const modified = entry.modifiedAt;
  if (modified && modified.getTime() <= visit && !(addedLater && changes === 1))
    return { at: modified, after: entry.status === 'withdrawn' ? null : snapshotOf(entry) };
  return null;
}

/** Why no finding: "到访前日程已修改（10:12 改为 14:00–16:00 魏庄村 …）" or "…已撤销此项（10:12）". */
export function changeReason(change: EntryChange): string {
  const at = localTime(change.at);
  const text = change.after
    ? `到访前日程已修改（${at} 改为 ${describe(change.after)}）`
    : `到访前日程已撤销此项（${at}）`;
  return text.length > 200 ? `${text.slice(0, 198)}…）` : text;
}

function describe(entry: EntrySnapshot): string {
  return [plannedTime(entry), entry.place, entry.what].filter(Boolean).join(' ');
}

function content(entry: EntrySnapshot | undefined): string {
  if (!entry) return 'absent';
  const { startTime, endTime, period, place, what, status } = entry;
  return JSON.stringify([startTime, endTime, period, place, what, status === 'withdrawn']);
}

function snapshotOf(entry: PlanEntry): EntrySnapshot {
  return {
    id: entry.id,
    startTime: entry.startTime,
    endTime: entry.endTime,
    period: entry.period,
    place: entry.place,
    what: entry.what,
    kind: entry.kind,
    status: entry.status,
  };
}
