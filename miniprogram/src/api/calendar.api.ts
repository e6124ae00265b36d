/**
 * The working-day calendar (holidays and make-up days): read by admins and supervisors (the December
 * warning on 工作台, kept tiny because the main package loads it) and kept by the county admin
 * (packages/admin/calendar).
 */
import type { CalendarStatus, CalendarYear, LocalDate } from '@jinri/shared';

import { request } from './request';

/** GET /calendar/:year — the days that differ from a plain week, and whether the year is known. */
export function getCalendarYear(year: number): Promise<CalendarYear> {
  return request<CalendarYear>({ path: `/calendar/${year}` });
}

/** GET /calendar/status — admins and supervisors: from December 1, next year's missing calendar. */
export function getCalendarStatus(): Promise<CalendarStatus> {
  return request<CalendarStatus>({ path: '/calendar/status' });
}

/** PUT /admin/calendar/:date — a holiday (isWorkday false) or a worked weekend (调休上班). County admin only. */
export function setCalendarDay(date: LocalDate, isWorkday: boolean, name: string): Promise<CalendarYear> {
  return request<CalendarYear>({ method: 'PUT', path: `/admin/calendar/${date}`, data: { isWorkday, name } });
}

/** DELETE /admin/calendar/:date — removes an admin entry (recorded on the server). */
export function deleteCalendarDay(date: LocalDate): Promise<CalendarYear> {
  return request<CalendarYear>({ method: 'DELETE', path: `/admin/calendar/${date}` });
}

/** PUT /admin/calendar-years/:year — confirms the year's holidays are entered: the warning stops. */
export function confirmCalendarYear(year: number): Promise<CalendarYear> {
  return request<CalendarYear>({ method: 'PUT', path: `/admin/calendar-years/${year}` });
}
