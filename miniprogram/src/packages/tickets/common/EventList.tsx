/** A ticket's history, newest first: what happened, who did it (never a resident's name), when. */
import { Text, View } from '@tarojs/components';
import type { TicketEventView } from '@jinri/shared';

import { formatStamp } from '@/utils/date';
import { ticketEventLabel, ticketStateLabel } from '@/utils/tickets';

type EventLike = Omit<TicketEventView, 'note'> & { note?: string | null };

export function EventList({ events }: { events: readonly EventLike[] }) {
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
          {event.to &&
          event.to !== event.from &&
          ticketStateLabel(event.to) !== ticketEventLabel(event.type) ? (
            <Text className="tk-meta">状态：{ticketStateLabel(event.to)}</Text>
          ) : null}
          {event.note ? <Text className="tk-event__note">{event.note}</Text> : null}
        </View>
      ))}
    </View>
  );
}
