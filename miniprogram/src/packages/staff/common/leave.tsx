/** Leave shown the same way on 请假 and 请假审批. */
import { Text, View } from '@tarojs/components';
import type { LeaveStatus, LeaveView } from '@jinri/shared';
import type { ReactNode } from 'react';

import { daysBetween, formatDay, formatMonthDay, formatStamp } from '@/utils/date';
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

interface LeaveItemProps {
  leave: LeaveView;
  testId: string;
  title: string;
  /** A line under the title (请假审批: the dates). */
  line?: string;
  /** The actions while it is pending. */
  children?: ReactNode;
}

/** One leave in a list: title and status, the reason, when it was asked for and decided, actions. */
export function LeaveItem({ leave, testId, title, line, children }: LeaveItemProps) {
  return (
    <View
      className="st-item"
      data-testid={testId}
      data-leave-id={String(leave.id)}
      data-status={leave.status}
    >
      <View className="st-item__head">
        <Text className="st-item__title">{title}</Text>
        <LeaveStatusChip status={leave.status} />
      </View>
      {line ? <Text className="st-item__line">{line}</Text> : null}
      {leave.reason ? <Text className="st-item__line">事由：{leave.reason}</Text> : null}
      <Text className="st-item__meta">
        申请于 {formatStamp(leave.createdAt)}
        {leave.decidedAt && leave.status !== 'pending' ? `，处理于 ${formatStamp(leave.decidedAt)}` : ''}
      </Text>
      {children}
    </View>
  );
}
