import {
  candidateKey,
  canonicalOrder,
  commitmentOf,
  drawLottery,
  isoWeekLabel,
  lotteryHash,
  newSeed,
} from './lottery-draw';

const SEED = '3f'.repeat(32);
const KEYS = Array.from({ length: 40 }, (_, i) =>
  candidateKey({
    planId: 100 + i,
    date: `2026-11-${String(16 + (i % 7)).padStart(2, '0')}`,
    officialId: 7 + i,
  }),
);

describe('the lottery draw', () => {
  it('draws the same journals from the same seed and candidates', () => {
    const sut = drawLottery(SEED, KEYS, 5);
    expect(sut).toEqual(drawLottery(SEED, [...KEYS].reverse(), 5));
    expect(sut.map((d) => d.rank)).toEqual([1, 2, 3, 4, 5]);
  });

  it('draws the candidates with the smallest SHA-256(seed:key), smallest first', () => {
    const sut = drawLottery(SEED, KEYS, 5);
    const expected = KEYS.map((k) => ({ key: k, hash: lotteryHash(SEED, k) }))
      .sort((a, b) => (a.hash < b.hash ? -1 : 1))
      .slice(0, 5);
    expect(sut.map((d) => [d.key, d.hash])).toEqual(expected.map((d) => [d.key, d.hash]));
  });

  it('draws differently when the seed changes', () => {
    const sut = drawLottery(`${SEED.slice(0, 63)}0`, KEYS, 5);
    expect(sut.map((d) => d.key)).not.toEqual(drawLottery(SEED, KEYS, 5).map((d) => d.key));
  });

  it('draws differently when one drawn candidate changes', () => {
    const first = drawLottery(SEED, KEYS, 5);
    const changed = KEYS.map((k) => (k === first[0]!.key ? k.replace(/:(\d+)$/, ':999') : k));
    expect(drawLottery(SEED, changed, 5).map((d) => d.key)).not.toEqual(first.map((d) => d.key));
  });

  it('draws every candidate when there are fewer than N, and nothing from none', () => {
    expect(drawLottery(SEED, KEYS.slice(0, 3), 5)).toHaveLength(3);
    expect(drawLottery(SEED, [], 5)).toEqual([]);
    expect(drawLottery(SEED, [KEYS[0]!, KEYS[0]!], 5)).toHaveLength(1);
  });

  it('commits to the seed with the SHA-256 hex of its text', () => {
    expect(commitmentOf('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(newSeed()).toMatch(/^[0-9a-f]{64}$/);
    expect(newSeed()).not.toBe(newSeed());
  });

  it('orders the published list by date, then plan id', () => {
    const sut = canonicalOrder([
      { planId: 9, date: '2026-11-17', officialId: 1 },
      { planId: 3, date: '2026-11-18', officialId: 1 },
      { planId: 5, date: '2026-11-17', officialId: 2 },
    ]);
    expect(sut.map((c) => c.planId)).toEqual([5, 9, 3]);
  });

  it('names ISO weeks, across a year end too', () => {
    expect(isoWeekLabel('2026-11-23')).toBe('2026-W48');
    expect(isoWeekLabel('2026-12-28')).toBe('2026-W53');
    expect(isoWeekLabel('2024-12-30')).toBe('2025-W01');
  });
});
