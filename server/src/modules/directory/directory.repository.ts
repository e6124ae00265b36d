import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
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
  name: string;
  title: string;
  unitId: number;
  unitName: string;
  phoneMasked: string | null;
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
        'o.name AS name',
        'o.phoneMasked AS "phoneMasked"',
        'p.title AS title',
        'u.id AS "unitId"',
        'u.name AS "unitName"',
      ])
      .where('m.endDate IS NULL')
      .andWhere('u.path LIKE :prefix', { prefix: `${path}%` })
      .orderBy('u.sortOrder', 'ASC')
      .addOrderBy('p.rank', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .getRawMany();
    return rows.map((r) => ({
      officialId: Number(r.officialId),
      name: String(r.name),
      title: String(r.title),
      unitId: Number(r.unitId),
      unitName: String(r.unitName),
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
      .limit(limit)
      .getRawMany();
    return rows.map((r) => ({
      officialId: Number(r.officialId),
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

  async updateOfficialPhone(officialId: number, phoneEnc: string, phoneMasked: string): Promise<void> {
    await this.dataSource.getRepository(Official).update({ id: officialId }, { phoneEnc, phoneMasked });
  }

  async updateOfficialPhoto(officialId: number, photoUrl: string | null): Promise<void> {
    await this.dataSource.getRepository(Official).update({ id: officialId }, { photoUrl });
  }
}
