import type { CachedToday } from './today.service';

/** What a GET /today request says about the answer it can use. */
export interface TodayRequestHeaders {
  ifNoneMatch?: string;
  acceptEncoding?: string;
}

/** The answer to write: `headers` is a flat [name, value, name, value…] list, as writeHead takes it. */
export interface TodayAnswer {
  status: 200 | 304;
  headers: string[];
  /** null for a 304. */
  body: Buffer | null;
}

const GZIP = /\bgzip\b/;

/**
 * THE answer to GET /today from a cached page, for both the HTTP fast path and the controller: a
 * strong ETag; 304 with no body when If-None-Match names it; else the JSON, gzip-compressed when the
 * client accepts gzip (Vary: Accept-Encoding, so shared caches keep both). `leading` headers (the
 * fast path's security headers) come first, in one list: writeHead with one flat array costs least.
 */
export function respond(
  page: CachedToday,
  request: TodayRequestHeaders,
  leading: readonly string[] = [],
): TodayAnswer {
  const headers = [...leading, 'etag', page.etag, 'cache-control', 'no-cache', 'vary', 'Accept-Encoding'];
  if (request.ifNoneMatch === page.etag) return { status: 304, headers, body: null };
  const gzip = GZIP.test(request.acceptEncoding ?? '');
  const body = gzip ? page.gzip : page.body;
  headers.push('content-type', 'application/json; charset=utf-8', 'content-length', String(body.length));
  if (gzip) headers.push('content-encoding', 'gzip');
  return { status: 200, headers, body };
}
