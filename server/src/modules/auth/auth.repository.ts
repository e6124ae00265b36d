import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type EntityManager, IsNull, Not } from 'typeorm';
import { inSubtrees } from '../../database/subtree';
import type { AuthGrant, StaffRole } from './auth-user';
import { RefreshToken } from './refresh-token.entity';
import { RoleGrant } from './role-grant.entity';
import { User } from './user.entity';
import { retriedTransaction } from '../../database/contention';

export interface GrantRow extends AuthGrant {
  userId: number;
  unitName: string;
  officialName: string | null;
  createdAt: Date;
}

/** Named queries of users, role grants and refresh tokens. */
/** A grant's columns as GrantRow reads them (aliases g, u for its unit, o for its official). */
const GRANT_COLUMNS = [
  'g.id AS id',
  'g.userId AS "userId"',
  'g.role AS role',
  'g.unitId AS "unitId"',
  'u.path AS "unitPath"',
  'u.name AS "unitName"',
  'g.officialId AS "officialId"',
  'o.name AS "officialName"',
  'g.createdAt AS "createdAt"',
];

@Injectable()
export class AuthRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return retriedTransaction(this.dataSource, work);
  }

  findUserById(id: number): Promise<User | null> {
    return this.dataSource.getRepository(User).findOneBy({ id });
  }

  findUserByOpenidHash(openidHash: string): Promise<User | null> {
    return this.dataSource.getRepository(User).findOneBy({ openidHash });
  }

  /** Creates the user, or returns the one a concurrent first login created (unique openid hash). */
  async findOrCreateUser(openidHash: string, openidEnc: string | null, demo: boolean): Promise<User> {
    const existing = await this.findUserByOpenidHash(openidHash);
    if (existing) return existing;
    try {
      await this.dataSource.getRepository(User).insert({ openidHash, openidEnc, demo });
    } catch (error) {
      const raced = await this.findUserByOpenidHash(openidHash);
      if (raced) return raced;
      throw error;
    }
    return (await this.findUserByOpenidHash(openidHash))!;
  }

  async touchLogin(userId: number, at: Date): Promise<void> {
    await this.dataSource.getRepository(User).update({ id: userId }, { lastLoginAt: at });
  }

  /** Grants with their unit and official, as GrantRow columns (revoked ones too). */
  private anyGrantsQuery(manager: EntityManager = this.dataSource.manager) {
    return manager
      .getRepository(RoleGrant)
      .createQueryBuilder('g')
      .innerJoin('g.unit', 'u')
      .leftJoin('g.official', 'o')
      .select(GRANT_COLUMNS);
  }

  private grantsQuery(manager: EntityManager = this.dataSource.manager) {
    return this.anyGrantsQuery(manager).where('g.revokedAt IS NULL');
  }

  private static toGrantRow(r: Record<string, unknown>): GrantRow {
    return {
      id: Number(r.id),
      userId: Number(r.userId),
      role: r.role as StaffRole,
      unitId: Number(r.unitId),
      unitPath: String(r.unitPath),
      unitName: String(r.unitName),
      officialId: r.officialId === null || r.officialId === undefined ? null : Number(r.officialId),
      officialName: (r.officialName as string | null) ?? null,
      createdAt: AuthRepository.toDate(r.createdAt),
    };
  }

  /** A raw datetime column (a Date from MySQL, 'YYYY-MM-DD HH:MM:SS' in UTC from SQLite). */
  private static toDate(value: unknown): Date {
    return value instanceof Date ? value : new Date(`${String(value).replace(' ', 'T')}Z`);
  }

  /**
   * The user and their active grants in one query (every authenticated request asks this): null
   * when there is no such user.
   */
  async findUserWithActiveGrants(
    userId: number,
  ): Promise<{ id: number; demo: boolean; grants: GrantRow[] } | null> {
    const rows: Array<Record<string, unknown>> = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('usr')
      .leftJoin(RoleGrant, 'g', 'g.userId = usr.id AND g.revokedAt IS NULL')
      .leftJoin('g.unit', 'u')
      .leftJoin('g.official', 'o')
      .select(['usr.id AS "user"', 'usr.demo AS "demo"', ...GRANT_COLUMNS])
      .where('usr.id = :userId', { userId })
      .orderBy('g.id', 'ASC')
      .getRawMany();
    if (rows.length === 0) return null;
    return {
      id: Number(rows[0]!.user),
      demo: rows[0]!.demo === true || Number(rows[0]!.demo) === 1,
      grants: rows.filter((r) => r.id !== null && r.id !== undefined).map(AuthRepository.toGrantRow),
    };
  }

  async findActiveGrants(userId: number): Promise<GrantRow[]> {
    const rows = await this.grantsQuery()
      .andWhere('g.userId = :userId', { userId })
      .orderBy('g.id', 'ASC')
      .getRawMany();
    return rows.map(AuthRepository.toGrantRow);
  }

  async findActiveGrantById(id: number): Promise<GrantRow | null> {
    const row = await this.grantsQuery().andWhere('g.id = :id', { id }).getRawOne();
    return row ? AuthRepository.toGrantRow(row) : null;
  }

  /** Active grants whose unit lies in one of the subtrees. */
  async findActiveGrantsInSubtrees(paths: string[]): Promise<GrantRow[]> {
    if (paths.length === 0) return [];
    const rows = await this.grantsQuery()
      .andWhere(inSubtrees('u', paths))
      .orderBy('g.id', 'ASC')
      .getRawMany();
    return rows.map(AuthRepository.toGrantRow);
  }

  async insertGrant(
    manager: EntityManager,
    grant: Pick<RoleGrant, 'userId' | 'role' | 'unitId' | 'officialId' | 'inviteId'>,
  ): Promise<void> {
    await manager.getRepository(RoleGrant).insert(grant);
  }

  /** One WeChat user per official: binding a new one ends the previous binding. */
  async revokeOfficialBindings(
    manager: EntityManager,
    officialId: number,
    at: Date,
    byUserId: number,
  ): Promise<void> {
    await manager
      .getRepository(RoleGrant)
      .update(
        { officialId, role: 'official', revokedAt: IsNull() },
        { revokedAt: at, revokedByUserId: byUserId },
      );
  }

  /** The users other than `exceptUserId` bound to this official by an active grant. */
  async findOtherOfficialBindings(
    manager: EntityManager,
    officialId: number,
    exceptUserId: number,
  ): Promise<number[]> {
    const rows = await manager.getRepository(RoleGrant).find({
      select: { userId: true },
      where: { officialId, role: 'official', revokedAt: IsNull() },
    });
    return [...new Set(rows.map((r) => r.userId).filter((id) => id !== exceptUserId))];
  }

  /** The user's grants that another user revoked at or after `since`, newest first. */
  async findGrantsRevokedByOthers(
    userId: number,
    since: Date,
  ): Promise<Array<GrantRow & { revokedAt: Date }>> {
    const rows: Array<Record<string, unknown>> = await this.anyGrantsQuery()
      .addSelect('g.revokedAt', 'revokedAt')
      .where('g.userId = :userId', { userId })
      .andWhere('g.revokedAt >= :since', { since })
      .andWhere('g.revokedByUserId IS NOT NULL AND g.revokedByUserId <> g.userId')
      .orderBy('g.revokedAt', 'DESC')
      .addOrderBy('g.id', 'DESC')
      .getRawMany();
    return rows.map((r) => ({
      ...AuthRepository.toGrantRow(r),
      revokedAt: AuthRepository.toDate(r.revokedAt),
    }));
  }

  /** Revokes if still active; false when it was already revoked. */
  async revokeGrant(id: number, at: Date, byUserId: number): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(RoleGrant)
      .update({ id, revokedAt: IsNull() }, { revokedAt: at, revokedByUserId: byUserId });
    return (result.affected ?? 0) > 0;
  }

  /**
   * Who to notify about these officials: the users bound to them (role official) and the clerks
   * whose unit covers one of the unit paths. Demo users have no openid and are returned without one.
   */
  async findNotificationRecipients(
    officialIds: number[],
    unitPaths: string[],
  ): Promise<
    Array<{ userId: number; openidEnc: string | null; officialId: number | null; unitPath: string }>
  > {
    if (officialIds.length === 0) return [];
    const rows: Array<Record<string, unknown>> = await this.dataSource
      .getRepository(RoleGrant)
      .createQueryBuilder('g')
      .innerJoin('g.user', 'usr')
      .innerJoin('g.unit', 'u')
      .select([
        'g.userId AS "userId"',
        'usr.openidEnc AS "openidEnc"',
        'g.officialId AS "officialId"',
        'g.role AS role',
        'u.path AS "unitPath"',
      ])
      .where('g.revokedAt IS NULL')
      .andWhere(
        new Brackets((b) =>
          b
            .where("g.role = 'official' AND g.officialId IN (:...officialIds)", { officialIds })
            .orWhere("g.role = 'clerk'"),
        ),
      )
      .getRawMany();
    const seen = new Set<string>();
    return rows
      .filter((r) => r.role === 'official' || unitPaths.some((p) => p.startsWith(String(r.unitPath))))
      .map((r) => ({
        userId: Number(r.userId),
        openidEnc: (r.openidEnc as string | null) ?? null,
        officialId: r.role === 'official' ? Number(r.officialId) : null,
        unitPath: String(r.unitPath),
      }))
      .filter((r) => {
        const key = `${r.userId}:${r.officialId ?? 'clerk'}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
  }

  async insertRefreshToken(
    row: Pick<RefreshToken, 'tokenHash' | 'userId' | 'family' | 'expiresAt'>,
  ): Promise<void> {
    await this.dataSource.getRepository(RefreshToken).insert(row);
  }

  findRefreshToken(tokenHash: string): Promise<RefreshToken | null> {
    return this.dataSource.getRepository(RefreshToken).findOneBy({ tokenHash });
  }

  /** Marks the token used if nobody used it first (two concurrent refreshes cannot both win). */
  async markRefreshTokenUsed(id: number, at: Date): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(RefreshToken)
      .update({ id, usedAt: IsNull(), revokedAt: IsNull() }, { usedAt: at });
    return (result.affected ?? 0) > 0;
  }

  async revokeRefreshFamily(family: string, at: Date): Promise<void> {
    await this.dataSource
      .getRepository(RefreshToken)
      .update({ family, revokedAt: IsNull() }, { revokedAt: at });
  }

  async isRefreshFamilyRevoked(family: string): Promise<boolean> {
    return this.dataSource
      .getRepository(RefreshToken)
      .exists({ where: { family, revokedAt: Not(IsNull()) } });
  }

  /** Families with a token revoked at or after `since` (their access tokens may still be unexpired). */
  async findFamiliesRevokedSince(since: Date): Promise<string[]> {
    const rows: Array<{ family: string }> = await this.dataSource
      .getRepository(RefreshToken)
      .createQueryBuilder('t')
      .select('DISTINCT t.family', 'family')
      .where('t.revokedAt >= :since', { since })
      .getRawMany();
    return rows.map((r) => r.family);
  }
}
