import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** What a page of an allowed origin may send and read (bearer tokens, not cookies: no credentials). */
export const CORS_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];
export const CORS_ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-None-Match'];
export const CORS_EXPOSED_HEADERS = ['ETag', 'Retry-After', 'Content-Disposition', 'X-Request-Id'];

/**
 * CORS for the origins of CORS_ORIGINS only (issue #17); none configured, none at all. An allowed
 * origin gets Access-Control-Allow-* on its answers and its preflight (OPTIONS, 204); any other origin
 * gets no CORS header, and its preflight falls through to the API's 404. Every answer varies on
 * Origin, so a cache never hands one origin's answer to another.
 */
export function installCors(app: INestApplication, origins: readonly string[]): void {
  if (origins.length === 0) return;
  const allowed = new Set(origins);
  app.use((_req: Request, res: Response, next: NextFunction) => {
    res.vary('Origin');
    next();
  });
  app.enableCors({
    origin: (origin: string | undefined, callback: (error: Error | null, allow?: boolean) => void) =>
      callback(null, origin !== undefined && allowed.has(origin)),
    methods: CORS_METHODS,
    allowedHeaders: CORS_ALLOWED_HEADERS,
    exposedHeaders: CORS_EXPOSED_HEADERS,
    credentials: false,
    maxAge: 600,
  });
}
