import { wilson } from './wilson';

describe('wilson', () => {
  it('matches the published interval for 8 successes out of 10', () => {
    const sut = wilson(8, 10)!;
    expect(sut.low).toBeCloseTo(0.4902, 4);
    expect(sut.high).toBeCloseTo(0.9433, 4);
  });

  it('keeps a perfect record from three items wide and one from three hundred narrow', () => {
    const small = wilson(3, 3)!;
    const large = wilson(300, 300)!;
    expect(small.low).toBeCloseTo(0.4385, 4);
    expect(small.high).toBe(1);
    expect(large.low).toBeGreaterThan(0.98);
    expect(large.low).toBeGreaterThan(small.low);
  });

  it('stays within zero and one when nothing succeeded', () => {
    const sut = wilson(0, 5)!;
    expect(sut.low).toBe(0);
    expect(sut.high).toBeCloseTo(0.4345, 4);
  });

  it('contains the raw share', () => {
    for (const [k, n] of [
      [1, 2],
      [7, 9],
      [50, 120],
      [999, 1000],
    ] as const) {
      const sut = wilson(k, n)!;
      expect(sut.low).toBeLessThanOrEqual(k / n);
      expect(sut.high).toBeGreaterThanOrEqual(k / n);
    }
  });

  it('narrows as the sample grows at the same share', () => {
    const widths = [10, 100, 1000].map((n) => {
      const sut = wilson(n * 0.7, n)!;
      return sut.high - sut.low;
    });
    expect(widths[0]!).toBeGreaterThan(widths[1]!);
    expect(widths[1]!).toBeGreaterThan(widths[2]!);
  });

  it('answers null for an empty sample and clamps impossible counts', () => {
    expect(wilson(0, 0)).toBeNull();
    expect(wilson(12, 10)).toEqual(wilson(10, 10));
  });
});
