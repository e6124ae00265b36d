/** Leave: asking for it, and approving or rejecting it (supervisors, admins). */
import type { LeaveRequest, LeaveStatus, LeaveView } from '@jinri/shared';

import { request } from './request';

export function createLeave(body: LeaveRequest): Promise<LeaveView> {
  return request<LeaveView>({ method: 'POST', path: '/leaves', data: body });
}

/** Own leave and the leave of the units in the caller's scope, newest first. */
export function listLeaves(status?: LeaveStatus): Promise<LeaveView[]> {
  return request<LeaveView[]>({ path: '/leaves', query: { status } });
}

export function decideLeave(id: number, action: 'approve' | 'reject' | 'cancel'): Promise<LeaveView> {
  return request<LeaveView>({ method: 'POST', path: `/leaves/${id}/${action}` });
}
