/** The trend chart's arithmetic: which rate a bar shows, how tall, in what colour, and its label. */
import type { SupervisionTrend } from '@jinri/shared';

export type TrendMetric = 'submission' | 'onTime' | 'vagueOrRepeated';

export const TREND_METRICS: ReadonlyArray<{ value: TrendMetric; label: string; hint: string }> = [
  { value: 'submission', label: '报送率', hint: '已报送的计划 ÷ 应报的工作日（请假不计）' },
  { value: 'onTime', label: '按时率', hint: '截止前报送的计划 ÷ 报送的计划' },
  { value: 'vagueOrRepeated', label: '笼统重复', hint: '内容笼统或重复的天数 ÷ 公示的计划（越低越好）' },
];

/** "85%", or "—" when the week had nothing to count. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

/** The bar's height in % of the plot (a sliver for 0 so the week still shows). */
export function barHeight(rate: number | null): number {
  if (rate === null) return 0;
  return Math.max(2, Math.round(Math.min(1, Math.max(0, rate)) * 100));
}

export type BarTone = 'good' | 'fair' | 'poor' | 'none';

/** Green when the rate is good, amber when middling, red when poor (vague/repeated: lower is better). */
export function barTone(metric: TrendMetric, rate: number | null): BarTone {
  if (rate === null) return 'none';
  const goodness = metric === 'vagueOrRepeated' ? 1 - rate : rate;
  if (goodness >= 0.9) return 'good';
  if (goodness >= 0.7) return 'fair';
  return 'poor';
}

/** "11/30": a week's Monday, short, under its bar. */
export function weekLabel(weekStart: string): string {
  const [, m, d] = weekStart.split('-');
  return `${Number(m)}/${Number(d)}`;
}

/** The latest week with a value (what the row's number says), or null. */
export function latest(
  points: SupervisionTrend['units'][number]['points'],
  metric: TrendMetric,
): number | null {
  for (let i = points.length - 1; i >= 0; i -= 1) {
    const value = points[i]![metric];
    if (value !== null) return value;
  }
  return null;
}
