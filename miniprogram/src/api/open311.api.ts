/**
 * Admins: integrators' Open311 API keys (issue #17), for the counties in the admin's scope. The key
 * itself comes back once, in the answer to its creation; lists never carry it.
 */
import type { Open311KeyCreated, Open311KeyCreateRequest, Open311KeyView } from '@jinri/shared';

import { request } from './request';

/** GET /admin/open311/keys — every key of the admin's counties, revoked ones too. */
export function listOpen311Keys(): Promise<Open311KeyView[]> {
  return request<Open311KeyView[]>({ path: '/admin/open311/keys' });
}

/** POST /admin/open311/keys — the answer carries the plain `apiKey`, shown this one time only. */
export function createOpen311Key(body: Open311KeyCreateRequest): Promise<Open311KeyCreated> {
  return request<Open311KeyCreated>({ method: 'POST', path: '/admin/open311/keys', data: body });
}

/** POST /admin/open311/keys/:id/revoke — the key stops working at once (403 to the integrator). */
export function revokeOpen311Key(id: number): Promise<Open311KeyView> {
  return request<Open311KeyView>({ method: 'POST', path: `/admin/open311/keys/${id}/revoke` });
}
