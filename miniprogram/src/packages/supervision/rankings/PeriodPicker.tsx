/**
 * The period of a ranking or an award: 周 / 月 / 季度 (/ 自定义) and, for the first three, ‹ › to step
 * back and forth (never past what can be shown: a period not begun yet, or for flags one not over);
 * 自定义 picks the first and last day. The rankings and flags pages share it.
 */
import { Picker, Text, View } from '@tarojs/components';
import type { LocalDate, RankingPeriod } from '@jinri/shared';

import { Segmented } from '@/components/Segmented';
import { formatDay } from '@/utils/date';
import { daysBetween } from '@/utils/date';
import { isOver, PERIOD_OPTIONS, periodLabel, shiftPeriod, switchKind, type PeriodRange } from './period';

interface PeriodPickerProps {
  value: PeriodRange;
  onChange: (range: PeriodRange) => void;
  today: LocalDate;
  /** The kinds offered (flags: no 自定义). */
  kinds?: readonly RankingPeriod[];
  /** Only periods that are over (flags are awarded after the period ends). */
  completedOnly?: boolean;
}

export function PeriodPicker({
  value,
  onChange,
  today,
  kinds = ['week', 'month', 'quarter', 'custom'],
  completedOnly = false,
}: PeriodPickerProps) {
  const options = PERIOD_OPTIONS.filter((o) => kinds.includes(o.value));
  const next = value.kind === 'custom' ? null : shiftPeriod(value, 1);
  const nextAllowed =
    next !== null && (completedOnly ? isOver(next, today) : daysBetween(next.from, today) >= 0);
  const step = (steps: number) => onChange(shiftPeriod(value, steps));

  return (
    <View data-testid="period-picker" data-kind={value.kind} data-from={value.from} data-to={value.to}>
      <Segmented
        options={options}
        value={value.kind}
        onChange={(kind) => onChange(switchKind(value, kind, today))}
        testId="period-kind"
        label="统计期间"
      />
      {value.kind === 'custom' ? (
        <View className="rk-period__custom">
          <DateField
            label="从"
            value={value.from}
            end={today}
            testId="period-from"
            onChange={(from) => onChange({ ...value, from })}
          />
          <DateField
            label="到"
            value={value.to}
            testId="period-to"
            onChange={(to) => onChange({ ...value, to })}
          />
        </View>
      ) : (
        <View className="rk-period__step">
          <View
            className="rk-period__arrow"
            role="button"
            aria-label="上一期"
            data-testid="period-prev"
            onClick={() => step(-1)}
          >
            <Text>‹</Text>
          </View>
          <Text className="rk-period__label" data-testid="period-label">
            {periodLabel(value, today)}
          </Text>
          <View
            className={`rk-period__arrow ${nextAllowed ? '' : 'rk-period__arrow--off'}`}
            role="button"
            aria-label="下一期"
            aria-disabled={!nextAllowed}
            data-testid="period-next"
            onClick={() => nextAllowed && step(1)}
          >
            <Text>›</Text>
          </View>
        </View>
      )}
    </View>
  );
}

function DateField({
  label,
  value,
  end,
  testId,
  onChange,
}: {
  label: string;
  value: LocalDate;
  end?: LocalDate;
  testId: string;
  onChange: (date: LocalDate) => void;
}) {
  return (
    <Picker mode="date" value={value} end={end} onChange={(e) => onChange(String(e.detail.value))}>
      <View className="st-field rk-period__date" data-testid={testId}>
        <Text className="st-field__caption">{label}</Text>
        <Text className="st-field__value">{formatDay(value)}</Text>
      </View>
    </Picker>
  );
}
