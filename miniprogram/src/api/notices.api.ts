/**
 * 督察通报 (notices): a draft from the confirmed findings of a period and scope, edited, then
 * issued (numbered, immutable), exported as Word. Supervisors and admins of the scope. Every edit
 * and the issue carry the `version` the page shows; a stale one answers 409 NOTICE.VERSION_CONFLICT.
 */
import type {
  DraftNoticeRequest,
  NoticeDetail,
  NoticePage,
  NoticeState,
  UpdateNoticeRequest,
} from '@jinri/shared';

import { downloadDocx } from './files';
import { request } from './request';

/** POST /supervision/notices → the new draft. */
export function draftNotice(body: DraftNoticeRequest): Promise<NoticeDetail> {
  return request<NoticeDetail>({ method: 'POST', path: '/supervision/notices', data: body });
}

/** GET /supervision/notices: newest first, a page at a time; unitId left out = the caller's scope. */
export function listNotices(filter: {
  unitId?: number;
  state?: NoticeState;
  page?: number;
}): Promise<NoticePage> {
  return request<NoticePage>({ path: '/supervision/notices', query: { ...filter } });
}

export function getNotice(id: number): Promise<NoticeDetail> {
  return request<NoticeDetail>({ path: `/supervision/notices/${id}` });
}

/** PUT /supervision/notices/:id — drafts only. */
export function updateNotice(id: number, body: UpdateNoticeRequest): Promise<NoticeDetail> {
  return request<NoticeDetail>({ method: 'PUT', path: `/supervision/notices/${id}`, data: body });
}

/** POST /supervision/notices/:id/issue — takes the next number; cannot be undone. */
export function issueNotice(id: number, version: number): Promise<NoticeDetail> {
  return request<NoticeDetail>({
    method: 'POST',
    path: `/supervision/notices/${id}/issue`,
    data: { version },
  });
}

/** GET /supervision/notices/:id/notice.docx: H5 saves it, weapp opens it in the document viewer. */
export function downloadNoticeDocx(id: number, fileName: string): Promise<void> {
  return downloadDocx({ path: `/supervision/notices/${id}/notice.docx` }, fileName);
}
