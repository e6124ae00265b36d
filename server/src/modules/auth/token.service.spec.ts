import { JwtService } from '@nestjs/jwt';
import { FixedClock } from '../../common/clock';
import { loadConfig } from '../../config/app.config';
import type { AuthRepository } from './auth.repository';
import type { AuthUser } from './auth-user';
import type { SessionRevocations } from './session-revocations';
import { TokenService } from './token.service';

describe('TokenService', () => {
  const user = { userId: 7, roles: ['resident'] } as unknown as AuthUser;
  let revoked: Set<string>;
  let familyRevokedInDatabase: boolean;
  let sut: TokenService;

  beforeEach(() => {
    revoked = new Set();
    familyRevokedInDatabase = false;
    const repository = {
      insertRefreshToken: async () => undefined,
      isRefreshFamilyRevoked: async () => familyRevokedInDatabase,
    } as unknown as AuthRepository;
    const sessions = {
      isRevoked: async (family: string) => revoked.has(family),
      revoke: async (family: string) => {
        revoked.add(family);
      },
    } as unknown as SessionRevocations;
    const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(32) });
    config.auth.jwtSecret = 'x'.repeat(32);
    sut = new TokenService(new JwtService(), repository, config, new FixedClock(new Date()), sessions);
  });

  const claims = (token: string) =>
    JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;

  it('puts the session in the access token and refuses the token once the session is revoked', async () => {
    const tokens = await sut.issue(user);
    const sid = claims(tokens.accessToken).sid as string;
    expect(sid).toMatch(/^[0-9a-f-]{36}$/);
    await expect(sut.verifyAccess(tokens.accessToken)).resolves.toBe(7);
    revoked.add(sid);
    await expect(sut.verifyAccess(tokens.accessToken)).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
  });

  it('keeps the family when a refresh token is rotated', async () => {
    const tokens = await sut.issue(user, 'family-1');
    expect(claims(tokens.accessToken).sid).toBe('family-1');
  });

  it('hands out nothing for a family revoked while its refresh token was being rotated, and revokes it again', async () => {
    familyRevokedInDatabase = true;
    await expect(sut.issue(user, 'family-2')).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
    expect(revoked.has('family-2')).toBe(true);
  });
});
