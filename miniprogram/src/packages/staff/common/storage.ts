/**
 * Drafts and templates kept on the phone (Taro storage), so closing the app mid-edit loses
 * nothing. Everything read back is validated: storage outlives app versions.
 */
import Taro from '@tarojs/taro';
import { useDidHide, useUnload } from '@tarojs/taro';
import { useEffect, useRef } from 'react';

const PREFIX = 'jinri.staff.';

export function readStored<T>(key: string, isValid: (v: unknown) => v is T): T | null {
  try {
    const raw: unknown = Taro.getStorageSync(PREFIX + key);
    if (typeof raw !== 'string' || raw === '') return null;
    const value: unknown = JSON.parse(raw);
    return isValid(value) ? value : null;
  } catch {
    return null;
  }
}

/** null removes the key. Failures (storage full) are swallowed: the page still has the value. */
export function writeStored(key: string, value: unknown): void {
  try {
    if (value === null || value === undefined) Taro.removeStorageSync(PREFIX + key);
    else Taro.setStorageSync(PREFIX + key, JSON.stringify(value));
  } catch {
    // nothing more to do
  }
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

const SAVE_DELAY_MS = 300;

/**
 * Writes `value` under `key` shortly after each change (null removes it), and at once when the
 * page is hidden or closed. `key` null: nothing is written (not loaded yet).
 */
export function useAutosave(key: string | null, value: unknown): void {
  const pending = useRef<Pending | null>(null);

  useEffect(() => {
    // Another key now (the date changed): the old one gets what it was waiting for.
    if (pending.current && pending.current.key !== key) flushPending(pending);
    if (key === null) return;
    pending.current = { key, value };
    const timer = setTimeout(() => flushPending(pending), SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [key, value]);

  useEffect(() => () => flushPending(pending), []);
  useDidHide(() => flushPending(pending));
  useUnload(() => flushPending(pending));
}

interface Pending {
  key: string;
  value: unknown;
}

function flushPending(ref: { current: Pending | null }): void {
  const p = ref.current;
  if (p) {
    writeStored(p.key, p.value);
    ref.current = null;
  }
}
