import type { UnitKind } from '../constants.js';
import type { CurrentFlag } from './rankings.js';

export interface UnitSummary {
  id: number;
  name: string;
  kind: UnitKind;
  parentId: number | null;
}

export interface OfficialSummary {
  id: number;
  name: string;
  post: string;
  unitId: number;
}

export interface MatterSummary {
  id: number;
  name: string;
  category: string;
  keywords: string[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** GET /units?parentId= — a unit and its children (the root when parentId is omitted). */
export interface UnitChildrenResponse {
  unit: UnitSummary;
  /** The path from the root down to `unit` (for breadcrumbs). */
  ancestors: UnitSummary[];
  children: Array<UnitSummary & { childCount: number; flag?: CurrentFlag | null }>;
  /** The unit's current 红旗 / 黄旗 (issue #14), when it holds one. */
  flag?: CurrentFlag | null;
}

/** "Where is he now", derived at request time from today's published plan, leave and office hours. */
export type OfficialStatusKind = 'in_office' | 'out' | 'meeting' | 'on_leave' | 'no_plan' | 'off_hours';

export interface OfficialStatus {
  kind: OfficialStatusKind;
  /** One line for a resident: "在魏庄村 调度拆迁工作（至 11:30）", "今日请假", "今日未公示" … */
  text: string;
  place?: string;
  /** "HH:mm" the current activity ends. */
  until?: string;
  /** When they can next be found in the office: "下午 14:30 起在办公室", "周一 08:30 起在办公室". */
  nextInOffice?: string;
}

export interface OfficialRef {
  id: number;
  name: string;
  post: string;
  unit: { id: number; name: string };
  status: OfficialStatus;
  /**
   * Only while on approved leave today, when their post names an acting deputy (代理) who is not away
   * too: who stands in, with where they are now (`status.text` then reads "请假中，由 X 代理").
   */
  actingDeputy?: Omit<OfficialRef, 'actingDeputy'>;
}

/** GET /search?q=&unitId= */
export interface SearchResponse {
  q: string;
  /**
   * Each matter once. Two matters may share a name in different departments (养老服务补贴 of 民政局
   * and of 老龄办): `department` tells them apart on the card.
   */
  matters: Array<{
    id: number;
    name: string;
    category: string;
    department: { id: number; name: string };
    officials: OfficialRef[];
  }>;
  officials: OfficialRef[];
}

/** GET /matters/:id?unitId= */
export interface MatterDetail {
  id: number;
  name: string;
  category: string;
  keywords: string[];
  synonyms: string[];
  materials: string[];
  whereToGo: string;
  officeHours: string;
  legalBasis: string | null;
  department: { id: number; name: string };
  /** Working days to acknowledge and to resolve a comment on this matter (null: the defaults, 1 and 5). */
  ackWorkingDays: number | null;
  resolveWorkingDays: number | null;
  /** Who handles it for `unitId` (the resident's village), with where they are now. */
  officials: OfficialRef[];
}

/** GET /matters/popular?unitId= */
export interface MatterSummaryWithCount {
  id: number;
  name: string;
  category: string;
}

/**
 * GET /matters/popular/handlers?unitId= — the first few popular matters of the unit's county, each
 * with who handles it for the unit and where they are now (the first screen's 我的村 answer). A
 * look, not a search: it does not count towards the matters' demand.
 */
export type PopularHandlers = SearchResponse['matters'];

/** POST /admin/officials — the new official as an admin sees it (the phone only masked). */
export interface AdminOfficialView {
  id: number;
  code: string;
  name: string;
  gender: 'male' | 'female' | null;
  photoUrl: string | null;
  phoneMasked: string | null;
}

/** POST /admin/matters, PUT /admin/matters/:id — the saved matter (lists trimmed and de-duplicated). */
export interface AdminMatterView {
  id: number;
  code: string;
  name: string;
  category: string;
  keywords: string[];
  synonyms: string[];
  materials: string[];
  whereToGo: string;
  officeHours: string;
  legalBasis: string | null;
  departmentId: number;
  ackWorkingDays: number | null;
  resolveWorkingDays: number | null;
}

/** POST /admin/posts/:id/handover — the new holder's membership ("YYYY-MM-DD" dates). */
export interface MembershipView {
  id: number;
  officialId: number;
  postId: number;
  startDate: string;
  endDate: string | null;
}

/** PUT /admin/posts/:id/deputy — who stands in (代理) for the post's holder while on approved leave. */
export interface PostDeputyView {
  postId: number;
  deputy: { id: number; name: string } | null;
}

/** PUT /admin/duties — the saved duty and the units it covers. */
export interface SavedDutyView {
  id: number;
  coveredUnitIds: number[];
}

/** GET /officials/:id, PATCH /officials/:id — an official's public profile. */
export interface OfficialProfile {
  id: number;
  name: string;
  gender: 'male' | 'female' | null;
  photoUrl: string | null;
  posts: Array<{ title: string; unit: { id: number; name: string } }>;
  /** Masked ("138****5678") for everyone but an admin whose jurisdiction covers the official. */
  phone: string | null;
  /** What they handle, for which units (分管): "低保申请 — 魏庄村、柳树村". */
  duties: Array<{ matterId: number; matterName: string; units: string[] }>;
}

/** GET /units/:id/members — one current post holder of the unit's subtree. */
export interface UnitMemberView {
  officialId: number;
  postId: number;
  name: string;
  title: string;
  unit: { id: number; name: string };
  phoneMasked: string | null;
  wechatBound: boolean;
  /** The post's acting deputy (代理) while the holder is on approved leave. */
  deputyOfficialId: number | null;
}
