/**
 * Drafts kept on the phone (Taro storage), so closing the app mid-edit loses nothing. Values are
 * stored as JSON strings; everything read back is validated, since storage outlives app versions.
 * Keys are full storage keys (e.g. "jinri.tickets.draft.entry.12"); staff pages add their prefix
 * in packages/staff/common/storage.ts.
 */
import Taro, { useDidHide, useUnload } from '@tarojs/taro';
import { useEffect, useRef } from 'react';

export function readStored<T>(key: string, isValid: (v: unknown) => v is T): T | null {
  try {
    const raw: unknown = Taro.getStorageSync(key);
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
    if (value === null || value === undefined) Taro.removeStorageSync(key);
    else Taro.setStorageSync(key, JSON.stringify(value));
  } catch {
    // nothing more to do
  }
}

const SAVE_DELAY_MS = 300;

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
