/** The plan of one date as being edited, and the draft of it kept on the phone. */
import type { DayPlanView } from '@jinri/shared';

import { addDays, daysBetween, localToday } from '@/utils/date';
import { PLAN_FUTURE_DAYS, PLAN_PAST_DAYS } from '../common/DaySwitcher';
import { draftsOf, isDraftEntry, signature, type DraftEntry } from '../common/entries';

export interface StoredDraft {
  v: 1;
  entries: DraftEntry[];
  /** The plan version the draft started from (null: no plan then). */
  baseVersion: number | null;
  /** Signature of entries copied from yesterday, untouched since. */
  copied: string | null;
  savedAt: string;
}

export function isStoredDraft(v: unknown): v is StoredDraft {
  const d = v as StoredDraft | null;
  return (
    !!d &&
    d.v === 1 &&
    Array.isArray(d.entries) &&
    d.entries.every(isDraftEntry) &&
    (d.baseVersion === null || typeof d.baseVersion === 'number') &&
    (d.copied === null || typeof d.copied === 'string') &&
    typeof d.savedAt === 'string'
  );
}

/** The plan of one date as being edited. */
export interface Doc {
  /** `${officialId}/${date}` this belongs to. */
  key: string;
  date: string;
  plan: DayPlanView | null;
  entries: DraftEntry[];
  baseVersion: number | undefined;
  copied: string | null;
  /** When the person last changed something (ISO), for the draft. */
  changedAt: string;
  restored: { savedAt: string; baseChanged: boolean } | null;
}

export function docFrom(key: string, date: string, plan: DayPlanView | null, draft: StoredDraft | null): Doc {
  const serverEntries = draftsOf(plan?.entries);
  if (draft && signature(draft.entries) !== signature(serverEntries)) {
    return {
      key,
      date,
      plan,
      entries: draft.entries,
      baseVersion: draft.baseVersion ?? undefined,
      copied: draft.copied,
      changedAt: draft.savedAt,
      restored: {
        savedAt: draft.savedAt,
        baseChanged: (draft.baseVersion ?? null) !== (plan?.version ?? null),
      },
    };
  }
  return {
    key,
    date,
    plan,
    entries: serverEntries,
    baseVersion: plan?.version,
    copied: null,
    changedAt: '',
    restored: null,
  };
}

/** What goes to the phone: the entries when they differ from the server's, else nothing. */
export function draftOf(doc: Doc | null, serverSignature: string): StoredDraft | null {
  if (!doc || signature(doc.entries) === serverSignature) return null;
  return {
    v: 1,
    entries: doc.entries,
    baseVersion: doc.baseVersion ?? null,
    copied: doc.copied,
    savedAt: doc.changedAt,
  };
}

/** ?date= when it is within what the server accepts, else tomorrow. */
export function initialDate(param: string | undefined): string {
  const today = localToday();
  if (param && /^\d{4}-\d{2}-\d{2}$/.test(param)) {
    const offset = daysBetween(today, param);
    if (offset >= -PLAN_PAST_DAYS && offset <= PLAN_FUTURE_DAYS) return param;
  }
  return addDays(today, 1);
}
