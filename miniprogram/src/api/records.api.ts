/**
 * 立体像: one official's whole record over a period (supervisors and admins of the official's unit;
 * every look is recorded), its PDF, and for the official, who looked at theirs.
 */
import type { OfficialRecord, RecordQuery, RecordViewPage } from '@jinri/shared';

import { downloadPdf } from './files';
import { request } from './request';

/** GET /supervision/records/:officialId?from=&to= (both optional: the last three months). */
export function getRecord(officialId: number, period: RecordQuery = {}): Promise<OfficialRecord> {
  return request<OfficialRecord>({ path: `/supervision/records/${officialId}`, query: { ...period } });
}

/** GET /supervision/records/:officialId/pdf: H5 saves it, weapp opens it in the document viewer. */
export function downloadRecordPdf(officialId: number, period: RecordQuery, fileName: string): Promise<void> {
  return downloadPdf({ path: `/supervision/records/${officialId}/pdf`, query: { ...period } }, fileName);
}

/** GET /me/record-views?page=: newest first. */
export function getMyRecordViews(page = 1): Promise<RecordViewPage> {
  return request<RecordViewPage>({ path: '/me/record-views', query: { page } });
}
