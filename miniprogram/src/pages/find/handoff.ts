/**
 * Asking 找人办事 from another page (the first screen's search box). 找人办事 is a tab, and
 * switchTab carries no query string, so the word waits here (and in storage, should the page be
 * created anew) until 找人办事 shows and takes it. The village needs no handing over: it is the one
 * remembered store (useMyVillage).
 */
import Taro from '@tarojs/taro';

import { FIND_TAB_URL } from './nav';

const STORAGE_KEY = 'jinri.find.pending';

let pending: string | null = null;

/** Open 找人办事 searching `q` (for the remembered village, if any). */
export function askFind(q: string): void {
  const word = q.trim();
  pending = word || null;
  try {
    if (pending) Taro.setStorageSync(STORAGE_KEY, pending);
    else Taro.removeStorageSync(STORAGE_KEY);
  } catch {
    // Storage unavailable: the word in memory is enough within this run.
  }
  void Taro.switchTab({ url: FIND_TAB_URL }).catch(() => undefined);
}

/** The word another page asked 找人办事 to search, once (null when none). */
export function takePendingQuery(): string | null {
  let word = pending;
  pending = null;
  try {
    if (word === null) {
      const stored: unknown = Taro.getStorageSync(STORAGE_KEY);
      word = typeof stored === 'string' && stored.trim() !== '' ? stored : null;
    }
    if (word !== null) Taro.removeStorageSync(STORAGE_KEY);
  } catch {
    // Unreadable: nothing pending.
  }
  return word;
}
