import { owedDays, rate, trendPoints, trendWeeks, type TrendInput } from './workbench-trend';

const weekdays = (date: string) => {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6;
};

describe('trendWeeks', () => {
  it('lists the Mondays of the weeks up to the one of today, oldest first', () => {
    expect(trendWeeks('2026-12-03', 3)).toEqual(['2026-11-16', '2026-11-23', '2026-11-30']);
  });

  it('on a Monday ends with that Monday', () => {
    expect(trendWeeks('2026-11-30', 1)).toEqual(['2026-11-30']);
  });
});

describe('owedDays', () => {
  it('owes the working days of the week up to today, not the weekend nor the days to come', () => {
    expect(owedDays('2026-11-30', '2026-12-02', weekdays)).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
    ]);
  });

  it('owes a worked weekend (调休) and not a holiday, after the calendar', () => {
    const calendar = (d: string) => (d === '2026-12-05' ? true : d === '2026-12-01' ? false : weekdays(d));
    expect(owedDays('2026-11-30', '2026-12-06', calendar)).toEqual([
      '2026-11-30',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
    ]);
  });
});

describe('rate', () => {
  it('is null when there is nothing to divide by', () => {
    expect(rate(0, 0)).toBeNull();
  });

  it('rounds to three places and never passes 1', () => {
    expect(rate(2, 3)).toBe(0.667);
    expect(rate(5, 4)).toBe(1);
  });
});

describe('trendPoints', () => {
  const base: TrendInput = {
    weeks: ['2026-11-23', '2026-11-30'],
    lastDay: '2026-12-01',
    isWorkday: weekdays,
    officials: [
      { officialId: 1, groupId: 10 },
      { officialId: 2, groupId: 10 },
      { officialId: 3, groupId: 20 },
    ],
    leaves: [],
    counts: [],
  };

  it('divides the plans handed in by the working days owed by every official of the unit', () => {
    const sut = trendPoints({
      ...base,
      counts: [
        { officialId: 1, weekStart: '2026-11-23', submitted: 5, onTime: 4, published: 5, flaggedDays: 1 },
        { officialId: 2, weekStart: '2026-11-23', submitted: 3, onTime: 3, published: 2, flaggedDays: 1 },
      ],
    });
    expect(sut.get(10)![0]).toEqual({
      weekStart: '2026-11-23',
      submission: 0.8,
      onTime: 0.875,
      vagueOrRepeated: 0.286,
    });
  });

  it('excuses the working days of approved leave', () => {
    const sut = trendPoints({
      ...base,
      leaves: [{ officialId: 3, startDate: '2026-11-20', endDate: '2026-11-25' }],
      counts: [
        { officialId: 3, weekStart: '2026-11-23', submitted: 2, onTime: 2, published: 2, flaggedDays: 0 },
      ],
    });
    expect(sut.get(20)![0]!.submission).toBe(1);
  });

  it('counts the current week only up to today', () => {
    const sut = trendPoints({
      ...base,
      counts: [
        { officialId: 3, weekStart: '2026-11-30', submitted: 1, onTime: 0, published: 1, flaggedDays: 0 },
      ],
    });
    expect(sut.get(20)![1]).toEqual({
      weekStart: '2026-11-30',
      submission: 0.5,
      onTime: 0,
      vagueOrRepeated: 0,
    });
  });

  it('answers null, not 0, for a week nobody owed a plan or handed one in', () => {
    const sut = trendPoints({ ...base, isWorkday: () => false });
    expect(sut.get(10)).toEqual([
      { weekStart: '2026-11-23', submission: null, onTime: null, vagueOrRepeated: null },
      { weekStart: '2026-11-30', submission: null, onTime: null, vagueOrRepeated: null },
    ]);
  });

  it('ignores rows of officials outside the scope and of weeks not asked for', () => {
    const sut = trendPoints({
      ...base,
      counts: [
        { officialId: 99, weekStart: '2026-11-23', submitted: 5, onTime: 5, published: 5, flaggedDays: 0 },
        { officialId: 1, weekStart: '2026-11-16', submitted: 5, onTime: 5, published: 5, flaggedDays: 0 },
      ],
    });
    expect(sut.get(10)![0]!.submission).toBe(0);
    expect([...sut.keys()]).toEqual([10, 20]);
  });
});
