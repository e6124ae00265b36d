/**
 * 找人办事 endpoints: search, popular matters, a matter and who handles it for a village. Public
 * (no login), sent without the access token like the other public reads (see journals.api.ts):
 * what a resident sees must not depend on who is signed in.
 *
 * Units (GET /units), a unit's day (GET /today) and profiles (GET /officials/:id) are in
 * journals.api.ts.
 */
import {
  SEARCH_QUERY_MAX_LENGTH,
  type MatterDetail,
  type MatterSummaryWithCount,
  type PopularHandlers,
  type SearchResponse,
} from '@jinri/shared';

import { request } from './request';

/** Suggestions are only useful while the person is looking at them: give up sooner. */
const SEARCH_TIMEOUT_MS = 10_000;

/**
 * GET /search — matters (with their top handlers for `unitId`) and officials matching `q`:
 * Chinese words, pinyin ("dibao"), initials ("db"), everyday words ("盖房子"), typos.
 * `unitId`: the resident's village (or town); county-wide when omitted.
 */
export function searchDirectory(q: string, unitId?: number): Promise<SearchResponse> {
  return request<SearchResponse>({
    path: '/search',
    query: { q: q.slice(0, SEARCH_QUERY_MAX_LENGTH), unitId },
    auth: false,
    timeoutMs: SEARCH_TIMEOUT_MS,
  });
}

/** GET /matters/popular — the matters most asked for in the county of `unitId` (pinned first), shown before anything is typed. */
export function getPopularMatters(unitId?: number): Promise<MatterSummaryWithCount[]> {
  return request<MatterSummaryWithCount[]>({ path: '/matters/popular', query: { unitId }, auth: false });
}

/** GET /matters/:id — what to bring, where to go, and who handles it for `unitId`, most local first. */
export function getMatter(id: number, unitId?: number): Promise<MatterDetail> {
  return request<MatterDetail>({ path: `/matters/${id}`, query: { unitId }, auth: false });
}

/**
 * GET /matters/popular/handlers — the first few popular matters with who handles each for `unitId`
 * (the resident's village) and where they are now. A look: it does not count as demand.
 */
export function getPopularHandlers(unitId: number): Promise<PopularHandlers> {
  return request<PopularHandlers>({ path: '/matters/popular/handlers', query: { unitId }, auth: false });
}
