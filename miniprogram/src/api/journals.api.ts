/**
 * Public journal endpoints (anyone may call them, no login): the unit tree, a unit's plans for a
 * day, an official's profile, timeline, plan and revision history. One function per call.
 *
 * They are sent without the access token (`auth: false`): what a resident sees must not depend on
 * who is signed in, and a stale token can never turn a public page into a login problem.
 * A few of them answer a signed-in staff member with more (an official's drafts to those who may
 * see them): those take `viewer: 'signed-in'` to send the token. Staff calls (editing plans,
 * posting updates…) live in plans.api.ts, entry-updates.api.ts, leave.api.ts and the like.
 */
import type {
  DayPlanView,
  LocalDate,
  PlanRevisionView,
  TimelineResponse,
  TodayResponse,
  UnitChildrenResponse,
} from '@jinri/shared';

import { takeBootToday, takeBootUnits } from './boot';
import { keepAnswer, request } from './request';

/** Who asks: anyone (no token, the default), or the signed-in user, who may see more. */
export type Viewer = 'public' | 'signed-in';

/**
 * GET /officials/:id. Not in @jinri/shared yet (the server's DirectoryService.OfficialProfile);
 * mirrored here.
 */
export interface OfficialProfile {
  id: number;
  name: string;
  gender: 'male' | 'female' | null;
  /** /uploads/… (relative to the API origin) or an https URL. */
  photoUrl: string | null;
  posts: Array<{ title: string; unit: { id: number; name: string } }>;
  /** Masked ("138****5678") for the public. */
  phone: string | null;
  /** What they handle (分管) and for which units. Absent from older servers. */
  duties?: Array<{ matterId: number; matterName: string; units: string[] }>;
}

/** GET /units — a unit and its children (the county when `parentId` is omitted). */
export function getUnits(parentId?: number): Promise<UnitChildrenResponse> {
  // H5's first screen: the answer may already be in index.html (boot.ts).
  const preloaded = parentId === undefined ? takeBootUnits() : null;
  const options = { path: '/units', query: { parentId }, auth: false };
  if (preloaded) return Promise.resolve(keepAnswer(options, preloaded)); // kept for offline too
  return request<UnitChildrenResponse>(options);
}

/** GET /today — every official of a unit's subtree and their published plan for `date`. */
export function getToday(unitId: number, date?: LocalDate): Promise<TodayResponse> {
  const preloaded = takeBootToday(unitId, date);
  const options = { path: '/today', query: { unitId, date }, auth: false };
  if (preloaded) return Promise.resolve(keepAnswer(options, preloaded)); // kept for offline too
  return request<TodayResponse>(options);
}

/** GET /officials/:id */
export function getOfficial(id: number, viewer: Viewer = 'public'): Promise<OfficialProfile> {
  return request<OfficialProfile>({ path: `/officials/${id}`, auth: viewer === 'signed-in' });
}

/** GET /officials/:id/timeline — at most 92 days, both ends included. */
export function getTimeline(
  id: number,
  from: LocalDate,
  to: LocalDate,
  viewer: Viewer = 'public',
): Promise<TimelineResponse> {
  return request<TimelineResponse>({
    path: `/officials/${id}/timeline`,
    query: { from, to },
    auth: viewer === 'signed-in',
  });
}

/**
 * GET /plans/:officialId/:date — null when there is none: no published plan for the public, no
 * plan yet for a signed-in official or clerk (who also see drafts).
 */
export function getPlan(
  officialId: number,
  date: LocalDate,
  viewer: Viewer = 'public',
): Promise<DayPlanView | null> {
  // Nest may answer a null result with an empty body: anything but an object means "no plan".
  return request<unknown>({ path: `/plans/${officialId}/${date}`, auth: viewer === 'signed-in' }).then(
    (plan) => (plan && typeof plan === 'object' ? (plan as DayPlanView) : null),
  );
}

/** GET /plans/:officialId/:date/revisions — public once the plan is published. */
export function getRevisions(officialId: number, date: LocalDate): Promise<PlanRevisionView[]> {
  return request<PlanRevisionView[]>({ path: `/plans/${officialId}/${date}/revisions`, auth: false });
}
