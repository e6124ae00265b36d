import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AuthTokens, DemoPersona, MeResponse, Role } from '@jinri/shared';
import { CLOCK, type Clock } from '../../common/clock';
import { FIELD_CIPHER, type FieldCipher, lookupHash, maskPhone } from '../../common/crypto/field-cipher';
import { AppException } from '../../common/errors/app.exception';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { DirectoryRepository } from '../directory/directory.repository';
import { WechatApiError, WECHAT_BUSY_CODES, WechatUnavailableError } from '../wechat/wechat.errors';
import { WechatClient } from '../wechat/wechat.client';
import { AuthRepository, type GrantRow } from './auth.repository';
import { type AuthUser, type StaffRole, toAuthUser } from './auth-user';
import { AuthUserCache } from './auth-user-cache';
import { TokenService } from './token.service';
import { DEMO_OFFICIAL_TITLES } from '../../database/seed/demo-personas';

/** Seconds a client should wait before retrying after WeChat was busy or unreachable. */
const RETRY_AFTER = { busy: 3, rateLimited: 60, unreachable: 5 };
/** How long GET /me keeps telling a user that an admin revoked one of their grants. */
export const REVOKED_GRANTS_SHOWN_DAYS = 30;

/** Maps a WeChat failure during login to the API's answer. */
export function wechatLoginError(error: unknown): AppException {
  if (error instanceof WechatApiError) {
    if (error.errcode === 40029 || error.errcode === 40163 || error.errcode === 40226) {
      return new AppException('AUTH.WECHAT_CODE_INVALID');
    }
    const retryAfter = error.errcode === 45011 ? RETRY_AFTER.rateLimited : RETRY_AFTER.busy;
    return new AppException(
      'AUTH.WECHAT_UNAVAILABLE',
      undefined,
      { errcode: error.errcode },
      { 'Retry-After': String(retryAfter) },
    );
  }
  if (error instanceof WechatUnavailableError) {
    return new AppException(
      'AUTH.WECHAT_UNAVAILABLE',
      undefined,
      { reason: error.reason },
      { 'Retry-After': String(RETRY_AFTER.unreachable) },
    );
  }
  throw error;
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly repository: AuthRepository,
    private readonly directory: DirectoryRepository,
    private readonly tokens: TokenService,
    private readonly users: AuthUserCache,
    private readonly wechat: WechatClient,
    @Inject(FIELD_CIPHER) private readonly cipher: FieldCipher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Who is asking, from the database (grants revoked a second ago no longer count). */
  async loadAuthUser(userId: number): Promise<AuthUser | null> {
    return this.users.load(userId, async () => {
      const user = await this.repository.findUserWithActiveGrants(userId);
      return user ? toAuthUser(user.id, user.demo, user.grants) : null;
    });
  }

  /** After role grants were added or revoked (and committed). */
  grantsChanged(): Promise<void> {
    return this.users.grantsChanged();
  }

  async loginWithWechat(code: string): Promise<AuthTokens> {
    let openid: string;
    try {
      ({ openid } = await this.wechat.code2Session(code));
    } catch (error) {
      const mapped = wechatLoginError(error);
      if (
        error instanceof WechatApiError &&
        !WECHAT_BUSY_CODES.has(error.errcode) &&
        mapped.code === 'AUTH.WECHAT_UNAVAILABLE'
      ) {
        this.logger.error(
          { errcode: error.errcode },
          'WeChat refused our credentials: check WECHAT_APPID/WECHAT_SECRET',
        );
      }
      throw mapped;
    }
    const user = await this.repository.findOrCreateUser(
      lookupHash(openid),
      this.cipher.encrypt(openid),
      false,
    );
    await this.repository.touchLogin(user.id, this.clock.now());
    return this.tokens.issue((await this.loadAuthUser(user.id))!);
  }

  async refresh(refreshToken: string): Promise<AuthTokens> {
    const { userId, family } = await this.tokens.consumeRefresh(refreshToken);
    const user = await this.loadAuthUser(userId);
    if (!user) throw new AppException('AUTH.TOKEN_INVALID');
    return this.tokens.issue(user, family);
  }

  logout(refreshToken: string): Promise<void> {
    return this.tokens.revoke(refreshToken);
  }

  /** The people the H5 role switcher offers (DEMO_LOGIN only). */
  async demoPersonas(): Promise<DemoPersona[]> {
    this.assertDemo();
    const officials = [];
    for (const titles of DEMO_OFFICIAL_TITLES)
      officials.push(...(await this.directory.findOfficialsByPostTitle(titles, 1)));
    return [
      { role: 'resident', label: '居民' },
      ...officials.map((o) => ({
        role: 'official' as const,
        label: `干部 · ${o.name}（${o.unitName} ${o.title}）`,
        officialId: o.officialId,
      })),
      { role: 'clerk', label: '信息员（全县）' },
      { role: 'supervisor', label: '督查室（全县）' },
      { role: 'admin', label: '管理员（全县）' },
    ];
  }

  /**
   * Demo login (DEMO_LOGIN=1 only): a demo user per persona. Without officialId a staff persona gets
   * the first suitable official and a county-wide scope; with it, the persona acts as that official
   * (an official persona is bound to them; other roles get the official's unit as their scope).
   */
  async loginDemo(role: Role, officialId?: number, deviceKey?: string): Promise<AuthTokens> {
    this.assertDemo();
    const who = role === 'resident' && deviceKey ? `device:${deviceKey}` : String(officialId ?? 'default');
    const user = await this.repository.findOrCreateUser(lookupHash(`demo:${role}:${who}`), null, true);
    const existing = await this.repository.findActiveGrants(user.id);
    if (role !== 'resident' && existing.length === 0) await this.grantDemoRole(user.id, role, officialId);
    await this.repository.touchLogin(user.id, this.clock.now());
    return this.tokens.issue((await this.loadAuthUser(user.id))!);
  }

  private async grantDemoRole(userId: number, role: StaffRole, officialId?: number): Promise<void> {
    const root = await this.directory.findRootUnit();
    if (!root) throw new AppException('DIRECTORY.UNIT_NOT_FOUND', '还没有单位数据，无法演示登录');
    let unitId = root.id;
    let boundOfficial: number | null = null;
    if (officialId !== undefined || role === 'official') {
      const id =
        officialId ??
        (await this.directory.findOfficialsByPostTitle(DEMO_OFFICIAL_TITLES[0]!, 1))[0]?.officialId;
      const posts = id === undefined ? [] : await this.directory.findCurrentPosts(id);
      if (id === undefined || posts.length === 0) throw new AppException('DIRECTORY.OFFICIAL_NOT_FOUND');
      unitId = posts[0]!.unitId;
      if (role === 'official') boundOfficial = id;
    }
    await this.repository.transaction(async (manager) => {
      if (boundOfficial !== null)
        await this.repository.revokeOfficialBindings(manager, boundOfficial, this.clock.now(), userId);
      await this.repository.insertGrant(manager, {
        userId,
        role,
        unitId,
        officialId: boundOfficial,
        inviteId: null,
      });
    });
    await this.grantsChanged();
  }

  private assertDemo(): void {
    if (!this.config.auth.demoLogin) throw new AppException('AUTH.DEMO_LOGIN_DISABLED');
  }

  async me(user: AuthUser): Promise<MeResponse> {
    const grants = await this.repository.findActiveGrants(user.userId);
    const revoked = await this.repository.findGrantsRevokedByOthers(
      user.userId,
      new Date(this.clock.now().getTime() - REVOKED_GRANTS_SHOWN_DAYS * 86_400_000),
    );
    let official: MeResponse['official'] = null;
    if (user.officialId) {
      const row = await this.directory.findOfficialById(user.officialId);
      const posts = await this.directory.findCurrentPosts(user.officialId);
      if (row) {
        official = {
          id: row.id,
          name: row.name,
          posts: posts.map((p) => `${p.unitName} ${p.title}`),
          phoneMasked: row.phoneMasked,
        };
      }
    }
    return {
      user: user.officialId
        ? { id: user.userId, roles: user.roles, officialId: user.officialId }
        : { id: user.userId, roles: user.roles },
      grants: grants.map(grantView),
      revokedGrants: revoked.map((g) => ({ ...grantView(g), revokedAt: g.revokedAt.toISOString() })),
      official,
      demo: user.demo,
    };
  }

  /** Binds the phone number behind a getPhoneNumber code to the caller's own official record. */
  async bindPhone(user: AuthUser, code: string): Promise<{ phoneMasked: string }> {
    if (!user.officialId) throw new AppException('AUTH.ROLE_REQUIRED');
    let phone: string;
    try {
      phone = await this.wechat.getPhoneNumber(code);
    } catch (error) {
      // Never 401 here: the client would take it for a dead session and retry with a used code.
      if (error instanceof WechatApiError && !WECHAT_BUSY_CODES.has(error.errcode)) {
        throw new AppException('AUTH.PHONE_UNAVAILABLE', '手机号授权已失效，请重新点击绑定');
      }
      throw wechatLoginError(error);
    }
    const phoneMasked = maskPhone(phone);
    await this.directory.updateOfficialPhone(user.officialId, this.cipher.encrypt(phone), phoneMasked);
    return { phoneMasked };
  }
}

export function grantView(g: GrantRow): MeResponse['grants'][number] {
  return {
    id: g.id,
    role: g.role,
    unit: { id: g.unitId, name: g.unitName },
    official: g.officialId === null ? null : { id: g.officialId, name: g.officialName ?? '' },
    createdAt: g.createdAt.toISOString(),
  };
}
