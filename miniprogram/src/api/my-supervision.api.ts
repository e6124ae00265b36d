/**
 * An official's own supervision records (我的督查): the findings about them, the written
 * self-examinations asked of them, the issued notices citing them; and 申辩 (explaining a finding,
 * within its explainDueAt).
 */
import type { ExplainFindingRequest, FindingDetail, MySupervision } from '@jinri/shared';

import { request } from './request';

/** GET /me/supervision */
export function getMySupervision(): Promise<MySupervision> {
  return request<MySupervision>({ path: '/me/supervision' });
}

/** POST /supervision/findings/:id/explain — late answers 409 FINDING.EXPLAIN_CLOSED. */
export function explainFinding(id: number, body: ExplainFindingRequest): Promise<FindingDetail> {
  return request<FindingDetail>({
    method: 'POST',
    path: `/supervision/findings/${id}/explain`,
    data: body,
  });
}
