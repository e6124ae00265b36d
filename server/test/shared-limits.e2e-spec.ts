import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { ApiErrorBody } from '@jinri/shared';
import { FixedClock } from '../src/common/clock';
import { BOARD_PDFS_PER_IP } from '../src/modules/boards/boards.service';
import { INVITE_GUESS_LIMITS } from '../src/modules/auth/invite.service';
import { AttemptLimits } from '../src/modules/limits/attempt-limits.service';
import { LOOKUP_LIMITS } from '../src/modules/tickets/ticket-queries.service';
import { call, startTestApp, type TestApp } from './app';
import { testDatabases, type TestDatabase } from './databases';
import { residentToken } from './helpers/demo-county';
import { startWechatStub, type WechatStub } from './wechat-stub/wechat-stub';

/**
 * Attempt limits are counted in the database, not in one instance's memory: two app instances on
 * one database share every count (wrong invite codes, 查询码 guesses and lookups, board PDFs).
 */
describe.each(testDatabases())('attempt limits shared by two instances on %s', (name, makeDatabase) => {
  let database: TestDatabase;
  let stub: WechatStub;
  let a: TestApp;
  let b: TestApp;
  const clock = new FixedClock(new Date('2026-11-24T02:00:00Z'));
  let addresses = 0;
  /** A fresh client address per test (TRUST_PROXY: X-Forwarded-For is the client). */
  const newAddress = () => `10.77.${Math.floor((addresses += 1) / 250)}.${addresses % 250}`;

  beforeAll(async () => {
    database = makeDatabase();
    await database.create();
    stub = await startWechatStub();
    const env = { WECHAT_API_BASE: stub.url, TRUST_PROXY: 'true' };
    a = await startTestApp(database.config(), { env, clock });
    b = await startTestApp(database.config(), { env, clock });
  });

  afterAll(async () => {
    await a?.app.close();
    await b?.app.close();
    await stub?.close();
    await database?.drop();
  });

  const redeem = (app: TestApp, token: string, ip: string, code = `ZZZZ-ZZZZ-${randomUUID().slice(0, 4)}`) =>
    call<ApiErrorBody>(app.url, 'POST', '/me/invites/redeem', {
      token,
      body: { code },
      headers: { 'x-forwarded-for': ip },
    });
  const lookup = (app: TestApp, ip: string, token?: string) =>
    call<ApiErrorBody>(app.url, 'GET', `/tickets/lookup/QQ${randomUUID().slice(0, 6).toUpperCase()}`, {
      token,
      headers: { 'x-forwarded-for': ip },
    });

  it('refuses the wrong invite code after the limit on B when the earlier ones were typed on A', async () => {
    const token = await residentToken(a.url, `o_limits_${name}_invite`);
    const ip = newAddress();
    for (let i = 0; i < INVITE_GUESS_LIMITS.perUser; i += 1)
      expect((await redeem(a, token, ip)).body.code).toBe('INVITE.NOT_FOUND');
    const sut = await redeem(b, token, ip);
    expect([sut.status, sut.body.code]).toEqual([429, 'COMMON.RATE_LIMITED']);
    expect(sut.headers.get('retry-after')).toBe('600');
    expect((await redeem(a, token, ip)).status).toBe(429);
    clock.advance(4 * 60_000);
    try {
      expect((await redeem(b, token, ip)).headers.get('retry-after')).toBe('360');
      clock.advance(6 * 60_000);
      expect((await redeem(b, token, ip)).body.code).toBe('INVITE.NOT_FOUND');
    } finally {
      clock.advance(-10 * 60_000);
    }
  });

  it('lets no more wrong codes through than the limit when they arrive at once on both instances', async () => {
    const token = await residentToken(a.url, `o_limits_${name}_burst`);
    const ip = newAddress();
    const answers = await Promise.all(
      Array.from({ length: 2 * INVITE_GUESS_LIMITS.perUser }, (_, i) => redeem(i % 2 ? a : b, token, ip)),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s !== 404 && s !== 429)).toEqual([]);
    expect(statuses.filter((s) => s === 404).length).toBeLessThanOrEqual(INVITE_GUESS_LIMITS.perUser);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(INVITE_GUESS_LIMITS.perUser);
  });

  it('counts one user’s wrong 查询码 on A and on B together', async () => {
    const token = await residentToken(a.url, `o_limits_${name}_lookup`);
    const statuses: number[] = [];
    for (let i = 0; i < LOOKUP_LIMITS.wrongPerUser; i += 1)
      statuses.push((await lookup(i % 2 ? b : a, newAddress(), token)).status);
    expect(statuses).toEqual(Array<number>(LOOKUP_LIMITS.wrongPerUser).fill(404));
    const sut = await lookup(b, newAddress(), token);
    expect([sut.status, sut.body.code]).toEqual([429, 'COMMON.RATE_LIMITED']);
    expect(sut.headers.get('retry-after')).toBe('600');
  });

  it('counts one address’s wrong 查询码 on A and on B together', async () => {
    const ip = newAddress();
    for (let i = 0; i < LOOKUP_LIMITS.wrongPerIp - 1; i += 1) expect((await lookup(a, ip)).status).toBe(404);
    expect((await lookup(b, ip)).status).toBe(404);
    const sut = await lookup(b, ip);
    expect([sut.status, sut.headers.get('retry-after')]).toEqual([429, '600']);
    expect((await lookup(a, ip)).status).toBe(429);
  });

  it('counts one address’s board PDFs on A and on B together', async () => {
    const ip = newAddress();
    const pdf = (app: TestApp) =>
      call<ApiErrorBody>(app.url, 'GET', '/units/999999/board?week=2026-W47', {
        headers: { 'x-forwarded-for': ip },
      });
    for (let i = 0; i < BOARD_PDFS_PER_IP; i += 1)
      expect((await pdf(i % 2 ? b : a)).body.code).toBe('DIRECTORY.UNIT_NOT_FOUND');
    const sut = await pdf(b);
    expect([sut.status, sut.body.code]).toEqual([429, 'COMMON.RATE_LIMITED']);
  });

  it('keeps hashes, not addresses or user ids, and forgets rows past their window', async () => {
    const dataSource = a.app.get<DataSource>(getDataSourceToken());
    const rows: Array<Record<string, unknown>> = await dataSource.query('SELECT * FROM limit_attempts');
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain('10.77.');
    clock.advance(30 * 60_000);
    try {
      expect(await b.app.get(AttemptLimits).prune()).toBe(rows.length);
      expect(await dataSource.query('SELECT id FROM limit_attempts')).toEqual([]);
    } finally {
      clock.advance(-30 * 60_000);
    }
  });
});
