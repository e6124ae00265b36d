/** One day's plans of a unit as being edited by the clerk, and the draft of them kept on the phone. */
import type { BatchPlansView } from '@jinri/shared';

import { draftsOf, isDraftEntry, rebaseEntries, signature, type DraftEntry } from '../common/entries';

export interface OfficialEdit {
  entries: DraftEntry[];
  baseVersion: number | undefined;
}

export interface StoredBatchDraft {
  v: 1;
  /** officialId → entries and the version they started from. */
  edits: Record<string, { entries: DraftEntry[]; baseVersion: number | null }>;
  savedAt: string;
}

export function isStoredBatchDraft(v: unknown): v is StoredBatchDraft {
  const d = v as StoredBatchDraft | null;
  return (
    !!d &&
    d.v === 1 &&
    typeof d.edits === 'object' &&
    d.edits !== null &&
    Object.values(d.edits).every(
      (e) =>
        !!e &&
        Array.isArray(e.entries) &&
        e.entries.every(isDraftEntry) &&
        (e.baseVersion === null || typeof e.baseVersion === 'number'),
    )
  );
}

export interface BatchDoc {
  key: string;
  view: BatchPlansView;
  edits: Record<number, OfficialEdit>;
  restored: boolean;
}

export type Official = BatchPlansView['officials'][number];

export function editsFrom(
  view: BatchPlansView,
  draft: StoredBatchDraft | null,
): { edits: Record<number, OfficialEdit>; restored: boolean } {
  const edits: Record<number, OfficialEdit> = {};
  let restored = false;
  for (const o of view.officials) {
    const server = draftsOf(o.plan?.entries);
    const stored = draft?.edits[String(o.id)];
    if (stored && !o.onLeave && signature(stored.entries) !== signature(server)) {
      edits[o.id] = { entries: stored.entries, baseVersion: stored.baseVersion ?? undefined };
      restored = true;
    } else {
      edits[o.id] = { entries: server, baseVersion: o.plan?.version };
    }
  }
  return { edits, restored };
}

export function isDirty(o: Official, edit: OfficialEdit | undefined): boolean {
  return !!edit && !o.onLeave && signature(edit.entries) !== signature(draftsOf(o.plan?.entries));
}

/** What goes to the phone: the officials whose entries differ from the server's. */
export function batchDraftOf(doc: BatchDoc | null): StoredBatchDraft | null {
  if (!doc) return null;
  const edits: StoredBatchDraft['edits'] = {};
  for (const o of doc.view.officials) {
    const edit = doc.edits[o.id];
    if (isDirty(o, edit))
      edits[String(o.id)] = { entries: edit.entries, baseVersion: edit.baseVersion ?? null };
  }
  return Object.keys(edits).length > 0 ? { v: 1, edits, savedAt: '' } : null;
}

/** After a 409: the newest plans, with this page's edits kept on top of them. */
export function rebaseEdits(
  latest: BatchPlansView,
  shown: BatchPlansView,
  edits: Record<number, OfficialEdit>,
): Record<number, OfficialEdit> {
  const next: Record<number, OfficialEdit> = {};
  for (const o of latest.officials) {
    const mine = edits[o.id];
    const old = shown.officials.find((x) => x.id === o.id);
    next[o.id] =
      mine && old && isDirty(old, mine)
        ? { entries: rebaseEntries(mine.entries, o.plan?.entries), baseVersion: o.plan?.version }
        : { entries: draftsOf(o.plan?.entries), baseVersion: o.plan?.version };
  }
  return next;
}
