import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { currentOnSql } from '../directory/current-membership';
import type { CurrentPost } from '../directory/directory.repository';
import { Matter } from '../directory/matter.entity';
import { Unit } from '../directory/unit.entity';
import { comparePrimaryPost } from '../directory/primary-post';

export interface DirectoryOfficial {
  id: number;
  name: string;
  /** The posts held on the snapshot's date, the primary one first. */
  posts: Array<
    CurrentPost & {
      officeHours: string | null;
      /** The post's acting deputy (代理) while the holder is on approved leave. */
      deputyOfficialId: number | null;
    }
  >;
}

export interface DirectoryMatter {
  id: number;
  name: string;
  category: string;
  keywords: string[];
  synonyms: string[];
  departmentId: number;
  departmentName: string;
  departmentPath: string;
}

export interface DirectoryDuty {
  matterId: number;
  postId: number;
  /** The unit path of the post (which county's index the duty belongs to). */
  postPath: string;
  coveredPaths: string[];
}

export interface DirectorySnapshot {
  /** Paths of the jurisdictions (units of kind county): one search index each. */
  counties: string[];
  officials: DirectoryOfficial[];
  matters: DirectoryMatter[];
  duties: DirectoryDuty[];
}

const parseList = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.map(String);
  try {
    const parsed = JSON.parse(String(value ?? '[]')) as unknown;
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
};

/** Loads the whole directory in four queries, for building the search index. */
@Injectable()
export class SearchRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The directory with the posts held on `date`, or with `prefix` only the rows under that unit path
   * (one county).
   */
  async loadSnapshot(date: string, prefix?: string): Promise<DirectorySnapshot> {
    const like = prefix ? `${prefix}%` : '%';
    const current = currentOnSql('m', date);
    const [counties, members, matters, duties, covered] = await Promise.all([
      this.dataSource.query(
        "SELECT path FROM units WHERE kind = 'county' ORDER BY sort_order, id",
      ) as Promise<Array<{ path: string }>>,
      this.dataSource.query(
        `SELECT o.id AS official_id, o.name AS name, p.id AS post_id, p.title AS title, p.rank AS post_rank,
                p.deputy_official_id AS deputy_official_id,
                u.id AS unit_id, u.name AS unit_name, u.path AS unit_path, u.office_hours AS office_hours
         FROM memberships m JOIN officials o ON o.id = m.official_id JOIN posts p ON p.id = m.post_id JOIN units u ON u.id = p.unit_id
         WHERE ${current.sql} AND u.path LIKE ? ORDER BY o.id`,
        [...current.params, like],
      ) as Promise<Array<Record<string, unknown>>>,
      this.dataSource.query(
        `SELECT m.id, m.name, m.category, m.keywords, m.synonyms, u.id AS department_id, u.name AS department_name,
                u.path AS department_path
         FROM matters m JOIN units u ON u.id = m.department_id WHERE u.path LIKE ? ORDER BY m.id`,
        [like],
      ) as Promise<Array<Record<string, unknown>>>,
      this.dataSource.query(
        `SELECT d.id, d.matter_id, d.post_id, u.path AS post_path
         FROM duties d JOIN posts p ON p.id = d.post_id JOIN units u ON u.id = p.unit_id WHERE u.path LIKE ?`,
        [like],
      ) as Promise<Array<Record<string, unknown>>>,
      this.dataSource.query(
        'SELECT du.duty_id AS duty_id, u.path AS path FROM duty_units du JOIN units u ON u.id = du.unit_id',
      ) as Promise<Array<Record<string, unknown>>>,
    ]);
    const officials = new Map<number, DirectoryOfficial>();
    // posts[0] is each official's primary post (THE rule, directory/primary-post.ts): sorted below.
    for (const row of members) {
      const id = Number(row.official_id);
      const official = officials.get(id) ?? { id, name: String(row.name), posts: [] };
      official.posts.push({
        postId: Number(row.post_id),
        title: String(row.title),
        rank: Number(row.post_rank),
        unitId: Number(row.unit_id),
        unitName: String(row.unit_name),
        unitPath: String(row.unit_path),
        officeHours: (row.office_hours as string | null) ?? null,
        deputyOfficialId: row.deputy_official_id == null ? null : Number(row.deputy_official_id),
      });
      officials.set(id, official);
    }
    const pathsByDuty = new Map<number, string[]>();
    for (const row of covered) {
      const id = Number(row.duty_id);
      pathsByDuty.set(id, [...(pathsByDuty.get(id) ?? []), String(row.path)]);
    }
    for (const official of officials.values()) official.posts.sort(comparePrimaryPost);
    return {
      counties: counties.map((c) => String(c.path)),
      officials: [...officials.values()],
      matters: matters.map((m) => ({
        id: Number(m.id),
        name: String(m.name),
        category: String(m.category),
        keywords: parseList(m.keywords),
        synonyms: parseList(m.synonyms),
        departmentId: Number(m.department_id),
        departmentName: String(m.department_name),
        departmentPath: String(m.department_path),
      })),
      duties: duties.map((d) => ({
        matterId: Number(d.matter_id),
        postId: Number(d.post_id),
        postPath: String(d.post_path),
        coveredPaths: pathsByDuty.get(Number(d.id)) ?? [],
      })),
    };
  }

  /** A matter's page: the matter with its department. */
  findMatterWithDepartment(id: number): Promise<Matter | null> {
    return this.dataSource.getRepository(Matter).findOne({ where: { id }, relations: { department: true } });
  }

  async unitPath(unitId: number): Promise<string | null> {
    const unit = await this.dataSource.getRepository(Unit).findOneBy({ id: unitId });
    return unit?.path ?? null;
  }
}
