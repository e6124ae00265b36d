/**
 * The ticket's actions at the bottom of the screen, in thumb reach: the most urgent one big, the
 * next beside it, the rest under 更多. Only what the server lists in `ticket.actions` is offered.
 */
import { Button, View } from '@tarojs/components';
import type { TicketAction } from '@jinri/shared';
import { useState } from 'react';

import { onlyIf } from '@/utils/props';
import { BottomSheet } from '@/components/BottomSheet';

export const ACTION_LABELS: Record<TicketAction, string> = {
  acknowledge: '受理',
  reply: '答复',
  resolve: '办结',
  transfer: '转办',
  assign: '指派',
  request_extension: '申请延期',
  decide_extension: '审批延期',
  moderate: '审核',
  rate: '评价',
  withdraw: '撤回留言',
  report: '举报',
};

/** Most urgent first: decisions others wait for, then the work itself, then the rest. */
const ORDER: TicketAction[] = [
  'decide_extension',
  'moderate',
  'assign',
  'acknowledge',
  'rate',
  'reply',
  'resolve',
  'transfer',
  'request_extension',
  'withdraw',
  'report',
];

export function orderActions(actions: readonly TicketAction[]): TicketAction[] {
  const known = ORDER.filter((a) => actions.includes(a));
  return [...known, ...actions.filter((a) => !ORDER.includes(a))];
}

interface ActionBarProps {
  actions: readonly TicketAction[];
  /** An action is being sent (one-tap ones): every button waits. */
  busy: TicketAction | null;
  onAction: (action: TicketAction) => void;
  /** Labels that depend on the ticket (审核 a held comment, 屏蔽 any other). */
  labels?: Partial<Record<TicketAction, string>>;
}

export function ActionBar({ actions, busy, onAction, labels }: ActionBarProps) {
  const [moreOpen, setMoreOpen] = useState(false);
  const ordered = orderActions(actions);
  if (ordered.length === 0) return null;
  const inBar = ordered.length <= 2 ? ordered : ordered.slice(0, 2);
  const rest = ordered.length <= 2 ? [] : ordered.slice(2);

  const button = (action: TicketAction, index: number) => (
    <Button
      key={action}
      className={`btn ${
        action === 'withdraw' ? 'btn-danger' : index === 0 ? 'btn-primary' : 'btn-secondary'
      } ${busy ? 'btn-disabled' : ''}`}
      disabled={onlyIf(busy !== null)}
      data-testid="ticket-action"
      data-action={action}
      onClick={() => {
        setMoreOpen(false);
        onAction(action);
      }}
    >
      {busy === action ? '正在提交…' : (labels?.[action] ?? ACTION_LABELS[action] ?? action)}
    </Button>
  );

  return (
    <>
      <View className="st-bar tk-bar" data-testid="ticket-actions">
        {inBar.map((action, index) => button(action, index))}
        {rest.length > 0 ? (
          <Button
            className="btn btn-secondary tk-bar__more"
            disabled={onlyIf(busy !== null)}
            data-testid="ticket-action-more"
            onClick={() => setMoreOpen(true)}
          >
            更多
          </Button>
        ) : null}
      </View>
      {moreOpen ? (
        <BottomSheet title="更多操作" testId="sheet-more" onClose={() => setMoreOpen(false)}>
          <View className="tk-more">{rest.map((action) => button(action, 1))}</View>
        </BottomSheet>
      ) : null}
    </>
  );
}
