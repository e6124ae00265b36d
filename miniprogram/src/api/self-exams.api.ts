/**
 * 书面检查 (self-examinations) an issued notice asks of the officials it cites: the official
 * submits (text and photos), a supervisor of the scope accepts or returns it with a note.
 */
import type { DecideSelfExamRequest, SelfExamView, SubmitSelfExamRequest } from '@jinri/shared';

import { request } from './request';

export function getSelfExam(id: number): Promise<SelfExamView> {
  return request<SelfExamView>({ path: `/supervision/self-examinations/${id}` });
}

/** The official themselves; again after it was returned. */
export function submitSelfExam(id: number, body: SubmitSelfExamRequest): Promise<SelfExamView> {
  return request<SelfExamView>({
    method: 'POST',
    path: `/supervision/self-examinations/${id}/submit`,
    data: body,
  });
}

export function acceptSelfExam(id: number, body: DecideSelfExamRequest): Promise<SelfExamView> {
  return request<SelfExamView>({
    method: 'POST',
    path: `/supervision/self-examinations/${id}/accept`,
    data: body,
  });
}

/** The note is required: it tells the official what to redo. */
export function returnSelfExam(id: number, body: { version: number; note: string }): Promise<SelfExamView> {
  return request<SelfExamView>({
    method: 'POST',
    path: `/supervision/self-examinations/${id}/return`,
    data: body,
  });
}
