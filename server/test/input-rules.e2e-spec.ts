import { randomUUID } from 'node:crypto';
import type { ApiErrorBody, TicketCreated, TicketView } from '@jinri/shared';
import { FixedClock } from '../src/common/clock';
import { atLocal } from '../src/common/time/local-time';
import { POLICY } from '../src/modules/auth/policy';
import { call, startTestApp, type TestApp } from './app';
import { testDatabases, type TestDatabase } from './databases';
import { type WechatStub } from './wechat-stub/wechat-stub';
import {
  demoOfficials,
  startDemoCounty,
  TICKET_RATES,
  demoToken,
  residentToken,
} from './helpers/demo-county';

/** Monday 2026-11-16, 10:00 in Asia/Shanghai. */
const MONDAY_10AM = atLocal('2026-11-16', '10:00');

/**
 * Input that must get a clear 4xx, never a 500 (issue #10): nulls in optional fields, invisible
 * text, HEAD on public routes, Retry-After on every 429, and the brakes on guessing codes.
 */
describe.each(testDatabases())('input rules on %s', (_name, makeDatabase) => {
  let database: TestDatabase;
  let stub: WechatStub;
  let clock: FixedClock;
  let sut: TestApp;
  let url: string;
  let officialA: number;
  let officialB: number;
  let official: string;
  let residents = 0;

  const demo = (role: string, id?: number) => demoToken(url, role, id);
  const newResident = async () => residentToken(url, `o_input_${_name}_${(residents += 1)}`);
  const submit = (token: string, body: Record<string, unknown>) =>
    call<TicketCreated & ApiErrorBody>(url, 'POST', '/tickets', {
      token,
      body: { publicAllowed: true, ...body },
      headers: { 'idempotency-key': randomUUID() },
    });
  let uniq = 0;
  const text = () => `村口路灯坏了三天，晚上出行不便（${(uniq += 1)}号）`;

  beforeAll(async () => {
    clock = new FixedClock(MONDAY_10AM);
    ({ database, stub, sut } = await startDemoCounty(makeDatabase, { clock, env: TICKET_RATES }));
    url = sut.url;
    const personas = await demoOfficials(url);
    officialA = personas[0]!.officialId!;
    officialB = personas[1]!.officialId!;
    official = await demo('official', officialA);
  });

  afterAll(async () => {
    await sut?.app.close();
    await stub?.close();
    await database?.drop();
  });

  describe('null in an optional field', () => {
    it.each(['planEntryId', 'matterId', 'unitId'])(
      'treats a null %s on a new comment as absent',
      async (field) => {
        const created = await submit(await newResident(), {
          officialId: officialA,
          content: text(),
          [field]: null,
        });
        expect([created.status, created.body.assignee?.official?.id]).toEqual([201, officialA]);
      },
    );

    it('treats a null officialId on the plan check as absent (the caller themself)', async () => {
      const checked = await call<ApiErrorBody>(url, 'POST', '/plans/check', {
        token: official,
        body: { officialId: null, entries: [{ what: '到魏庄村调度秋粮收购进度' }] },
      });
      expect(checked.status).toBe(200);
    });

    it('treats a null officialId on a transfer as absent and still needs a destination', async () => {
      const id = (await submit(await newResident(), { officialId: officialA, content: text() })).body.id;
      const nowhere = await call<ApiErrorBody>(url, 'POST', `/tickets/${id}/transfer`, {
        token: official,
        body: { version: 1, officialId: null, reason: '属民政职责' },
      });
      expect(nowhere.status).toBeGreaterThanOrEqual(400);
      expect(nowhere.status).toBeLessThan(500);
      const moved = await call<TicketView>(url, 'POST', `/tickets/${id}/transfer`, {
        token: official,
        body: { version: 1, officialId: officialB, unitId: null, reason: '属民政职责' },
      });
      expect([moved.status, moved.body.assignee?.official?.id]).toEqual([200, officialB]);
    });
  });

  describe('HEAD', () => {
    /** Every public GET route of the policy table, with its parameters filled in. */
    const publicGets = () =>
      Object.entries(POLICY)
        .filter(([key, policy]) => key.startsWith('GET ') && policy.allow === 'public')
        .map(([key]) =>
          key
            .slice('GET '.length)
            .replace(/:(id|officialId)\b/g, String(officialA))
            .replace(':unitId', '1')
            .replace(/:(date|weekStart)\b/g, '2026-11-16')
            .replace(':year', '2026')
            .replace(':queryCode', 'ZZZZZZZZ')
            .replace(':code', 'none'),
        );
    const raw = (method: string, path: string, token?: string) =>
      fetch(`${url}${path}`, { method, headers: token ? { authorization: `Bearer ${token}` } : {} });

    it('answers HEAD on every public GET route with the GET status and no body', async () => {
      const paths = publicGets();
      expect(paths.length).toBeGreaterThan(20);
      const differing: string[] = [];
      for (const path of paths) {
        const get = await raw('GET', path);
        await get.arrayBuffer();
        const head = await raw('HEAD', path);
        const body = await head.arrayBuffer();
        if (head.status !== get.status || body.byteLength !== 0)
          differing.push(`${path}: GET ${get.status}, HEAD ${head.status} (${body.byteLength} bytes)`);
      }
      expect(differing).toEqual([]);
    });

    it('keeps the GET rules on HEAD for routes that need a login or a role', async () => {
      expect((await raw('HEAD', '/api/v1/me')).status).toBe(401);
      expect((await raw('HEAD', '/api/v1/tickets/inbox', await newResident())).status).toBe(403);
      expect((await raw('HEAD', '/api/v1/me', official)).status).toBe(200);
    });
  });

  describe('Retry-After', () => {
    it('comes with every 429 on comments, through the API and through Open311', async () => {
      const strict = await startTestApp(database.config(), {
        env: { WECHAT_API_BASE: stub.url, TICKET_RATE_PER_USER: '1', TICKET_RATE_PER_IP: '1000' },
        clock,
      });
      try {
        const post = (token: string, path: string, body: Record<string, unknown>) =>
          call<unknown>(strict.url, 'POST', path, {
            token,
            body,
            headers: { 'idempotency-key': randomUUID() },
          });
        const api = await newResident();
        const comment = () => ({ officialId: officialA, content: text(), publicAllowed: false });
        expect((await post(api, '/tickets', comment())).status).toBe(201);
        const refused = await post(api, '/tickets', comment());
        expect([refused.status, refused.headers.get('retry-after')]).toEqual([429, '600']);

        const code = (await call<Array<{ service_code: string }>>(url, 'GET', '/open311/v2/services.json'))
          .body[0]!.service_code;
        const geo = await newResident();
        const request = () => ({ service_code: code, description: text(), address_string: '村委会门口' });
        expect((await post(geo, '/open311/v2/requests.json', request())).status).toBe(201);
        const geoRefused = await post(geo, '/open311/v2/requests.json', request());
        expect([geoRefused.status, geoRefused.headers.get('retry-after')]).toEqual([429, '600']);
      } finally {
        await strict.app.close();
      }
    });
  });

  describe('visible text', () => {
    it.each([
      ['20 zero-width spaces', '\u200B'.repeat(20)],
      ['5 NUL bytes', '\u0000'.repeat(5)],
      ['three characters padded with invisible ones', '路\u200B灯\uFEFF\u2060坏\u3000\u3164'],
    ])('refuses a comment of %s with the field named', async (_label, content) => {
      const refused = await submit(await newResident(), { officialId: officialA, content });
      expect([refused.status, refused.body.code, refused.body.details]).toEqual([
        400,
        'COMMON.VALIDATION_FAILED',
        [{ field: 'content', reasons: ['留言太短了，请至少写 5 个字'] }],
      ]);
    });

    it('stores a comment without its control characters but with its line breaks', async () => {
      const token = await newResident();
      const created = await submit(token, {
        officialId: officialA,
        content: '\u200B村口路灯\u0000坏了\r\n晚上\u001B看不见路\u0007 ',
      });
      expect(created.status).toBe(201);
      const view = await call<TicketView>(url, 'GET', `/tickets/${created.body.id}`, { token });
      expect(view.body.content).toBe('村口路灯坏了\n晚上看不见路');
    });

    it.each([
      ['a trailing 。', (t: string) => `${t}。`],
      ['spacing and an exclamation mark', (t: string) => `${t.split('').join(' ')} !`],
      [
        'full-width punctuation and a zero-width space',
        (t: string) => `${t.slice(0, 3)}\u200B，${t.slice(3)}！`,
      ],
    ])('refuses the same text again within a day despite %s', async (_label, vary) => {
      const token = await newResident();
      const first = text();
      expect((await submit(token, { officialId: officialA, content: first })).status).toBe(201);
      const again = await submit(token, { officialId: officialA, content: vary(first) });
      expect([again.status, again.body.code]).toEqual([409, 'TICKET.DUPLICATE']);
    });

    it('counts visible characters in replies and reasons too', async () => {
      const id = (await submit(await newResident(), { officialId: officialA, content: text() })).body.id;
      const act = (action: string, body: Record<string, unknown>) =>
        call<ApiErrorBody>(url, 'POST', `/tickets/${id}/${action}`, { token: official, body });
      expect((await act('acknowledge', { version: 1 })).status).toBe(200);
      const reply = await act('reply', { version: 2, content: '\u200B\u200B\u200B' });
      expect([reply.status, reply.body.details]).toEqual([
        400,
        [{ field: 'content', reasons: ['答复至少 2 个字'] }],
      ]);
      const transfer = await act('transfer', {
        version: 2,
        officialId: officialB,
        reason: '\u200B'.repeat(10),
      });
      expect([transfer.status, transfer.body.code]).toEqual([400, 'TICKET.REASON_REQUIRED']);
    });
  });

  describe('查询码 lookups', () => {
    it('refuses wrong codes beyond the limit per user and per address with 429 and Retry-After', async () => {
      const own = new FixedClock(MONDAY_10AM);
      // Counts live in the database, shared by every instance: this test's address is its own.
      const other = await startTestApp(database.config(), {
        env: { WECHAT_API_BASE: stub.url, TRUST_PROXY: 'true' },
        clock: own,
      });
      try {
        const created = await submit(await newResident(), { officialId: officialA, content: text() });
        const lookup = (code: string, token?: string) =>
          call<ApiErrorBody>(other.url, 'GET', `/tickets/lookup/${code}`, {
            token,
            headers: { 'x-forwarded-for': '10.66.0.1' },
          });
        const guesser = await newResident();
        const statuses: number[] = [];
        for (let i = 0; i < 11; i += 1) statuses.push((await lookup(`ZZZZZZ${10 + i}`, guesser)).status);
        expect(statuses).toEqual([...Array<number>(10).fill(404), 429]);
        // Blocked means blocked: the right code waits too, for the rest of the 10 minutes.
        const blocked = await lookup(created.body.queryCode, guesser);
        expect([blocked.status, blocked.body.code]).toEqual([429, 'COMMON.RATE_LIMITED']);
        expect(Number(blocked.headers.get('retry-after'))).toBe(600);
        // Others on the same address are not blocked by one user's 10, but the address is at 30.
        expect((await lookup(created.body.queryCode)).status).toBe(200);
        const anonymous: number[] = [];
        for (let i = 0; i < 21; i += 1) anonymous.push((await lookup(`YYYYYY${10 + i}`)).status);
        expect(anonymous).toEqual([...Array<number>(20).fill(404), 429]);
        expect((await lookup(created.body.queryCode, await newResident())).status).toBe(429);
        own.advance(4 * 60_000);
        expect((await lookup(created.body.queryCode)).headers.get('retry-after')).toBe('360');
        own.advance(6 * 60_000);
        expect((await lookup(created.body.queryCode)).status).toBe(200);
      } finally {
        await other.app.close();
      }
    });
  });

  describe('invite code guessing', () => {
    let other: TestApp;
    /** The counters live in the database (shared by every instance): each test types from its own address. */
    let address = '';
    let addresses = 0;
    const redeem = (token: string, device: string | undefined, code: string) =>
      call<ApiErrorBody>(other.url, 'POST', '/me/invites/redeem', {
        token,
        body: { code },
        headers: { 'x-forwarded-for': address, ...(device ? { 'x-device-id': device } : {}) },
      });
    const wrong = (i: number) => `AAAA-BBBB-${String(1000 + i).slice(-4)}`;

    beforeEach(async () => {
      address = `10.66.1.${(addresses += 1)}`;
      other = await startTestApp(database.config(), {
        env: { WECHAT_API_BASE: stub.url, TRUST_PROXY: 'true' },
        clock: new FixedClock(MONDAY_10AM),
      });
    });
    afterEach(async () => {
      await other?.app.close();
    });

    it('stops a device after 10 wrong codes, whichever accounts typed them', async () => {
      const device = `dev_${randomUUID().replace(/-/g, '')}`;
      const [first, second, third] = [await newResident(), await newResident(), await newResident()];
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1) statuses.push((await redeem(first, device, wrong(i))).status);
      for (let i = 5; i < 10; i += 1) statuses.push((await redeem(second, device, wrong(i))).status);
      expect(statuses).toEqual(Array<number>(10).fill(404));
      const blocked = await redeem(third, device, wrong(10));
      expect([blocked.status, blocked.body.code, blocked.headers.get('retry-after')]).toEqual([
        429,
        'COMMON.RATE_LIMITED',
        '600',
      ]);
      // The same account on another device is not blocked by what the device did.
      expect((await redeem(third, `dev_${randomUUID().replace(/-/g, '')}`, wrong(11))).status).toBe(404);
    });

    it('stops an address after 30 wrong codes, whichever accounts and devices typed them', async () => {
      const statuses: number[] = [];
      for (let user = 0; user < 6; user += 1) {
        const token = await newResident();
        const device = user % 2 === 0 ? `dev_${randomUUID().replace(/-/g, '')}` : undefined;
        for (let i = 0; i < 5; i += 1)
          statuses.push((await redeem(token, device, wrong(user * 5 + i))).status);
      }
      expect(statuses).toEqual(Array<number>(30).fill(404));
      const blocked = await redeem(await newResident(), 'not a device id!', wrong(31));
      expect([blocked.status, blocked.headers.get('retry-after')]).toEqual([429, '600']);
    });
  });
});
