/**
 * Admin endpoints (role admin, within the unit subtree of the admin's grant): invite codes and
 * role grants, matters (with the everyday words residents type), officials and post handovers.
 * One function per call, no state; everything goes through `request()` (the directory spreadsheet
 * through `upload()` and the file helpers of files.ts).
 *
 * A few answers have no type in @jinri/shared yet (the saved matter, the unit members, the new
 * official and membership): they are described here with only the fields the admin pages use.
 */
import type {
  CreatedInvite,
  CreateInviteRequest,
  InviteView,
  LocalDate,
  MatterDetail,
  MatterSummaryWithCount,
  PostDeputyView,
  RoleGrantView,
  SearchResponse,
  UnitChildrenResponse,
} from '@jinri/shared';

import { downloadXlsx, type PickedFile } from './files';
import { request, upload } from './request';

// --- invites and grants -------------------------------------------------------------------

/** GET /admin/invites — the invites of the admin's units, any status. */
export function listInvites(): Promise<InviteView[]> {
  return request<InviteView[]>({ path: '/admin/invites' });
}

/** POST /admin/invites — the answer carries the plain `code`, shown this one time only. */
export function createInvite(body: CreateInviteRequest): Promise<CreatedInvite> {
  return request<CreatedInvite>({ method: 'POST', path: '/admin/invites', data: body });
}

/** DELETE /admin/invites/:id — 409 INVITE.ALREADY_USED once redeemed (revoke the grant instead). */
export function revokeInvite(id: number): Promise<InviteView> {
  return request<InviteView>({ method: 'DELETE', path: `/admin/invites/${id}` });
}

/** GET /admin/grants — active role grants in the admin's units. */
export function listGrants(): Promise<RoleGrantView[]> {
  return request<RoleGrantView[]>({ path: '/admin/grants' });
}

/** DELETE /admin/grants/:id — 204. */
export function revokeGrant(id: number): Promise<void> {
  return request<void>({ method: 'DELETE', path: `/admin/grants/${id}` });
}

// --- units and who holds which post -------------------------------------------------------

/** GET /units?parentId= — a unit, the path to it and its children (the root without parentId). */
export function getUnitChildren(parentId?: number): Promise<UnitChildrenResponse> {
  return request<UnitChildrenResponse>({ path: '/units', query: { parentId }, auth: false });
}

/** One current post holder in GET /units/:id/members. */
export interface UnitMember {
  officialId: number;
  /** The post held; older servers leave it out (then no handover from the list). */
  postId?: number;
  name: string;
  title: string;
  unit: { id: number; name: string };
  phoneMasked: string | null;
  /** Whether the official has bound a WeChat account (redeemed an official invite). */
  wechatBound: boolean;
  /** Who stands in (代理) while the holder is on approved leave; older servers leave it out. */
  deputyOfficialId?: number | null;
}

/** GET /units/:id/members — the post holders of the unit's whole subtree (supervisor/admin scope). */
export function listUnitMembers(unitId: number): Promise<UnitMember[]> {
  return request<UnitMember[]>({ path: `/units/${unitId}/members` });
}

export interface CreatedOfficial {
  id: number;
  name: string;
}

/** POST /admin/officials — a new official (no post yet: hand a post over to them next). */
export function createOfficial(body: { name: string; gender?: 'male' | 'female' }): Promise<CreatedOfficial> {
  return request<CreatedOfficial>({ method: 'POST', path: '/admin/officials', data: body });
}

export interface MembershipView {
  id: number;
  officialId: number;
  postId: number;
  startDate: LocalDate;
  endDate: LocalDate | null;
}

/**
 * POST /admin/posts/:id/handover — `officialId` holds the post from `startDate`; the previous
 * holder's membership ends the day before. Duties stay with the post.
 */
export function handoverPost(
  postId: number,
  body: { officialId: number; startDate: LocalDate },
): Promise<MembershipView> {
  return request<MembershipView>({ method: 'POST', path: `/admin/posts/${postId}/handover`, data: body });
}

/**
 * PUT /admin/posts/:id/deputy — who stands in (代理) while the post's holder is on approved leave:
 * new tickets go to them. `null` clears it.
 */
export function setPostDeputy(postId: number, officialId: number | null): Promise<PostDeputyView> {
  return request<PostDeputyView>({
    method: 'PUT',
    path: `/admin/posts/${postId}/deputy`,
    data: { officialId },
  });
}

// --- matters ------------------------------------------------------------------------------

/** The body of PUT /admin/matters/:id and POST /admin/matters. */
export interface MatterInput {
  name: string;
  category: string;
  keywords: string[];
  /** Everyday words residents type ("盖房子" for 宅基地审批). */
  synonyms: string[];
  materials: string[];
  whereToGo: string;
  officeHours: string;
  legalBasis?: string | null;
  departmentId: number;
  /** Working days to acknowledge / resolve a comment on this matter; null for the defaults (1 / 5). */
  ackWorkingDays?: number | null;
  resolveWorkingDays?: number | null;
}

/** The saved matter as the server returns it (lists trimmed and de-duplicated). */
export interface SavedMatter extends Omit<
  MatterInput,
  'legalBasis' | 'ackWorkingDays' | 'resolveWorkingDays'
> {
  id: number;
  legalBasis: string | null;
  ackWorkingDays: number | null;
  resolveWorkingDays: number | null;
}

/** GET /search?q= (county-wide) — the admin pages only look at `matters`. */
export function searchMatters(q: string): Promise<SearchResponse> {
  return request<SearchResponse>({ path: '/search', query: { q: q.slice(0, 50) }, auth: false });
}

export function getPopularMatters(): Promise<MatterSummaryWithCount[]> {
  return request<MatterSummaryWithCount[]>({ path: '/matters/popular', auth: false });
}

export function getMatterDetail(id: number): Promise<MatterDetail> {
  return request<MatterDetail>({ path: `/matters/${id}`, auth: false });
}

/** PUT /admin/matters/:id, or POST /admin/matters when `id` is null. 400 lists fields in details. */
export function saveMatter(id: number | null, body: MatterInput): Promise<SavedMatter> {
  return id === null
    ? request<SavedMatter>({ method: 'POST', path: '/admin/matters', data: body })
    : request<SavedMatter>({ method: 'PUT', path: `/admin/matters/${id}`, data: body });
}

// --- the whole directory as a spreadsheet -------------------------------------------------

/** The largest directory workbook the server takes. */
export const MAX_DIRECTORY_SHEET_BYTES = 5 * 1024 * 1024;

/** 201 of POST /admin/directory/import: rows created or changed per sheet. */
export interface DirectoryImportResult {
  units: number;
  officials: number;
  posts: number;
  /** New holders of a post (the previous holder's term ended the day before). */
  handovers: number;
  duties: number;
}

/**
 * GET /admin/directory/export.xlsx — every unit, official, post and duty (root admins only: 403
 * AUTH.OUT_OF_SCOPE otherwise). H5: saved by the browser; weapp: opened in the document viewer.
 */
export function downloadDirectory(): Promise<void> {
  return downloadXlsx({ path: '/admin/directory/export.xlsx' }, '名录.xlsx');
}

/**
 * POST /admin/directory/import (multipart `file`) — all or nothing: 400 PLAN.SHEET_INVALID lists
 * the bad rows (see sheetRowErrors; column "单位·上级编码") and imports nothing.
 */
export function importDirectory(picked: PickedFile): Promise<DirectoryImportResult> {
  return upload<DirectoryImportResult>({
    path: '/admin/directory/import',
    file: { path: picked.path, blob: picked.file, name: picked.name },
  });
}

// --- sensitive words (comment moderation) ---------------------------------------------------

export interface SensitiveWordRow {
  unitId: number;
  word: string;
}

/** GET /admin/sensitive-words — the words of the admin's jurisdictions. */
export function listSensitiveWords(): Promise<SensitiveWordRow[]> {
  return request<SensitiveWordRow[]>({ path: '/admin/sensitive-words' });
}

/** PUT /admin/sensitive-words — replaces one unit's words. */
export function saveSensitiveWords(unitId: number, words: string[]): Promise<SensitiveWordRow[]> {
  return request<SensitiveWordRow[]>({
    method: 'PUT',
    path: '/admin/sensitive-words',
    data: { unitId, words },
  });
}
