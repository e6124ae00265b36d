import { Text, View } from '@tarojs/components';

import './index.css';

export interface SegmentedOption<T extends string> {
  value: T;
  label: string;
}

interface SegmentedProps<T extends string> {
  options: ReadonlyArray<SegmentedOption<T>>;
  value: T;
  onChange: (value: T) => void;
  /** data-testid of the group; each option is `${testId}-option` with data-value and data-selected. */
  testId?: string;
  /** Read out by screen readers, e.g. "选择日期". */
  label?: string;
}

/** A row of equal, big buttons of which one is chosen (昨天 / 今天 / 明天, 本周 / 本月 …). */
export function Segmented<T extends string>({ options, value, onChange, testId, label }: SegmentedProps<T>) {
  return (
    <View className="segmented" role="radiogroup" aria-label={label} data-testid={testId}>
      {options.map((option) => {
        const selected = option.value === value;
        return (
          <View
            key={option.value}
            className={`segmented__option ${selected ? 'segmented__option--selected' : ''}`}
            role="radio"
            aria-checked={selected}
            data-testid={testId ? `${testId}-option` : undefined}
            data-value={option.value}
            data-selected={selected ? 'true' : 'false'}
            onClick={() => {
              if (!selected) onChange(option.value);
            }}
          >
            <Text>{option.label}</Text>
          </View>
        );
      })}
    </View>
  );
}
