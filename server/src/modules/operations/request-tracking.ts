import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { errorMessage } from '@jinri/shared';
import { Lifecycle } from './lifecycle.service';
import { MetricsService } from './metrics.service';

/** Answered even while draining: probes and the scraper must see the instance go. */
const PROBES = /^\/(api\/v1\/health(\/live|\/ready)?|metrics)\/?(\?|$)/;

/**
 * Wraps the HTTP server's request handler (outermost, so the today fast path is counted too): every
 * request is counted in flight and measured for /metrics by its route template; once draining, new
 * requests get 503 SYSTEM.SHUTTING_DOWN with `Connection: close`, and answers still being written
 * close their keep-alive connection so no idle socket holds the process open.
 */
export function installRequestTracking(app: INestApplication): void {
  const server = app.getHttpServer() as Server;
  const lifecycle = app.get(Lifecycle);
  const metrics = app.get(MetricsService);
  const handlers = server.listeners('request') as Array<(req: IncomingMessage, res: ServerResponse) => void>;
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const started = process.hrtime.bigint();
    let ended = false;
    const done = lifecycle.track(() => {
      if (!res.headersSent) res.setHeader('Connection', 'close');
    });
    const end = () => {
      if (ended) return;
      ended = true;
      done();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.observeRequest(req.method ?? 'GET', routeOf(req), res.statusCode, seconds);
    };
    res.once('finish', end);
    res.once('close', end);
    if (lifecycle.draining) {
      res.setHeader('Connection', 'close');
      if (!PROBES.test(req.url ?? '')) {
        refuse(res);
        return;
      }
    }
    for (const handler of handlers) handler.call(server, req, res);
  });
}

function refuse(res: ServerResponse): void {
  const body = JSON.stringify({
    code: 'SYSTEM.SHUTTING_DOWN',
    message: errorMessage('SYSTEM.SHUTTING_DOWN'),
  });
  res.writeHead(503, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Retry-After': '1',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

/**
 * The route label: the template Express matched (`/api/v1/tickets/:id`), else a fixed name — never
 * the raw path, which holds ids and 查询码.
 */
export function routeOf(req: IncomingMessage): string {
  const route = (req as IncomingMessage & { route?: { path?: unknown } }).route;
  if (typeof route?.path === 'string') return route.path;
  const path = (req.url ?? '').split('?')[0] ?? '';
  if (path === '/api/v1/today') return '/api/v1/today'; // answered by the fast path, before Express
  if (path.startsWith('/uploads/')) return '/uploads/*';
  if (path.startsWith('/api/') || path.startsWith('/open311/') || path === '/metrics') return 'unmatched';
  return 'static';
}
