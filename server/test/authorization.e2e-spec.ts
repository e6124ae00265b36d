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
      env: { WECHAT_API_BASE: stub.url, DEMO_LOGIN: '1', SEED_DEMO: 'county' },
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
  });
});
