import { EventEmitter } from 'node:events';
import { Agent, request } from 'node:http';
import type { LivenessResponse, ReadinessResponse } from '@jinri/shared';
import { HealthService } from '../src/modules/health/health.service';
import { installGracefulShutdown } from '../src/modules/operations/shutdown';
import { call, startTestApp, type TestApp } from './app';
import { testDatabases, type TestDatabase } from './databases';

const METRICS_TOKEN = 'metrics-token-for-the-spec-0123';

/** A raw HTTP request whose body is sent in two halves, `pause` apart: a slow upload in flight. */
function slowPost(
  url: string,
  path: string,
  body: unknown,
  agent: Agent,
): { sentHalf: Promise<void>; finish: () => void; answer: Promise<{ status: number; connection?: string }> } {
  const text = Buffer.from(JSON.stringify(body));
  const half = Math.floor(text.length / 2);
  let finish = () => {};
  let sentHalf = () => {};
  const sent = new Promise<void>((resolve) => (sentHalf = resolve));
  const answer = new Promise<{ status: number; connection?: string }>((resolve, reject) => {
    const req = request(
      `${url}${path}`,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': String(text.length) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }));
      },
    );
    req.on('error', reject);
    req.write(text.subarray(0, half), () => sentHalf());
    finish = () => req.end(text.subarray(half));
  });
  return { sentHalf: sent, finish: () => finish(), answer };
}

describe.each(testDatabases())('operations on %s', (_name, makeDatabase) => {
  let database: TestDatabase;
  let sut: TestApp;

  beforeAll(async () => {
    database = makeDatabase();
    await database.create();
    sut = await startTestApp(database.config(), { env: { DEMO_LOGIN: '1' } });
  });

  afterAll(async () => {
    await sut?.app.close();
    await database?.drop();
  });

  it('tells liveness from readiness', async () => {
    const live = await call<LivenessResponse>(sut.url, 'GET', '/health/live');
    expect(live).toMatchObject({ status: 200, body: { status: 'live' } });
    const ready = await call<ReadinessResponse>(sut.url, 'GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ready', database: { up: true, migrated: true } });
    expect(ready.body.database.migration).toMatch(/\d{13}$/);
    expect(ready.headers.get('cache-control')).toBe('no-store');
  });

  it('counts requests by route template and status class, never by raw URL', async () => {
    await call(sut.url, 'GET', '/officials/987654');
    await call(sut.url, 'GET', '/tickets/lookup/ABCD-EFGH');
    await call(sut.url, 'GET', '/no/such/route/13800138000');
    const metrics = await fetch(`${sut.url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain;.*version=0\.0\.4/);
    const text = await metrics.text();
    expect(text).toMatch(
      /http_requests_total\{method="GET",route="\/api\/v1\/officials\/:id",status_class="4xx"\} 1/,
    );
    expect(text).toMatch(
      /http_request_duration_seconds_bucket\{le="0\.05",method="GET",route="\/api\/v1\/health\/live"/,
    );
    expect(text).not.toMatch(/987654|13800138000|ABCD-EFGH/);
    expect(text).toMatch(/^jinri_outbox_pending_messages 0$/m);
    expect(text).toMatch(/^jinri_outbox_oldest_pending_age_seconds 0$/m);
    expect(text).toMatch(/^jinri_shutting_down 0$/m);
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
    if (_name === 'mysql') expect(text).toMatch(/^jinri_db_pool_connections\{state="idle"\} \d+$/m);
    else expect(text).not.toMatch(/jinri_db_pool_connections\{/);
  });

  it('shows /metrics only to a direct loopback caller, or to the bearer of METRICS_TOKEN', async () => {
    const proxied = await fetch(`${sut.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(proxied.status).toBe(403);
    expect(await proxied.text()).not.toMatch(/http_requests_total/);
    const second = await startTestApp(database.config(), { env: { METRICS_TOKEN } });
    try {
      expect((await fetch(`${second.url}/metrics`)).status).toBe(401);
      const bearer = await fetch(`${second.url}/metrics`, {
        headers: { authorization: `Bearer ${METRICS_TOKEN}`, 'x-forwarded-for': '10.0.0.1' },
      });
      expect(bearer.status).toBe(200);
      expect(await bearer.text()).toMatch(/http_requests_total/);
    } finally {
      await second.app.close();
    }
  });

  it('on SIGTERM finishes the request in flight, refuses new ones, closes idle keep-alive connections and exits 0', async () => {
    const app = await startTestApp(database.config(), { env: { DEMO_LOGIN: '1' } });
    const signals = new EventEmitter();
    let signalledAt = 0;
    const exited = new Promise<{ code: number; ms: number }>((resolve) =>
      installGracefulShutdown(app.app, {
        graceMs: 5000,
        signals,
        exit: (code) => resolve({ code, ms: Date.now() - signalledAt }),
      }),
    );
    const agent = new Agent({ keepAlive: true });
    try {
      // An idle keep-alive connection (must not hold the shutdown open) and a slow upload in flight.
      const warm = await fetch(`${app.url}/api/v1/health/live`);
      expect(warm.status).toBe(200);
      const slow = slowPost(app.url, '/api/v1/auth/demo', { role: 'resident' }, agent);
      await slow.sentHalf;
      await new Promise((resolve) => setTimeout(resolve, 100));

      signalledAt = Date.now();
      signals.emit('SIGTERM');
      const readiness = await app.app.get(HealthService).readiness();
      expect(readiness).toMatchObject({ status: 'not-ready', reason: 'shutting-down' });
      // A new request: the listener is closed (refused), or answered 503 while it closes.
      const late = await fetch(`${app.url}/api/v1/units`).then(
        (r) => r.status,
        () => 'refused',
      );
      expect([503, 'refused']).toContain(late);

      await new Promise((resolve) => setTimeout(resolve, 300));
      slow.finish();
      const answer = await slow.answer;
      expect(answer.status).toBeGreaterThanOrEqual(200);
      expect(answer.status).toBeLessThan(300);
      expect(answer.connection).toBe('close');
      const { code, ms } = await exited;
      expect(code).toBe(0);
      expect(ms).toBeLessThan(5000);
      process.stdout.write(
        `graceful shutdown: exit ${code} ${ms} ms after SIGTERM (in-flight upload answered ${answer.status})\n`,
      );
    } finally {
      agent.destroy();
    }
  });
});
