import { describe, expect, it } from '@jest/globals';

import {
  addDays,
  daysBetween,
  formatClock,
  formatDay,
  formatLocalDate,
  formatStamp,
  localMinutes,
  localToday,
  minutesOf,
  mondayOf,
  parseClock,
  relativeDayLabel,
  relativeDayName,
  weekdayOf,
} from './date';

describe('utils/date', () => {
  it('reads today in China whatever the device zone: 16:30 UTC is already the next day', () => {
    expect(localToday(Date.parse('2026-11-23T16:30:00Z'))).toBe('2026-11-24');
    expect(localToday(Date.parse('2026-11-23T15:59:00Z'))).toBe('2026-11-23');
  });

  it('counts minutes since China midnight', () => {
    expect(localMinutes(Date.parse('2026-11-23T00:30:00Z'))).toBe(8 * 60 + 30);
  });

  it('adds days across months and years and leaves a non-date alone', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('not a date', 3)).toBe('not a date');
  });

  it('counts whole days between two dates, negative when the second is earlier', () => {
    expect(daysBetween('2026-11-23', '2026-11-30')).toBe(7);
    expect(daysBetween('2026-11-30', '2026-11-23')).toBe(-7);
  });

  it('finds the weekday and the Monday of a week (weeks start on Monday)', () => {
    expect(weekdayOf('2026-11-23')).toBe(1);
    expect(weekdayOf('2026-11-29')).toBe(0);
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
  });

  it('writes dates the way people read them', () => {
    expect(formatDay('2026-11-23')).toBe('11月23日 周一');
    expect(formatLocalDate('2026-11-23')).toBe('11月23日 星期一');
    expect(relativeDayLabel('2026-11-24', '2026-11-23')).toBe('明天');
    expect(relativeDayLabel('2026-11-26', '2026-11-23')).toBe('11月26日 周四');
    expect(relativeDayName('2026-11-21', '2026-11-23')).toBe('前天');
  });

  it('writes an instant as a China clock time, with the date when it is another day', () => {
    expect(formatClock('2026-11-23T00:05:00Z')).toBe('08:05');
    expect(formatStamp('2026-11-23T00:05:00Z', '2026-11-23')).toBe('08:05');
    expect(formatStamp('2026-11-23T00:05:00Z')).toBe('11月23日 08:05');
    expect(formatStamp('garbage')).toBe('');
  });

  it('turns "HH:mm" into minutes, and a non-time into nothing comparable', () => {
    expect(parseClock('08:30')).toBe(510);
    expect(minutesOf('17:00')).toBe(1020);
    expect(parseClock('noon')).toBeNull();
    expect(minutesOf('noon') > 0 || minutesOf('noon') <= 0).toBe(false);
  });
});
