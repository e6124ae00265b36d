import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { respond } from './today-response';
import { TodayService } from './today.service';

const PATH = '/api/v1/today';
const UNIT = /^[1-9]\d{0,9}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * GET /today is the page every resident opens. When its answer is already cached and current, it is
 * written straight from memory at the HTTP server, before Express and Nest (measured: the full stack
 * costs ~90% of the time of a cached answer). Anything else — a cache miss, an unusual query, another
 * method — goes through the normal stack, which validates, builds, caches and logs. The answer is the
 * same either way: same body, ETag, 304 and security headers (a test compares both paths).
 */
export function installTodayFastPath(app: INestApplication, securityHeaders: Record<string, string>): void {
  const server = app.getHttpServer() as Server;
  const today = app.get(TodayService);
  const [express] = server.listeners('request') as Array<(req: IncomingMessage, res: ServerResponse) => void>;
  if (!express) return;
  // One flat [name, value, name, value…] list written with a single writeHead (see respond): per-header
  // setHeader calls would cost more than everything else here.
  const fixed = Object.entries(securityHeaders).flat();
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!serveFromCache(today, fixed, req, res)) express(req, res);
  });
}

function serveFromCache(
  today: TodayService,
  fixed: string[],
  req: IncomingMessage,
  res: ServerResponse,
): boolean {
  const url = req.url ?? '';
  if (req.method !== 'GET' || !url.startsWith(`${PATH}?`)) return false;
  const params = new URLSearchParams(url.slice(PATH.length + 1));
  const unitId = params.get('unitId');
  const date = params.get('date');
  let count = 0;
  params.forEach(() => (count += 1));
  if (
    !unitId ||
    !UNIT.test(unitId) ||
    (date !== null && !DATE.test(date)) ||
    count !== (date === null ? 1 : 2)
  )
    return false;
  const hit = today.peek(Number(unitId), date ?? undefined);
  if (!hit) return false;
  const incomingId = req.headers['x-request-id'];
  const requestId = typeof incomingId === 'string' && REQUEST_ID.test(incomingId) ? incomingId : randomUUID();
  const answer = respond(
    hit,
    { ifNoneMatch: req.headers['if-none-match'], acceptEncoding: req.headers['accept-encoding'] },
    fixed,
  );
  answer.headers.push('x-request-id', requestId);
  res.writeHead(answer.status, answer.headers);
  res.end(answer.body ?? undefined);
  return true;
}
