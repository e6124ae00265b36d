/**
 * The trend chart's geometry: where a period's interval band and its value sit in a column whose
 * top is 100 % and bottom 0 % (percent of the column's height), and how a period is labelled on
 * the axis. Pure.
 */
import type { FlagPeriod, LocalDate, WilsonInterval } from '@jinri/shared';

export interface BandPoint {
  value: number | null;
  interval: WilsonInterval | null;
}

const clamp = (n: number) => Math.min(1, Math.max(0, n));
const round1 = (n: number) => Math.round(n * 1000) / 10;

/** top/height of the band and the dot's top, in % of the column; null when nothing was measured. */
export function bandGeometry(p: BandPoint): { top: number; height: number; dot: number | null } | null {
  if (!p.interval) return null;
  const high = clamp(Math.max(p.interval.low, p.interval.high));
  const low = clamp(Math.min(p.interval.low, p.interval.high));
  return {
    top: round1(1 - high),
    // A sliver when the interval is a point, so the column still shows it.
    height: Math.max(1, round1(high - low)),
    dot: p.value === null ? null : round1(1 - clamp(p.value)),
  };
}

/** "11/30" (a week's Monday), "11月" (a month), "Q4" (a quarter). */
export function axisLabel(period: FlagPeriod, from: LocalDate): string {
  const [, m, d] = from.split('-').map(Number);
  if (period === 'month') return `${m}月`;
  if (period === 'quarter') return `Q${Math.floor((m! - 1) / 3) + 1}`;
  return `${m}/${d}`;
}

/** The latest point with a value, or null. */
export function latestPoint<T extends BandPoint>(points: readonly T[]): T | null {
  for (let i = points.length - 1; i >= 0; i -= 1) if (points[i]!.value !== null) return points[i]!;
  return null;
}
