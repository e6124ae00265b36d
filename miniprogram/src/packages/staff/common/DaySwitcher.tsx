/** 明天 / 今天 / 其他日期: the day a staff page edits (plan, batch). */
import { Picker, Text, View } from '@tarojs/components';

import type { ApiError } from '@/api/request';
import { ErrorCard, LoadingCard } from '@/components/StateCard';
import { addDays, localToday, formatDay, relativeDayLabel } from '@/utils/date';

/** The server accepts plans from 7 days back to 30 days ahead. */
export const PLAN_PAST_DAYS = 7;
export const PLAN_FUTURE_DAYS = 30;

interface DaySwitcherProps {
  date: string;
  onChange: (date: string) => void;
  /** Days before today that may be chosen. */
  pastDays: number;
  /** Days after today that may be chosen. */
  futureDays: number;
  disabled?: boolean;
}

/** 明天 / 今天 / 其他日期 (a date picker), with the chosen day spelled out. */
export function DaySwitcher({ date, onChange, pastDays, futureDays, disabled }: DaySwitcherProps) {
  const today = localToday();
  const tomorrow = addDays(today, 1);
  const other = date !== today && date !== tomorrow;
  const option = (value: string, label: string) => (
    <View
      className={`st-seg__item ${date === value ? 'st-seg__item--on' : ''}`}
      role="button"
      aria-pressed={date === value}
      data-testid="day-option"
      data-date={value}
      onClick={() => {
        if (!disabled && value !== date) onChange(value);
      }}
    >
      <Text>{label}</Text>
    </View>
  );
  return (
    <View className="st-day" data-testid="day-switcher" data-date={date}>
      <View className="st-seg">
        {option(tomorrow, '明天')}
        {option(today, '今天')}
        <Picker
          mode="date"
          value={date}
          start={addDays(today, -pastDays)}
          end={addDays(today, futureDays)}
          disabled={disabled || undefined}
          onChange={(e) => onChange(String(e.detail.value))}
          className="st-seg__picker"
        >
          <View
            className={`st-seg__item ${other ? 'st-seg__item--on' : ''}`}
            role="button"
            data-testid="day-other"
          >
            <Text>其他日期</Text>
          </View>
        </Picker>
      </View>
      <Text className="st-day__label" data-testid="day-label">
        {relativeDayLabel(date, today) === formatDay(date)
          ? formatDay(date)
          : `${relativeDayLabel(date, today)} · ${formatDay(date)}`}
      </Text>
    </View>
  );
}

interface DayLoadingProps {
  date: string;
  onChange: (date: string) => void;
  error: ApiError | null;
  onRetry: () => void;
  errorTitle: string;
  loadingText: string;
}

/** The day switcher over "loading…" or the failed load of the chosen day's plans. */
export function DayLoading({ date, onChange, error, onRetry, errorTitle, loadingText }: DayLoadingProps) {
  return (
    <>
      <DaySwitcher date={date} onChange={onChange} pastDays={PLAN_PAST_DAYS} futureDays={PLAN_FUTURE_DAYS} />
      {error ? (
        <ErrorCard error={error} onRetry={onRetry} title={errorTitle} />
      ) : (
        <LoadingCard text={loadingText} />
      )}
    </>
  );
}
