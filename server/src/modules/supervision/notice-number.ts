import { SUPERVISION_RULES } from '@jinri/shared';

/** The number of an issued notice as it is printed: 督通字〔2026〕3号 (numbered per county and year). */
export function noticeNumber(year: number, number: number): string {
  return `${SUPERVISION_RULES.noticePrefix}〔${year}〕${number}号`;
}
