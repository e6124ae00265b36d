import { Text, View } from '@tarojs/components';
import type { ModerationStatus, TicketState } from '@jinri/shared';

import { TICKET_STATE_TONES, ticketStateLabel } from '../../utils/tickets';
import { ToneChip } from '../StatusChip';
import './index.css';

/** A ticket's state as a word in a coloured pill (TICKET_STATE_LABELS). */
export function TicketStatusChip({ status }: { status: TicketState }) {
  return (
    <ToneChip
      tone={TICKET_STATE_TONES[status] ?? 'neutral'}
      label={ticketStateLabel(status)}
      status={status}
      testId="ticket-status"
    />
  );
}

interface TicketMarkersProps {
  overdue: boolean;
  escalated: boolean;
  moderation?: ModerationStatus;
}

/** 已超期 / 已督办 / 待审核: words on a tinted ground, never colour alone. Nothing when none apply. */
export function TicketMarkers({ overdue, escalated, moderation }: TicketMarkersProps) {
  if (!overdue && !escalated && moderation !== 'held') return null;
  return (
    <View className="ticket-markers">
      {overdue ? (
        <Text className="ticket-marker ticket-marker--danger" data-testid="ticket-overdue">
          已超期
        </Text>
      ) : null}
      {escalated ? (
        <Text className="ticket-marker ticket-marker--warning" data-testid="ticket-escalated">
          已督办
        </Text>
      ) : null}
      {moderation === 'held' ? (
        <Text className="ticket-marker ticket-marker--neutral" data-testid="ticket-held">
          待审核
        </Text>
      ) : null}
    </View>
  );
}
