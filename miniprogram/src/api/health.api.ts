import type { HealthResponse } from '@jinri/shared';

import { request } from './request';

/** GET /api/v1/health — is the service (and its database) up? Public, no token. */
export function getHealth(): Promise<HealthResponse> {
  return request<HealthResponse>({ method: 'GET', path: '/health', auth: false });
}
