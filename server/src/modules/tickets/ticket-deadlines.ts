import { atLocal, localDate } from '../../common/time/local-time';
import type { WorkCalendar } from '../calendar/work-calendar';

/** When reminders go out on the working day before a deadline (local time). */
export const REMINDER_TIME = '09:00';

/** Kept: a time-zone conversion through dayjs cost a comment more than its routing (issue #16). */
const ENDS_OF_DAY = new Map<string, number>();

/** 23:59:59 local time of a date: a deadline "within N working days" runs to the end of the day. */
export function endOfLocalDay(date: string): Date {
  let end = ENDS_OF_DAY.get(date);
  if (end === undefined) {
    end = atLocal(date, '23:59').getTime() + 59_000;
    if (ENDS_OF_DAY.size < 20_000) ENDS_OF_DAY.set(date, end);
  }
  return new Date(end);
}

/**
 * The end of the `workingDays`-th working day after the day of `from` (that day itself is not
 * counted): a comment sent on Friday with a 1-day rule is due at the end of Monday, or of the
 * make-up Saturday when Saturday is a working day (调休), and holidays never count.
 */
export function workingDeadline(calendar: WorkCalendar, from: Date, workingDays: number): Date {
  return endOfLocalDay(calendar.addWorkingDays(localDate(from), workingDays));
}

/** A deadline moved by `workingDays` more working days (an approved extension). */
export function extendDeadline(calendar: WorkCalendar, dueAt: Date, workingDays: number): Date {
  return endOfLocalDay(calendar.addWorkingDays(localDate(dueAt), workingDays));
}

/** The reminder time: 09:00 of the working day before the deadline's day. */
export function reminderAt(calendar: WorkCalendar, dueAt: Date): Date {
  return atLocal(calendar.previousWorkday(localDate(dueAt)), REMINDER_TIME);
}

/** The deadlines of a new ticket under the matter's rule (or the defaults). */
export function ticketDeadlines(
  calendar: WorkCalendar,
  submittedAt: Date,
  rule: { ackWorkingDays: number; resolveWorkingDays: number },
): { ackDueAt: Date; dueAt: Date } {
  return {
    ackDueAt: workingDeadline(calendar, submittedAt, rule.ackWorkingDays),
    dueAt: workingDeadline(calendar, submittedAt, rule.resolveWorkingDays),
  };
}
