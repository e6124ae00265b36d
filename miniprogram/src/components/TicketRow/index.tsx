import { Text, View } from '@tarojs/components';
import type { TicketSummary } from '@jinri/shared';
import { memo } from 'react';

import { formatStamp } from '@/utils/date';
import { assigneeLabel, currentDeadline, targetLabel, timeLeft } from '@/utils/tickets';
import { TicketMarkers, TicketStatusChip } from '../TicketStatusChip';
import './index.css';

interface TicketRowProps {
  ticket: TicketSummary;
  /** Epoch ms for the time left (useNow). */
  now: number;
  /**
   * staff: the time left before the deadline that counts now, big (the inbox);
   * resident: who has it (我的留言).
   */
  viewer: 'staff' | 'resident';
  onOpen: (id: number) => void;
}

/** One ticket in a list: state, markers, the first words, what it is about, and time left or who. */
export const TicketRow = memo(function TicketRow({ ticket, now, viewer, onOpen }: TicketRowProps) {
  const deadline = currentDeadline(ticket);
  const left = deadline ? timeLeft(deadline.at, now) : null;
  const overdue = ticket.overdue || (left?.overdue ?? false);
  const target = targetLabel(ticket.target);
  return (
    <View
      className={`tile ticket-row ${overdue ? 'ticket-row--overdue' : ''}`}
      role="button"
      data-testid="ticket-row"
      data-ticket-id={String(ticket.id)}
      data-status={ticket.status}
      data-overdue={overdue ? 'true' : 'false'}
      hoverClass="ticket-row--pressed"
      onClick={() => onOpen(ticket.id)}
    >
      <View className="ticket-row__head">
        <TicketStatusChip status={ticket.status} reader={viewer === 'resident' ? 'author' : 'staff'} />
        {viewer === 'staff' && left ? (
          <Text
            className={`ticket-row__left ${left.overdue ? 'ticket-row__left--overdue' : ''}`}
            data-testid="ticket-time-left"
          >
            {deadline?.kind === 'ack' ? '受理' : '办结'}
            {left.text}
          </Text>
        ) : null}
        <Text className="ticket-row__chevron">›</Text>
      </View>
      <TicketMarkers
        overdue={overdue}
        escalated={ticket.escalated}
        moderation={ticket.moderation}
        reviewOverdue={ticket.reviewOverdue}
      />
      <Text className="ticket-row__excerpt" data-testid="ticket-excerpt">
        {ticket.excerpt}
      </Text>
      {target ? <Text className="ticket-row__meta">{target}</Text> : null}
      <Text className="ticket-row__meta">
        {viewer === 'resident' ? `办理：${assigneeLabel(ticket.assignee)} · ` : ''}
        {formatStamp(ticket.createdAt)} 提交
      </Text>
    </View>
  );
});
