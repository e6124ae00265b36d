import { Text, View } from '@tarojs/components';
import type { LocalDate, TimelineDay } from '@jinri/shared';
import { useState } from 'react';

import { formatMonthDay, formatShortWeekday, relativeDayName } from '@/utils/date';
import { entryTimeLabel, sortEntries } from '@/utils/plan';
import { PlanEntryList } from '../PlanEntryList';
import { Chip } from '../Chip';
import { StatusChip } from '../StatusChip';
import './index.css';

interface TimelineProps {
  /** Shown newest first, whatever their order here. */
  days: readonly TimelineDay[];
  /** Today's local date (names 今天 / 明天 and marks 正在进行 on today's row). */
  today: LocalDate;
  /** Minutes since local midnight, for 正在进行 on today's row. */
  nowMinutes: number | null;
  /** 修改记录 on a day whose plan changed after publication; omitted: no link. */
  onShowRevisions?: (date: LocalDate) => void;
}

/**
 * One row per day: date, status, and each entry on one line; tap a row to see the day in full
 * (place, what, 已修改, updates and photos).
 */
export function Timeline({ days, today, nowMinutes, onShowRevisions }: TimelineProps) {
  const [open, setOpen] = useState<ReadonlySet<LocalDate>>(() => new Set());
  const toggle = (date: LocalDate) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(date)) next.delete(date);
      else next.add(date);
      return next;
    });
  const rows = [...days].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));

  return (
    <View className="timeline" data-testid="timeline">
      {rows.map((day) => (
        <TimelineRow
          key={day.date}
          day={day}
          today={today}
          nowMinutes={day.date === today ? nowMinutes : null}
          expanded={open.has(day.date)}
          onToggle={() => toggle(day.date)}
          onShowRevisions={onShowRevisions}
        />
      ))}
    </View>
  );
}

interface TimelineRowProps {
  day: TimelineDay;
  today: LocalDate;
  nowMinutes: number | null;
  expanded: boolean;
  onToggle: () => void;
  onShowRevisions?: (date: LocalDate) => void;
}

function TimelineRow({ day, today, nowMinutes, expanded, onToggle, onShowRevisions }: TimelineRowProps) {
  const relative = relativeDayName(day.date, today);
  const entries = day.plan ? sortEntries(day.plan.entries) : [];
  const visibleEntries = day.status === 'on_leave' ? [] : entries;
  const expandable = visibleEntries.length > 0;
  const revisions = day.plan && day.plan.status === 'published' ? day.plan.revision : 0;

  return (
    <View
      className={`timeline-day ${day.date === today ? 'timeline-day--today' : ''}`}
      data-testid="timeline-day"
      data-date={day.date}
      data-status={day.status}
      data-expanded={expanded ? 'true' : 'false'}
    >
      <View
        className="timeline-day__head"
        role={expandable ? 'button' : undefined}
        aria-expanded={expandable ? expanded : undefined}
        hoverClass={expandable ? 'timeline-day__head--pressed' : 'none'}
        onClick={expandable ? onToggle : undefined}
      >
        <View className="timeline-day__date">
          <Text className="timeline-day__day">{formatMonthDay(day.date)}</Text>
          <Text className="timeline-day__weekday">
            {formatShortWeekday(day.date)}
            {relative ? ` · ${relative}` : ''}
          </Text>
        </View>
        {day.plan?.drawn ? (
          <Chip tone="warning" testId="drawn-badge">
            抽中
          </Chip>
        ) : null}
        <StatusChip
          status={day.status}
          label={day.status === 'rest_day' && day.restDay ? `${day.restDay}休息` : undefined}
        />
        {expandable ? <Text className="timeline-day__toggle">{expanded ? '收起' : '展开'}</Text> : null}
      </View>

      {expandable && !expanded ? (
        <View className="timeline-day__lines" onClick={onToggle}>
          {visibleEntries.map((entry) => (
            <Text key={entry.id} className="timeline-day__line" data-testid="timeline-line">
              <Text className="timeline-day__line-time">{entryTimeLabel(entry) || '·'}</Text>{' '}
              {entry.place ? `${entry.place} · ` : ''}
              {entry.what}
            </Text>
          ))}
        </View>
      ) : null}

      {expandable && expanded ? (
        <View className="timeline-day__full">
          <PlanEntryList entries={visibleEntries} nowMinutes={nowMinutes} planDate={day.date} />
        </View>
      ) : null}

      {revisions > 0 && onShowRevisions ? (
        <View
          className="timeline-day__revisions"
          role="button"
          data-testid="timeline-revisions"
          hoverClass="timeline-day__revisions--pressed"
          onClick={() => onShowRevisions(day.date)}
        >
          <Text>修改记录（改过 {revisions} 次）›</Text>
        </View>
      ) : null}
    </View>
  );
}
