import { atLocal } from '../../common/time/local-time';
import { WorkCalendar } from '../calendar/work-calendar';
import { extendDeadline, reminderAt, ticketDeadlines, workingDeadline } from './ticket-deadlines';

const at = (date: string, time: string) => atLocal(date, time);
const end = (date: string) => new Date(atLocal(date, '23:59').getTime() + 59_000);
const rule = { ackWorkingDays: 1, resolveWorkingDays: 5 };

describe('ticket deadlines in working days', () => {
  const sut = new WorkCalendar();

  it('gives an ordinary Monday comment until the end of Tuesday and of the next Monday', () => {
    expect(ticketDeadlines(sut, at('2026-11-16', '10:00'), rule)).toEqual({
      ackDueAt: end('2026-11-17'),
      dueAt: end('2026-11-23'),
    });
  });

  it('counts a Friday-evening comment from the next working day, skipping the weekend', () => {
    expect(workingDeadline(sut, at('2026-11-20', '22:30'), 1)).toEqual(end('2026-11-23'));
  });

  it('counts the make-up Saturday before the Spring Festival (2026-02-14) as a working day', () => {
    expect(ticketDeadlines(sut, at('2026-02-13', '10:00'), rule)).toEqual({
      ackDueAt: end('2026-02-14'),
      // 02-14, then the holiday 02-15…02-23 does not count: 02-24, 25, 26, 27.
      dueAt: end('2026-02-27'),
    });
  });

  it('lets no Spring Festival day count, and counts the make-up Saturday 2026-02-28', () => {
    expect(ticketDeadlines(sut, at('2026-02-16', '09:00'), rule)).toEqual({
      ackDueAt: end('2026-02-24'),
      dueAt: end('2026-02-28'),
    });
  });

  it('reminds on the working day before the deadline, across the holiday', () => {
    expect(reminderAt(sut, end('2026-02-24'))).toEqual(at('2026-02-14', '09:00'));
    expect(reminderAt(sut, end('2026-11-23'))).toEqual(at('2026-11-20', '09:00'));
  });

  it('extends a deadline by working days', () => {
    expect(extendDeadline(sut, end('2026-02-13'), 2)).toEqual(end('2026-02-24'));
  });

  it("follows the admin's entries: a declared holiday does not count", () => {
    const withHoliday = new WorkCalendar(new Map([['2026-11-17', { isWorkday: false, name: '停工' }]]));
    expect(workingDeadline(withHoliday, at('2026-11-16', '10:00'), 1)).toEqual(end('2026-11-18'));
  });

  it('counts only weekends off in a year the calendar does not know (2027)', () => {
    expect(workingDeadline(sut, at('2026-12-31', '10:00'), 1)).toEqual(end('2027-01-01'));
  });
});
