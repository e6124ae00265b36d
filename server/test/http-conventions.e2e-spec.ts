import { gunzipSync } from 'node:zlib';
import type { ApiErrorBody } from '@jinri/shared';
import { addDays, localDate, weekStart } from '../src/common/time/local-time';
import { CACHE_CONTROL, PUBLIC_GET_CACHE } from '../src/common/http/cache-control';
import { POLICY } from '../src/modules/auth/policy';
import { call, startTestApp, type TestApp } from './app';
import { sampleRequests, type Sample } from './authorization/samples';
import { testDatabases, type TestDatabase } from './databases';
import { demoOfficials, demoToken, startDemoCounty, type DemoCounty } from './helpers/demo-county';
import { rawRequest } from './http/raw-request';

const ALLOWED = 'https://data.example.gov.cn';
const ALSO_ALLOWED = 'http://localhost:5173';
const OTHER = 'https://evil.example.com';

/** Every public GET route of the policy table, as "GET /path". */
const PUBLIC_GETS = Object.entries(POLICY)
  .filter(([key, policy]) => key.startsWith('GET ') && policy.allow === 'public')
  .map(([key]) => key);

/**
 * Samples that answer 200 where the authorization matrix's own (made to reach the handler, often a
 * 404) do not: real ids and dates of the demo.
 */
async function answering(url: string, officialId: number): Promise<Record<string, Sample>> {
  const found: Record<string, Sample> = { 'GET /api/v1/rankings': { path: '/rankings' } };
  const get = async <T>(path: string) => call<T>(url, 'GET', path);
  const service = (await get<Array<{ service_code: string }>>('/open311/v2/services.json')).body[0];
  if (service)
    found['GET /open311/v2/services/:code.:format'] = {
      path: `/open311/v2/services/${service.service_code}.json`,
    };
  const request = (await get<Array<{ service_request_id: string }>>('/open311/v2/requests.json')).body[0];
  if (request)
    found['GET /open311/v2/requests/:id.:format'] = {
      path: `/open311/v2/requests/${request.service_request_id}.json`,
    };
  const lottery = (await get<{ items?: Array<{ id: number }> } | Array<{ id: number }>>('/lotteries')).body;
  const lotteryId = (Array.isArray(lottery) ? lottery : (lottery.items ?? []))[0]?.id;
  if (lotteryId) found['GET /api/v1/lotteries/:id'] = { path: `/lotteries/${lotteryId}` };
  const today = localDate(new Date());
  for (let back = 0; back < 14; back += 1) {
    const date = addDays(today, -back);
    if ((await get(`/plans/${officialId}/${date}/revisions`)).status !== 200) continue;
    found['GET /api/v1/plans/:officialId/:date/revisions'] = {
      path: `/plans/${officialId}/${date}/revisions`,
    };
    break;
  }
  for (let back = 1; back < 4; back += 1) {
    const monday = addDays(weekStart(today), -7 * back);
    if ((await get(`/weekly-reports/${officialId}/${monday}`)).status !== 200) continue;
    found['GET /api/v1/weekly-reports/:officialId/:weekStart'] = {
      path: `/weekly-reports/${officialId}/${monday}`,
    };
    break;
  }
  return found;
}

/** The full path of a sample (Open311 and /metrics live outside the API prefix). */
const full = (path: string) =>
  path.startsWith('/open311/') || path === '/metrics' ? path : `/api/v1${path}`;

describe.each(testDatabases())('HTTP conventions on %s', (_name, makeDatabase) => {
  let county: DemoCounty;
  let url: string;
  let samples: Record<string, Sample>;

  beforeAll(async () => {
    // The whole demo (tickets too): requests.json and the lists are as large as in the field.
    county = await startDemoCounty(makeDatabase, {
      env: { SEED_DEMO: '1', CORS_ORIGINS: `${ALLOWED}, ${ALSO_ALLOWED}` },
    });
    url = county.sut.url;
    const officialA = (await demoOfficials(url))[0]!.officialId!;
    const townX = (
      await call<{ posts: Array<{ unit: { id: number } }> }>(url, 'GET', `/officials/${officialA}`)
    ).body.posts[0]!.unit.id;
    samples = { ...sampleRequests({ officialA, townX, inviteId: 0 }), ...(await answering(url, officialA)) };
  }, 180_000);

  afterAll(async () => {
    await county?.sut.app.close();
    await county?.stub.close();
    await county?.database.drop();
  });

  describe('Cache-Control', () => {
    it('has a rule for every public GET route of the policy table', () => {
      expect(PUBLIC_GETS.filter((key) => !(key in PUBLIC_GET_CACHE))).toEqual([]);
      expect(Object.keys(PUBLIC_GET_CACHE).filter((key) => !PUBLIC_GETS.includes(key))).toEqual([]);
    });

    it('sends each public GET route’s rule to an anonymous caller, and no-store with an error', async () => {
      const rows: Array<[string, number, string | null]> = [];
      for (const key of PUBLIC_GETS) {
        const sample = samples[key];
        expect([key, sample !== undefined]).toEqual([key, true]);
        const answer = await rawRequest(url, 'GET', full(sample!.path));
        rows.push([key, answer.status, (answer.headers['cache-control'] as string | undefined) ?? null]);
      }
      const expected = rows.map(([key, status]) => [
        key,
        status,
        status >= 400 ? 'no-store' : CACHE_CONTROL[PUBLIC_GET_CACHE[key] ?? 'personal'],
      ]);
      expect(rows).toEqual(expected);
      // The samples reach their handlers and answer 2xx, but for a made-up 查询码 and the board's PDF
      // (503 on a machine without a CJK font).
      const failing = rows.filter(([, status]) => status >= 400).map(([key]) => key);
      expect(failing.filter((key) => !/lookup|\/board$/.test(key))).toEqual([]);
    });

    it('keeps the answers of public routes apart by login: Vary Authorization, private with a token', async () => {
      const anonymous = await rawRequest(url, 'GET', '/api/v1/units');
      expect(anonymous.headers.vary).toMatch(/Authorization/);
      const token = await demoToken(url, 'resident');
      const signedIn = await rawRequest(url, 'GET', '/api/v1/units', { authorization: `Bearer ${token}` });
      expect([signedIn.status, signedIn.headers['cache-control']]).toEqual([200, CACHE_CONTROL.signedIn]);
      const lookup = await rawRequest(url, 'GET', '/api/v1/tickets/lookup/ABCD-EFGH', {
        authorization: `Bearer ${token}`,
      });
      expect(lookup.headers['cache-control']).toBe('no-store');
    });

    it('never lets a shared cache keep what needs a login', async () => {
      const token = await demoToken(url, 'admin');
      for (const path of ['/api/v1/me', '/api/v1/tickets/inbox', '/api/v1/admin/grants']) {
        const answer = await rawRequest(url, 'GET', path, { authorization: `Bearer ${token}` });
        expect([path, answer.status, answer.headers['cache-control']]).toEqual([
          path,
          200,
          CACHE_CONTROL.loggedInOnly,
        ]);
      }
    });

    it('answers HEAD like GET', async () => {
      const head = await rawRequest(url, 'HEAD', '/api/v1/popolo/jurisdictions/county');
      expect([head.status, head.headers['cache-control']]).toEqual([200, CACHE_CONTROL.directory]);
    });
  });

  describe('compression', () => {
    const LISTS = [
      '/open311/v2/requests.json',
      '/open311/v2/requests.xml',
      '/open311/v2/services.json',
      '/api/v1/tickets/public',
      '/api/v1/popolo/persons',
      '/api/v1/popolo/jurisdictions/county',
      '/api/v1/units',
      '/api/v1/rankings',
    ];

    it.each(LISTS)('gzips %s when asked (above 1 KB), and sends it plain otherwise', async (path) => {
      const plain = await rawRequest(url, 'GET', path);
      expect([plain.status, plain.headers['content-encoding']]).toEqual([200, undefined]);
      expect(plain.body.length).toBeGreaterThan(1024);
      const gzipped = await rawRequest(url, 'GET', path, { 'accept-encoding': 'gzip' });
      expect([gzipped.status, gzipped.headers['content-encoding']]).toEqual([200, 'gzip']);
      expect(gzipped.headers.vary).toMatch(/Accept-Encoding/);
      expect(gzipped.body.length).toBeLessThan(plain.body.length / 2);
      expect(gunzipSync(gzipped.body).equals(plain.body)).toBe(true);
    });

    it('leaves a small answer alone', async () => {
      const small = await rawRequest(url, 'GET', '/api/v1/health/live', { 'accept-encoding': 'gzip' });
      expect(small.body.length).toBeLessThan(1024);
      expect(small.headers['content-encoding']).toBeUndefined();
    });
  });

  describe('CORS', () => {
    const preflight = (origin: string, method: string, headers: string) =>
      rawRequest(url, 'OPTIONS', '/api/v1/tickets', {
        origin,
        'access-control-request-method': method,
        'access-control-request-headers': headers,
      });
    const corsHeaders = (headers: Record<string, unknown>) =>
      Object.keys(headers).filter((name) => name.startsWith('access-control-'));

    it('answers the preflight of an allowed origin', async () => {
      for (const origin of [ALLOWED, ALSO_ALLOWED]) {
        const answer = await preflight(origin, 'POST', 'authorization,content-type,idempotency-key');
        expect([answer.status, answer.headers['access-control-allow-origin']]).toEqual([204, origin]);
        expect(String(answer.headers['access-control-allow-methods']).split(',')).toEqual(
          expect.arrayContaining(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
        );
        expect(String(answer.headers['access-control-allow-headers']).split(',')).toEqual(
          expect.arrayContaining(['Authorization', 'Content-Type', 'Idempotency-Key']),
        );
        expect(answer.headers['access-control-max-age']).toBe('600');
        expect(answer.headers['access-control-allow-credentials']).toBeUndefined();
        expect(answer.headers.vary).toMatch(/Origin/);
      }
    });

    it('gives any other origin nothing: no Access-Control header, not even on the preflight', async () => {
      const answer = await preflight(OTHER, 'POST', 'authorization,content-type');
      expect(corsHeaders(answer.headers)).toEqual([]);
      expect(answer.status).toBe(404);
      const get = await rawRequest(url, 'GET', '/api/v1/units', { origin: OTHER });
      expect([get.status, corsHeaders(get.headers)]).toEqual([200, []]);
      expect(get.headers.vary).toMatch(/Origin/);
      // An origin is matched whole: no prefix, no other scheme or port.
      for (const near of [`${ALLOWED}.evil.com`, ALLOWED.replace('https', 'http'), `${ALLOWED}:8443`, 'null'])
        expect([near, corsHeaders((await preflight(near, 'GET', 'authorization')).headers)]).toEqual([
          near,
          [],
        ]);
    });

    it('lets an allowed origin read answers and their ETag, Open311 included', async () => {
      for (const path of ['/api/v1/units', '/open311/v2/requests.json']) {
        const answer = await rawRequest(url, 'GET', path, { origin: ALLOWED });
        expect([path, answer.status, answer.headers['access-control-allow-origin']]).toEqual([
          path,
          200,
          ALLOWED,
        ]);
        expect(String(answer.headers['access-control-expose-headers'])).toMatch(/ETag/);
      }
    });
  });
});

describe.each(testDatabases().slice(0, 1))('without CORS_ORIGINS (%s)', (_name, makeDatabase) => {
  let database: TestDatabase;
  let sut: TestApp;

  beforeAll(async () => {
    database = makeDatabase();
    await database.create();
    sut = await startTestApp(database.config());
  });

  afterAll(async () => {
    await sut?.app.close();
    await database?.drop();
  });

  it('answers no origin with CORS: the preflight is a 404 and a GET carries no Access-Control header', async () => {
    const options = await rawRequest(sut.url, 'OPTIONS', '/api/v1/health', {
      origin: ALLOWED,
      'access-control-request-method': 'GET',
    });
    const get = await rawRequest(sut.url, 'GET', '/api/v1/health', { origin: ALLOWED });
    const access = (headers: Record<string, unknown>) =>
      Object.keys(headers).filter((h) => h.startsWith('access-'));
    expect([options.status, access(options.headers), get.status, access(get.headers)]).toEqual([
      404,
      [],
      200,
      [],
    ]);
    expect(JSON.parse(options.body.toString()) as ApiErrorBody).toMatchObject({ code: 'COMMON.NOT_FOUND' });
  });
});
