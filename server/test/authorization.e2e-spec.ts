import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { ApiErrorBody, AuthTokens, CreatedInvite, DemoPersona, MeResponse } from '@jinri/shared';
import { addDays, localDate, weekStart } from '../src/common/time/local-time';
import { POLICY, type RoutePolicy } from '../src/modules/auth/policy';
import { registeredRoutes } from '../src/modules/auth/routes';
import type { StaffRole } from '../src/modules/auth/auth-user';
import { call, startTestApp, type TestApp } from './app';
import { testDatabases, type TestDatabase } from './databases';
import { startWechatStub, type WechatStub } from './wechat-stub/wechat-stub';

/** The codes that mean "you may not": anything else means the guard let the request through. */
const DENIED = new Set(['COMMON.UNAUTHORIZED', 'AUTH.ROLE_REQUIRED', 'COMMON.FORBIDDEN']);

type Persona = 'anonymous' | 'resident' | StaffRole;
const PERSONAS: Persona[] = ['anonymous', 'resident', 'official', 'clerk', 'supervisor', 'admin'];

function expected(policy: RoutePolicy, persona: Persona): 'allow' | 'deny' {
  if (policy.allow === 'public') return 'allow';
  if (persona === 'anonymous') return 'deny';
  if (policy.allow === 'signed-in') return 'allow';
  return persona !== 'resident' && policy.allow.includes(persona) ? 'allow' : 'deny';
}

describe.each(testDatabases())('the authorization matrix on %s', (_name, makeDatabase) => {
  let database: TestDatabase;
  let stub: WechatStub;
  let sut: TestApp;
  const tokens = {} as Record<Persona, string | undefined>;
  let officialA: number;
  let officialB: number;
  let townX: number;
  let townY: number;
  let countyAdmin: string;
  let samples: Record<string, { path: string; body?: unknown }>;

  const as = (persona: Persona, method: string, path: string, body?: unknown) =>
    call<ApiErrorBody>(sut.url, method, path, { token: tokens[persona], body });
  const demo = async (role: string, officialId?: number) =>
    (await call<AuthTokens>(sut.url, 'POST', '/auth/demo', { body: { role, officialId } })).body.accessToken;
  const unitOf = async (officialId: number) =>
    (await call<{ posts: Array<{ unit: { id: number } }> }>(sut.url, 'GET', `/officials/${officialId}`)).body
      .posts[0]!.unit.id;

  beforeAll(async () => {
    database = makeDatabase();
    await database.create();
    stub = await startWechatStub();
    sut = await startTestApp(database.config(), {
      // The cross-scope rows send many comments from one address.
      env: { WECHAT_API_BASE: stub.url, DEMO_LOGIN: '1', SEED_DEMO: 'county', TICKET_RATE_PER_IP: '10000' },
    });
    const personas = (await call<DemoPersona[]>(sut.url, 'GET', '/demo/personas')).body.filter(
      (p) => p.role === 'official',
    );
    officialA = personas[0]!.officialId!; // a town head (town X)
    officialB = personas[1]!.officialId!; // a civil-affairs assistant of another town (town Y)
    townX = await unitOf(officialA);
    townY = await unitOf(officialB);
    expect(townX).not.toBe(townY);
    tokens.anonymous = undefined;
    tokens.resident = (
      await call<AuthTokens>(sut.url, 'POST', '/auth/wechat', { body: { code: 'code:o6_matrix' } })
    ).body.accessToken;
    tokens.official = await demo('official', officialA);
    tokens.clerk = await demo('clerk', officialA);
    tokens.supervisor = await demo('supervisor', officialA);
    tokens.admin = await demo('admin', officialA);
    countyAdmin = await demo('admin');
    const invite = (
      await call<CreatedInvite>(sut.url, 'POST', '/admin/invites', {
        token: countyAdmin,
        body: { role: 'clerk', unitId: townX },
      })
    ).body;
    const tomorrow = addDays(localDate(new Date()), 1);
    const monday = weekStart(localDate(new Date()));
    samples = {
      'GET /api/v1/health': { path: '/health' },
      'POST /api/v1/auth/wechat': { path: '/auth/wechat', body: { code: 'invalid' } },
      'POST /api/v1/auth/demo': { path: '/auth/demo', body: { role: 'resident' } },
      'GET /api/v1/demo/personas': { path: '/demo/personas' },
      'POST /api/v1/auth/refresh': { path: '/auth/refresh', body: { refreshToken: 'not-a-token' } },
      'POST /api/v1/auth/logout': { path: '/auth/logout', body: { refreshToken: 'not-a-token' } },
      'GET /api/v1/me': { path: '/me' },
      'POST /api/v1/me/invites/redeem': { path: '/me/invites/redeem', body: { code: 'AAAA-BBBB-CCCC' } },
      'POST /api/v1/me/phone': { path: '/me/phone', body: { code: 'nonsense' } },
      'GET /api/v1/me/messages': { path: '/me/messages' },
      'GET /api/v1/me/messages/unread-count': { path: '/me/messages/unread-count' },
      'POST /api/v1/me/messages/read': { path: '/me/messages/read', body: { all: true } },
      'GET /api/v1/officials/:id': { path: `/officials/${officialA}` },
      'PATCH /api/v1/officials/:id': { path: `/officials/${officialA}`, body: { photoUrl: null } },
      'GET /api/v1/units/:id/members': { path: `/units/${townX}/members` },
      'GET /api/v1/admin/invites': { path: '/admin/invites' },
      'POST /api/v1/admin/invites': { path: '/admin/invites', body: { role: 'clerk', unitId: townX } },
      'DELETE /api/v1/admin/invites/:id': { path: `/admin/invites/${invite.id}` },
      'GET /api/v1/admin/grants': { path: '/admin/grants' },
      'DELETE /api/v1/admin/grants/:id': { path: '/admin/grants/999999' },
      'GET /api/v1/today': { path: `/today?unitId=${townX}` },
      'GET /api/v1/admin/directory/export.xlsx': { path: '/admin/directory/export.xlsx' },
      'GET /api/v1/calendar/:year': { path: '/calendar/2026' },
      'PUT /api/v1/admin/calendar/:date': {
        path: '/admin/calendar/2099-01-01',
        body: { isWorkday: false, name: '测试' },
      },
      'GET /api/v1/calendar/status': { path: '/calendar/status' },
      'DELETE /api/v1/admin/calendar/:date': { path: '/admin/calendar/2099-01-01' },
      'PUT /api/v1/admin/calendar-years/:year': { path: '/admin/calendar-years/2099' },
      'POST /api/v1/admin/directory/import': { path: '/admin/directory/import', body: {} },
      'GET /api/v1/units': { path: `/units?parentId=${townX}` },
      'GET /api/v1/search': { path: '/search?q=dibao' },
      'POST /api/v1/admin/matters': { path: '/admin/matters', body: {} },
      'PUT /api/v1/admin/matters/:id': { path: '/admin/matters/999999', body: {} },
      'POST /api/v1/admin/officials': { path: '/admin/officials', body: {} },
      'POST /api/v1/admin/posts/:id/handover': {
        path: '/admin/posts/999999/handover',
        body: { officialId: 1, startDate: '2026-01-01' },
      },
      'PUT /api/v1/admin/posts/:id/deputy': {
        path: '/admin/posts/999999/deputy',
        body: { officialId: null },
      },
      'PUT /api/v1/admin/duties': {
        path: '/admin/duties',
        body: { postId: 999999, matterId: 1, coveredUnitIds: [] },
      },
      'GET /api/v1/popolo/persons': { path: '/popolo/persons?limit=5' },
      'GET /api/v1/popolo/organizations': { path: '/popolo/organizations?limit=5' },
      'GET /api/v1/popolo/posts': { path: '/popolo/posts?limit=5' },
      'GET /api/v1/popolo/memberships': { path: '/popolo/memberships?limit=5' },
      'GET /api/v1/matters/popular': { path: '/matters/popular' },
      'GET /api/v1/matters/:id': { path: '/matters/1' },
      'POST /api/v1/demo/publish': { path: '/demo/publish', body: { date: '2000-01-01' } },
      'GET /api/v1/plans/:officialId/:date': { path: `/plans/${officialA}/${tomorrow}` },
      'PUT /api/v1/plans/:officialId/:date': {
        path: `/plans/${officialA}/${tomorrow}`,
        body: {
          entries: [{ startTime: '09:00', place: '魏庄村', what: '到魏庄村调度拆迁工作', kind: '下村/实地' }],
        },
      },
      'GET /api/v1/plans/:officialId/:date/revisions': { path: `/plans/${officialA}/${tomorrow}/revisions` },
      'POST /api/v1/plans/check': { path: '/plans/check', body: { entries: [{ what: '日常工作' }] } },
      'GET /api/v1/officials/:id/timeline': { path: `/officials/${officialA}/timeline` },
      'POST /api/v1/entries/:id/updates': {
        path: '/entries/999999/updates',
        body: { kind: 'progress', text: '进展' },
      },
      'GET /api/v1/journal-rules': { path: `/journal-rules?unitId=${townX}` },
      'PUT /api/v1/admin/journal-rules/:unitId': {
        path: `/admin/journal-rules/${townX}`,
        body: {
          planDueTime: '18:00',
          publicationTime: '08:00',
          weeklyReportDueWeekday: 7,
          weeklyReportDueTime: '12:00',
          reminderTime: '17:00',
          entryKinds: ['会议', '下村/实地', '其他'],
          meetingNames: ['周例会'],
        },
      },
      'POST /api/v1/uploads': { path: '/uploads', body: {} },
      'POST /api/v1/leaves': {
        path: '/leaves',
        body: { startDate: '2099-01-05', endDate: '2099-01-06', reason: '事假' },
      },
      'GET /api/v1/leaves': { path: '/leaves' },
      'POST /api/v1/leaves/:id/approve': { path: '/leaves/999999/approve' },
      'POST /api/v1/leaves/:id/reject': { path: '/leaves/999999/reject' },
      'POST /api/v1/leaves/:id/cancel': { path: '/leaves/999999/cancel' },
      'PUT /api/v1/weekly-reports/:officialId/:weekStart': {
        path: `/weekly-reports/${officialA}/${monday}`,
        body: { results: '完成三项工作', nextWeekPlan: '推进两项工作' },
      },
      'GET /api/v1/weekly-reports/:officialId/:weekStart': { path: `/weekly-reports/${officialA}/${monday}` },
      'GET /api/v1/units/:unitId/plans': { path: `/units/${townX}/plans?date=${tomorrow}` },
      'PUT /api/v1/units/:unitId/plans': {
        path: `/units/${townX}/plans`,
        body: { date: tomorrow, plans: [] },
      },
      'GET /api/v1/units/:unitId/plans/template.xlsx': {
        path: `/units/${townX}/plans/template.xlsx?date=${tomorrow}`,
      },
      'POST /api/v1/units/:unitId/plans/import': {
        path: `/units/${townX}/plans/import?date=${tomorrow}`,
        body: {},
      },
      'POST /api/v1/tickets': {
        path: '/tickets',
        body: { officialId: officialA, content: '村口路灯坏了，请修理', publicAllowed: false },
      },
      'GET /api/v1/tickets/similar': { path: `/tickets/similar?officialId=${officialA}&content=路灯` },
      'GET /api/v1/tickets/mine': { path: '/tickets/mine' },
      'GET /api/v1/notifications/templates': { path: '/notifications/templates' },
      'GET /api/v1/tickets/following': { path: '/tickets/following' },
      'POST /api/v1/tickets/:id/follow': { path: '/tickets/999999/follow' },
      'DELETE /api/v1/tickets/:id/follow': { path: '/tickets/999999/follow' },
      'GET /api/v1/tickets/inbox': { path: '/tickets/inbox' },
      'GET /api/v1/tickets/public': { path: `/tickets/public?officialId=${officialA}` },
      'GET /api/v1/tickets/lookup/:queryCode': { path: '/tickets/lookup/ABCDEFGH' },
      'GET /api/v1/tickets/:id': { path: '/tickets/999999' },
      'POST /api/v1/tickets/:id/acknowledge': { path: '/tickets/999999/acknowledge', body: { version: 1 } },
      'POST /api/v1/tickets/:id/reply': {
        path: '/tickets/999999/reply',
        body: { version: 1, content: '已处理' },
      },
      'POST /api/v1/tickets/:id/resolve': {
        path: '/tickets/999999/resolve',
        body: { version: 1, note: '已修好' },
      },
      'POST /api/v1/tickets/:id/extension': {
        path: '/tickets/999999/extension',
        body: { version: 1, reason: '需协调', days: 2 },
      },
      'POST /api/v1/tickets/:id/transfer': {
        path: '/tickets/999999/transfer',
        body: { version: 1, unitId: townX, reason: '不属本人职责' },
      },
      'POST /api/v1/tickets/:id/assign': {
        path: '/tickets/999999/assign',
        body: { version: 1, officialId: officialA },
      },
      'POST /api/v1/tickets/:id/extension/decide': {
        path: '/tickets/999999/extension/decide',
        body: { version: 1, approve: true },
      },
      'POST /api/v1/tickets/:id/moderate': {
        path: '/tickets/999999/moderate',
        body: { version: 1, decision: 'approve' },
      },
      'POST /api/v1/tickets/:id/rate': {
        path: '/tickets/999999/rate',
        body: { version: 1, satisfied: true },
      },
      'POST /api/v1/tickets/:id/withdraw': { path: '/tickets/999999/withdraw', body: { version: 1 } },
      'POST /api/v1/tickets/:id/report': {
        path: '/tickets/999999/report',
        body: { target: 'comment', reason: 'abuse' },
      },
      'GET /api/v1/officials/:id/ticket-figures': { path: `/officials/${officialA}/ticket-figures` },
      'GET /api/v1/units/:id/ticket-figures': { path: `/units/${townX}/ticket-figures` },
      'GET /api/v1/admin/sensitive-words': { path: '/admin/sensitive-words' },
      'PUT /api/v1/admin/sensitive-words': {
        path: '/admin/sensitive-words',
        body: { unitId: townX, words: [] },
      },
      'GET /open311/v2/services.json': { path: '/open311/v2/services.json' },
      'GET /open311/v2/services/:code.json': { path: '/open311/v2/services/no-such-service.json' },
      'POST /open311/v2/requests.json': { path: '/open311/v2/requests.json', body: {} },
      'GET /open311/v2/requests.json': { path: '/open311/v2/requests.json' },
      'GET /open311/v2/requests/:id.json': { path: '/open311/v2/requests/999999.json' },
    };
  });

  afterAll(async () => {
    await sut?.app.close();
    await stub?.close();
    await database?.drop();
  });

  it('lists every registered route in the policy table, and nothing else', () => {
    const routes = registeredRoutes(sut.app.get(DiscoveryService), sut.app.get(MetadataScanner));
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.filter((r) => !(r in POLICY))).toEqual([]);
    expect(Object.keys(POLICY).filter((r) => !routes.includes(r))).toEqual([]);
  });

  it('has a sample request for every route (a new route must be added here too)', () => {
    expect(Object.keys(POLICY).filter((key) => !(key in samples))).toEqual([]);
  });

  it('allows and denies every route for every role exactly as the table says', async () => {
    const mismatches: string[] = [];
    for (const [key, policy] of Object.entries(POLICY)) {
      const method = key.split(' ')[0]!;
      const sample = samples[key]!;
      for (const persona of PERSONAS) {
        const response = await as(persona, method, sample.path, sample.body);
        // Open311 answers errors as [{ code: <status>, description }].
        const denied = Array.isArray(response.body)
          ? [401, 403].includes(response.status)
          : Boolean(response.body && DENIED.has(response.body.code));
        const got = denied ? 'deny' : 'allow';
        if (response.status >= 500) mismatches.push(`${key} as ${persona}: ${response.status} (never a 500)`);
        const want = expected(policy, persona);
        if (got !== want)
          mismatches.push(
            `${key} as ${persona}: expected ${want}, got ${response.status} ${response.body?.code ?? ''}`,
          );
        if (want === 'deny' && persona === 'anonymous' && response.status !== 401)
          mismatches.push(`${key} anonymous: ${response.status}`);
        if (want === 'deny' && persona !== 'anonymous' && response.status !== 403)
          mismatches.push(`${key} as ${persona}: ${response.status}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  describe('across scopes', () => {
    it('an official cannot change another official, only themself', async () => {
      const other = await as('official', 'PATCH', `/officials/${officialB}`, {
        photoUrl: '/uploads/2026/11/00000000-0000-4000-8000-000000000000.jpg',
      });
      expect([other.status, other.body.code]).toEqual([403, 'AUTH.OUT_OF_SCOPE']);
      expect(
        (await call<{ photoUrl: string | null }>(sut.url, 'GET', `/officials/${officialB}`)).body.photoUrl,
      ).toBeNull();
      const own = await as('official', 'PATCH', `/officials/${officialA}`, { photoUrl: null });
      expect(own.status).toBe(200);
    });

    it('a town admin can neither enter, remove nor confirm the county calendar, which the county admin keeps', async () => {
      const entered = await call(sut.url, 'PUT', '/admin/calendar/2099-03-02', {
        token: countyAdmin,
        body: { isWorkday: false, name: '本地节日' },
      });
      expect(entered.status).toBe(200);
      const before = (await call(sut.url, 'GET', '/calendar/2099')).body;
      for (const [method, path, body] of [
        ['PUT', '/admin/calendar/2099-03-03', { isWorkday: false, name: '放假' }],
        ['DELETE', '/admin/calendar/2099-03-02', undefined],
        ['PUT', '/admin/calendar-years/2099', undefined],
      ] as const) {
        const refused = await as('admin', method, path, body);
        expect([method, path, refused.status, refused.body.code]).toEqual([
          method,
          path,
          403,
          'AUTH.OUT_OF_SCOPE',
        ]);
      }
      expect((await call(sut.url, 'GET', '/calendar/2099')).body).toEqual(before);
      const removed = await call(sut.url, 'DELETE', '/admin/calendar/2099-03-02', { token: countyAdmin });
      expect(removed.status).toBe(200);
    });

    it('a town-X clerk cannot change an official of town Y', async () => {
      const sut2 = await as('clerk', 'PATCH', `/officials/${officialB}`, { photoUrl: null });
      expect([sut2.status, sut2.body.code]).toEqual([403, 'AUTH.OUT_OF_SCOPE']);
    });

    it('a town-X supervisor reads town X and its villages, and gets 404 for town Y', async () => {
      const own = await call<Array<{ unit: { id: number } }>>(sut.url, 'GET', `/units/${townX}/members`, {
        token: tokens.supervisor,
      });
      expect(own.status).toBe(200);
      expect(own.body.length).toBeGreaterThan(5);
      const ofY = await call<Array<{ unit: { id: number } }>>(sut.url, 'GET', `/units/${townY}/members`, {
        token: countyAdmin,
      });
      const yUnits = new Set(ofY.body.map((m) => m.unit.id));
      expect(own.body.filter((m) => yUnits.has(m.unit.id))).toEqual([]);
      const other = await as('supervisor', 'GET', `/units/${townY}/members`);
      expect([other.status, other.body.code]).toEqual([404, 'DIRECTORY.UNIT_NOT_FOUND']);
    });

    it('a town-X admin can neither issue, see nor revoke invites and grants of town Y', async () => {
      const issue = await as('admin', 'POST', '/admin/invites', { role: 'clerk', unitId: townY });
      expect([issue.status, issue.body.code]).toEqual([404, 'DIRECTORY.UNIT_NOT_FOUND']);
      const inY = (
        await call<CreatedInvite>(sut.url, 'POST', '/admin/invites', {
          token: countyAdmin,
          body: { role: 'clerk', unitId: townY },
        })
      ).body;
      const list = await call<Array<{ id: number; unit: { id: number } }>>(sut.url, 'GET', '/admin/invites', {
        token: tokens.admin,
      });
      expect(list.body.map((i) => i.id)).not.toContain(inY.id);
      expect(list.body.every((i) => i.unit.id !== townY)).toBe(true);
      expect((await as('admin', 'DELETE', `/admin/invites/${inY.id}`)).status).toBe(404);
      const clerkY = await demo('clerk', officialB);
      const grantY = (await call<MeResponse>(sut.url, 'GET', '/me', { token: clerkY })).body.grants[0]!.id;
      const grants = await call<Array<{ id: number }>>(sut.url, 'GET', '/admin/grants', {
        token: tokens.admin,
      });
      expect(grants.body.map((g) => g.id)).not.toContain(grantY);
      const revoke = await as('admin', 'DELETE', `/admin/grants/${grantY}`);
      expect([revoke.status, revoke.body.code]).toEqual([404, 'GRANT.NOT_FOUND']);
      expect((await call<MeResponse>(sut.url, 'GET', '/me', { token: clerkY })).body.user.roles).toContain(
        'clerk',
      );
    });

    it('a town-X admin sees the phone of a town-Y official masked only', async () => {
      const officialBToken = await demo('official', officialB);
      await call(sut.url, 'POST', '/me/phone', {
        token: officialBToken,
        body: { code: 'phone:13987654321' },
      });
      const seen = await call<{ phone: string }>(sut.url, 'GET', `/officials/${officialB}`, {
        token: tokens.admin,
      });
      expect(seen.body.phone).toBe('139****4321');
      const county = await call<{ phone: string }>(sut.url, 'GET', `/officials/${officialB}`, {
        token: countyAdmin,
      });
      expect(county.body.phone).toBe('13987654321');
    });

    it("演示：立即公示 publishes only the plans in the persona's scope, never for a resident, and is 404 without demo login", async () => {
      const date = addDays(localDate(new Date()), 12);
      const entries = [{ startTime: '09:00', place: '村委会', what: '到村委会调度秋收工作', kind: '其他' }];
      for (const official of [officialA, officialB])
        expect(
          (
            await call(sut.url, 'PUT', `/plans/${official}/${date}`, {
              token: countyAdmin,
              body: { entries },
            })
          ).status,
        ).toBe(200);
      const status = async (official: number) =>
        (await call<{ status: string }>(sut.url, 'GET', `/plans/${official}/${date}`, { token: countyAdmin }))
          .body.status;
      const resident = await as('resident', 'POST', '/demo/publish', { date });
      expect([resident.status, resident.body.code]).toEqual([403, 'AUTH.ROLE_REQUIRED']);
      expect([await status(officialA), await status(officialB)]).toEqual(['submitted', 'submitted']);

      const off = await startTestApp(database.config(), { env: { WECHAT_API_BASE: stub.url } });
      try {
        const refused = await call<ApiErrorBody>(off.url, 'POST', '/demo/publish', {
          token: countyAdmin,
          body: { date },
        });
        expect([refused.status, refused.body.code]).toEqual([404, 'AUTH.DEMO_LOGIN_DISABLED']);
      } finally {
        await off.app.close();
      }
      expect(await status(officialB)).toBe('submitted');

      // The town-X official (and the town-X admin) publish town X only; town Y waits for its own.
      expect((await as('official', 'POST', '/demo/publish', { date })).status).toBe(200);
      expect((await as('admin', 'POST', '/demo/publish', { date })).status).toBe(200);
      expect([await status(officialA), await status(officialB)]).toEqual(['published', 'submitted']);
      const county = await call(sut.url, 'POST', '/demo/publish', { token: countyAdmin, body: { date } });
      expect(county.status).toBe(200);
      expect(await status(officialB)).toBe('published');
    });
  });
  /**
   * Cross-scope rows: every route of the policy table that takes an official, post, unit or ticket
   * id, tried by the town-X persona with the ids of town Y (refused with a stable code, and nothing
   * changes) and with the ids of town X (let through, so the row can fail).
   */
  describe('across scopes, route by route', () => {
    interface Town {
      official: number;
      officialToken: string;
      unit: number;
      /** Posts of the town unit held by others than the persona's official, one per row that changes one. */
      posts: Array<{ postId: number; officialId: number }>;
    }
    interface Attempt {
      path: string;
      body?: unknown;
      /** What must not change when the attempt is refused (read as the county admin). */
      probe?: () => Promise<unknown>;
    }
    interface Row {
      route: string;
      as: StaffRole;
      attempt: (t: Town) => Promise<Attempt>;
      /** The in-scope answer when it is not a 2xx (e.g. a missing file after the scope check). */
      inScope?: [number, string];
    }
    const REFUSALS = new Set([
      'AUTH.OUT_OF_SCOPE',
      'DIRECTORY.UNIT_NOT_FOUND',
      'DIRECTORY.OFFICIAL_NOT_FOUND',
      'COMMON.NOT_FOUND',
      'TICKET.NOT_FOUND',
      'LEAVE.NOT_FOUND',
      'GRANT.NOT_FOUND',
      'ENTRY.NOT_FOUND',
    ]);
    const towns = {} as Record<'X' | 'Y', Town>;
    let made = 0;
    const unique = () => (made += 1);
    /** A person's name for the n-th new official (names are Chinese characters only). */
    const nameOf = (n: number) =>
      `新干部${[...String(n)].map((d) => '零一二三四五六七八九'[Number(d)]).join('')}`;
    const asCounty = <T>(method: string, path: string, body?: unknown) =>
      call<T>(sut.url, method, path, { token: countyAdmin, body });
    /** A body as the county admin reads it, without the request id of an error. */
    const read = async (path: string): Promise<unknown> => {
      const response = await asCounty<Record<string, unknown> | null>('GET', path);
      if (response.status < 300) return response.body;
      return { status: response.status, code: response.body?.code };
    };
    const holderOf = async (postId: number) => {
      const members = await read(`/units/${townX}/members`);
      const inY = await read(`/units/${townY}/members`);
      return [...(members as UnitMember[]), ...(inY as UnitMember[])].find((m) => m.postId === postId)
        ?.officialId;
    };
    type UnitMember = {
      postId: number;
      officialId: number;
      unit: { id: number };
      deputyOfficialId: number | null;
    };
    const deputyOf = async (postId: number) => {
      const members = [
        ...((await read(`/units/${townX}/members`)) as UnitMember[]),
        ...((await read(`/units/${townY}/members`)) as UnitMember[]),
      ];
      return members.find((m) => m.postId === postId)?.deputyOfficialId;
    };
    /** A ticket assigned to the town's official, moved on to `stage`. */
    const ticketOf = async (t: Town, stage: 'assigned' | 'acknowledged' | 'extension' | 'held') => {
      const n = unique();
      const resident = (
        await call<AuthTokens>(sut.url, 'POST', '/auth/wechat', { body: { code: `code:o6_cross_${n}` } })
      ).body.accessToken;
      const content = `${stage === 'held' ? '待审：' : ''}第${n}号路口的路灯坏了，请尽快修理`;
      const created = await call<{ id: number }>(sut.url, 'POST', '/tickets', {
        token: resident,
        headers: { 'idempotency-key': `cross-scope-${n}-${Date.now()}` },
        body: { officialId: t.official, content, publicAllowed: false },
      });
      expect(created.status).toBe(201);
      const id = created.body.id;
      const act = (action: string, body: unknown) =>
        call(sut.url, 'POST', `/tickets/${id}/${action}`, { token: t.officialToken, body });
      if (stage === 'acknowledged' || stage === 'extension')
        expect((await act('acknowledge', { version: 1 })).status).toBe(200);
      if (stage === 'extension')
        expect((await act('extension', { version: 2, reason: '需协调', days: 2 })).status).toBe(200);
      const probe = async () => {
        const seen = (await read(`/tickets/${id}`)) as Record<string, unknown>;
        return [seen.status, seen.version, seen.assignee, seen.extension, seen.moderation];
      };
      const version = ((await read(`/tickets/${id}`)) as { version: number }).version;
      return { id, version, probe };
    };
    const leaveOf = async (t: Town) => {
      const day = addDays('2099-01-01', 3 * unique());
      const created = await asCounty<{ id: number }>('POST', '/leaves', {
        officialId: t.official,
        startDate: day,
        endDate: day,
        reason: '事假',
      });
      expect(created.status).toBe(201);
      const id = created.body.id;
      const probe = async () =>
        ((await read('/leaves')) as Array<{ id: number; status: string }>).find((l) => l.id === id)?.status;
      return { id, probe };
    };
    const entries = [{ startTime: '09:00', place: '村委会', what: '到村委会调度秋收工作', kind: '其他' }];
    const later = (days: number) => addDays(localDate(new Date()), days);
    const ticketRow = (
      route: string,
      as: StaffRole,
      stage: Parameters<typeof ticketOf>[1],
      action: string,
      body: (t: Town) => Record<string, unknown>,
    ): Row => ({
      route,
      as,
      attempt: async (t) => {
        const ticket = await ticketOf(t, stage);
        return {
          path: `/tickets/${ticket.id}${action}`,
          body: action ? { version: ticket.version, ...body(t) } : undefined,
          probe: ticket.probe,
        };
      },
    });

    const rows: Row[] = [
      ...(['clerk', 'admin'] as const).map((as): Row => ({
        route: 'PATCH /api/v1/officials/:id',
        as,
        attempt: async (t) => ({
          path: `/officials/${t.official}`,
          body: { photoUrl: null },
          probe: () => read(`/officials/${t.official}`),
        }),
      })),
      ...(['clerk', 'admin'] as const).map((as, i): Row => ({
        route: 'PUT /api/v1/plans/:officialId/:date',
        as,
        attempt: async (t) => ({
          path: `/plans/${t.official}/${later(3 + i)}`,
          body: { entries },
          probe: () => read(`/plans/${t.official}/${later(3 + i)}`),
        }),
      })),
      {
        route: 'POST /api/v1/plans/check',
        as: 'supervisor',
        attempt: async (t) => ({
          path: '/plans/check',
          body: { officialId: t.official, entries: [{ what: '到村委会调度秋收工作' }] },
        }),
      },
      {
        route: 'PUT /api/v1/weekly-reports/:officialId/:weekStart',
        as: 'clerk',
        attempt: async (t) => {
          const monday = weekStart(later(7));
          return {
            path: `/weekly-reports/${t.official}/${monday}`,
            body: { results: '完成三项工作', nextWeekPlan: '推进两项工作' },
            probe: () => read(`/weekly-reports/${t.official}/${monday}`),
          };
        },
      },
      {
        route: 'POST /api/v1/leaves',
        as: 'clerk',
        attempt: async (t) => {
          const day = addDays('2099-01-01', 3 * unique());
          return {
            path: '/leaves',
            body: { officialId: t.official, startDate: day, endDate: day, reason: '事假' },
            probe: async () => ((await read('/leaves')) as unknown[]).length,
          };
        },
      },
      ...(
        [
          ['POST /api/v1/leaves/:id/approve', 'supervisor', 'approve'],
          ['POST /api/v1/leaves/:id/reject', 'admin', 'reject'],
          ['POST /api/v1/leaves/:id/cancel', 'clerk', 'cancel'],
        ] as const
      ).map(([route, as, action]): Row => ({
        route,
        as,
        attempt: async (t) => {
          const leave = await leaveOf(t);
          return { path: `/leaves/${leave.id}/${action}`, probe: leave.probe };
        },
      })),
      {
        // The post is the town's; the official is one the county admin has just created.
        route: 'POST /api/v1/admin/posts/:id/handover',
        as: 'admin',
        attempt: async (t) => {
          const post = t.posts[0]!.postId;
          const fresh = (
            await asCounty<{ id: number }>('POST', '/admin/officials', { name: nameOf(unique()) })
          ).body.id;
          return {
            path: `/admin/posts/${post}/handover`,
            body: { officialId: fresh, startDate: later(1) },
            probe: () => holderOf(post),
          };
        },
      },
      {
        // The post is town X's; the official is the town's (the takeover of issue #10).
        route: 'POST /api/v1/admin/posts/:id/handover',
        as: 'admin',
        attempt: async (t) => {
          const post = towns.X.posts[t === towns.X ? 1 : 2]!.postId;
          return {
            path: `/admin/posts/${post}/handover`,
            body: { officialId: t.official, startDate: later(1) },
            probe: async () => [await holderOf(post), await read(`/officials/${t.official}`)],
          };
        },
      },
      {
        // The post and the deputy are both the town's.
        route: 'PUT /api/v1/admin/posts/:id/deputy',
        as: 'admin',
        attempt: async (t) => {
          const post = t.posts[4]!;
          const deputy = t.posts.find((p) => p.officialId !== post.officialId)!.officialId;
          return {
            path: `/admin/posts/${post.postId}/deputy`,
            body: { officialId: deputy },
            probe: () => deputyOf(post.postId),
          };
        },
      },
      {
        // The post is town X's; the deputy is the town's official (tickets of X would go to Y's official).
        route: 'PUT /api/v1/admin/posts/:id/deputy',
        as: 'admin',
        attempt: async (t) => {
          const post = towns.X.posts[5]!.postId;
          return {
            path: `/admin/posts/${post}/deputy`,
            body: { officialId: t.official },
            probe: () => deputyOf(post),
          };
        },
      },
      {
        route: 'PUT /api/v1/admin/duties',
        as: 'admin',
        attempt: async (t) => {
          const holder = t.posts[3]!;
          return {
            path: '/admin/duties',
            body: { postId: holder.postId, matterId: 1, coveredUnitIds: [] },
            probe: () => read(`/officials/${holder.officialId}`),
          };
        },
      },
      {
        route: 'POST /api/v1/admin/invites',
        as: 'admin',
        attempt: async (t) => ({
          path: '/admin/invites',
          body: { role: 'clerk', unitId: t.unit },
          probe: async () => ((await read('/admin/invites')) as unknown[]).length,
        }),
      },
      {
        // An official invite for the town's official, over a unit of town X.
        route: 'POST /api/v1/admin/invites',
        as: 'admin',
        attempt: async (t) => ({
          path: '/admin/invites',
          body: { role: 'official', unitId: townX, officialId: t.official },
          probe: async () => ((await read('/admin/invites')) as unknown[]).length,
        }),
      },
      {
        route: 'DELETE /api/v1/admin/invites/:id',
        as: 'admin',
        attempt: async (t) => {
          const invite = (
            await asCounty<CreatedInvite>('POST', '/admin/invites', { role: 'clerk', unitId: t.unit })
          ).body;
          const probe = async () =>
            ((await read('/admin/invites')) as Array<{ id: number; status: string }>).find(
              (i) => i.id === invite.id,
            )?.status;
          return { path: `/admin/invites/${invite.id}`, probe };
        },
      },
      {
        route: 'DELETE /api/v1/admin/grants/:id',
        as: 'admin',
        attempt: async (t) => {
          const invite = (
            await asCounty<CreatedInvite>('POST', '/admin/invites', { role: 'clerk', unitId: t.unit })
          ).body;
          const user = (
            await call<AuthTokens>(sut.url, 'POST', '/auth/wechat', {
              body: { code: `code:o6_grant_${unique()}` },
            })
          ).body.accessToken;
          const me = (
            await call<MeResponse>(sut.url, 'POST', '/me/invites/redeem', {
              token: user,
              body: { code: invite.code },
            })
          ).body;
          const probe = async () =>
            (await call<MeResponse>(sut.url, 'GET', '/me', { token: user })).body.user.roles;
          return { path: `/admin/grants/${me.grants[0]!.id}`, probe };
        },
      },
      {
        route: 'PUT /api/v1/admin/matters/:id',
        as: 'admin',
        attempt: async (t) => {
          const body = {
            name: `辖区事项${unique()}`,
            category: '民政',
            keywords: [],
            synonyms: [],
            materials: [],
            whereToGo: '便民服务中心',
            officeHours: '工作日',
            departmentId: t.unit,
          };
          const id = (await asCounty<{ id: number }>('POST', '/admin/matters', body)).body.id;
          return {
            path: `/admin/matters/${id}`,
            body: { ...body, whereToGo: '村委会' },
            probe: () => read(`/matters/${id}`),
          };
        },
      },
      ...(['official', 'clerk', 'admin'] as const).map((as): Row => ({
        route: 'POST /api/v1/entries/:id/updates',
        as,
        attempt: async (t) => {
          const today = `/plans/${t.official}/${localDate(new Date())}`;
          type Plan = { entries?: Array<{ id: number }> } | null;
          if (!((await read(today)) as Plan)?.entries?.length)
            expect((await asCounty('PUT', today, { entries })).status).toBe(200);
          const entry = ((await read(today)) as Plan)!.entries![0]!.id;
          return {
            path: `/entries/${entry}/updates`,
            body: { kind: 'progress', text: `进展${unique()}` },
            probe: () => read(`/officials/${t.official}/timeline`),
          };
        },
      })),
      ...(['supervisor', 'admin'] as const).map((as): Row => ({
        route: 'GET /api/v1/units/:id/members',
        as,
        attempt: async (t) => ({ path: `/units/${t.unit}/members` }),
      })),
      {
        route: 'PUT /api/v1/admin/journal-rules/:unitId',
        as: 'admin',
        attempt: async (t) => ({
          path: `/admin/journal-rules/${t.unit}`,
          body: {
            planDueTime: '18:30',
            publicationTime: '08:00',
            weeklyReportDueWeekday: 7,
            weeklyReportDueTime: '12:00',
            reminderTime: '17:00',
            entryKinds: ['会议', '下村/实地', '其他'],
            meetingNames: ['周例会'],
          },
          probe: () => read(`/journal-rules?unitId=${t.unit}`),
        }),
      },
      ...(['clerk', 'supervisor'] as const).map((as): Row => ({
        route: 'GET /api/v1/units/:unitId/plans',
        as,
        attempt: async (t) => ({ path: `/units/${t.unit}/plans?date=${later(1)}` }),
      })),
      {
        route: 'PUT /api/v1/units/:unitId/plans',
        as: 'clerk',
        attempt: async (t) => ({
          path: `/units/${t.unit}/plans`,
          body: { date: later(5), plans: [] },
          probe: () => read(`/units/${t.unit}/plans?date=${later(5)}`),
        }),
      },
      {
        route: 'GET /api/v1/units/:unitId/plans/template.xlsx',
        as: 'clerk',
        attempt: async (t) => ({ path: `/units/${t.unit}/plans/template.xlsx?date=${later(1)}` }),
      },
      {
        // No file: in scope that is the next thing said; out of scope the unit is refused first.
        route: 'POST /api/v1/units/:unitId/plans/import',
        as: 'clerk',
        attempt: async (t) => ({ path: `/units/${t.unit}/plans/import?date=${later(1)}`, body: {} }),
        inScope: [400, 'COMMON.VALIDATION_FAILED'],
      },
      {
        route: 'PUT /api/v1/admin/sensitive-words',
        as: 'admin',
        attempt: async (t) => ({
          path: '/admin/sensitive-words',
          body: { unitId: t.unit, words: [`禁词${unique()}`] },
          probe: () => read('/admin/sensitive-words'),
        }),
      },
      {
        route: 'POST /api/v1/admin/matters',
        as: 'admin',
        attempt: async (t) => {
          const name = `跨辖区事项${unique()}`;
          return {
            path: '/admin/matters',
            body: {
              name,
              category: '民政',
              keywords: [],
              synonyms: [],
              materials: [],
              whereToGo: '便民服务中心',
              officeHours: '工作日',
              departmentId: t.unit,
            },
            probe: async () =>
              ((await read(`/search?q=${encodeURIComponent(name)}`)) as { matters: unknown[] }).matters
                .length,
          };
        },
      },
      ...(['official', 'supervisor', 'admin'] as const).map((as) =>
        ticketRow('GET /api/v1/tickets/:id', as, 'assigned', '', () => ({})),
      ),
      ticketRow('POST /api/v1/tickets/:id/acknowledge', 'official', 'assigned', '/acknowledge', () => ({})),
      ticketRow('POST /api/v1/tickets/:id/reply', 'official', 'acknowledged', '/reply', () => ({
        content: '已安排维修',
      })),
      ticketRow('POST /api/v1/tickets/:id/resolve', 'official', 'acknowledged', '/resolve', () => ({
        note: '已修好',
      })),
      ticketRow('POST /api/v1/tickets/:id/extension', 'official', 'acknowledged', '/extension', () => ({
        reason: '需协调供电所',
        days: 2,
      })),
      ...(['official', 'supervisor', 'admin'] as const).map((as) =>
        ticketRow('POST /api/v1/tickets/:id/transfer', as, 'assigned', '/transfer', () => ({
          unitId: townX,
          reason: '不属本人职责',
        })),
      ),
      ...(['supervisor', 'admin'] as const).map((as) =>
        ticketRow('POST /api/v1/tickets/:id/assign', as, 'assigned', '/assign', (t) => ({
          officialId: t === towns.X ? towns.X.posts[4]!.officialId : towns.Y.posts[4]!.officialId,
        })),
      ),
      {
        // A ticket of town X handed by the desk to an official of the town.
        route: 'POST /api/v1/tickets/:id/assign',
        as: 'supervisor',
        attempt: async (t) => {
          const ticket = await ticketOf(towns.X, 'assigned');
          return {
            path: `/tickets/${ticket.id}/assign`,
            body: { version: ticket.version, officialId: t.posts[5]!.officialId },
            probe: ticket.probe,
          };
        },
      },
      ticketRow(
        'POST /api/v1/tickets/:id/extension/decide',
        'supervisor',
        'extension',
        '/extension/decide',
        () => ({
          approve: true,
        }),
      ),
      ticketRow('POST /api/v1/tickets/:id/moderate', 'supervisor', 'held', '/moderate', () => ({
        decision: 'approve',
      })),
    ];

    beforeAll(async () => {
      const of = async (official: number, unit: number, officialToken: string): Promise<Town> => {
        const members = (await read(`/units/${unit}/members`)) as UnitMember[];
        const posts = members.filter(
          (m) => m.unit.id === unit && m.officialId !== officialA && m.officialId !== officialB,
        );
        expect(posts.length).toBeGreaterThanOrEqual(6);
        return { official, unit, officialToken, posts };
      };
      towns.X = await of(officialA, townX, tokens.official!);
      towns.Y = await of(officialB, townY, await demo('official', officialB));
    });

    it('has a row for every route that takes an official, post, unit or ticket id', () => {
      const covered = new Set(rows.map((r) => r.route));
      const withIds = Object.entries(POLICY)
        .filter(([key, policy]) => policy.scope !== undefined && /:(id|officialId|unitId)\b/.test(key))
        .map(([key]) => key);
      expect(withIds.filter((key) => !covered.has(key))).toEqual([]);
    });

    it.each(rows.map((row) => [`${row.route} as the town-X ${row.as}`, row] as const))(
      '%s: refused for town Y, nothing changes; let through for town X',
      async (_title, row) => {
        const method = row.route.split(' ')[0]!;
        const outside = await row.attempt(towns.Y);
        const before = await outside.probe?.();
        const refused = await as(row.as, method, outside.path, outside.body);
        const code = refused.body?.code ?? '';
        expect(`${refused.status} ${code}`).toBe(
          [403, 404].includes(refused.status) && REFUSALS.has(code) ? `${refused.status} ${code}` : 'refused',
        );
        expect(await outside.probe?.()).toEqual(before);
        const inside = await row.attempt(towns.X);
        const allowed = await as(row.as, method, inside.path, inside.body);
        if (row.inScope) expect([allowed.status, allowed.body?.code]).toEqual(row.inScope);
        else
          expect(`${allowed.status} ${allowed.status < 300 ? '' : (allowed.body?.code ?? '')}`).toBe(
            `${allowed.status} `,
          );
      },
    );
  });
});
