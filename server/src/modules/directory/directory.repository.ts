import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import { CLOCK, type Clock } from '../../common/clock';
import { localDate } from '../../common/time/local-time';
import { inSubtrees } from '../../database/subtree';
import { RoleGrant } from '../auth/role-grant.entity';
import { currentMemberships, currentOnSql } from './current-membership';
import type { HandlerDuty, PostHolder } from './handlers';
import { Membership } from './membership.entity';
import { Official } from './official.entity';
import { comparePrimaryPost } from './primary-post';
import { Unit } from './unit.entity';

export interface CurrentPost {
  postId: number;
  title: string;
  rank: number;
  unitId: number;
  unitName: string;
  unitPath: string;
}

export interface UnitMember {
  officialId: number;
  postId: number;
  name: string;
  title: string;
  /** The post's rank (1 = head of the unit). */
  rank: number;
  unitId: number;
  unitName: string;
  unitPath: string;
  phoneMasked: string | null;
  deputyOfficialId: number | null;
}

/** Named queries of the directory (units, officials, posts, memberships). */
@Injectable()
export class DirectoryRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Today's local date: what "current" means for memberships. */
  today(): string {
    return localDate(this.clock.now());
  }

  findUnitById(id: number): Promise<Unit | null> {
    return this.dataSource.getRepository(Unit).findOneBy({ id });
  }

  findRootUnit(): Promise<Unit | null> {
    return this.dataSource
      .getRepository(Unit)
      .findOne({ where: { parentId: IsNull() }, order: { id: 'ASC' } });
  }

  /** Children of a unit with how many children each has, in display order. */
  async findChildren(parentId: number): Promise<Array<Unit & { childCount: number }>> {
    const children = await this.dataSource
      .getRepository(Unit)
      .find({ where: { parentId }, order: { sortOrder: 'ASC', id: 'ASC' } });
    if (children.length === 0) return [];
    const counts: Array<{ parentId: number; n: number | string }> = await this.dataSource
      .getRepository(Unit)
      .createQueryBuilder('u')
      .select(['u.parentId AS "parentId"', 'COUNT(*) AS n'])
      .where('u.parentId IN (:...ids)', { ids: children.map((c) => c.id) })
      .groupBy('u.parentId')
      .getRawMany();
    const byParent = new Map(counts.map((c) => [Number(c.parentId), Number(c.n)]));
    return children.map((c) => Object.assign(c, { childCount: byParent.get(c.id) ?? 0 }));
  }

  /** Units by id (for ancestors from a materialised path). */
  findUnitsByIds(ids: number[]): Promise<Unit[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(Unit).findBy({ id: In(ids) });
  }

  findOfficialById(id: number): Promise<Official | null> {
    return this.dataSource.getRepository(Official).findOneBy({ id });
  }

  /**
   * The posts an official holds on `date` (default today; see current-membership.ts), the primary
   * post first (primary-post.ts).
   */
  async findCurrentPosts(officialId: number, date = this.today()): Promise<CurrentPost[]> {
    const rows: Array<Record<string, unknown>> = await currentMemberships(this.dataSource, date)
      .select([
        'p.id AS "postId"',
        'p.title AS title',
        'p.rank AS rank',
        'u.id AS "unitId"',
        'u.name AS "unitName"',
        'u.path AS "unitPath"',
      ])
      .andWhere('m.officialId = :officialId', { officialId })
      .getRawMany();
    return rows
      .map((r) => ({
        postId: Number(r.postId),
        title: String(r.title),
        rank: Number(r.rank),
        unitId: Number(r.unitId),
        unitName: String(r.unitName),
        unitPath: String(r.unitPath),
      }))
      .sort(comparePrimaryPost);
  }

  /**
   * The unit paths that decide which jurisdictions an official belongs to, for commands that name
   * an official (handover, profile changes, the full phone):
   * - the units of the posts they hold today or will hold (a handover dated in the future);
   * - with none, the units of the posts they held last (a retired official stays with their last
   *   jurisdiction: their history, phone and account are not up for grabs by another town);
   * - `null` when they never held a post (just created with POST /admin/officials): such an
   *   official carries nothing yet (no plans, no account, no phone), so every admin may place them,
   *   which is how the admin who created them gives them their first post.
   * An official is in a grant's scope when one of these paths lies in the grant's subtree.
   */
  async findOfficialScopePaths(officialId: number): Promise<string[] | null> {
    const today = this.today();
    const rows: Array<Record<string, unknown>> = await this.dataSource
      .getRepository(Membership)
      .createQueryBuilder('m')
      .innerJoin('m.post', 'p')
      .innerJoin('p.unit', 'u')
      .select(['u.path AS "unitPath"', 'm.endDate AS "endDate"'])
      .where('m.officialId = :officialId', { officialId })
      .getRawMany();
    if (rows.length === 0) return null;
    const ends = rows.map((r) => (r.endDate ? String(r.endDate).slice(0, 10) : null));
    const open = rows.filter((_, i) => ends[i] === null || ends[i]! >= today);
    if (open.length > 0) return [...new Set(open.map((r) => String(r.unitPath)))];
    const last = ends.reduce((a, b) => (a! > b! ? a : b))!;
    return [...new Set(rows.filter((_, i) => ends[i] === last).map((r) => String(r.unitPath)))];
  }

  /** Everyone holding a post in the subtree of the unit at `path` on `date` (default today). */
  async findMembersInSubtree(path: string, date = this.today()): Promise<UnitMember[]> {
    const rows: Array<Record<string, unknown>> = await currentMemberships(this.dataSource, date)
      .innerJoin('m.official', 'o')
      .select([
        'o.id AS "officialId"',
        'p.id AS "postId"',
        'o.name AS name',
        'o.phoneMasked AS "phoneMasked"',
        'p.title AS title',
        'p.rank AS rank',
        'p.deputyOfficialId AS "deputyOfficialId"',
        'u.id AS "unitId"',
        'u.name AS "unitName"',
        'u.path AS "unitPath"',
      ])
      .andWhere(inSubtrees('u', [path]))
      .orderBy('u.sortOrder', 'ASC')
      .addOrderBy('p.rank', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .getRawMany();
    return rows.map((r) => ({
      officialId: Number(r.officialId),
      postId: Number(r.postId),
      name: String(r.name),
      title: String(r.title),
      rank: Number(r.rank),
      unitId: Number(r.unitId),
      unitName: String(r.unitName),
      unitPath: String(r.unitPath),
      phoneMasked: (r.phoneMasked as string | null) ?? null,
      deputyOfficialId: r.deputyOfficialId == null ? null : Number(r.deputyOfficialId),
    }));
  }

  /** The first officials holding a post with one of these titles (demo personas), by unit order. */
  async findOfficialsByPostTitle(
    titles: string[],
    limit: number,
  ): Promise<Array<{ officialId: number; name: string; title: string; unitName: string }>> {
    const rows: Array<Record<string, unknown>> = await currentMemberships(this.dataSource, this.today())
      .innerJoin('m.official', 'o')
      .select(['o.id AS "officialId"', 'o.name AS name', 'p.title AS title', 'u.name AS "unitName"'])
      .andWhere('p.title IN (:...titles)', { titles })
      .orderBy('u.sortOrder', 'ASC')
      .addOrderBy('p.rank', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .limit(limit)
      .getRawMany();
    return rows.map((r) => ({
      officialId: Number(r.officialId),
      postId: Number(r.postId),
      name: String(r.name),
      title: String(r.title),
      unitName: String(r.unitName),
    }));
  }

  /** Officials (of these) that have an active WeChat binding. */
  async findBoundOfficialIds(officialIds: number[]): Promise<Set<number>> {
    if (officialIds.length === 0) return new Set();
    const rows: Array<{ officialId: number }> = await this.dataSource
      .getRepository(RoleGrant)
      .createQueryBuilder('g')
      .select('DISTINCT g.officialId AS "officialId"')
      .where('g.revokedAt IS NULL')
      .andWhere("g.role = 'official'")
      .andWhere('g.officialId IN (:...officialIds)', { officialIds })
      .getRawMany();
    return new Set(rows.map((r) => Number(r.officialId)));
  }

  /** The matters an official handles through their current posts, with the units each covers. */
  async findDutiesOfOfficial(
    officialId: number,
  ): Promise<Array<{ matterId: number; matterName: string; units: string[] }>> {
    const current = currentOnSql('m', this.today());
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT mt.id AS matter_id, mt.name AS matter_name, u.name AS unit_name
       FROM memberships m
       JOIN duties d ON d.post_id = m.post_id
       JOIN matters mt ON mt.id = d.matter_id
       LEFT JOIN duty_units du ON du.duty_id = d.id
       LEFT JOIN units u ON u.id = du.unit_id
       WHERE m.official_id = ? AND ${current.sql}
       ORDER BY mt.id, u.sort_order, u.id`,
      [officialId, ...current.params],
    );
    const byMatter = new Map<number, { matterId: number; matterName: string; units: string[] }>();
    for (const r of rows) {
      const id = Number(r.matter_id);
      const entry = byMatter.get(id) ?? { matterId: id, matterName: String(r.matter_name), units: [] };
      if (r.unit_name && !entry.units.includes(String(r.unit_name))) entry.units.push(String(r.unit_name));
      byMatter.set(id, entry);
    }
    return [...byMatter.values()];
  }

  /** The duties for a matter: each post and the unit paths it covers (who handles it, see handlers.ts). */
  async findDutiesOfMatter(matterId: number): Promise<HandlerDuty[]> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT d.post_id AS post_id, u.path AS path
       FROM duties d LEFT JOIN duty_units du ON du.duty_id = d.id LEFT JOIN units u ON u.id = du.unit_id
       WHERE d.matter_id = ? ORDER BY d.id`,
      [matterId],
    );
    const byPost = new Map<number, string[]>();
    for (const r of rows) {
      const paths = byPost.get(Number(r.post_id)) ?? [];
      if (r.path != null) paths.push(String(r.path));
      byPost.set(Number(r.post_id), paths);
    }
    return [...byPost].map(([postId, coveredPaths]) => ({ postId, coveredPaths }));
  }

  /** Who holds each of these posts on `date` (default today), with the post's rank. */
  async findPostHolders(postIds: number[], date = this.today()): Promise<Map<number, PostHolder[]>> {
    const holders = new Map<number, PostHolder[]>();
    if (postIds.length === 0) return holders;
    const rows: Array<Record<string, unknown>> = await currentMemberships(this.dataSource, date)
      .select(['p.id AS "postId"', 'p.rank AS rank', 'm.officialId AS "officialId"'])
      .andWhere('p.id IN (:...postIds)', { postIds })
      .getRawMany();
    for (const r of rows) {
      const postId = Number(r.postId);
      holders.set(postId, [
        ...(holders.get(postId) ?? []),
        { officialId: Number(r.officialId), rank: Number(r.rank) },
      ]);
    }
    return holders;
  }

  async updateOfficialPhone(officialId: number, phoneEnc: string, phoneMasked: string): Promise<void> {
    await this.dataSource.getRepository(Official).update({ id: officialId }, { phoneEnc, phoneMasked });
  }

  async updateOfficialPhoto(officialId: number, photoUrl: string | null): Promise<void> {
    await this.dataSource.getRepository(Official).update({ id: officialId }, { photoUrl });
  }
}
