/**
 * 督查 findings as a supervisor reads and decides them: the list of the scope (filters by kind,
 * state, unit, dates), one finding with its history, and 认定 / 撤销 (confirm / dismiss). Each
 * decision carries the `version` the page shows; a stale one answers 409 FINDING.VERSION_CONFLICT.
 */
import type {
  FindingDetail,
  FindingKind,
  FindingState,
  FindingsResponse,
  FindingView,
  LocalDate,
} from '@jinri/shared';

import { request } from './request';

export interface FindingFilter {
  unitId?: number;
  from?: LocalDate;
  to?: LocalDate;
  kind?: FindingKind[];
  state?: FindingState[];
  officialId?: number;
  page?: number;
}

/** One page of findings, with `items` for usePaged (the same rows as `findings`). */
export type FindingsPage = FindingsResponse & { items: FindingView[] };

/** GET /supervision/findings: newest date first, a page at a time; no unitId = the caller's scope. */
export async function listFindings(filter: FindingFilter): Promise<FindingsPage> {
  const answer = await request<FindingsResponse>({
    path: '/supervision/findings',
    query: {
      unitId: filter.unitId,
      from: filter.from,
      to: filter.to,
      kind: filter.kind?.length ? filter.kind.join(',') : undefined,
      state: filter.state?.length ? filter.state.join(',') : undefined,
      officialId: filter.officialId,
      page: filter.page,
    },
  });
  return { ...answer, items: answer.findings };
}

export function getFinding(id: number): Promise<FindingDetail> {
  return request<FindingDetail>({ path: `/supervision/findings/${id}` });
}

/** 认定: the finding stands (the official is told). */
export function confirmFinding(id: number, version: number, note?: string): Promise<FindingDetail> {
  return request<FindingDetail>({
    method: 'POST',
    path: `/supervision/findings/${id}/confirm`,
    data: note ? { version, note } : { version },
  });
}

/** 撤销: the finding does not stand; the note (why) is required. */
export function dismissFinding(id: number, version: number, note: string): Promise<FindingDetail> {
  return request<FindingDetail>({
    method: 'POST',
    path: `/supervision/findings/${id}/dismiss`,
    data: { version, note },
  });
}
