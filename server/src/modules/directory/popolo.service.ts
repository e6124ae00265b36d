import { Inject, Injectable } from '@nestjs/common';
import { AppException } from '../../common/errors/app.exception';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
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

/**
 * One jurisdiction's whole directory as ONE Popolo document, the shape the spec's examples and the
 * standard loaders (everypolitician-popolo and the like) read: persons, organizations, posts and
 * memberships side by side, ids resolving within the document. Memberships are every holder of every
 * post over time: a handover ends the previous membership the day before the new one starts.
 */
export interface PopoloDocument {
  persons: PopoloPerson[];
  organizations: PopoloOrganization[];
  posts: PopoloPost[];
  memberships: PopoloMembership[];
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
  constructor(
    private readonly repository: PopoloRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The Popolo document of the county whose code is `jurisdiction` (Open311's jurisdiction_id). */
  async document(jurisdiction: string): Promise<PopoloDocument> {
    const county = await this.repository.findJurisdiction(jurisdiction);
    if (!county) throw new AppException('DIRECTORY.UNIT_NOT_FOUND', '找不到该辖区（jurisdiction）');
    const [persons, organizations, posts, memberships] = await Promise.all([
      this.repository.findOfficialsUnder(county.path),
      this.repository.findUnitsUnder(county.path),
      this.repository.findPostsUnder(county.path),
      this.repository.findMembershipsUnder(county.path),
    ]);
    return {
      persons: persons.map((r) => this.person(r)),
      // The county is the document's root, whatever lies above it.
      organizations: organizations.map((r) => ({
        ...organization(r),
        ...(Number(r.id) === county.id ? { parent_id: null } : {}),
      })),
      posts: posts.map(post),
      memberships: memberships.map(membership),
    };
  }

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
    return this.page(offset, limit, this.repository.findOfficialsPage(offset, limit), (r) => this.person(r));
  }

  organizations(offset: number, limit: number): Promise<PopoloPage<PopoloOrganization>> {
    return this.page(offset, limit, this.repository.findUnitsPage(offset, limit), organization);
  }

  posts(offset: number, limit: number): Promise<PopoloPage<PopoloPost>> {
    return this.page(offset, limit, this.repository.findPostsPage(offset, limit), post);
  }

  memberships(offset: number, limit: number): Promise<PopoloPage<PopoloMembership>> {
    return this.page(offset, limit, this.repository.findMembershipsPage(offset, limit), membership);
  }

  /**
   * Name, gender and photo only (never the phone). Popolo's `image` is a URI: a photo uploaded here
   * (/uploads/…) is given at the public address (PUBLIC_H5_URL), and left out when none is configured.
   */
  private person(r: Record<string, unknown>): PopoloPerson {
    const photo = r.photo_url ? String(r.photo_url) : null;
    const base = this.config.publicLinks.h5Url;
    const image = photo && /^https?:\/\//.test(photo) ? photo : photo && base ? `${base}${photo}` : null;
    return {
      id: `person/${r.id}`,
      name: String(r.name),
      ...(r.gender ? { gender: String(r.gender) } : {}),
      ...(image ? { image } : {}),
    };
  }
}

function organization(r: Record<string, unknown>): PopoloOrganization {
  return {
    id: `organization/${r.id}`,
    name: String(r.name),
    classification: CLASSIFICATION[String(r.kind)] ?? String(r.kind),
    parent_id: r.parent_id === null ? null : `organization/${r.parent_id}`,
  };
}

function post(r: Record<string, unknown>): PopoloPost {
  return {
    id: `post/${r.id}`,
    label: String(r.title),
    role: String(r.title),
    organization_id: `organization/${r.unit_id}`,
  };
}

/** start_date and end_date (the day before the next holder's start, after a handover) as YYYY-MM-DD. */
function membership(r: Record<string, unknown>): PopoloMembership {
  return {
    id: `membership/${r.id}`,
    person_id: `person/${r.official_id}`,
    post_id: `post/${r.post_id}`,
    organization_id: `organization/${r.unit_id}`,
    role: String(r.title),
    start_date: String(r.start_date).slice(0, 10),
    ...(r.end_date ? { end_date: String(r.end_date).slice(0, 10) } : {}),
  };
}
