import {
  addDays,
  atLocal,
  chineseDate,
  isValidDate,
  localDate,
  localTime,
  weekStart,
  weekday,
} from './local-time';

describe('local time (Asia/Shanghai)', () => {
  it('puts 23:30 UTC on the next local day', () => {
    const sut = new Date('2026-11-21T23:30:00Z');
    expect(localDate(sut)).toBe('2026-11-22');
    expect(localTime(sut)).toBe('07:30');
  });

  it('turns a local deadline into the right instant', () => {
    expect(atLocal('2026-11-22', '18:00').toISOString()).toBe('2026-11-22T10:00:00.000Z');
    expect(atLocal('2026-11-23', '00:30').toISOString()).toBe('2026-11-22T16:30:00.000Z');
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('finds the Monday of a week, Sunday belonging to the week before it', () => {
    expect(weekday('2026-11-22')).toBe(7);
    expect(weekStart('2026-11-22')).toBe('2026-11-16');
    expect(weekStart('2026-11-23')).toBe('2026-11-23');
  });

  it('rejects impossible dates', () => {
    expect(isValidDate('2026-02-29')).toBe(false);
    expect(isValidDate('2028-02-29')).toBe(true);
    expect(isValidDate('2026-1-5')).toBe(false);
  });

  it('writes a date the way a resident reads it', () => {
    expect(chineseDate('2026-11-23')).toBe('11月23日 星期一');
  });
});
