import type { TodayStatus } from '@jinri/shared';

/**
 * One official's word for a day. On a working day leave wins, then the published plan, else 未公示;
 * on a rest day a published plan (someone on duty) still shows, and nothing published is 休息, never
 * 未公示 (leave spanning a weekend is not news either).
 */
export function dayStatus(isWorkday: boolean, onLeave: boolean, published: boolean): TodayStatus {
  if (isWorkday) return onLeave ? 'on_leave' : published ? 'published' : 'not_published';
  return published ? 'published' : 'rest_day';
}
