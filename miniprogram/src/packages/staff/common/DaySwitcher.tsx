/** 明天 / 今天 / 其他日期: the day a staff page edits (plan, batch). */
import { Picker, Text, View } from '@tarojs/components';

import { addDays, localToday, formatDay, relativeDayLabel } from '../../../utils/date';

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
