/**
 * A rate and its 95 % interval on a 0–100 % track: the band from the lower to the upper bound, a
 * mark at the rate itself, and the same in words beside it (a reader who cannot see the bar loses
 * nothing). Plain Views: no chart library.
 */
import { Text, View } from '@tarojs/components';
import type { WilsonInterval } from '@jinri/shared';

import { barGeometry, intervalText, pct } from './format';

interface IntervalBarProps {
  value: number | null;
  interval: WilsonInterval | null;
  /** What the bar measures, for the screen reader ("综合得分", "提交率"). */
  label: string;
  testId?: string;
  /** Hide the words (a caller that prints them itself). */
  bare?: boolean;
}

export function IntervalBar({
  value,
  interval,
  label,
  testId = 'interval-bar',
  bare = false,
}: IntervalBarProps) {
  const g = barGeometry(interval, value);
  const words = interval ? `${pct(value)}，95% 区间 ${intervalText(interval)}` : '无数据';
  return (
    <View className="rk-bar" data-testid={testId}>
      <View
        className="rk-bar__track"
        aria-label={`${label} ${words}`}
        data-low={interval ? String(interval.low) : ''}
        data-high={interval ? String(interval.high) : ''}
      >
        {g ? (
          <View
            className="rk-bar__band"
            data-testid="interval-band"
            style={{ left: `${g.left}%`, width: `${g.width}%` }}
          />
        ) : null}
        {g && g.mark !== null ? (
          <View className="rk-bar__mark" data-testid="interval-mark" style={{ left: `${g.mark}%` }} />
        ) : null}
      </View>
      {bare ? null : (
        <Text className="rk-bar__text" data-testid="interval-text">
          {interval ? `区间 ${intervalText(interval)}` : '无数据'}
        </Text>
      )}
    </View>
  );
}
