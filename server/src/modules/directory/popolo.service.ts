import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Popolo (https://www.popoloproject.com) JSON of the directory, for open-data reuse. No personal contact data. */
export interface PopoloPage<T> {
  total: number;
  offset: number;
  limit: number;
  items: T[];
}

export interface PopoloPerson {
  id: string;
  name: string;
  gender?: string;
  image?: string;
}

export interface PopoloOrganization {
  id: string;
  name: string;
  classification: string;
  parent_id: string | null;
}

export interface PopoloPost {
  id: string;
  label: string;
  role: string;
  organization_id: string;
}

export interface PopoloMembership {
  id: string;
  person_id: string;
  post_id: string;
  organization_id: string;
  role: string;
  start_date: string;
  end_date?: string;
}

const CLASSIFICATION: Record<string, string> = {
  county: '县',
  town: '乡镇（街道）',
  village: '村（社区）',
  department: '县直部门',
  office: '机关科室',
};

@Injectable()
export class PopoloService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private async page<T>(
    table: string,
    offset: number,
    limit: number,
    query: string,
    map: (row: Record<string, unknown>) => T,
  ): Promise<PopoloPage<T>> {
    const [{ n }] = (await this.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`)) as Array<{
      n: number | string;
    }>;
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `${query} LIMIT ${limit} OFFSET ${offset}`,
    );
    return { total: Number(n), offset, limit, items: rows.map(map) };
  }

  persons(offset: number, limit: number): Promise<PopoloPage<PopoloPerson>> {
    return this.page(
      'officials',
      offset,
      limit,
      'SELECT id, name, gender, photo_url FROM officials ORDER BY id',
      (r) => ({
        id: `person/${r.id}`,
        name: String(r.name),
        ...(r.gender ? { gender: String(r.gender) } : {}),
        ...(r.photo_url ? { image: String(r.photo_url) } : {}),
      }),
    );
  }

  organizations(offset: number, limit: number): Promise<PopoloPage<PopoloOrganization>> {
    return this.page(
      'units',
      offset,
      limit,
      'SELECT id, name, kind, parent_id FROM units ORDER BY id',
      (r) => ({
        id: `organization/${r.id}`,
        name: String(r.name),
        classification: CLASSIFICATION[String(r.kind)] ?? String(r.kind),
        parent_id: r.parent_id === null ? null : `organization/${r.parent_id}`,
      }),
    );
  }

  posts(offset: number, limit: number): Promise<PopoloPage<PopoloPost>> {
    return this.page('posts', offset, limit, 'SELECT id, title, unit_id FROM posts ORDER BY id', (r) => ({
      id: `post/${r.id}`,
      label: String(r.title),
      role: String(r.title),
      organization_id: `organization/${r.unit_id}`,
    }));
  }

  memberships(offset: number, limit: number): Promise<PopoloPage<PopoloMembership>> {
    return this.page(
      'memberships',
      offset,
      limit,
      'SELECT m.id, m.official_id, m.post_id, m.start_date, m.end_date, p.unit_id, p.title FROM memberships m JOIN posts p ON p.id = m.post_id ORDER BY m.id',
      (r) => ({
        id: `membership/${r.id}`,
        person_id: `person/${r.official_id}`,
        post_id: `post/${r.post_id}`,
        organization_id: `organization/${r.unit_id}`,
        role: String(r.title),
        start_date: String(r.start_date).slice(0, 10),
        ...(r.end_date ? { end_date: String(r.end_date).slice(0, 10) } : {}),
      }),
    );
  }
}
