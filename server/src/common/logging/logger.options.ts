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

/**
 * Structured JSON logs, one line per request. Only the method, the path (never the query string,
 * which may carry names or phone numbers), the status and the time are logged; headers that carry
 * credentials are never logged.
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
        path: String(req.url).split('?')[0],
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
