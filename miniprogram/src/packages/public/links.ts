import { APP_PAGES } from '@jinri/shared';

export const lotteriesUrl = (): string => `/${APP_PAGES.publicLotteries}`;
export const lotteryUrl = (id: number): string => `/${APP_PAGES.publicLottery}?id=${id}`;
/** A drawn journal opens the official's page (their days, the drawn one among them). */
export const officialUrl = (id: number): string => `/pages/official/index?id=${id}`;

/** 2026-11-16 → 11月16日 */
export function shortDate(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** The week in words: 2026-W47（11月16日—11月22日）. */
export function weekText(week: { start: string; end: string; label: string }): string {
  return `${week.label.replace('-W', '年第')}周（${shortDate(week.start)}—${shortDate(week.end)}）`;
}
