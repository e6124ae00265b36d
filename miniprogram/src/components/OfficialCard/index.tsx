import { Text, View } from '@tarojs/components';
import type { LocalDate, TodayPlan } from '@jinri/shared';
import { memo } from 'react';

import { Chip } from '../Chip';
import { PlanEntryList } from '../PlanEntryList';
import { StatusChip } from '../StatusChip';
import './index.css';

interface OfficialCardProps {
  plan: TodayPlan;
  /** The plan's date. */
  date: LocalDate;
  /** How the day is named in sentences: 今日 / 明日 / 昨日 / 当日. */
  dayWord: string;
  /** Minutes since local midnight when `date` is today (marks 正在进行); null otherwise. */
  nowMinutes: number | null;
  /** Tap anywhere on the card (e.g. open the official's profile). */
  onOpen?: (officialId: number) => void;
}

/** One official and their day: who, a status chip, and the entries (or why there are none). */
export const OfficialCard = memo(function OfficialCard({
  plan,
  date,
  dayWord,
  nowMinutes,
  onOpen,
}: OfficialCardProps) {
  const { official, status, entries } = plan;
  return (
    <View
      className={`tile official-card official-card--${status}`}
      data-testid="official-card"
      data-official-id={String(official.id)}
      data-status={status}
      role={onOpen ? 'button' : undefined}
      hoverClass={onOpen ? 'official-card--pressed' : 'none'}
      onClick={onOpen ? () => onOpen(official.id) : undefined}
    >
      <View className="official-card__head">
        <View className="official-card__who">
          <Text className="official-card__name">{official.name}</Text>
          <Text className="official-card__post">
            {official.post}
            {official.unit.name ? <Text className="official-card__unit"> · {official.unit.name}</Text> : null}
          </Text>
        </View>
        {plan.drawn ? (
          <Chip tone="warning" testId="drawn-badge">
            抽中
          </Chip>
        ) : null}
        <StatusChip status={status} />
        {onOpen ? <Text className="official-card__chevron">›</Text> : null}
      </View>

      {status === 'published' && entries.length > 0 ? (
        <View className="official-card__body">
          <PlanEntryList entries={entries} nowMinutes={nowMinutes} planDate={date} />
        </View>
      ) : null}
      {status === 'published' && entries.length === 0 ? (
        <Text className="official-card__note">{dayWord}日程已公示，暂无具体安排</Text>
      ) : null}
      {status === 'on_leave' ? (
        <Text className="official-card__note official-card__note--leave">{dayWord}请假</Text>
      ) : null}
      {status === 'not_published' ? <Text className="official-card__note">{dayWord}日程未公示</Text> : null}
      {status === 'rest_day' ? <Text className="official-card__note">{dayWord}休息</Text> : null}
    </View>
  );
});
