import { createHash, createSecretKey, type KeyObject, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import type { AuthTokens } from '@jinri/shared';
import { CLOCK, type Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app.exception';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { AuthRepository } from './auth.repository';
import type { AuthUser } from './auth-user';
import { SessionRevocations } from './session-revocations';

interface AccessClaims {
  sub: string;
  /** The session: the refresh-token family the access token was issued with. */
  sid: string;
  typ: 'access';
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Access tokens (JWT, HS256, short-lived) and rotating refresh tokens (random, hashed at rest). */
@Injectable()
export class TokenService {
  private secretKey: KeyObject | null = null;

  constructor(
    private readonly jwt: JwtService,
    private readonly repository: AuthRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly sessions: SessionRevocations,
  ) {}

  /** New tokens for a new session, or for `family` when a refresh token was rotated. */
  async issue(user: AuthUser, rotated?: string): Promise<AuthTokens> {
    const family = rotated ?? randomUUID();
    const ttl = this.config.auth.accessTokenTtlSeconds;
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const accessToken = await this.jwt.signAsync(
      {
        sub: String(user.userId),
        sid: family,
        typ: 'access',
        iat: now,
        exp: now + ttl,
      } satisfies AccessClaims & {
        iat: number;
        exp: number;
      },
      { secret: this.key(), algorithm: 'HS256' },
    );
    const refreshToken = randomBytes(32).toString('base64url');
    await this.repository.insertRefreshToken({
      tokenHash: sha256(refreshToken),
      userId: user.userId,
      family,
      expiresAt: new Date(this.clock.now().getTime() + this.config.auth.refreshTokenTtlDays * 86_400_000),
    });
    // A logout or a reuse that revoked the family between consumeRefresh() and the insert above
    // missed the new row: revoke it too instead of handing out a live token of a dead session.
    if (rotated && (await this.repository.isRefreshFamilyRevoked(rotated))) {
      await this.sessions.revoke(rotated);
      throw new AppException('AUTH.TOKEN_INVALID');
    }
    return {
      accessToken,
      expiresIn: ttl,
      refreshToken,
      user: user.officialId
        ? { id: user.userId, roles: user.roles, officialId: user.officialId }
        : { id: user.userId, roles: user.roles },
    };
  }

  /**
   * The HMAC key as a KeyObject, made once: given a string, jsonwebtoken first tries it as a PEM
   * public key (a thrown error per request, 5% of the CPU under load) before taking it as a secret.
   */
  private key(): string {
    this.secretKey ??= createSecretKey(Buffer.from(this.config.auth.jwtSecret, 'utf8'));
    // @nestjs/jwt types the secret as string | Buffer; jsonwebtoken takes a KeyObject as is.
    return this.secretKey as unknown as string;
  }

  /**
   * The user id in a valid access token of a session that was not revoked; 401 AUTH.TOKEN_EXPIRED /
   * AUTH.TOKEN_INVALID otherwise. A token without a session id (issued before sessions were
   * revocable) is invalid: the client refreshes or logs in again.
   */
  async verifyAccess(token: string): Promise<number> {
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(token, {
        secret: this.key(),
        algorithms: ['HS256'],
        clockTimestamp: Math.floor(this.clock.now().getTime() / 1000),
      });
    } catch (error) {
      throw new AppException(
        error instanceof TokenExpiredError ? 'AUTH.TOKEN_EXPIRED' : 'AUTH.TOKEN_INVALID',
      );
    }
    const userId = Number(claims.sub);
    if (
      claims.typ !== 'access' ||
      !Number.isInteger(userId) ||
      typeof claims.sid !== 'string' ||
      claims.sid === '' ||
      (await this.sessions.isRevoked(claims.sid))
    )
      throw new AppException('AUTH.TOKEN_INVALID');
    return userId;
  }

  /**
   * Uses a refresh token once: returns its user id and family for re-issuing. A token presented a
   * second time revokes its whole family (someone else has a copy).
   */
  async consumeRefresh(refreshToken: string): Promise<{ userId: number; family: string }> {
    const row = await this.repository.findRefreshToken(sha256(refreshToken));
    const now = this.clock.now();
    if (!row || row.revokedAt || row.expiresAt.getTime() <= now.getTime())
      throw new AppException('AUTH.TOKEN_INVALID');
    if (row.usedAt || !(await this.repository.markRefreshTokenUsed(row.id, now))) {
      await this.sessions.revoke(row.family);
      throw new AppException('AUTH.TOKEN_INVALID');
    }
    return { userId: row.userId, family: row.family };
  }

  async revoke(refreshToken: string): Promise<void> {
    const row = await this.repository.findRefreshToken(sha256(refreshToken));
    if (row) await this.sessions.revoke(row.family);
  }
}
