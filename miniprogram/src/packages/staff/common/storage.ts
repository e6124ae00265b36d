/**
 * Drafts and templates of the staff pages kept on the phone (Taro storage), so closing the app
 * mid-edit loses nothing. The storage itself is src/hooks/useAutosave.ts; staff keys carry the
 * "jinri.staff." prefix.
 */
import {
  readStored as readKey,
  useAutosave as useAutosaveKey,
  writeStored as writeKey,
} from '@/hooks/useAutosave';

const PREFIX = 'jinri.staff.';

export function readStored<T>(key: string, isValid: (v: unknown) => v is T): T | null {
  return readKey(PREFIX + key, isValid);
}

/** null removes the key. Failures (storage full) are swallowed: the page still has the value. */
export function writeStored(key: string, value: unknown): void {
  writeKey(PREFIX + key, value);
}

export const storageKeys = {
  planDraft: (officialId: number, date: string) => `planDraft.${officialId}.${date}`,
  planTemplates: (officialId: number) => `planTemplates.${officialId}`,
  postDraft: (entryId: number, kind: string) => `postDraft.${entryId}.${kind}`,
  leaveDraft: (officialId: number) => `leaveDraft.${officialId}`,
  weeklyDraft: (officialId: number, weekStart: string) => `weeklyDraft.${officialId}.${weekStart}`,
  batchDraft: (unitId: number, date: string) => `batchDraft.${unitId}.${date}`,
  rules: (unitId: number) => `rules.${unitId}`,
};

/**
 * Writes `value` under `key` shortly after each change (null removes it), and at once when the
 * page is hidden or closed. `key` null: nothing is written (not loaded yet).
 */
export function useAutosave(key: string | null, value: unknown): void {
  useAutosaveKey(key === null ? null : PREFIX + key, value);
}
