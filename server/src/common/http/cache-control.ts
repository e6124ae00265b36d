import type { ServerResponse } from 'node:http';
import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Observable } from 'rxjs';
import { POLICY, policyKey } from '../../modules/auth/policy';

/**
 * How long the answers of public GET routes may be kept (issue #17). `public` because they are the
 * same for every anonymous caller; answers that change during the day are revalidated every time
 * (their ETag makes that a 304), slow-changing ones may be served stale while they are refetched.
 */
export const CACHE_CONTROL = {
  /**
   * Lists and profiles that change during the day (plans, tickets, figures, rankings): shareable, but
   * revalidated on every use (ETag → 304), so a change shows at once — a supervisor sees the flag they
   * just awarded, a resident the progress posted a minute ago, every instance within a second. A
   * max-age here kept the browser's copy for a minute after the change.
   */
  changing: 'public, no-cache',
  /** The directory and settings that change a few times a year (units, Popolo, calendar, services). */
  directory: 'public, max-age=300, stale-while-revalidate=3600',
  /** Personal (a 查询码's ticket, a resident's draft) or live (health, metrics): never stored. */
  personal: 'no-store',
  /** The printed weekly board (PDF and JSON): the handler's own five minutes. */
  board: 'public, max-age=300',
  /** The today page: revalidated every time with its ETag (today-response.ts sets it). */
  revalidate: 'no-cache',
  /** A public route asked with a login token: the answer may be the caller's own, never shared. */
  signedIn: 'private, no-cache',
  /** Routes that need a login: personal or staff data, never stored. */
  loggedInOnly: 'private, no-store',
} as const;

export type CacheRule = keyof typeof CACHE_CONTROL;

/**
 * THE cache table: every public GET route of the policy table (auth/policy.ts) has its rule here, by
 * the same key. A public GET route missing here answers `no-store`, and the cache-control e2e test
 * (driven by the policy table) fails until it is added.
 */
export const PUBLIC_GET_CACHE: Readonly<Record<string, CacheRule>> = {
  'GET /api/v1/health': 'personal',
  'GET /api/v1/health/live': 'personal',
  'GET /api/v1/health/ready': 'personal',
  'GET /metrics': 'personal',
  'GET /api/v1/demo/personas': 'personal',

  'GET /api/v1/units': 'directory',
  'GET /api/v1/calendar/:year': 'directory',
  'GET /api/v1/journal-rules': 'directory',
  'GET /api/v1/notifications/templates': 'directory',
  'GET /api/v1/popolo/persons': 'directory',
  'GET /api/v1/popolo/organizations': 'directory',
  'GET /api/v1/popolo/posts': 'directory',
  'GET /api/v1/popolo/memberships': 'directory',
  'GET /api/v1/popolo/jurisdictions/:jurisdiction': 'directory',

  'GET /api/v1/search': 'changing',
  'GET /api/v1/matters/popular': 'changing',
  'GET /api/v1/matters/popular/handlers': 'changing',
  // The acting deputy of a holder on leave changes with the leave.
  'GET /api/v1/matters/:id': 'changing',
  'GET /api/v1/officials/:id': 'changing',
  'GET /api/v1/today': 'revalidate',
  'GET /api/v1/plans/:officialId/:date': 'changing',
  'GET /api/v1/plans/:officialId/:date/revisions': 'changing',
  'GET /api/v1/officials/:id/timeline': 'changing',
  'GET /api/v1/weekly-reports/:officialId/:weekStart': 'changing',
  'GET /api/v1/tickets/public': 'changing',
  'GET /api/v1/officials/:id/ticket-figures': 'changing',
  'GET /api/v1/units/:id/ticket-figures': 'changing',
  'GET /api/v1/rankings': 'changing',
  'GET /api/v1/rankings/trend': 'changing',
  'GET /api/v1/rankings/settings': 'changing',
  'GET /api/v1/flags': 'changing',
  'GET /api/v1/lotteries': 'changing',
  'GET /api/v1/lotteries/:id': 'changing',
  'GET /api/v1/units/:id/board': 'board',
  'GET /api/v1/units/:id/board.json': 'board',
  // The words a resident is typing, and a ticket found by its 查询码.
  'GET /api/v1/tickets/similar': 'personal',
  'GET /api/v1/tickets/lookup/:queryCode': 'personal',

  // Open311 GeoReport v2: service definitions are settings, requests change.
  'GET /open311/v2/discovery.:format': 'directory',
  'GET /open311/v2/services.:format': 'directory',
  'GET /open311/v2/services/:code.:format': 'directory',
  'GET /open311/v2/requests.:format': 'changing',
  'GET /open311/v2/requests/:id.:format': 'changing',
};

/** The Cache-Control of a GET (or HEAD) of route `key` ("GET /path" as registered), with or without a login token. */
export function cacheControlOf(key: string, withToken: boolean): string {
  const policy = POLICY[key];
  if (!policy || policy.allow !== 'public') return CACHE_CONTROL.loggedInOnly;
  const rule = PUBLIC_GET_CACHE[key] ?? 'personal';
  if (withToken && rule !== 'personal') return CACHE_CONTROL.signedIn;
  return CACHE_CONTROL[rule];
}

/**
 * Sends the route's Cache-Control on every GET/HEAD answer of a controller, unless the handler set
 * its own. Decided before the handler runs (handlers that write with @Res() send before an
 * interceptor sees their result) and written with the headers, when the status is known: an error
 * (4xx, 5xx) is never stored.
 */
@Injectable()
export class CacheControlInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    if (req.method !== 'GET' && req.method !== 'HEAD') return next.handle();
    const key = policyKey('GET', (req.route as { path?: string } | undefined)?.path ?? '');
    const value = cacheControlOf(key, !!req.headers.authorization);
    const res = http.getResponse<Response>();
    if (value.startsWith('public')) res.vary('Authorization');
    beforeHeaders(res, () => {
      if (res.getHeader('Cache-Control') !== undefined) return;
      res.setHeader('Cache-Control', res.statusCode >= 400 ? 'no-store' : value);
    });
    return next.handle();
  }
}

/** Runs `listener` once, just before the status line and headers are written (as on-headers does). */
function beforeHeaders(res: ServerResponse, listener: () => void): void {
  const writeHead = res.writeHead;
  let done = false;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    if (!done) {
      done = true;
      // The status given to writeHead wins over res.statusCode: set it first so the listener sees it.
      if (typeof args[0] === 'number') this.statusCode = args[0];
      listener();
    }
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse['writeHead'];
}
