import { WorkCalendar } from './work-calendar';

describe('WorkCalendar', () => {
  const sut = new WorkCalendar();

  it('follows the State Council calendar, including a make-up Saturday (调休)', () => {
    expect(sut.isWorkday('2026-02-14')).toBe(true); // Saturday, worked before the Spring Festival
    expect(sut.isWorkday('2026-02-16')).toBe(false); // Spring Festival holiday
    expect(sut.isWorkday('2026-11-21')).toBe(false); // an ordinary Saturday
    expect(sut.isWorkday('2026-11-23')).toBe(true);
  });

  it('counts working days across the Spring Festival', () => {
    // Friday 2026-02-13 + 1 working day is the make-up Saturday; + 2 skips the whole holiday.
    expect(sut.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(sut.addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
    expect(sut.addWorkingDays('2026-02-13', 5)).toBe('2026-02-27');
  });

  it('does not pretend to know a year that is not published yet', () => {
    expect(sut.knows(2026)).toBe(true);
    expect(sut.knows(2027)).toBe(false);
    expect(sut.isWorkday('2027-01-01')).toBe(true); // only weekends are off until it is entered
  });

  it('lets the admin’s entries win over the packaged calendar', () => {
    const corrected = new WorkCalendar(
      new Map([
        ['2027-01-01', { isWorkday: false, name: '元旦' }],
        ['2026-11-23', { isWorkday: false, name: '本地节日' }],
      ]),
    );
    expect(corrected.isWorkday('2027-01-01')).toBe(false);
    expect(corrected.addWorkingDays('2026-11-20', 1)).toBe('2026-11-24');
  });

  it('knows an unpackaged year only once an admin confirmed it, not from a single entered day', () => {
    const entries = new Map([['2027-01-01', { isWorkday: false, name: '元旦' }]]);
    expect(new WorkCalendar(entries).knows(2027)).toBe(false);
    expect(new WorkCalendar(entries, new Set([2027])).knows(2027)).toBe(true);
  });

  it('names a rest day after the holiday, the weekend or the admin’s entry, and a worked weekend as such', () => {
    expect(sut.day('2026-12-06')).toEqual({ isWorkday: false, name: '周末' });
    expect(sut.day('2026-10-01')).toEqual({ isWorkday: false, name: '国庆节' });
    expect(sut.day('2026-10-03')).toEqual({ isWorkday: false, name: '国庆节' }); // a Saturday inside it
    expect(sut.day('2026-01-01')).toEqual({ isWorkday: false, name: '元旦' });
    expect(sut.day('2026-02-14')).toEqual({ isWorkday: true, name: '调休上班' });
    expect(sut.day('2026-12-07')).toEqual({ isWorkday: true, name: null });
    const corrected = new WorkCalendar(new Map([['2026-11-23', { isWorkday: false, name: '本地节日' }]]));
    expect(corrected.day('2026-11-23')).toEqual({ isWorkday: false, name: '本地节日' });
  });
});
