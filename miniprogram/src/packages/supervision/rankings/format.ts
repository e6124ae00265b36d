/**
 * How a ranking reads: percentages, intervals ("95% 区间 65%–79%"), the composite weights as one
 * sentence, ties (并列), and where an interval sits on a 0–100 % bar. Pure, shared with the flags
 * and trend pages.
 */
import {
  RATE_KEYS,
  RATE_LABELS,
  type RankingItem,
  type RankingWeights,
  type WilsonInterval,
} from '@jinri/shared';

/** "85%", "85.5%" is not needed on a phone: whole percents; "—" when there is nothing to measure. */
export function pct(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${Math.round(value * 100)}%`;
}

/** "65%–79%", or "—". */
export function intervalText(interval: WilsonInterval | null | undefined): string {
  return interval ? `${pct(interval.low)}–${pct(interval.high)}` : '—';
}

/** "综合得分权重：提交率 30% · 按时率 20% …" — each weight as its share of the sum; zero weights left out. */
export function weightsText(weights: RankingWeights): string {
  const sum = RATE_KEYS.reduce((n, k) => n + Math.max(0, weights[k] ?? 0), 0);
  if (sum <= 0) return '综合得分权重：未设置';
  const parts = RATE_KEYS.filter((k) => (weights[k] ?? 0) > 0).map(
    (k) => `${RATE_LABELS[k]} ${Math.round(((weights[k] ?? 0) / sum) * 100)}%`,
  );
  return `综合得分权重：${parts.join(' · ')}`;
}

/** The name of a row: the unit's, or the official's. */
export function itemName(item: RankingItem): string {
  return item.unit?.name ?? item.official?.name ?? '';
}

/** A stable key of a row. */
export function itemKey(item: RankingItem): string {
  return item.unit ? `u${item.unit.id}` : `o${item.official?.id ?? itemName(item)}`;
}

/** The ranks held by more than one row (shown as 并列). */
export function tiedRanks(items: readonly RankingItem[]): Set<number> {
  const seen = new Map<number, number>();
  for (const i of items) if (i.rank !== null) seen.set(i.rank, (seen.get(i.rank) ?? 0) + 1);
  return new Set([...seen].filter(([, n]) => n > 1).map(([rank]) => rank));
}

/** Ranked rows and the 样本不足 ones apart (the server lists the ranked first; we do not rely on it). */
export function splitRanked(items: readonly RankingItem[]): {
  ranked: RankingItem[];
  insufficient: RankingItem[];
} {
  const ranked = items
    .filter((i) => !i.insufficient && i.rank !== null)
    .sort((a, b) => a.rank! - b.rank! || itemName(a).localeCompare(itemName(b), 'zh-CN'));
  const insufficient = items.filter((i) => i.insufficient || i.rank === null);
  return { ranked, insufficient };
}

/** Where an interval and its value sit on a 0–100 % track (percent of the track's width). */
export function barGeometry(
  interval: WilsonInterval | null | undefined,
  value: number | null | undefined,
): { left: number; width: number; mark: number | null } | null {
  if (!interval) return null;
  const clamp = (n: number) => Math.min(100, Math.max(0, n * 100));
  const left = clamp(Math.min(interval.low, interval.high));
  const right = clamp(Math.max(interval.low, interval.high));
  return {
    left: round1(left),
    // A sliver when the interval is a point, so it still shows.
    width: round1(Math.max(1, right - left)),
    mark: value === null || value === undefined ? null : round1(clamp(value)),
  };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
