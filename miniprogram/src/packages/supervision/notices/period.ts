/** The period a notice is drafted for: checked on the phone before asking the server. */
import { SUPERVISION_LIMITS, type LocalDate } from '@jinri/shared';

import { daysBetween } from '@/utils/date';

/** Why a period cannot be drafted ("" when it can). */
export function periodProblem(from: LocalDate, to: LocalDate, today: LocalDate): string {
  if (daysBetween(from, to) < 0) return '开始日期不能晚于结束日期';
  if (daysBetween(today, to) > 0) return '结束日期不能晚于今天';
  if (daysBetween(from, to) >= SUPERVISION_LIMITS.noticePeriodMaxDays) return '期间不能超过一年';
  return '';
}
