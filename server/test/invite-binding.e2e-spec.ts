import type { ApiErrorBody, AuthTokens, CreatedInvite, InviteView, MeResponse } from '@jinri/shared';
import type { UnitMemberView } from '../src/modules/directory/directory.service';
import { call, type TestApp } from './app';
import { testDatabases, type TestDatabase } from './databases';
import { type WechatStub } from './wechat-stub/wechat-stub';
import { startDemoCounty } from './helpers/demo-county';

describe.each(testDatabases())('official invites on %s', (_name, makeDatabase) => {
  let database: TestDatabase;
  let stub: WechatStub;
  let sut: TestApp;
  let admin: string;
  let unitId: number;

  const login = async (code: string) =>
    (await call<AuthTokens>(sut.url, 'POST', '/auth/wechat', { body: { code } })).body.accessToken;
  const me = async (token: string) => (await call<MeResponse>(sut.url, 'GET', '/me', { token })).body;
  const invite = async (officialId: number) =>
    (
      await call<CreatedInvite>(sut.url, 'POST', '/admin/invites', {
        token: admin,
        body: { role: 'official', unitId, officialId },
      })
    ).body;
  const redeem = (token: string, code: string) =>
    call<ApiErrorBody & MeResponse>(sut.url, 'POST', '/me/invites/redeem', { token, body: { code } });

  beforeAll(async () => {
    ({ database, stub, sut } = await startDemoCounty(makeDatabase));
    admin = (await call<AuthTokens>(sut.url, 'POST', '/auth/demo', { body: { role: 'admin' } })).body
      .accessToken;
    unitId = (await me(admin)).grants[0]!.unit!.id;
  });

  afterAll(async () => {
    await sut?.app.close();
    await stub?.close();
    await database?.drop();
  });

  it('refuses to bind an official who already has an account, until the admin revokes it; then that account is told', async () => {
    const members = (
      await call<UnitMemberView[]>(sut.url, 'GET', `/units/${unitId}/members`, { token: admin })
    ).body;
    const officialId = members.find((m) => !m.wechatBound)!.officialId;
    const real = await login('code:o6_real_official');
    expect((await redeem(real, (await invite(officialId)).code)).status).toBe(200);
    expect((await me(real)).user.officialId).toBe(officialId);

    const second = await invite(officialId);
    const intruder = await login('code:o6_intruder');
    const refused = await redeem(intruder, second.code);
    expect([refused.status, refused.body.code]).toEqual([409, 'INVITE.OFFICIAL_ALREADY_BOUND']);
    expect(refused.body.message).toContain('撤销');
    // Nothing moved: the real official keeps their account, the code stays usable, no notice yet.
    expect((await me(real)).user.officialId).toBe(officialId);
    expect((await me(real)).revokedGrants).toEqual([]);
    expect((await me(intruder)).user.roles).toEqual(['resident']);
    const invites = (await call<InviteView[]>(sut.url, 'GET', '/admin/invites', { token: admin })).body;
    expect(invites.find((i) => i.id === second.id)?.status).toBe('pending');

    const grantId = (await me(real)).grants.find((g) => g.role === 'official')!.id;
    expect((await call(sut.url, 'DELETE', `/admin/grants/${grantId}`, { token: admin })).status).toBe(204);
    const told = await me(real);
    expect(told.user.roles).toEqual(['resident']);
    expect(told.revokedGrants).toEqual([
      expect.objectContaining({
        id: grantId,
        role: 'official',
        official: expect.objectContaining({ id: officialId }),
      }),
    ]);
    expect((await redeem(intruder, second.code)).status).toBe(200);
    expect((await me(intruder)).user.officialId).toBe(officialId);
    expect((await me(intruder)).revokedGrants).toEqual([]);
  });
});
