import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { ApiErrorBody, AuthTokens, CreatedInvite, DemoPersona, MeResponse } from '@jinri/shared';
import { FixedClock } from '../src/common/clock';
import { WechatClient } from '../src/modules/wechat/wechat.client';
import { call, startTestApp, type TestApp } from './app';
import { testDatabases, type TestDatabase } from './databases';
import { type WechatStub } from './wechat-stub/wechat-stub';
import { startDemoCounty } from './helpers/demo-county';

type ErrorResponse = ApiErrorBody;

describe.each(testDatabases())('identity and WeChat on %s', (_name, makeDatabase) => {
  let database: TestDatabase;
  let stub: WechatStub;
  let clock: FixedClock;
  let first: TestApp;
  let url: string;
  let personas: DemoPersona[];

  const login = async (code: string) => call<AuthTokens>(url, 'POST', '/auth/wechat', { body: { code } });
  const demo = async (role: string, officialId?: number) =>
    (await call<AuthTokens>(url, 'POST', '/auth/demo', { body: { role, officialId } })).body;

  beforeAll(async () => {
    clock = new FixedClock(new Date('2026-11-23T02:00:00Z'));
    ({ database, stub, sut: first } = await startDemoCounty(makeDatabase, { clock }));
    url = first.url;
    personas = (await call<DemoPersona[]>(url, 'GET', '/demo/personas')).body;
  });

  afterAll(async () => {
    await first?.app.close();
    await stub?.close();
    await database?.drop();
  });

  describe('WeChat login', () => {
    it('creates a resident on first login and finds the same user again, never returning the openid', async () => {
      const sut = await login('code:o6_resident_A:1');
      expect(sut.status).toBe(200);
      expect(sut.body.user.roles).toEqual(['resident']);
      const again = await login('code:o6_resident_A:2');
      expect(again.status).toBe(200);
      expect(again.body.user.id).toBe(sut.body.user.id);
      const raw = JSON.stringify([sut.body, again.body]);
      expect(raw).not.toContain('o6_resident_A');
      expect(raw).not.toContain('session_key');
      expect(raw).not.toContain('c2Vzc2lvbi1rZXktbmV2ZXItbGVhdmVz');
    });

    it('keeps only a hash and an encrypted copy of the openid', async () => {
      await login('code:o6_private_B');
      const dataSource = first.app.get<DataSource>(getDataSourceToken());
      const rows: Array<Record<string, unknown>> = await dataSource.query(
        'SELECT openid_hash, openid_enc FROM users',
      );
      expect(JSON.stringify(rows)).not.toContain('o6_private_B');
    });

    it('answers an invalid or used code with 401 AUTH.WECHAT_CODE_INVALID', async () => {
      const invalid = await login('invalid');
      expect(invalid.status).toBe(401);
      expect((invalid.body as unknown as ErrorResponse).code).toBe('AUTH.WECHAT_CODE_INVALID');
      await login('code:o6_once');
      const reused = await login('code:o6_once');
      expect((reused.body as unknown as ErrorResponse).code).toBe('AUTH.WECHAT_CODE_INVALID');
    });

    it('answers WeChat busy, rate limited or too slow with 503 and Retry-After', async () => {
      const busy = await login('busy');
      expect(busy.status).toBe(503);
      expect((busy.body as unknown as ErrorResponse).code).toBe('AUTH.WECHAT_UNAVAILABLE');
      expect(busy.headers.get('retry-after')).toBe('3');
      const limited = await login('ratelimit');
      expect(limited.status).toBe(503);
      expect(limited.headers.get('retry-after')).toBe('60');
      stub.state.slowMs = 1500;
      const slow = await login('slow');
      expect(slow.status).toBe(503);
      expect(slow.headers.get('retry-after')).toBe('5');
    });

    it('answers 503 when WeChat cannot be reached at all', async () => {
      const down = await startTestApp(database.config(), {
        env: { WECHAT_API_BASE: 'http://127.0.0.1:9' },
        clock,
      });
      try {
        const sut = await call<ErrorResponse>(down.url, 'POST', '/auth/wechat', { body: { code: 'code:x' } });
        expect(sut.status).toBe(503);
        expect(sut.body.code).toBe('AUTH.WECHAT_UNAVAILABLE');
      } finally {
        await down.app.close();
      }
    });

    it('refuses an empty or oversized code with 400 and the field named', async () => {
      const sut = await call<ErrorResponse>(url, 'POST', '/auth/wechat', { body: { code: '', extra: 1 } });
      expect(sut.status).toBe(400);
      expect(sut.body.code).toBe('COMMON.VALIDATION_FAILED');
      expect(JSON.stringify(sut.body.details)).toContain('extra');
    });
  });

  describe('tokens', () => {
    it('rotate the refresh token and reject a reused one, revoking its family', async () => {
      const tokens = (await login('code:o6_refresh')).body;
      const refreshed = await call<AuthTokens>(url, 'POST', '/auth/refresh', {
        body: { refreshToken: tokens.refreshToken },
      });
      expect(refreshed.status).toBe(200);
      expect(refreshed.body.refreshToken).not.toBe(tokens.refreshToken);
      const replay = await call<ErrorResponse>(url, 'POST', '/auth/refresh', {
        body: { refreshToken: tokens.refreshToken },
      });
      expect(replay.status).toBe(401);
      expect(replay.body.code).toBe('AUTH.TOKEN_INVALID');
      const afterTheft = await call(url, 'POST', '/auth/refresh', {
        body: { refreshToken: refreshed.body.refreshToken },
      });
      expect(afterTheft.status).toBe(401);
    });

    it('expire the access token after its lifetime with 401 AUTH.TOKEN_EXPIRED', async () => {
      const tokens = (await login('code:o6_expiry')).body;
      expect((await call(url, 'GET', '/me', { token: tokens.accessToken })).status).toBe(200);
      clock.advance((tokens.expiresIn + 1) * 1000);
      const sut = await call<ErrorResponse>(url, 'GET', '/me', { token: tokens.accessToken });
      clock.advance(-(tokens.expiresIn + 1) * 1000);
      expect(sut.status).toBe(401);
      expect(sut.body.code).toBe('AUTH.TOKEN_EXPIRED');
    });

    it('log out by revoking the refresh token', async () => {
      const tokens = (await login('code:o6_logout')).body;
      expect(
        (
          await call(url, 'POST', '/auth/logout', {
            token: tokens.accessToken,
            body: { refreshToken: tokens.refreshToken },
          })
        ).status,
      ).toBe(204);
      expect(
        (await call(url, 'POST', '/auth/refresh', { body: { refreshToken: tokens.refreshToken } })).status,
      ).toBe(401);
    });

    it('reject a forged token', async () => {
      const tokens = (await login('code:o6_forge')).body;
      const [header, , signature] = tokens.accessToken.split('.');
      const payload = Buffer.from(JSON.stringify({ sub: '1', typ: 'access', exp: 4102444800 })).toString(
        'base64url',
      );
      const sut = await call<ErrorResponse>(url, 'GET', '/me', {
        token: `${header}.${payload}.${signature}`,
      });
      expect(sut.status).toBe(401);
      expect(sut.body.code).toBe('AUTH.TOKEN_INVALID');
    });
  });

  describe('demo login', () => {
    it('is 404 unless DEMO_LOGIN is on', async () => {
      const off = await startTestApp(database.config(), { env: { WECHAT_API_BASE: stub.url }, clock });
      try {
        const sut = await call<ErrorResponse>(off.url, 'POST', '/auth/demo', { body: { role: 'admin' } });
        expect(sut.status).toBe(404);
        expect(sut.body.code).toBe('AUTH.DEMO_LOGIN_DISABLED');
        expect((await call(off.url, 'GET', '/demo/personas')).status).toBe(404);
      } finally {
        await off.app.close();
      }
    });

    it('gives each browser its own demo resident', async () => {
      const a = (
        await call<AuthTokens>(url, 'POST', '/auth/demo', {
          body: { role: 'resident', deviceKey: 'browser-aaaa' },
        })
      ).body;
      const b = (
        await call<AuthTokens>(url, 'POST', '/auth/demo', {
          body: { role: 'resident', deviceKey: 'browser-bbbb' },
        })
      ).body;
      const again = (
        await call<AuthTokens>(url, 'POST', '/auth/demo', {
          body: { role: 'resident', deviceKey: 'browser-aaaa' },
        })
      ).body;
      expect(a.user.id).not.toBe(b.user.id);
      expect(again.user.id).toBe(a.user.id);
    });

    it('acts as the chosen official, and county-wide without one', async () => {
      const official = personas.find((p) => p.role === 'official')!;
      const sut = await demo('official', official.officialId);
      expect(sut.user).toEqual({
        id: expect.any(Number),
        roles: ['resident', 'official'],
        officialId: official.officialId,
      });
      const admin = await demo('admin');
      const me = (await call<MeResponse>(url, 'GET', '/me', { token: admin.accessToken })).body;
      expect(me.demo).toBe(true);
      expect(me.grants[0]!.unit!.name).toMatch(/县$/);
    });
  });

  describe('invites', () => {
    let admin: AuthTokens;
    let unitId: number;

    beforeAll(async () => {
      admin = await demo('admin');
      unitId = (await call<MeResponse>(url, 'GET', '/me', { token: admin.accessToken })).body.grants[0]!.unit!
        .id;
    });

    const createInvite = async (body: Record<string, unknown>) =>
      call<CreatedInvite>(url, 'POST', '/admin/invites', { token: admin.accessToken, body });

    it('bind a WeChat user to a role once, whatever way the code is typed', async () => {
      const invite = (await createInvite({ role: 'clerk', unitId, note: '城关信息员' })).body;
      expect(invite.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      const resident = (await login('code:o6_clerk')).body;
      const typed = invite.code.toLowerCase().replace(/-/g, ' ');
      const sut = await call<MeResponse>(url, 'POST', '/me/invites/redeem', {
        token: resident.accessToken,
        body: { code: typed },
      });
      expect(sut.status).toBe(200);
      expect(sut.body.user.roles).toEqual(['resident', 'clerk']);
      const other = (await login('code:o6_other')).body;
      const again = await call<ErrorResponse>(url, 'POST', '/me/invites/redeem', {
        token: other.accessToken,
        body: { code: invite.code },
      });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('INVITE.ALREADY_USED');
    });

    it('store only a hash of the code', async () => {
      const invite = (await createInvite({ role: 'supervisor', unitId })).body;
      const dataSource = first.app.get<DataSource>(getDataSourceToken());
      const rows: Array<Record<string, unknown>> = await dataSource.query('SELECT * FROM invites');
      expect(JSON.stringify(rows)).not.toContain(invite.code.replace(/-/g, ''));
      const list = await call<Array<Record<string, unknown>>>(url, 'GET', '/admin/invites', {
        token: admin.accessToken,
      });
      expect(JSON.stringify(list.body)).not.toContain(invite.code);
    });

    it('make a user who types 10 wrong codes wait 10 minutes, even for the right one', async () => {
      const guesser = (await login('code:o6_guesser')).body;
      const redeem = (code: string) =>
        call<ErrorResponse>(url, 'POST', '/me/invites/redeem', {
          token: guesser.accessToken,
          body: { code },
        });
      for (let i = 0; i < 10; i += 1)
        expect((await redeem(`AAAA-BBBB-CC${String(i).padStart(2, '0')}`)).body.code).toBe(
          'INVITE.NOT_FOUND',
        );
      const right = (await createInvite({ role: 'clerk', unitId })).body;
      const blocked = await redeem(right.code);
      expect([blocked.status, blocked.body.code]).toEqual([429, 'COMMON.RATE_LIMITED']);
      expect(blocked.headers.get('retry-after')).toBe('600');
      clock.advance(10 * 60_000 + 1_000);
      try {
        const later = await login('code:o6_guesser:2');
        const ok = await call(url, 'POST', '/me/invites/redeem', {
          token: later.body.accessToken,
          body: { code: right.code },
        });
        expect(ok.status).toBe(200);
      } finally {
        clock.advance(-(10 * 60_000 + 1_000));
      }
    });

    it('refuse a wrong, an expired and a revoked code with their own codes', async () => {
      let resident = (await login('code:o6_late')).body;
      const redeem = (code: string) =>
        call<ErrorResponse>(url, 'POST', '/me/invites/redeem', {
          token: resident.accessToken,
          body: { code },
        });
      expect((await redeem('AAAA-BBBB-CCCC')).body.code).toBe('INVITE.NOT_FOUND');
      const expiring = (await createInvite({ role: 'clerk', unitId, expiresInHours: 1 })).body;
      clock.advance(61 * 60_000);
      // An hour later the access token has expired too: log in again.
      resident = (await login('code:o6_late:2')).body;
      const expired = await redeem(expiring.code);
      clock.advance(-61 * 60_000);
      expect([expired.status, expired.body.code]).toEqual([410, 'INVITE.EXPIRED']);
      const revoked = (await createInvite({ role: 'clerk', unitId })).body;
      expect(
        (await call(url, 'DELETE', `/admin/invites/${revoked.id}`, { token: admin.accessToken })).status,
      ).toBe(200);
      expect((await redeem(revoked.code)).body.code).toBe('INVITE.REVOKED');
    });

    it('add no second grant when the same role over the same unit is redeemed twice', async () => {
      const user = (await login('code:o6_twice')).body;
      for (let i = 0; i < 2; i++) {
        const invite = (await createInvite({ role: 'clerk', unitId })).body;
        await call(url, 'POST', '/me/invites/redeem', {
          token: user.accessToken,
          body: { code: invite.code },
        });
      }
      const me = (await call<MeResponse>(url, 'GET', '/me', { token: user.accessToken })).body;
      expect(me.grants.filter((g) => g.role === 'clerk')).toHaveLength(1);
    });

    it('require an official for an official invite, holding a post in the unit', async () => {
      const missing = await createInvite({ role: 'official', unitId });
      expect([missing.status, (missing.body as unknown as ErrorResponse).code]).toEqual([
        400,
        'INVITE.INVALID_TARGET',
      ]);
    });

    it('end a role at once when the admin revokes the grant', async () => {
      const invite = (await createInvite({ role: 'supervisor', unitId })).body;
      const user = (await login('code:o6_revoked_sup')).body;
      await call(url, 'POST', '/me/invites/redeem', { token: user.accessToken, body: { code: invite.code } });
      const grants = await call<Array<{ id: number; role: string }>>(url, 'GET', '/admin/grants', {
        token: admin.accessToken,
      });
      const me = (await call<MeResponse>(url, 'GET', '/me', { token: user.accessToken })).body;
      const grantId = me.grants.find((g) => g.role === 'supervisor')!.id;
      expect(grants.body.map((g) => g.id)).toContain(grantId);
      expect(
        (await call(url, 'DELETE', `/admin/grants/${grantId}`, { token: admin.accessToken })).status,
      ).toBe(204);
      const after = await call<MeResponse>(url, 'GET', '/me', { token: user.accessToken });
      expect(after.body.user.roles).toEqual(['resident']);
    });
  });

  describe('phone numbers', () => {
    it('are bound through WeChat, encrypted at rest and masked for everyone but an admin', async () => {
      const persona = personas.find((p) => p.role === 'official')!;
      const official = await demo('official', persona.officialId);
      const bound = await call<{ phoneMasked: string }>(url, 'POST', '/me/phone', {
        token: official.accessToken,
        body: { code: 'phone:13812345678' },
      });
      expect(bound.body).toEqual({ phoneMasked: '138****5678' });
      const dataSource = first.app.get<DataSource>(getDataSourceToken());
      const rows: Array<Record<string, unknown>> = await dataSource.query(
        'SELECT phone_enc, phone_masked FROM officials WHERE phone_enc IS NOT NULL',
      );
      expect(JSON.stringify(rows)).not.toContain('13812345678');
      const anonymous = await call<{ phone: string }>(url, 'GET', `/officials/${persona.officialId}`);
      expect(anonymous.body.phone).toBe('138****5678');
      const supervisor = await demo('supervisor');
      expect(
        (
          await call<{ phone: string }>(url, 'GET', `/officials/${persona.officialId}`, {
            token: supervisor.accessToken,
          })
        ).body.phone,
      ).toBe('138****5678');
      const admin = await demo('admin');
      expect(
        (
          await call<{ phone: string }>(url, 'GET', `/officials/${persona.officialId}`, {
            token: admin.accessToken,
          })
        ).body.phone,
      ).toBe('13812345678');
    });

    it('answer a bad phone code with 400, not a re-login', async () => {
      const persona = personas.find((p) => p.role === 'official')!;
      const official = await demo('official', persona.officialId);
      const sut = await call<ErrorResponse>(url, 'POST', '/me/phone', {
        token: official.accessToken,
        body: { code: 'nonsense' },
      });
      expect([sut.status, sut.body.code]).toEqual([400, 'AUTH.PHONE_UNAVAILABLE']);
    });
  });

  describe('the access_token', () => {
    it('is fetched once and shared by two app instances through the database', async () => {
      const second = await startTestApp(database.config(), {
        env: { WECHAT_API_BASE: stub.url, DEMO_LOGIN: '1' },
        clock,
      });
      try {
        const before = stub.state.stableTokenCalls;
        const a = first.app.get(WechatClient);
        const b = second.app.get(WechatClient);
        const verdicts = await Promise.all([
          a.msgSecCheck('o6_x', '路灯坏了'),
          b.msgSecCheck('o6_x', '路灯坏了'),
          a.msgSecCheck('o6_y', '你好'),
        ]);
        expect(verdicts.map((v) => v.suggest)).toEqual(['pass', 'pass', 'pass']);
        const afterFirst = stub.state.stableTokenCalls;
        expect(afterFirst - before).toBeLessThanOrEqual(1);
        await b.msgSecCheck('o6_z', '第二次');
        expect(stub.state.stableTokenCalls).toBe(afterFirst);
      } finally {
        await second.app.close();
      }
    });

    it('is renewed 5 minutes before it expires', async () => {
      const client = first.app.get(WechatClient);
      await client.msgSecCheck('o6_x', '预热');
      const before = stub.state.stableTokenCalls;
      clock.advance((7200 - 299) * 1000);
      await client.msgSecCheck('o6_x', '快到期');
      clock.advance(-(7200 - 299) * 1000);
      expect(stub.state.stableTokenCalls).toBe(before + 1);
    });

    it('is renewed once when WeChat rejects it as expired (42001) and the call succeeds', async () => {
      const client = first.app.get(WechatClient);
      await client.msgSecCheck('o6_x', '预热');
      stub.expireTokens();
      const before = stub.state.stableTokenCalls;
      const sut = await client.msgSecCheck('o6_x', '过期后');
      expect(sut.suggest).toBe('pass');
      expect(stub.state.stableTokenCalls).toBe(before + 1);
      expect(stub.state.forcedRefreshes).toBe(0);
    });
  });

  describe('the WeChat clients', () => {
    it('classify content as pass, review or risky', async () => {
      const client = first.app.get(WechatClient);
      expect(await client.msgSecCheck('o6_x', '村口路灯坏了三天')).toEqual({ suggest: 'pass', label: 100 });
      expect((await client.msgSecCheck('o6_x', '这段话待审')).suggest).toBe('review');
      expect(await client.msgSecCheck('o6_x', '违禁内容')).toEqual({ suggest: 'risky', label: 20006 });
    });

    it('send subscribe messages with values cut to WeChat limits', async () => {
      const client = first.app.get(WechatClient);
      const sut = await client.sendSubscribeMessage(1, 'o6_subscriber', 'ticketNew', {
        thing1: '关于魏庄村变压器烧坏导致全村停电三天的紧急反映，请尽快处理',
        time2: '2026年11月23日 10:00',
        character_string3: 'GD-20261123-0001',
      });
      expect(sut).toEqual({ status: 'sent', errcode: 0, retryable: false });
      const sent = stub.state.sent.at(-1)!;
      expect(Array.from(sent.data.thing1!.value)).toHaveLength(20);
      expect(sent.page).toBe('pages/me/index');
    });

    it('record 43101 as no subscription left and do not retry it', async () => {
      const client = first.app.get(WechatClient);
      const sut = await client.sendSubscribeMessage(1, 'nosub', 'ticketReply', {
        thing1: '已回复',
        phrase2: '已解决',
        time3: '10:00',
      });
      expect(sut).toEqual({ status: 'no_subscription', errcode: 43101, retryable: false });
      const dataSource = first.app.get<DataSource>(getDataSourceToken());
      const rows: Array<{ status: string }> = await dataSource.query(
        'SELECT status FROM wechat_message_log WHERE errcode = 43101',
      );
      expect(rows.map((r) => r.status)).toContain('no_subscription');
    });
  });
});
