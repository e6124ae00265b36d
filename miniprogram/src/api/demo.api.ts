/** The demo server's extras (only answered when the server runs the demo). */
import type { DemoPersona, DemoPublishResponse, LocalDate } from '@jinri/shared';

import { ApiError, request } from './request';

let demoMode: Promise<boolean> | null = null;

/** Whether the server runs the demo (GET /demo/personas answers). Asked once per app run. */
export function isDemoServer(): Promise<boolean> {
  demoMode ??= request<DemoPersona[]>({ path: '/demo/personas', auth: false }).then(
    (personas) => Array.isArray(personas) && personas.length > 0,
    (error: unknown) => {
      // 404: no demo. Anything else (offline): ask again next time.
      if (!(error instanceof ApiError && error.status === 404)) demoMode = null;
      return false;
    },
  );
  return demoMode;
}

/** POST /demo/publish — publish a date's submitted plans now (demo servers only). */
export function demoPublish(date: LocalDate): Promise<DemoPublishResponse> {
  return request<DemoPublishResponse>({ method: 'POST', path: '/demo/publish', data: { date } });
}
