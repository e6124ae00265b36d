/** Leave shown the same way on 请假 and 请假审批. */
import type { LeaveStatus, LeaveView } from '@jinri/shared';

import { daysBetween, formatDay, formatMonthDay } from '@/utils/date';
import { Chip, type ChipTone } from '@/components/Chip';

export const LEAVE_STATUS: Record<LeaveStatus, { label: string; tone: ChipTone }> = {
  pending: { label: '待审批', tone: 'warning' },
  approved: { label: '已同意', tone: 'success' },
  rejected: { label: '未同意', tone: 'danger' },
  cancelled: { label: '已撤回', tone: 'neutral' },
};

export function LeaveStatusChip({ status }: { status: LeaveStatus }) {
  const s = LEAVE_STATUS[status] ?? { label: status, tone: 'neutral' as const };
  return (
    <Chip tone={s.tone} testId="leave-status">
      {s.label}
    </Chip>
  );
}

export function leaveDays(leave: Pick<LeaveView, 'startDate' | 'endDate'>): number {
  return daysBetween(leave.startDate, leave.endDate) + 1;
}

/** "11月23日 周一（1 天）" or "11月23日 – 11月25日（3 天）". */
export function leaveRange(leave: Pick<LeaveView, 'startDate' | 'endDate'>): string {
  const days = leaveDays(leave);
  return leave.startDate === leave.endDate
    ? `${formatDay(leave.startDate)}（1 天）`
    : `${formatMonthDay(leave.startDate)} – ${formatMonthDay(leave.endDate)}（${days} 天）`;
}
