import { describe, expect, it } from '@jest/globals';

import { customProblem, isOver, lastCompleted, periodContaining, periodLabel, shiftPeriod } from './period';

describe('ranking periods', () => {
  it('finds the week (Monday–Sunday), month and quarter around a date', () => {
    expect(periodContaining('week', '2026-12-09')).toEqual({
      kind: 'week',
      from: '2026-12-07',
      to: '2026-12-13',
    });
    expect(periodContaining('month', '2026-02-14')).toEqual({
      kind: 'month',
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(periodContaining('quarter', '2026-11-05')).toEqual({
      kind: 'quarter',
      from: '2026-10-01',
      to: '2026-12-31',
    });
  });

  it('steps across a year end and names the periods near today', () => {
    const q4 = periodContaining('quarter', '2026-12-09');
    expect(shiftPeriod(q4, 1)).toEqual({ kind: 'quarter', from: '2027-01-01', to: '2027-03-31' });
    expect(shiftPeriod(periodContaining('month', '2026-01-10'), -1).from).toBe('2025-12-01');
    expect(lastCompleted('week', '2026-12-09')).toEqual({
      kind: 'week',
      from: '2026-11-30',
      to: '2026-12-06',
    });
    expect(periodLabel(lastCompleted('month', '2026-12-09'), '2026-12-09')).toBe('2026年11月（上月）');
    expect(periodLabel(q4, '2026-12-09')).toBe('2026年第四季度（本季度）');
    expect(periodLabel({ kind: 'custom', from: '2026-11-03', to: '2026-12-02' }, '2026-12-09')).toBe(
      '11月3日–12月2日',
    );
  });

  it('tells a period that is over from one that is not, and checks custom dates', () => {
    expect(isOver(lastCompleted('week', '2026-12-09'), '2026-12-09')).toBe(true);
    expect(isOver(periodContaining('week', '2026-12-09'), '2026-12-09')).toBe(false);
    expect(customProblem('2026-12-05', '2026-12-01', '2026-12-09')).toBe('开始日期不能晚于结束日期');
    expect(customProblem('2026-12-10', '2026-12-11', '2026-12-09')).toBe('开始日期不能晚于今天');
    expect(customProblem('2025-01-01', '2026-12-01', '2026-12-09')).toBe('期间不能超过一年');
    expect(customProblem('2026-11-01', '2026-12-01', '2026-12-09')).toBe('');
  });
});
