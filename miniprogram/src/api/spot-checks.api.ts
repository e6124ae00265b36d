/**
 * 抽查 (spot checks): today's published entries to visit, a recorded random draw of them, and the
 * visit itself (找到 / 未找到, note, photos, location). A visit where nobody was found opens an
 * `absent` finding unless the plan was revised before the visit.
 */
import type {
  LocalDate,
  Page,
  SpotCheckCandidate,
  SpotCheckRequest,
  SpotCheckSampleRequest,
  SpotCheckSampleView,
  SpotCheckView,
} from '@jinri/shared';

import { request } from './request';

/** GET /supervision/spot-check-candidates: today's published entries in the unit (and place). */
export function listSpotCheckCandidates(filter: {
  unitId?: number;
  placeUnitId?: number;
  q?: string;
}): Promise<SpotCheckCandidate[]> {
  return request<SpotCheckCandidate[]>({
    path: '/supervision/spot-check-candidates',
    query: { ...filter, q: filter.q?.trim() || undefined },
  });
}

/** POST /supervision/spot-check-samples: a reproducible draw (same seed, same candidates, same picks). */
export function drawSpotCheckSample(body: SpotCheckSampleRequest): Promise<SpotCheckSampleView> {
  return request<SpotCheckSampleView>({
    method: 'POST',
    path: '/supervision/spot-check-samples',
    data: body,
  });
}

/** POST /supervision/spot-checks: one visit. */
export function recordSpotCheck(body: SpotCheckRequest): Promise<SpotCheckView> {
  return request<SpotCheckView>({ method: 'POST', path: '/supervision/spot-checks', data: body });
}

/** GET /supervision/spot-checks: newest first; from/to (local dates) narrow it to days. */
export function listSpotChecks(filter: {
  unitId?: number;
  from?: LocalDate;
  to?: LocalDate;
  page?: number;
}): Promise<Page<SpotCheckView>> {
  return request<Page<SpotCheckView>>({ path: '/supervision/spot-checks', query: { ...filter } });
}
