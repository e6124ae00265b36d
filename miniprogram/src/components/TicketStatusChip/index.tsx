import { Text, View } from '@tarojs/components';
import type { ModerationStatus, TicketState } from '@jinri/shared';

import { TICKET_STATE_TONES, ticketStateLabelFor, type TicketReader } from '@/utils/tickets';
import { ToneChip } from '../StatusChip';
import './index.css';

/**
 * A ticket's state as a word in a coloured pill: the staff's terms (TICKET_STATE_LABELS), or a
 * resident's plain words (RESIDENT_TICKET_STATE_LABELS; 待您评价 for the author).
 */
export function TicketStatusChip({
  status,
  reader = 'staff',
}: {
  status: TicketState;
  reader?: TicketReader;
}) {
  return (
    <ToneChip
      tone={TICKET_STATE_TONES[status] ?? 'neutral'}
      label={ticketStateLabelFor(status, reader)}
      status={status}
      testId="ticket-status"
    />
  );
}

interface TicketMarkersProps {
  overdue: boolean;
  escalated: boolean;
  moderation?: ModerationStatus;
  /** Held past the working-day limit of the publication review: 审核超期. */
  reviewOverdue?: boolean;
}

/**
 * 已超期 / 已督办 / 待审核 (审核超期 past the review limit): words on a tinted ground, never colour
 * alone. Nothing when none apply.
 */
export function TicketMarkers({ overdue, escalated, moderation, reviewOverdue }: TicketMarkersProps) {
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
        <Text
          className={`ticket-marker ticket-marker--${reviewOverdue ? 'danger' : 'neutral'}`}
          data-testid="ticket-held"
          data-overdue={reviewOverdue ? 'true' : 'false'}
        >
          {reviewOverdue ? '审核超期' : '待审核'}
        </Text>
      ) : null}
    </View>
  );
}
