import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { Options } from 'pino-http';
import type { AppConfig } from '../../config/app.config';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Uses a well-formed incoming X-Request-Id (from a proxy) or makes one, and echoes it back. */
export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

/** Path segments that are secrets in themselves: whoever reads the log could use them. */
const SECRET_SEGMENTS: Array<[RegExp, string]> = [
  // Express routes case-insensitively and tolerates repeated slashes: so does this.
  [/^(\/+api\/+v1\/+tickets\/+lookup\/+)[^/]*/i, '$1:queryCode'],
];

/** A request path as it may be logged: no query string, and no 查询码 (it opens a ticket's status). */
export function loggedPath(url: string): string {
  const path = String(url).split('?')[0]!;
  return SECRET_SEGMENTS.reduce((p, [pattern, replacement]) => p.replace(pattern, replacement), path);
}

/**
 * Structured JSON logs, one line per request. Only the method, the path (never the query string,
 * which may carry names, phone numbers or an Open311 `api_key`, nor a 查询码), the status and the
 * time are logged; headers that carry credentials, and any `api_key` field, are never logged.
 */
export function httpLoggerOptions(config: AppConfig): Options {
  return {
    level: config.logLevel,
    genReqId: requestId,
    autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/api/v1/health') },
    customLogLevel: (_req, res, err) =>
      err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        path: loggedPath(req.url),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.phone',
        '*.openid',
        // An integrator's Open311 key opens its county's POSTs: never in a log line, wherever it is.
        'api_key',
        'apiKey',
        '*.api_key',
        '*.apiKey',
        '*.*.api_key',
        '*.*.apiKey',
      ],
      remove: true,
    },
  };
}

/**
 * nestjs-pino reuses the pino-http middleware that createApp mounts first on Express, so that every
 * request (API, static app, unknown routes) gets a request id and a log line, not only matched routes.
 */
export function loggerParams(config: AppConfig): Params {
  return {
    pinoHttp: httpLoggerOptions(config),
    useExisting: true,
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
  };
}
