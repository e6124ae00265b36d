/** The supervisor's morning (督查工作台): one day's summary and the weekly trend of a scope. */
import type { LocalDate, SupervisionSummary, SupervisionTrend } from '@jinri/shared';

import { request } from './request';

/** GET /supervision/summary: no unitId = the caller's widest scope; no date = today. */
export function getSupervisionSummary(
  filter: { unitId?: number; date?: LocalDate } = {},
): Promise<SupervisionSummary> {
  return request<SupervisionSummary>({ path: '/supervision/summary', query: { ...filter } });
}

/** GET /supervision/trend: the last `weeks` (1–26, default 8) per unit. */
export function getSupervisionTrend(
  filter: { unitId?: number; weeks?: number } = {},
): Promise<SupervisionTrend> {
  return request<SupervisionTrend>({ path: '/supervision/trend', query: { ...filter } });
}
