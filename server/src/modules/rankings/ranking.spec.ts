import type { RankingItem, RankingWeights } from '@jinri/shared';
import {
  composite,
  DEFAULT_FLAG_COUNT,
  DEFAULT_WEIGHTS,
  emptyCounts,
  isPeriodStart,
  lastPeriods,
  periodContaining,
  proposeFlags,
  rankItems,
  type RateCounts,
  toRates,
} from './ranking';

const ONLY_SUBMISSION: RankingWeights = {
  submission: 1,
  onTime: 0,
  quality: 0,
  weeklyOnTime: 0,
  response: 0,
  resolution: 0,
  satisfaction: 0,
};

/** A unit whose rates are given as [successes, total] pairs (the others unmeasured). */
function unit(
  id: number,
  rates: Partial<Record<keyof RateCounts, [number, number]>>,
  weights: RankingWeights = ONLY_SUBMISSION,
  sample?: number,
): RankingItem {
  const counts = emptyCounts();
  for (const [key, [successes, total]] of Object.entries(rates))
    counts[key as keyof RateCounts] = { successes, total };
  const list = toRates(counts);
  const { score, interval } = composite(list, weights);
  return {
    unit: { id, name: `单位${id}` },
    rates: list,
    counts: { overdueTickets: 0, confirmedFindings: 0 },
    score,
    interval,
    scoreInterval: interval,
    sample: sample ?? counts.submission.total,
    rank: null,
    insufficient: false,
  };
}

const byName = (item: RankingItem) => item.unit!.name;
const ranks = (items: RankingItem[]) => items.map((i) => [i.unit!.id, i.rank]);

describe('rankItems', () => {
  it('lists a unit below the minimum sample as 样本不足, unranked, after the ranked ones', () => {
    const sut = rankItems([unit(1, { submission: [9, 9] }), unit(2, { submission: [40, 50] })], 10, byName);
    expect(ranks(sut)).toEqual([
      [2, 1],
      [1, null],
    ]);
    expect(sut[1]!.insufficient).toBe(true);
    expect(sut[0]!.insufficient).toBe(false);
  });

  it('does not let a rate from 3 items beat one from 300', () => {
    const few = unit(1, { submission: [3, 3] });
    const many = unit(2, { submission: [285, 300] });
    const sut = rankItems([few, many], 3, byName);
    expect(few.score).toBeGreaterThan(many.score!);
    expect(ranks(sut)).toEqual([
      [2, 1],
      [1, 2],
    ]);
  });

  it('orders by the interval lower bound, not by the raw share', () => {
    // 19/20 = 95 % (low 0.76) against 88/100 = 88 % (low 0.80).
    const sut = rankItems(
      [unit(1, { submission: [19, 20] }), unit(2, { submission: [88, 100] })],
      10,
      byName,
    );
    expect(sut.map((i) => i.unit!.id)).toEqual([2, 1]);
    expect(sut[1]!.score).toBeGreaterThan(sut[0]!.score!);
  });

  it('gives tied units one rank and skips the next (1, 1, 3)', () => {
    const sut = rankItems(
      [
        unit(1, { submission: [18, 20] }),
        unit(2, { submission: [20, 20] }),
        unit(3, { submission: [18, 20] }),
      ],
      10,
      byName,
    );
    expect(ranks(sut)).toEqual([
      [2, 1],
      [1, 2],
      [3, 2],
    ]);
    const tiedFirst = rankItems(
      [
        unit(1, { submission: [20, 20] }),
        unit(2, { submission: [20, 20] }),
        unit(3, { submission: [10, 20] }),
      ],
      10,
      byName,
    );
    expect(ranks(tiedFirst)).toEqual([
      [1, 1],
      [2, 1],
      [3, 3],
    ]);
  });

  it('changes the composite order when the weights change', () => {
    const punctual: Partial<Record<keyof RateCounts, [number, number]>> = {
      submission: [30, 40],
      onTime: [40, 40],
    };
    const diligent: Partial<Record<keyof RateCounts, [number, number]>> = {
      submission: [40, 40],
      onTime: [25, 40],
    };
    const bySubmission = { ...ONLY_SUBMISSION, submission: 3, onTime: 1 };
    const byPunctuality = { ...ONLY_SUBMISSION, submission: 1, onTime: 3 };
    const first = (weights: RankingWeights) =>
      rankItems([unit(1, { ...punctual }, weights), unit(2, { ...diligent }, weights)], 10, byName)[0]!.unit!
        .id;
    expect(first(bySubmission)).toBe(2);
    expect(first(byPunctuality)).toBe(1);
  });
});

describe('composite', () => {
  it('leaves out unmeasured rates and renormalises the weights', () => {
    const rates = toRates({ ...emptyCounts(), submission: { successes: 10, total: 10 } });
    const sut = composite(rates, DEFAULT_WEIGHTS);
    expect(sut.score).toBe(1);
    expect(sut.interval).toEqual(rates[0]!.interval);
  });

  it('answers null when nothing weighted was measured', () => {
    expect(composite(toRates(emptyCounts()), DEFAULT_WEIGHTS)).toEqual({ score: null, interval: null });
  });
});

describe('proposeFlags', () => {
  it('proposes the top N red and the bottom N yellow, never a 样本不足 unit, never one unit twice', () => {
    const items = rankItems(
      [1, 2, 3, 4, 5].map((id) => unit(id, { submission: [10 + id * 5, 40] })),
      10,
      byName,
    );
    items.push(...rankItems([unit(9, { submission: [1, 1] })], 10, byName));
    const sut = proposeFlags(items, 2);
    expect(sut.red.map((f) => f.unit.id)).toEqual([5, 4]);
    expect(sut.yellow.map((f) => f.unit.id)).toEqual([1, 2]);
    const three = proposeFlags(items.slice(0, 3), 2);
    expect(three.red.map((f) => f.unit.id)).toEqual([5, 4]);
    expect(three.yellow.map((f) => f.unit.id)).toEqual([3]);
  });
});

describe('the default number of flags', () => {
  it('is one 红旗 and one 黄旗 per level and period, as domain.md says', () => {
    const items = rankItems(
      [1, 2, 3, 4].map((id) => unit(id, { submission: [10 + id * 5, 40] })),
      10,
      byName,
    );
    const sut = proposeFlags(items, DEFAULT_FLAG_COUNT);
    expect(DEFAULT_FLAG_COUNT).toBe(1);
    expect([sut.red.map((f) => f.unit.id), sut.yellow.map((f) => f.unit.id)]).toEqual([[4], [1]]);
  });
});

describe('periods', () => {
  it('finds the week, month and quarter containing a date', () => {
    expect(periodContaining('week', '2026-12-09')).toEqual({ from: '2026-12-07', to: '2026-12-13' });
    expect(periodContaining('month', '2026-02-14')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodContaining('quarter', '2026-11-30')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodContaining('month', '2026-12-31')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('knows a period start and lists the last periods oldest first', () => {
    expect(isPeriodStart('week', '2026-12-07')).toBe(true);
    expect(isPeriodStart('quarter', '2026-11-01')).toBe(false);
    const sut = lastPeriods('month', '2026-03-15', 12);
    expect(sut).toHaveLength(12);
    expect(sut[0]).toEqual({ from: '2025-04-01', to: '2025-04-30' });
    expect(sut[11]).toEqual({ from: '2026-03-01', to: '2026-03-31' });
  });
});
