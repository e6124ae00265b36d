/**
 * Staff plan calls: the jurisdiction's rules, saving a day plan (optimistic lock) and the quality
 * check while typing. Reading a plan is getPlan() in journals.api.ts (signed in: drafts too).
 */
import type {
  JournalRules,
  LocalDate,
  DayPlanView,
  PlanCheckRequest,
  PlanCheckResponse,
  SavePlanRequest,
} from '@jinri/shared';

import { request } from './request';

export function getJournalRules(unitId: number): Promise<JournalRules> {
  return request<JournalRules>({ path: '/journal-rules', query: { unitId } });
}

export function savePlan(officialId: number, date: LocalDate, body: SavePlanRequest): Promise<DayPlanView> {
  return request<DayPlanView>({ method: 'PUT', path: `/plans/${officialId}/${date}`, data: body });
}

export function checkPlan(body: PlanCheckRequest): Promise<PlanCheckResponse> {
  return request<PlanCheckResponse>({ method: 'POST', path: '/plans/check', data: body });
}
