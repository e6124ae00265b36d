import { createHmac } from 'node:crypto';
import type { ApiErrorBody, AuthTokens, MeResponse } from '@jinri/shared';
import { call, startTestApp, type TestApp } from './app';
import { testDatabases, type TestDatabase } from './databases';

/** Polls `check` every 20 ms until it holds; returns the milliseconds it took, or fails after `limitMs`. */
async function msUntil(check: () => Promise<boolean>, limitMs = 3000): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() - started > limitMs) throw new Error(`still not true after ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** An HS256 JWT signed with the app's secret, as a token issued before sessions existed would be. */
function signed(secret: string, claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const body = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

describe.each(testDatabases())('revocable sessions across two instances on %s', (_name, makeDatabase) => {
  let database: TestDatabase;
  let a: TestApp;
  let b: TestApp;

  const demo = async (role: string) =>
    (await call<AuthTokens>(a.url, 'POST', '/auth/demo', { body: { role } })).body;
  const meStatus = async (app: TestApp, token: string) =>
    (await call(app.url, 'GET', '/me', { token })).status;

  beforeAll(async () => {
    database = makeDatabase();
    await database.create();
    const env = { DEMO_LOGIN: '1', SEED_DEMO: 'county' };
    a = await startTestApp(database.config(), { env });
    b = await startTestApp(database.config(), { env });
  });

  afterAll(async () => {
    await a?.app.close();
    await b?.app.close();
    await database?.drop();
  });

  it('refuses the access token on the other instance within two seconds of a logout', async () => {
    const sut = await demo('resident');
    expect(await meStatus(b, sut.accessToken)).toBe(200);
    const logout = await call(a.url, 'POST', '/auth/logout', {
      token: sut.accessToken,
      body: { refreshToken: sut.refreshToken },
    });
    expect(logout.status).toBe(204);
    expect(await meStatus(a, sut.accessToken)).toBe(401);
    const elapsed = await msUntil(async () => (await meStatus(b, sut.accessToken)) === 401);
    expect(elapsed).toBeLessThan(2000);
    const refused = await call<ApiErrorBody>(b.url, 'GET', '/me', { token: sut.accessToken });
    expect(refused.body.code).toBe('AUTH.TOKEN_INVALID');
  });

  it('refuses every access token of a family on both instances once a refresh token is reused', async () => {
    const first = await demo('resident');
    const second = (
      await call<AuthTokens>(b.url, 'POST', '/auth/refresh', { body: { refreshToken: first.refreshToken } })
    ).body;
    expect(await meStatus(a, second.accessToken)).toBe(200);
    const reuse = await call(b.url, 'POST', '/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(reuse.status).toBe(401);
    expect(await meStatus(b, second.accessToken)).toBe(401);
    expect(await msUntil(async () => (await meStatus(a, second.accessToken)) === 401)).toBeLessThan(2000);
    expect(await meStatus(a, first.accessToken)).toBe(401);
  });

  it('keeps other sessions of the same user working after one is logged out', async () => {
    const kept = await demo('resident');
    const ended = await demo('resident');
    await call(a.url, 'POST', '/auth/logout', {
      token: ended.accessToken,
      body: { refreshToken: ended.refreshToken },
    });
    await msUntil(async () => (await meStatus(b, ended.accessToken)) === 401);
    expect(await meStatus(a, kept.accessToken)).toBe(200);
    expect(await meStatus(b, kept.accessToken)).toBe(200);
  });

  it('ends a role on the other instance at once when an admin revokes the grant', async () => {
    const admin = await demo('admin');
    const clerk = await demo('clerk');
    expect((await call(b.url, 'GET', '/leaves', { token: clerk.accessToken })).status).toBe(200);
    const me = (await call<MeResponse>(a.url, 'GET', '/me', { token: clerk.accessToken })).body;
    const grantId = me.grants.find((g) => g.role === 'clerk')!.id;
    expect(
      (await call(a.url, 'DELETE', `/admin/grants/${grantId}`, { token: admin.accessToken })).status,
    ).toBe(204);
    const sut = await call<ApiErrorBody>(b.url, 'GET', '/leaves', { token: clerk.accessToken });
    expect([sut.status, sut.body.code]).toEqual([403, 'AUTH.ROLE_REQUIRED']);
  });

  it('refuses a validly signed access token that carries no session id (issued before sessions)', async () => {
    const user = await demo('resident');
    const now = Math.floor(Date.now() / 1000);
    const legacy = signed(a.config.auth.jwtSecret, {
      sub: String(user.user.id),
      typ: 'access',
      iat: now,
      exp: now + 600,
    });
    const sut = await call<ApiErrorBody>(b.url, 'GET', '/me', { token: legacy });
    expect([sut.status, sut.body.code]).toEqual([401, 'AUTH.TOKEN_INVALID']);
  });
});
