import { Text } from '@tarojs/components';

import { PLAN_STATUS_LABELS, type PlanDisplayStatus } from '@/utils/plan';
import './index.css';

interface StatusChipProps {
  status: PlanDisplayStatus;
  /** Overrides the standard label (已公示 / 请假 / 未公示 / 休息日 / 草稿). */
  label?: string;
}

const MARKS: Record<PlanDisplayStatus, string> = {
  published: '✓ ',
  on_leave: '',
  not_published: '',
  rest_day: '',
  draft: '',
};

/**
 * A plan's status as a word in a coloured pill: 已公示 green, 请假 amber, 未公示 grey. The word is
 * always there: colour alone would not reach colour-blind or low-vision readers.
 */
export function StatusChip({ status, label }: StatusChipProps) {
  return (
    <Text className={`status-chip status-chip--${status}`} data-testid="status-chip" data-status={status}>
      {MARKS[status] ?? ''}
      {label ?? PLAN_STATUS_LABELS[status] ?? status}
    </Text>
  );
}

export type ChipTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

interface ToneChipProps {
  tone: ChipTone;
  label: string;
  /** Exposed as data-status (e.g. a ticket's state). */
  status?: string;
  testId?: string;
}

/** The same pill for any other status (tickets…): the colour by tone, the word always shown. */
export function ToneChip({ tone, label, status, testId = 'status-chip' }: ToneChipProps) {
  return (
    <Text className={`status-chip status-chip--tone-${tone}`} data-testid={testId} data-status={status}>
      {label}
    </Text>
  );
}
