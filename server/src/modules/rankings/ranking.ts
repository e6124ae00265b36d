import {
  DEFAULT_FLAG_COUNT,
  DEFAULT_RANKING_MIN_SAMPLE,
  DEFAULT_RANKING_WEIGHTS,
  type FlagColor,
  type ProposedFlag,
  RATE_KEYS,
  type Rate,
  type RateKey,
  type RankingItem,
  type RankingPeriod,
  type RankingWeights,
  type WilsonInterval,
} from '@jinri/shared';
import { addDays, weekStart } from '../../common/time/local-time';
import { wilson } from './wilson';

/** The defaults until a county's admin sets its own (shared with the mini-program's settings page). */
export const DEFAULT_WEIGHTS: RankingWeights = { ...DEFAULT_RANKING_WEIGHTS };
export const DEFAULT_MIN_SAMPLE = DEFAULT_RANKING_MIN_SAMPLE;
export { DEFAULT_FLAG_COUNT };
/** Lower bounds equal to this many decimals are a tie (they share a rank). */
const TIE_DECIMALS = 4;

/** Successes and totals per rate, as the grouped queries count them for one unit or official. */
export type RateCounts = Record<RateKey, { successes: number; total: number }>;

export function emptyCounts(): RateCounts {
  return Object.fromEntries(RATE_KEYS.map((k) => [k, { successes: 0, total: 0 }])) as RateCounts;
}

export function toRates(counts: RateCounts): Rate[] {
  return RATE_KEYS.map((key) => {
    const { total } = counts[key];
    const successes = Math.min(Math.max(counts[key].successes, 0), total);
    return {
      key,
      successes,
      total,
      value: total > 0 ? round(successes / total) : null,
      interval: roundInterval(wilson(successes, total)),
    };
  });
}

/**
 * THE composite score (documented in docs/architecture.md, "Rankings"): over the rates with a
 * positive weight and something measured (total > 0),
 *
 *   score    = Σ wₖ·pₖ / Σ wₖ
 *   interval = [ Σ wₖ·lowₖ / Σ wₖ ,  Σ wₖ·highₖ / Σ wₖ ]
 *
 * where pₖ is the raw share and [lowₖ, highₖ] its 95 % Wilson interval. A rate with nothing to
 * measure (no ticket in the period) is left out and the remaining weights renormalised, so a
 * department nobody wrote to is neither rewarded nor punished for it. The composite's lower bound is
 * what ranks: it is high only when the rates are high AND rest on many items.
 */
export function composite(
  rates: Rate[],
  weights: RankingWeights,
): { score: number | null; interval: WilsonInterval | null } {
  let weight = 0;
  let score = 0;
  let low = 0;
  let high = 0;
  for (const rate of rates) {
    const w = weights[rate.key] ?? 0;
    if (w <= 0 || rate.value === null || rate.interval === null) continue;
    weight += w;
    score += w * rate.value;
    low += w * rate.interval.low;
    high += w * rate.interval.high;
  }
  if (weight === 0) return { score: null, interval: null };
  return { score: round(score / weight), interval: { low: round(low / weight), high: round(high / weight) } };
}

/**
 * Ranks in place and returns the items in display order: units with sample >= minSample and a score,
 * by the lower bound of their composite interval (highest first), ties (equal to 4 decimals) sharing
 * a rank with the next rank skipped (1, 1, 3); then the 样本不足 ones, rank null, by `name`.
 */
export function rankItems<T extends RankingItem>(
  items: T[],
  minSample: number,
  name: (item: T) => string,
): T[] {
  for (const item of items) item.insufficient = item.sample < minSample || item.interval === null;
  const ranked = items
    .filter((i) => !i.insufficient)
    .sort(
      (a, b) =>
        b.interval!.low - a.interval!.low ||
        (b.score ?? 0) - (a.score ?? 0) ||
        name(a).localeCompare(name(b), 'zh-Hans-CN'),
    );
  ranked.forEach((item, i) => {
    const before = ranked[i - 1];
    const tied =
      before && before.interval!.low.toFixed(TIE_DECIMALS) === item.interval!.low.toFixed(TIE_DECIMALS);
    item.rank = tied ? before.rank : i + 1;
  });
  const rest = items
    .filter((i) => i.insufficient)
    .sort((a, b) => name(a).localeCompare(name(b), 'zh-Hans-CN'));
  for (const item of rest) item.rank = null;
  return [...ranked, ...rest];
}

/**
 * The proposal: the first N ranked units 红旗, the last N 黄旗 (never one unit in both; with fewer
 * than 2N ranked units the red ones are taken first). Exactly N each: a tie across the boundary is
 * the supervisor's to settle by overriding, with a reason.
 */
export function proposeFlags(
  ranked: RankingItem[],
  flagCount: number,
): { red: ProposedFlag[]; yellow: ProposedFlag[] } {
  const eligible = ranked.filter((i) => i.rank !== null && i.unit);
  const toFlag = (item: RankingItem, color: FlagColor): ProposedFlag => ({
    unit: item.unit!,
    color,
    rank: item.rank!,
    score: item.score,
    interval: item.interval,
  });
  const red = eligible.slice(0, flagCount);
  const taken = new Set(red.map((i) => i.unit!.id));
  const yellow = [...eligible]
    .reverse()
    .filter((i) => !taken.has(i.unit!.id))
    .slice(0, flagCount);
  return { red: red.map((i) => toFlag(i, 'red')), yellow: yellow.map((i) => toFlag(i, 'yellow')) };
}

export type FixedPeriod = Exclude<RankingPeriod, 'custom'>;

/** The week (Monday–Sunday), calendar month or calendar quarter containing `date`. */
export function periodContaining(kind: FixedPeriod, date: string): { from: string; to: string } {
  if (kind === 'week') {
    const from = weekStart(date);
    return { from, to: addDays(from, 6) };
  }
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const first = kind === 'month' ? month : month - ((month - 1) % 3);
  const span = kind === 'month' ? 1 : 3;
  const from = `${year}-${pad(first)}-01`;
  const next =
    first + span > 12 ? `${year + 1}-${pad(first + span - 12)}-01` : `${year}-${pad(first + span)}-01`;
  return { from, to: addDays(next, -1) };
}

/** True when `from` is the first day of a period of this kind. */
export function isPeriodStart(kind: FixedPeriod, from: string): boolean {
  return periodContaining(kind, from).from === from;
}

/** The `count` periods ending with the one containing `today`, oldest first. */
export function lastPeriods(
  kind: FixedPeriod,
  today: string,
  count: number,
): Array<{ from: string; to: string }> {
  const periods = [periodContaining(kind, today)];
  while (periods.length < count) periods.unshift(periodContaining(kind, addDays(periods[0]!.from, -1)));
  return periods;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

function roundInterval(interval: WilsonInterval | null): WilsonInterval | null {
  return interval && { low: round(interval.low), high: round(interval.high) };
}
