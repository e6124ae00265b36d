/** Weekly reports: one per official and week (weeks start on Monday). */
import type { LocalDate, WeeklyReportRequest, WeeklyReportView } from '@jinri/shared';

import { ApiError, request } from './request';

/** GET /weekly-reports/:officialId/:weekStart — null when there is none (404). */
export async function getWeeklyReport(
  officialId: number,
  weekStart: LocalDate,
): Promise<WeeklyReportView | null> {
  try {
    return await request<WeeklyReportView>({ path: `/weekly-reports/${officialId}/${weekStart}` });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404 && error.code === 'COMMON.NOT_FOUND') return null;
    throw error;
  }
}

export function saveWeeklyReport(
  officialId: number,
  weekStart: LocalDate,
  body: WeeklyReportRequest,
): Promise<WeeklyReportView> {
  return request<WeeklyReportView>({
    method: 'PUT',
    path: `/weekly-reports/${officialId}/${weekStart}`,
    data: body,
  });
}
