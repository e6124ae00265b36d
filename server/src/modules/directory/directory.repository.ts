import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import { inSubtrees } from '../../database/subtree';
import { RoleGrant } from '../auth/role-grant.entity';
import { Membership } from './membership.entity';
import { Official } from './official.entity';
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
  unitId: number;
  unitName: string;
  unitPath: string;
  phoneMasked: string | null;
}

/** Each official once, with their first post (the rows come by unit order, then rank). */
export function firstPostOfEach<T extends { officialId: number }>(members: readonly T[]): T[] {
  const seen = new Set<number>();
  return members.filter((m) => !seen.has(m.officialId) && seen.add(m.officialId));
}

/** Named queries of the directory (units, officials, posts, memberships). */
@Injectable()
export class DirectoryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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

  /** The posts an official holds today (membership without end date), head posts first. */
  async findCurrentPosts(officialId: number): Promise<CurrentPost[]> {
    const rows: Array<Record<string, unknown>> = await this.dataSource
      .getRepository(Membership)
      .createQueryBuilder('m')
      .innerJoin('m.post', 'p')
      .innerJoin('p.unit', 'u')
      .select([
        'p.id AS "postId"',
        'p.title AS title',
        'p.rank AS rank',
        'u.id AS "unitId"',
        'u.name AS "unitName"',
        'u.path AS "unitPath"',
      ])
      .where('m.officialId = :officialId', { officialId })
      .andWhere('m.endDate IS NULL')
      .orderBy('p.rank', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .getRawMany();
    return rows.map((r) => ({
      postId: Number(r.postId),
      title: String(r.title),
      rank: Number(r.rank),
      unitId: Number(r.unitId),
      unitName: String(r.unitName),
      unitPath: String(r.unitPath),
    }));
  }

  /** Everyone holding a current post in the subtree of the unit at `path`. */
  async findMembersInSubtree(path: string): Promise<UnitMember[]> {
    const rows: Array<Record<string, unknown>> = await this.dataSource
      .getRepository(Membership)
      .createQueryBuilder('m')
      .innerJoin('m.post', 'p')
      .innerJoin('p.unit', 'u')
      .innerJoin('m.official', 'o')
      .select([
        'o.id AS "officialId"',
        'p.id AS "postId"',
        'o.name AS name',
        'o.phoneMasked AS "phoneMasked"',
        'p.title AS title',
        'u.id AS "unitId"',
        'u.name AS "unitName"',
        'u.path AS "unitPath"',
      ])
      .where('m.endDate IS NULL')
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
      unitId: Number(r.unitId),
      unitName: String(r.unitName),
      unitPath: String(r.unitPath),
      phoneMasked: (r.phoneMasked as string | null) ?? null,
    }));
  }

  /** The first officials holding a post with one of these titles (demo personas), by unit order. */
  async findOfficialsByPostTitle(
    titles: string[],
    limit: number,
  ): Promise<Array<{ officialId: number; name: string; title: string; unitName: string }>> {
    const rows: Array<Record<string, unknown>> = await this.dataSource
      .getRepository(Membership)
      .createQueryBuilder('m')
      .innerJoin('m.post', 'p')
      .innerJoin('p.unit', 'u')
      .innerJoin('m.official', 'o')
      .select(['o.id AS "officialId"', 'o.name AS name', 'p.title AS title', 'u.name AS "unitName"'])
      .where('m.endDate IS NULL')
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
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT mt.id AS matter_id, mt.name AS matter_name, u.name AS unit_name
       FROM memberships m
       JOIN duties d ON d.post_id = m.post_id
       JOIN matters mt ON mt.id = d.matter_id
       LEFT JOIN duty_units du ON du.duty_id = d.id
       LEFT JOIN units u ON u.id = du.unit_id
       WHERE m.official_id = ? AND m.end_date IS NULL
       ORDER BY mt.id, u.sort_order, u.id`,
      [officialId],
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

  async updateOfficialPhone(officialId: number, phoneEnc: string, phoneMasked: string): Promise<void> {
    await this.dataSource.getRepository(Official).update({ id: officialId }, { phoneEnc, phoneMasked });
  }

  async updateOfficialPhoto(officialId: number, photoUrl: string | null): Promise<void> {
    await this.dataSource.getRepository(Official).update({ id: officialId }, { photoUrl });
  }
}
