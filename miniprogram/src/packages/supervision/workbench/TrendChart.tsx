/**
 * 近 8 周趋势: one row of weekly bars per unit for the rate chosen above (报送率, 按时率, 笼统重复),
 * drawn with plain Views (no chart library: the package budget). Each row ends with the latest
 * week's value; a week with nothing to count shows an empty slot and "—".
 */
import { Text, View } from '@tarojs/components';
import type { SupervisionTrend } from '@jinri/shared';
import { useState } from 'react';

import { Segmented } from '@/components/Segmented';
import { barHeight, barTone, latest, percent, TREND_METRICS, type TrendMetric, weekLabel } from './trend';

export function TrendChart({ trend }: { trend: SupervisionTrend }) {
  const [metric, setMetric] = useState<TrendMetric>('submission');
  const about = TREND_METRICS.find((m) => m.value === metric)!;
  const first = trend.weeks[0];
  const last = trend.weeks[trend.weeks.length - 1];
  return (
    <View data-testid="trend" data-metric={metric}>
      <Segmented
        options={TREND_METRICS.map(({ value, label }) => ({ value, label }))}
        value={metric}
        onChange={setMetric}
        testId="trend-metric"
        label="选择指标"
      />
      <Text className="st-hint">{about.hint}</Text>
      {trend.units.length === 0 ? (
        <Text className="st-hint" data-testid="trend-empty">
          辖区内还没有单位。
        </Text>
      ) : null}
      {trend.units.map((row) => {
        const now = latest(row.points, metric);
        return (
          <View key={row.unit.id} className="sv-trend__row" data-testid="trend-row" data-unit={row.unit.id}>
            <View className="sv-trend__head">
              <Text className="sv-trend__unit">{row.unit.name}</Text>
              <Text className={`sv-trend__value sv-tone--${barTone(metric, now)}`} data-testid="trend-latest">
                {percent(now)}
              </Text>
            </View>
            <View className="sv-trend__plot" aria-label={`${row.unit.name}${about.label}`}>
              {row.points.map((p) => {
                const value = p[metric];
                return (
                  <View
                    key={p.weekStart}
                    className="sv-trend__slot"
                    aria-label={`${weekLabel(p.weekStart)}起一周 ${percent(value)}`}
                  >
                    <View
                      className={`sv-trend__bar sv-bar--${barTone(metric, value)}`}
                      style={{ height: `${barHeight(value)}%` }}
                      data-testid="trend-bar"
                      data-value={value === null ? '' : String(value)}
                    />
                  </View>
                );
              })}
            </View>
          </View>
        );
      })}
      {first && last ? (
        <View className="sv-trend__axis">
          <Text>{weekLabel(first)}</Text>
          <Text>{weekLabel(last)}起一周</Text>
        </View>
      ) : null}
    </View>
  );
}
