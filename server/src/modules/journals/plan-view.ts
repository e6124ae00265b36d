import type { DayPlanView, EntryUpdateView, PlanEntryView, PlanRevisionView } from '@jinri/shared';
import type { Upload } from '../uploads/upload.entity';
import type { DayPlan } from './day-plan.entity';
import type { EntryUpdate } from './entry-update.entity';
import type { PlanEntry } from './plan-entry.entity';

export interface ViewOptions {
  /** Supervisors see where an update was posted from. */
  includeLocation: boolean;
}

export function photoUrls(upload: Pick<Upload, 'id' | 'path' | 'thumbPath'>): {
  id: string;
  url: string;
  thumbUrl: string;
} {
  return { id: upload.id, url: `/uploads/${upload.path}`, thumbUrl: `/uploads/${upload.thumbPath}` };
}

export function updateView(
  update: EntryUpdate,
  uploads: Map<string, Upload>,
  options: ViewOptions,
): EntryUpdateView {
  const view: EntryUpdateView = {
    id: update.id,
    kind: update.kind,
    text: update.text,
    photos: update.photoIds.flatMap((id) => {
      const upload = uploads.get(id);
      return upload ? [photoUrls(upload)] : [];
    }),
    createdAt: update.createdAt.toISOString(),
  };
  if (options.includeLocation) view.location = update.location;
  return view;
}

export function entryView(entry: PlanEntry, updates: EntryUpdateView[]): PlanEntryView {
  return {
    id: entry.id,
    position: entry.position,
    startTime: entry.startTime,
    endTime: entry.endTime,
    period: entry.period,
    place: entry.place,
    placeUnit: entry.placeUnit ? { id: entry.placeUnit.id, name: entry.placeUnit.name } : null,
    what: entry.what,
    kind: entry.kind,
    meetingName: entry.meetingName,
    matterIds: entry.matterIds,
    status: entry.status,
    modifiedAt: entry.modifiedAt ? entry.modifiedAt.toISOString() : null,
    updates,
  };
}

/** A plan with its active entries (withdrawn ones live in the revision history). */
/** The entries of a plan as a revision keeps them (plan_revisions.snapshot). */
export function revisionSnapshot(entries: PlanEntry[]): PlanRevisionView['entries'] {
  return entries.map((e) => ({
    id: e.id,
    startTime: e.startTime,
    endTime: e.endTime,
    period: e.period,
    place: e.place,
    what: e.what,
    kind: e.kind,
    status: e.status,
  }));
}

export function planView(
  plan: DayPlan,
  entries: PlanEntry[],
  updatesByEntry: Map<number, EntryUpdateView[]>,
): DayPlanView {
  return {
    id: plan.id,
    officialId: plan.officialId,
    date: plan.date,
    status: plan.status,
    late: plan.late,
    submittedAt: plan.submittedAt ? plan.submittedAt.toISOString() : null,
    publishedAt: plan.publishedAt ? plan.publishedAt.toISOString() : null,
    revision: plan.revision,
    version: plan.version,
    entries: entries
      .filter((e) => e.dayPlanId === plan.id && e.status === 'active')
      .sort((a, b) => a.position - b.position || a.id - b.id)
      .map((e) => entryView(e, updatesByEntry.get(e.id) ?? [])),
  };
}

/** The comparable content of an entry (what a revision is about). */
export function entryContent(
  entry: Pick<
    PlanEntry,
    | 'startTime'
    | 'endTime'
    | 'period'
    | 'place'
    | 'placeUnitId'
    | 'what'
    | 'kind'
    | 'meetingName'
    | 'matterIds'
  >,
): string {
  return JSON.stringify([
    entry.startTime,
    entry.endTime,
    entry.period,
    entry.place,
    entry.placeUnitId,
    entry.what,
    entry.kind,
    entry.meetingName,
    [...entry.matterIds].sort((a, b) => a - b),
  ]);
}
