import { Injectable } from '@nestjs/common';
import { PopoloRepository, type RowsPage } from './popolo.repository';

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
  constructor(private readonly repository: PopoloRepository) {}

  private async page<T>(
    offset: number,
    limit: number,
    found: Promise<RowsPage>,
    map: (row: Record<string, unknown>) => T,
  ): Promise<PopoloPage<T>> {
    const { total, rows } = await found;
    return { total, offset, limit, items: rows.map(map) };
  }

  persons(offset: number, limit: number): Promise<PopoloPage<PopoloPerson>> {
    return this.page(offset, limit, this.repository.findOfficialsPage(offset, limit), (r) => ({
      id: `person/${r.id}`,
      name: String(r.name),
      ...(r.gender ? { gender: String(r.gender) } : {}),
      ...(r.photo_url ? { image: String(r.photo_url) } : {}),
    }));
  }

  organizations(offset: number, limit: number): Promise<PopoloPage<PopoloOrganization>> {
    return this.page(offset, limit, this.repository.findUnitsPage(offset, limit), (r) => ({
      id: `organization/${r.id}`,
      name: String(r.name),
      classification: CLASSIFICATION[String(r.kind)] ?? String(r.kind),
      parent_id: r.parent_id === null ? null : `organization/${r.parent_id}`,
    }));
  }

  posts(offset: number, limit: number): Promise<PopoloPage<PopoloPost>> {
    return this.page(offset, limit, this.repository.findPostsPage(offset, limit), (r) => ({
      id: `post/${r.id}`,
      label: String(r.title),
      role: String(r.title),
      organization_id: `organization/${r.unit_id}`,
    }));
  }

  memberships(offset: number, limit: number): Promise<PopoloPage<PopoloMembership>> {
    return this.page(offset, limit, this.repository.findMembershipsPage(offset, limit), (r) => ({
      id: `membership/${r.id}`,
      person_id: `person/${r.official_id}`,
      post_id: `post/${r.post_id}`,
      organization_id: `organization/${r.unit_id}`,
      role: String(r.title),
      start_date: String(r.start_date).slice(0, 10),
      ...(r.end_date ? { end_date: String(r.end_date).slice(0, 10) } : {}),
    }));
  }
}
