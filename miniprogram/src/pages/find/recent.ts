/** 最近搜索: the last few searches, kept on the phone (Taro storage), most recent first. */
import Taro from '@tarojs/taro';

const STORAGE_KEY = 'jinri.find.recent';
export const MAX_RECENT = 8;

export function readRecent(): string[] {
  try {
    const raw: unknown = Taro.getStorageSync(STORAGE_KEY);
    if (!Array.isArray(raw)) return [];
    return raw.filter((x): x is string => typeof x === 'string' && x.trim() !== '').slice(0, MAX_RECENT);
  } catch {
    return [];
  }
}

function write(list: string[]): void {
  try {
    if (list.length) Taro.setStorageSync(STORAGE_KEY, list);
    else Taro.removeStorageSync(STORAGE_KEY);
  } catch {
    // Storage full or unavailable: the list lasts for this run only.
  }
}

/** `word` moved (or added) to the front; returns the new list. */
export function rememberSearch(list: readonly string[], word: string): string[] {
  const clean = word.trim();
  if (!clean) return [...list];
  const next = [clean, ...list.filter((x) => x !== clean)].slice(0, MAX_RECENT);
  write(next);
  return next;
}

export function clearRecent(): string[] {
  write([]);
  return [];
}
