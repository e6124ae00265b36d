import { isoWeekOf, mondayOf, weekOf, weeksInYear, weekTitle } from './board-week';

describe('ISO weeks of the board', () => {
  it('names the week of a date the way ISO 8601 does, across year ends', () => {
    expect(isoWeekOf('2026-11-23')).toBe('2026-W48');
    expect(isoWeekOf('2026-11-29')).toBe('2026-W48');
    expect(isoWeekOf('2026-01-01')).toBe('2026-W01');
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53');
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01');
    expect(weekOf('2021-01-03')).toEqual({ year: 2020, week: 53 });
  });

  it('finds the Monday of a week and refuses what is not one', () => {
    const sut = mondayOf;
    expect(sut('2026-W48')).toBe('2026-11-23');
    expect(sut('2026-W01')).toBe('2025-12-29');
    expect(sut('2026-W53')).toBe('2026-12-28');
    expect(sut('2025-W53')).toBeNull();
    expect(sut('2026-W00')).toBeNull();
    expect(sut('2026-48')).toBeNull();
    expect(sut('2026-W4')).toBeNull();
    expect(sut('W48')).toBeNull();
    expect(sut('1999-W10')).toBeNull();
  });

  it('round-trips every week of a few years', () => {
    for (const year of [2025, 2026, 2027]) {
      for (let week = 1; week <= weeksInYear(year); week++) {
        const name = `${year}-W${String(week).padStart(2, '0')}`;
        expect(isoWeekOf(mondayOf(name)!)).toBe(name);
      }
    }
    expect([weeksInYear(2025), weeksInYear(2026)]).toEqual([52, 53]);
  });

  it('prints the week in Chinese', () => {
    expect(weekTitle('2026-W08')).toBe('2026年第8周');
  });
});
