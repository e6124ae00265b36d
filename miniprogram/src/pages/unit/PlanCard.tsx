import { Text, View } from '@tarojs/components';
import type { PlanEntryView, TodayPlan } from '@jinri/shared';
import { memo } from 'react';

import { StatusChip } from '@/components/StatusChip';
import { parseClock } from '@/utils/date';
import { entryTimeLabel, findCurrentEntry, sortEntries } from '@/utils/plan';

interface PlanCardProps {
  plan: TodayPlan;
  /** Minutes since local midnight (marks 正在 / 接下来); null: not today or nothing to mark. */
  nowMinutes: number | null;
  onOpen: (officialId: number) => void;
}

const PERIOD_START: Record<string, number> = { am: 8 * 60, pm: 14 * 60, allday: 8 * 60 };

function startOf(entry: PlanEntryView): number | null {
  return parseClock(entry.startTime) ?? (entry.period ? (PERIOD_START[entry.period] ?? null) : null);
}

function describe(entry: PlanEntryView): string {
  return [entryTimeLabel(entry), entry.place ? `在${entry.place}` : '', entry.what].filter(Boolean).join(' ');
}

/**
 * What to say under the name of a published plan: 正在… / 接下来… / the day's first entry. (请假
 * and 未公示 are said by the chip.)
 */
function summary(plan: TodayPlan, nowMinutes: number | null): { label: string; text: string } | null {
  if (plan.status !== 'published') return null;
  const entries = sortEntries(plan.entries);
  if (entries.length === 0) return { label: '', text: '已公示，暂无具体安排' };
  if (nowMinutes !== null) {
    const current = findCurrentEntry(entries, nowMinutes);
    if (current) return { label: '正在', text: describe(current) };
    const next = entries.find((e) => (startOf(e) ?? -1) > nowMinutes);
    if (next) return { label: '接下来', text: describe(next) };
    return { label: '今天', text: `共 ${entries.length} 项安排，已结束` };
  }
  return { label: '今天', text: describe(entries[0]) };
}

/** One official in a unit's day, compact: who, a status chip, and what they are doing now. */
export const PlanCard = memo(function PlanCard({ plan, nowMinutes, onOpen }: PlanCardProps) {
  const { official, status } = plan;
  const line = summary(plan, nowMinutes);
  return (
    <View
      className={`unit-plan unit-plan--${status}`}
      role="button"
      data-testid="unit-plan"
      data-official-id={String(official.id)}
      data-status={status}
      hoverClass="unit-plan--pressed"
      onClick={() => onOpen(official.id)}
    >
      <View className="unit-plan__head">
        <View className="unit-plan__who">
          <Text className="unit-plan__name">{official.name}</Text>
          <Text className="unit-plan__post">{official.post}</Text>
        </View>
        <StatusChip status={status} />
        <Text className="unit-plan__chevron">›</Text>
      </View>
      {line ? (
        <Text className="unit-plan__line" data-testid="unit-plan-line">
          {line.label ? <Text className="unit-plan__label">{line.label}：</Text> : null}
          {line.text}
        </Text>
      ) : null}
    </View>
  );
});
