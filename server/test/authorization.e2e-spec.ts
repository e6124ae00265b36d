import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { ApiErrorBody, AuthTokens, CreatedInvite, MeResponse } from '@jinri/shared';
import { addDays, localDate } from '../src/common/time/local-time';
import { POLICY, type RoutePolicy } from '../src/modules/auth/policy';
import { registeredRoutes } from '../src/modules/auth/routes';
import type { StaffRole } from '../src/modules/auth/auth-user';
import { call, startTestApp, type TestApp } from './app';
import { crossScopeRows } from './authorization/cross-scope';
import { sampleRequests, type Sample } from './authorization/samples';
import { REFUSALS, type Town, type UnitMember } from './authorization/cross-scope-types';
import { testDatabases, type TestDatabase } from './databases';
import { type WechatStub } from './wechat-stub/wechat-stub';
import { demoOfficials, startDemoCounty, demoToken } from './helpers/demo-county';

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
  let samples: Record<string, Sample>;

  const as = (persona: Persona, method: string, path: string, body?: unknown) =>
    call<ApiErrorBody>(sut.url, method, path, { token: tokens[persona], body });
  const demo = (role: string, officialId?: number) => demoToken(sut.url, role, officialId);
  const unitOf = async (officialId: number) =>
    (await call<{ posts: Array<{ unit: { id: number } }> }>(sut.url, 'GET', `/officials/${officialId}`)).body
      .posts[0]!.unit.id;

  beforeAll(async () => {
    // The cross-scope rows send many comments from one address.
    ({ database, stub, sut } = await startDemoCounty(makeDatabase, { env: { TICKET_RATE_PER_IP: '10000' } }));
    const personas = await demoOfficials(sut.url);
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
    samples = sampleRequests({ officialA, townX, inviteId: invite.id });
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
  /** Cross-scope rows (authorization/cross-scope.ts): the town-X persona with the ids of town Y and X. */
  describe('across scopes, route by route', () => {
    const towns = {} as Record<'X' | 'Y', Town>;
    const rows = crossScopeRows({
      url: () => sut.url,
      countyAdmin: () => countyAdmin,
      townX: () => townX,
      townY: () => townY,
      dataSource: () => sut.app.get(DataSource),
      towns,
    });

    beforeAll(async () => {
      const of = async (official: number, unit: number, officialToken: string): Promise<Town> => {
        const members = (
          await call<UnitMember[]>(sut.url, 'GET', `/units/${unit}/members`, { token: countyAdmin })
        ).body;
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
