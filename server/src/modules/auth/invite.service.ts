import { Inject, Injectable } from '@nestjs/common';
import type {
  CreatedInvite,
  CreateInviteRequest,
  InviteStatus,
  InviteView,
  MeResponse,
  RoleGrantView,
} from '@jinri/shared';
import { CLOCK, type Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app.exception';
import { AttemptLimiter } from '../../common/rate/attempt-limiter';
import { DirectoryRepository } from '../directory/directory.repository';
import { AttemptLimits } from '../limits/attempt-limits.service';
import { AuthRepository } from './auth.repository';
import { AuthService, grantView } from './auth.service';
import { type AuthUser, coversUnit, scopePaths } from './auth-user';
import { generateInviteCode, hashInviteCode, normalizeInviteCode } from './invite-code';
import { InviteRepository, type InviteRow } from './invite.repository';

export const DEFAULT_INVITE_HOURS = 72;
/** Wrong invite codes allowed in 10 minutes, per user, per device and per address. */
export const INVITE_GUESS_LIMITS = { perUser: 10, perDevice: 10, perIp: 30 };
const TEN_MINUTES = 10 * 60_000;

/**
 * Wrong codes in 10 minutes before the guesser waits: per user, per device (the mini-program's
 * X-Device-Id) and per address (higher: a village may share one). Counted in the database, so the
 * limit holds across instances (AttemptLimits).
 */
const WRONG_CODES = {
  user: new AttemptLimiter('invite.wrong.user', INVITE_GUESS_LIMITS.perUser, TEN_MINUTES),
  device: new AttemptLimiter('invite.wrong.device', INVITE_GUESS_LIMITS.perDevice, TEN_MINUTES),
  ip: new AttemptLimiter('invite.wrong.ip', INVITE_GUESS_LIMITS.perIp, TEN_MINUTES),
};

/** Invite codes (issue, list, revoke, redeem) and the role grants they create. */
@Injectable()
export class InviteService {
  constructor(
    private readonly invites: InviteRepository,
    private readonly grants: AuthRepository,
    private readonly directory: DirectoryRepository,
    private readonly auth: AuthService,
    private readonly limits: AttemptLimits,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(admin: AuthUser, request: CreateInviteRequest): Promise<CreatedInvite> {
    const unit = await this.directory.findUnitById(request.unitId);
    // Out of scope looks the same as missing: no probing of other jurisdictions.
    if (!unit || !coversUnit(admin, ['admin'], unit.path)) throw new AppException('DIRECTORY.UNIT_NOT_FOUND');
    if (request.role === 'official' && request.officialId === undefined) {
      throw new AppException('INVITE.INVALID_TARGET', '干部邀请码必须指定干部本人');
    }
    if (request.officialId !== undefined) {
      const posts = await this.directory.findCurrentPosts(request.officialId);
      // An official of another jurisdiction answers like a missing one (no probing).
      if (posts.length === 0 || !posts.some((p) => coversUnit(admin, ['admin'], p.unitPath)))
        throw new AppException('DIRECTORY.OFFICIAL_NOT_FOUND');
      if (!posts.some((p) => p.unitPath.startsWith(unit.path))) {
        throw new AppException('INVITE.INVALID_TARGET', '该干部不在所选单位任职');
      }
    }
    const code = generateInviteCode();
    const expiresAt = new Date(
      this.clock.now().getTime() + (request.expiresInHours ?? DEFAULT_INVITE_HOURS) * 3_600_000,
    );
    const id = await this.invites.insert({
      codeHash: hashInviteCode(normalizeInviteCode(code)!),
      role: request.role,
      unitId: unit.id,
      officialId: request.officialId ?? null,
      note: request.note ?? null,
      expiresAt,
      createdByUserId: admin.userId,
    });
    return { ...this.view((await this.invites.findById(id))!), code };
  }

  async list(admin: AuthUser): Promise<InviteView[]> {
    const rows = await this.invites.findInSubtrees(scopePaths(admin, ['admin']));
    return rows.map((row) => this.view(row));
  }

  async revoke(admin: AuthUser, id: number): Promise<InviteView> {
    const invite = await this.invites.findById(id);
    if (!invite || !coversUnit(admin, ['admin'], invite.unitPath))
      throw new AppException('COMMON.NOT_FOUND', '找不到该邀请码');
    if (invite.redeemedAt)
      throw new AppException('INVITE.ALREADY_USED', '邀请码已被使用，请在授权列表中撤销该授权');
    if (!invite.revokedAt) await this.invites.markRevoked(id, this.clock.now());
    return this.view((await this.invites.findById(id))!);
  }

  /**
   * Redeems a code for the caller: one transaction marks it used and creates the grant. Every try
   * counts as a wrong code until the code is found (so a try that could not be counted never runs).
   */
  async redeem(
    user: AuthUser,
    typed: string,
    from: { ip?: string; deviceId?: string } = {},
  ): Promise<MeResponse> {
    const attempt = await this.limits.attempt([
      [WRONG_CODES.user, String(user.userId)],
      [WRONG_CODES.device, from.deviceId],
      [WRONG_CODES.ip, from.ip],
    ]);
    const wait = attempt.waitSeconds;
    if (wait > 0)
      throw AppException.rateLimited(
        'COMMON.RATE_LIMITED',
        wait,
        `邀请码输错次数太多，请 ${Math.ceil(wait / 60)} 分钟后再试`,
      );
    const canonical = normalizeInviteCode(typed);
    const invite = canonical ? await this.invites.findByCodeHash(hashInviteCode(canonical)) : null;
    if (!invite) throw new AppException('INVITE.NOT_FOUND');
    await attempt.forgive();
    const now = this.clock.now();
    if (invite.revokedAt) throw new AppException('INVITE.REVOKED');
    if (invite.redeemedAt) throw new AppException('INVITE.ALREADY_USED');
    if (invite.expiresAt.getTime() <= now.getTime()) throw new AppException('INVITE.EXPIRED');
    await this.grants.transaction(async (manager) => {
      if (!(await this.invites.markRedeemed(manager, invite.id, user.userId, now))) {
        throw new AppException('INVITE.ALREADY_USED');
      }
      if (invite.role === 'official' && invite.officialId !== null) {
        // Never unbind someone silently: the admin revokes the current account first (DELETE
        // /admin/grants/:id, which GET /me then tells that account), and the code stays unused.
        const others = await this.grants.findOtherOfficialBindings(manager, invite.officialId, user.userId);
        if (others.length > 0) throw new AppException('INVITE.OFFICIAL_ALREADY_BOUND');
        await this.grants.revokeOfficialBindings(manager, invite.officialId, now, user.userId);
      }
      // A second invite for a role the user already holds over the same unit adds nothing.
      const duplicate = user.grants.some(
        (g) => g.role === invite.role && g.unitId === invite.unitId && invite.role !== 'official',
      );
      if (duplicate) return;
      await this.grants.insertGrant(manager, {
        userId: user.userId,
        role: invite.role,
        unitId: invite.unitId,
        officialId: invite.role === 'official' ? invite.officialId : null,
        inviteId: invite.id,
      });
    });
    await this.auth.grantsChanged();
    return this.auth.me((await this.auth.loadAuthUser(user.userId))!);
  }

  async listGrants(admin: AuthUser): Promise<RoleGrantView[]> {
    const rows = await this.grants.findActiveGrantsInSubtrees(scopePaths(admin, ['admin']));
    return rows.map(grantView);
  }

  async revokeGrant(admin: AuthUser, id: number): Promise<void> {
    const grant = await this.grants.findActiveGrantById(id);
    if (!grant || !coversUnit(admin, ['admin'], grant.unitPath)) throw new AppException('GRANT.NOT_FOUND');
    if (await this.grants.revokeGrant(id, this.clock.now(), admin.userId)) await this.auth.grantsChanged();
  }

  private status(row: InviteRow): InviteStatus {
    if (row.revokedAt) return 'revoked';
    if (row.redeemedAt) return 'redeemed';
    return row.expiresAt.getTime() <= this.clock.now().getTime() ? 'expired' : 'pending';
  }

  private view(row: InviteRow): InviteView {
    return {
      id: row.id,
      role: row.role,
      unit: { id: row.unitId, name: row.unitName },
      official: row.officialId === null ? null : { id: row.officialId, name: row.officialName ?? '' },
      status: this.status(row),
      expiresAt: row.expiresAt.toISOString(),
      createdAt: row.createdAt.toISOString(),
      redeemedAt: row.redeemedAt ? row.redeemedAt.toISOString() : null,
      note: row.note,
    };
  }
}
