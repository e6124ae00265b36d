/** A ticket's history, newest first: what happened, who did it (never a resident's name), when. */
import { Text, View } from '@tarojs/components';
import type { TicketEventView } from '@jinri/shared';

import { formatStamp } from '@/utils/date';
import { ticketEventLabel, ticketStateLabelFor, type TicketReader } from '@/utils/tickets';

type EventLike = Omit<TicketEventView, 'note'> & { note?: string | null };

interface EventListProps {
  events: readonly EventLike[];
  /** Whose words the states are in (a resident's history never says 待您评价: that is the chip's). */
  reader?: TicketReader;
}

export function EventList({ events, reader = 'staff' }: EventListProps) {
  const stateLabel = (state: string) => ticketStateLabelFor(state, reader === 'staff' ? 'staff' : 'resident');
  const sorted = [...events].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id - a.id));
  return (
    <View className="tk-events" data-testid="ticket-events">
      {sorted.map((event, index) => (
        <View
          key={event.id}
          className={`tk-event ${index === 0 ? 'tk-event--first' : ''}`}
          data-testid="ticket-event"
          data-type={event.type}
        >
          <View className="tk-event__dot" />
          <View className="tk-event__head">
            <Text className="tk-event__label">{ticketEventLabel(event.type)}</Text>
            <Text className="tk-event__time">
              {formatStamp(event.at)} · {event.actor}
            </Text>
          </View>
          {event.to && event.to !== event.from && stateLabel(event.to) !== ticketEventLabel(event.type) ? (
            <Text className="tk-meta">状态：{stateLabel(event.to)}</Text>
          ) : null}
          {event.note ? <Text className="tk-event__note">{event.note}</Text> : null}
        </View>
      ))}
    </View>
  );
}
