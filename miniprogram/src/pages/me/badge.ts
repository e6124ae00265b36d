/**
 * The number on the 我的 tab (index 2): tickets waiting for a staff member. WeChat draws it
 * natively; Taro's H5 tab bar has the same API, but an older runtime (or a page without a tab
 * bar) may not: failures are ignored.
 */
import Taro from '@tarojs/taro';
import type { TicketInbox } from '@jinri/shared';

const ME_TAB_INDEX = 2;
/** WeChat shows at most 3 characters. */
const MAX_SHOWN = 99;

/**
 * How many tickets wait. Overdue tickets are open ones too (the inbox counts them in both), so the
 * open count already includes them; adding the overdue count would count them twice.
 */
export function inboxBadgeCount(counts: TicketInbox['counts']): number {
  return counts.open;
}

let shown: number | null = null;

/** Shows `count` on the 我的 tab, or removes the badge at 0. */
export function setMeTabBadge(count: number): void {
  if (count === shown) return;
  shown = count;
  try {
    if (count > 0) {
      if (typeof Taro.setTabBarBadge !== 'function') return;
      const text = count > MAX_SHOWN ? `${MAX_SHOWN}+` : String(count);
      void Taro.setTabBarBadge({ index: ME_TAB_INDEX, text }).catch(() => {
        shown = null;
      });
    } else {
      if (typeof Taro.removeTabBarBadge !== 'function') return;
      void Taro.removeTabBarBadge({ index: ME_TAB_INDEX }).catch(() => {
        shown = null;
      });
    }
  } catch {
    shown = null; // not supported here
  }
}
