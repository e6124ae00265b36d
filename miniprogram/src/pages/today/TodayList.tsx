import { Text, View } from '@tarojs/components';
import type { LocalDate, TodayPlan } from '@jinri/shared';
import { useMemo } from 'react';

import { OfficialCard } from '@/components/OfficialCard';

interface TodayListProps {
  plans: readonly TodayPlan[];
  date: LocalDate;
  dayWord: string;
  nowMinutes: number | null;
  onOpen: (officialId: number) => void;
}

interface Group {
  unit: { id: number; name: string };
  plans: TodayPlan[];
}

/**
 * The cards, grouped by the officials' own unit (the town first, then each village) in the
 * server's order, with a heading when there is more than one group.
 */
export function TodayList({ plans, date, dayWord, nowMinutes, onOpen }: TodayListProps) {
  const groups = useMemo(() => {
    const byUnit = new Map<number, Group>();
    for (const plan of plans) {
      const unit = plan.official.unit;
      let group = byUnit.get(unit.id);
      if (!group) {
        group = { unit, plans: [] };
        byUnit.set(unit.id, group);
      }
      group.plans.push(plan);
    }
    return [...byUnit.values()];
  }, [plans]);

  return (
    <View className="today-groups">
      {groups.map((group) => (
        <View key={group.unit.id} className="today-group" data-testid="today-group">
          {groups.length > 1 ? (
            <Text className="today-group__title">
              {group.unit.name}
              <Text className="today-group__count">（{group.plans.length} 人）</Text>
            </Text>
          ) : null}
          {group.plans.map((plan) => (
            <OfficialCard
              key={plan.official.id}
              plan={plan}
              date={date}
              dayWord={dayWord}
              // Only published cards show entries: the others need not re-render every minute.
              nowMinutes={plan.status === 'published' ? nowMinutes : null}
              onOpen={onOpen}
            />
          ))}
        </View>
      ))}
    </View>
  );
}
