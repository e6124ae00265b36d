import { randomUUID } from 'node:crypto';
import type { ApiErrorBody } from '@jinri/shared';
import { FixedClock } from '../../src/common/clock';
import { INVITE_GUESS_LIMITS } from '../../src/modules/auth/invite.service';
import { LOOKUP_LIMITS } from '../../src/modules/tickets/ticket-queries.service';
import { call, type TestApp } from '../app';
import { residentToken } from '../helpers/demo-county';
import { startWechatStub, type WechatStub } from '../wechat-stub/wechat-stub';
import {
  closeApps,
  describeGalera,
  GALERA_TIMEOUT,
  galeraDatabase,
  startGaleraApp,
  type GaleraDatabase,
} from './cluster';

/**
 * Attempt limits on a Galera cluster: instance A writes to node 1, B to node 2, and both count
 * into one limit_attempts table (rows only inserted and deleted, each with its own id, so the two
 * nodes never certify against each other on a counter row).
 */
describeGalera('attempt limits shared across Galera nodes', () => {
  let database: GaleraDatabase;
  let stub: WechatStub;
  let a: TestApp;
  let b: TestApp;
  const clock = new FixedClock(new Date('2026-11-24T02:00:00Z'));

  beforeAll(async () => {
    database = galeraDatabase();
    await database.create();
    stub = await startWechatStub();
    const options = { env: { WECHAT_API_BASE: stub.url, TRUST_PROXY: 'true' }, clock };
    a = await startGaleraApp(database, 0, options);
    b = await startGaleraApp(database, 1, options);
  }, GALERA_TIMEOUT);

  afterAll(async () => {
    await closeApps([a, b]);
    await stub?.close();
    await database?.drop();
  });

  const redeem = (app: TestApp, token: string, ip: string) =>
    call<ApiErrorBody>(app.url, 'POST', '/me/invites/redeem', {
      token,
      body: { code: `ZZZZ-ZZZZ-${randomUUID().slice(0, 4)}` },
      headers: { 'x-forwarded-for': ip },
    });

  it('refuses on B (node 2) the wrong invite code after the limit typed on A (node 1), with Retry-After', async () => {
    const token = await residentToken(a.url, 'o_galera_limits_invite');
    for (let i = 0; i < INVITE_GUESS_LIMITS.perUser; i += 1)
      expect((await redeem(a, token, '10.88.0.1')).body.code).toBe('INVITE.NOT_FOUND');
    const sut = await redeem(b, token, '10.88.0.1');
    expect([sut.status, sut.body.code, sut.headers.get('retry-after')]).toEqual([
      429,
      'COMMON.RATE_LIMITED',
      '600',
    ]);
  });

  it('counts one address’s wrong 查询码 typed on both nodes together', async () => {
    const lookup = (app: TestApp) =>
      call<ApiErrorBody>(app.url, 'GET', `/tickets/lookup/QQ${randomUUID().slice(0, 6).toUpperCase()}`, {
        headers: { 'x-forwarded-for': '10.88.0.2' },
      });
    const statuses: number[] = [];
    for (let i = 0; i < LOOKUP_LIMITS.wrongPerIp; i += 1) statuses.push((await lookup(i % 2 ? b : a)).status);
    expect(statuses).toEqual(Array<number>(LOOKUP_LIMITS.wrongPerIp).fill(404));
    expect((await lookup(a)).status).toBe(429);
    expect((await lookup(b)).status).toBe(429);
  });

  it('lets no more than the limit through when wrong codes arrive at once on both nodes, and never answers 500', async () => {
    const token = await residentToken(a.url, 'o_galera_limits_burst');
    const answers = await Promise.all(
      Array.from({ length: 3 * INVITE_GUESS_LIMITS.perUser }, (_, i) =>
        redeem(i % 2 ? b : a, token, `10.88.1.${i}`),
      ),
    );
    const statuses = answers.map((r) => r.status);
    // 409 only if a certification conflict outlived its retries: the attempt then never ran.
    expect(statuses.filter((s) => ![404, 409, 429].includes(s))).toEqual([]);
    expect(statuses.filter((s) => s === 404).length).toBeLessThanOrEqual(INVITE_GUESS_LIMITS.perUser);
    const counted = await database.query<{ n: number }>(
      1,
      "SELECT COUNT(*) AS n FROM limit_attempts WHERE limiter = 'invite.wrong.user'",
    );
    expect(Number(counted[0]!.n)).toBeLessThanOrEqual(2 * INVITE_GUESS_LIMITS.perUser);
  });
});
