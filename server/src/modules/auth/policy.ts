import type { StaffRole } from './auth-user';

/**
 * How a route's scope is checked (in the service, once the target is loaded):
 * - self: only the caller's own data (the official bound to the caller);
 * - unit-subtree: the target unit must lie in the subtree of one of the caller's allowed grants;
 * - official-in-subtree: the target official is the caller (role official) or holds a post in the
 *   subtree of one of the caller's other allowed grants. "Holds" means today (start <= today <= end,
 *   directory/current-membership.ts); the directory's own commands on an official (handover,
 *   PATCH /officials/:id, the full phone) also count posts starting later, else the last ones held,
 *   and give an official who never held a post to every admin (DirectoryRepository.findOfficialScopePaths).
 *   Every id in a body is checked too, not only the route's: a handover checks the post's unit AND
 *   the official, an assignment the official, an invite the unit AND the official.
 */
export type ScopeRule = 'self' | 'unit-subtree' | 'official-in-subtree';

export interface RoutePolicy {
  /** public: anyone; signed-in: any user (everyone is a resident); else the staff roles allowed. */
  allow: 'public' | 'signed-in' | readonly StaffRole[];
  scope?: ScopeRule;
}

/**
 * THE policy table: every route the app registers is listed here, and a route missing from it is
 * refused (the app will not start, and the authorization matrix test fails). Keys are
 * "METHOD /path" exactly as Express registers them.
 */
export const POLICY: Readonly<Record<string, RoutePolicy>> = {
  'GET /api/v1/health': { allow: 'public' },
  // Probes (issue #16): liveness (no database call) and readiness (database, migrations, not draining).
  'GET /api/v1/health/live': { allow: 'public' },
  'GET /api/v1/health/ready': { allow: 'public' },
  // Prometheus text, outside the API prefix; never the public's: MetricsAccessGuard asks for the
  // bearer METRICS_TOKEN, or (none set) a direct loopback caller (operations/metrics-access.ts).
  'GET /metrics': { allow: 'public' },

  'POST /api/v1/auth/wechat': { allow: 'public' },
  'POST /api/v1/auth/demo': { allow: 'public' },
  'GET /api/v1/demo/personas': { allow: 'public' },
  // Demo only (404 without DEMO_LOGIN): the plans of the persona's own scope, never a resident.
  'POST /api/v1/demo/publish': {
    allow: ['official', 'clerk', 'supervisor', 'admin'],
    scope: 'official-in-subtree',
  },
  'POST /api/v1/auth/refresh': { allow: 'public' },
  'POST /api/v1/auth/logout': { allow: 'signed-in' },

  'GET /api/v1/me': { allow: 'signed-in' },
  'POST /api/v1/me/invites/redeem': { allow: 'signed-in' },
  'POST /api/v1/me/phone': { allow: ['official'], scope: 'self' },
  // The caller's own in-app messages only (the queries are bounded to the caller's user id).
  'GET /api/v1/me/messages': { allow: 'signed-in' },
  'GET /api/v1/me/messages/unread-count': { allow: 'signed-in' },
  'POST /api/v1/me/messages/read': { allow: 'signed-in' },

  'GET /api/v1/units': { allow: 'public' },
  'GET /api/v1/search': { allow: 'public' },
  'GET /api/v1/calendar/:year': { allow: 'public' },
  'PUT /api/v1/admin/calendar/:date': { allow: ['admin'], scope: 'unit-subtree' },
  'GET /api/v1/calendar/status': { allow: ['admin', 'supervisor'] },
  'DELETE /api/v1/admin/calendar/:date': { allow: ['admin'], scope: 'unit-subtree' },
  'PUT /api/v1/admin/calendar-years/:year': { allow: ['admin'], scope: 'unit-subtree' },
  'POST /api/v1/admin/matters': { allow: ['admin'], scope: 'unit-subtree' },
  'PUT /api/v1/admin/matters/:id': { allow: ['admin'], scope: 'unit-subtree' },
  // The matter's department must lie in the admin's subtree; the pin is for the county holding it.
  'PUT /api/v1/admin/matters/:id/pin': { allow: ['admin'], scope: 'unit-subtree' },
  'POST /api/v1/admin/officials': { allow: ['admin'] },
  'POST /api/v1/admin/posts/:id/handover': { allow: ['admin'], scope: 'unit-subtree' },
  'PUT /api/v1/admin/posts/:id/deputy': { allow: ['admin'], scope: 'unit-subtree' },
  'PUT /api/v1/admin/duties': { allow: ['admin'], scope: 'unit-subtree' },
  'GET /api/v1/admin/directory/export.xlsx': { allow: ['admin'], scope: 'unit-subtree' },
  'POST /api/v1/admin/directory/import': { allow: ['admin'], scope: 'unit-subtree' },
  'GET /api/v1/popolo/persons': { allow: 'public' },
  'GET /api/v1/popolo/organizations': { allow: 'public' },
  'GET /api/v1/popolo/posts': { allow: 'public' },
  'GET /api/v1/popolo/memberships': { allow: 'public' },
  // One Popolo document per jurisdiction (issue #17): public directory data only, like the pages above.
  'GET /api/v1/popolo/jurisdictions/:jurisdiction': { allow: 'public' },
  'GET /api/v1/matters/popular': { allow: 'public' },
  'GET /api/v1/matters/popular/handlers': { allow: 'public' },
  'GET /api/v1/matters/:id': { allow: 'public' },
  'GET /api/v1/officials/:id': { allow: 'public' },
  'PATCH /api/v1/officials/:id': { allow: ['official', 'clerk', 'admin'], scope: 'official-in-subtree' },
  'GET /api/v1/units/:id/members': { allow: ['supervisor', 'admin'], scope: 'unit-subtree' },

  'GET /api/v1/admin/invites': { allow: ['admin'], scope: 'unit-subtree' },
  'POST /api/v1/admin/invites': { allow: ['admin'], scope: 'unit-subtree' },
  'DELETE /api/v1/admin/invites/:id': { allow: ['admin'], scope: 'unit-subtree' },
  'GET /api/v1/admin/grants': { allow: ['admin'], scope: 'unit-subtree' },
  'DELETE /api/v1/admin/grants/:id': { allow: ['admin'], scope: 'unit-subtree' },

  'GET /api/v1/today': { allow: 'public' },
  'GET /api/v1/plans/:officialId/:date': { allow: 'public' },
  'PUT /api/v1/plans/:officialId/:date': {
    allow: ['official', 'clerk', 'admin'],
    scope: 'official-in-subtree',
  },
  'GET /api/v1/plans/:officialId/:date/revisions': { allow: 'public' },
  'POST /api/v1/plans/check': {
    allow: ['official', 'clerk', 'supervisor', 'admin'],
    scope: 'official-in-subtree',
  },
  'GET /api/v1/officials/:id/timeline': { allow: 'public' },
  'POST /api/v1/entries/:id/updates': { allow: ['official', 'clerk', 'admin'], scope: 'official-in-subtree' },
  'GET /api/v1/journal-rules': { allow: 'public' },
  'PUT /api/v1/admin/journal-rules/:unitId': { allow: ['admin'], scope: 'unit-subtree' },
  'POST /api/v1/uploads': { allow: 'signed-in' },
  'POST /api/v1/leaves': { allow: ['official', 'clerk', 'admin'], scope: 'official-in-subtree' },
  'GET /api/v1/leaves': { allow: ['official', 'clerk', 'supervisor', 'admin'], scope: 'unit-subtree' },
  'POST /api/v1/leaves/:id/approve': { allow: ['supervisor', 'admin'], scope: 'official-in-subtree' },
  'POST /api/v1/leaves/:id/reject': { allow: ['supervisor', 'admin'], scope: 'official-in-subtree' },
  'POST /api/v1/leaves/:id/cancel': { allow: ['official', 'clerk', 'admin'], scope: 'official-in-subtree' },
  'PUT /api/v1/weekly-reports/:officialId/:weekStart': {
    allow: ['official', 'clerk', 'admin'],
    scope: 'official-in-subtree',
  },
  'GET /api/v1/weekly-reports/:officialId/:weekStart': { allow: 'public' },
  'GET /api/v1/units/:unitId/plans': { allow: ['clerk', 'supervisor', 'admin'], scope: 'unit-subtree' },
  'PUT /api/v1/units/:unitId/plans': { allow: ['clerk', 'admin'], scope: 'unit-subtree' },
  'GET /api/v1/units/:unitId/plans/template.xlsx': { allow: ['clerk', 'admin'], scope: 'unit-subtree' },
  'POST /api/v1/units/:unitId/plans/import': { allow: ['clerk', 'admin'], scope: 'unit-subtree' },

  'POST /api/v1/tickets': { allow: 'signed-in' },
  'GET /api/v1/tickets/similar': { allow: 'public' },
  'GET /api/v1/tickets/mine': { allow: 'signed-in' },
  'GET /api/v1/tickets/inbox': { allow: ['official', 'supervisor', 'admin'], scope: 'unit-subtree' },
  'GET /api/v1/tickets/public': { allow: 'public' },
  'GET /api/v1/notifications/templates': { allow: 'public' },
  'GET /api/v1/tickets/following': { allow: 'signed-in' },
  'POST /api/v1/tickets/:id/follow': { allow: 'signed-in' },
  'DELETE /api/v1/tickets/:id/follow': { allow: 'signed-in' },
  'GET /api/v1/tickets/lookup/:queryCode': { allow: 'public' },
  // The author, the assignee and the supervisors/admins in scope (checked in the service).
  'GET /api/v1/tickets/:id': { allow: 'signed-in' },
  'POST /api/v1/tickets/:id/acknowledge': { allow: ['official'], scope: 'self' },
  'POST /api/v1/tickets/:id/reply': { allow: ['official'], scope: 'self' },
  'POST /api/v1/tickets/:id/resolve': { allow: ['official'], scope: 'self' },
  'POST /api/v1/tickets/:id/extension': { allow: ['official'], scope: 'self' },
  'POST /api/v1/tickets/:id/transfer': { allow: ['official', 'supervisor', 'admin'], scope: 'unit-subtree' },
  'POST /api/v1/tickets/:id/assign': { allow: ['supervisor', 'admin'], scope: 'unit-subtree' },
  'POST /api/v1/tickets/:id/extension/decide': { allow: ['supervisor', 'admin'], scope: 'unit-subtree' },
  'POST /api/v1/tickets/:id/moderate': { allow: ['supervisor', 'admin'], scope: 'unit-subtree' },
  // The author only (checked in the service): every signed-in user may be one.
  'POST /api/v1/tickets/:id/rate': { allow: 'signed-in' },
  'POST /api/v1/tickets/:id/withdraw': { allow: 'signed-in' },
  'POST /api/v1/tickets/:id/report': { allow: 'signed-in' },
  'GET /api/v1/officials/:id/ticket-figures': { allow: 'public' },
  'GET /api/v1/units/:id/ticket-figures': { allow: 'public' },
  'GET /api/v1/admin/sensitive-words': { allow: ['admin'], scope: 'unit-subtree' },
  'PUT /api/v1/admin/sensitive-words': { allow: ['admin'], scope: 'unit-subtree' },

  // 督查 (supervision I). Scope is checked in the services: a finding, spot check, notice or
  // self-examination by the unit it belongs to (404 outside the caller's subtree), a unitId query by
  // the caller's grants (403). Officials reach only their own findings and self-examinations.
  // -- findings
  'GET /api/v1/supervision/findings': { allow: ['supervisor', 'admin'], scope: 'unit-subtree' },
  'GET /api/v1/supervision/findings/:id': {
    allow: ['official', 'supervisor', 'admin'],
    scope: 'unit-subtree',
  },
  'POST /api/v1/supervision/findings/:id/explain': { allow: ['official'], scope: 'self' },
  'POST /api/v1/supervision/findings/:id/confirm': { allow: ['supervisor', 'admin'], scope: 'unit-subtree' },
  'POST /api/v1/supervision/findings/:id/dismiss': { allow: ['supervisor', 'admin'], scope: 'unit-subtree' },
  // -- workbench
  'GET /api/v1/supervision/summary': { allow: ['supervisor', 'admin'], scope: 'unit-subtree' },
  'GET /api/v1/supervision/trend': { allow: ['supervisor', 'admin'], scope: 'unit-subtree' },
  // -- spot checks
  'GET /api/v1/supervision/spot-check-candidates': { allow: ['supervisor', 'admin'], scope: 'unit-subtree' },
  'POST /api/v1/supervision/spot-check-samples': { allow: ['supervisor', 'admin'], scope: 'unit-subtree' },
  'GET /api/v1/supervision/spot-check-samples/:id': { allow: ['supervisor', 'admin'], scope: 'unit-subtree' },
  // The entry's official must hold a post in the caller's scope (not only the place).
  'POST /api/v1/supervision/spot-checks': { allow: ['supervisor', 'admin'], scope: 'official-in-subtree' },
  'GET /api/v1/supervision/spot-checks': { allow: ['supervisor', 'admin'], scope: 'unit-subtree' },
  'GET /api/v1/supervision/spot-checks/:id': { allow: ['supervisor', 'admin'], scope: 'unit-subtree' },
  // -- notices and self-examinations
  'POST /api/v1/supervision/notices': { allow: ['supervisor', 'admin'], scope: 'unit-subtree' },
  'GET /api/v1/supervision/notices': { allow: ['supervisor', 'admin'], scope: 'unit-subtree' },
  // An issued notice is also readable by the officials it cites (checked in the service).
  'GET /api/v1/supervision/notices/:id': {
    allow: ['official', 'supervisor', 'admin'],
    scope: 'unit-subtree',
  },
  'PUT /api/v1/supervision/notices/:id': { allow: ['supervisor', 'admin'], scope: 'unit-subtree' },
  'POST /api/v1/supervision/notices/:id/issue': { allow: ['supervisor', 'admin'], scope: 'unit-subtree' },
  'GET /api/v1/supervision/notices/:id/notice.docx': {
    allow: ['official', 'supervisor', 'admin'],
    scope: 'unit-subtree',
  },
  'GET /api/v1/supervision/self-examinations': { allow: ['supervisor', 'admin'], scope: 'unit-subtree' },
  'GET /api/v1/supervision/self-examinations/:id': {
    allow: ['official', 'supervisor', 'admin'],
    scope: 'unit-subtree',
  },
  'POST /api/v1/supervision/self-examinations/:id/submit': { allow: ['official'], scope: 'self' },
  'POST /api/v1/supervision/self-examinations/:id/accept': {
    allow: ['supervisor', 'admin'],
    scope: 'unit-subtree',
  },
  'POST /api/v1/supervision/self-examinations/:id/return': {
    allow: ['supervisor', 'admin'],
    scope: 'unit-subtree',
  },
  'GET /api/v1/me/supervision': { allow: ['official'], scope: 'self' },

  // 立体像 (issue #14): one official's whole record over a period (JSON or PDF) for the supervisors
  // and admins whose grant covers a unit the official held a post in during it (404 otherwise, as
  // if the official did not exist); every view is recorded. The official reads who looked (own only).
  'GET /api/v1/supervision/records/:officialId': {
    allow: ['supervisor', 'admin'],
    scope: 'official-in-subtree',
  },
  'GET /api/v1/supervision/records/:officialId/pdf': {
    allow: ['supervisor', 'admin'],
    scope: 'official-in-subtree',
  },
  'GET /api/v1/me/record-views': { allow: ['official'], scope: 'self' },

  // Rankings and 红黄旗 (issue #14). The town and department levels of a ranking, its trend, the
  // settings (weights shown next to the table) and the flags are public; the official level answers
  // only a supervisor or admin whose grant covers the unit (checked in the service: 401 anonymous,
  // 403 AUTH.ROLE_REQUIRED / AUTH.OUT_OF_SCOPE). Settings are changed by an admin of the county
  // (jurisdiction) only; flags are proposed to supervisors/admins of the county and awarded by its
  // supervisors — a town's grant does not cover the county (403 AUTH.OUT_OF_SCOPE).
  'GET /api/v1/rankings': { allow: 'public' },
  'GET /api/v1/rankings/trend': { allow: 'public' },
  'GET /api/v1/rankings/settings': { allow: 'public' },
  'PUT /api/v1/rankings/settings': { allow: ['admin'], scope: 'unit-subtree' },
  'GET /api/v1/flags/proposal': { allow: ['supervisor', 'admin'], scope: 'unit-subtree' },
  'POST /api/v1/flags': { allow: ['supervisor'], scope: 'unit-subtree' },
  'GET /api/v1/flags': { allow: 'public' },

  // 抽签晒 (issue #14): the weekly lotteries are public, not scoped (the seed only after the reveal).
  'GET /api/v1/lotteries': { allow: 'public' },
  'GET /api/v1/lotteries/:id': { allow: 'public' },

  // 实绩公示栏 (issue #14): the printed weekly board is public, like the paper one at the market; only
  // published facts and counts. Not scoped: an unknown unit answers 404 DIRECTORY.UNIT_NOT_FOUND.
  'GET /api/v1/units/:id/board': { allow: 'public' },
  'GET /api/v1/units/:id/board.json': { allow: 'public' },

  // Open311 (issue #17), .json and .xml: POST takes an integrator's api_key (checked by the service,
  // 403 as the spec says) or a resident's login token.
  'GET /open311/v2/discovery.:format': { allow: 'public' },
  'GET /open311/v2/services.:format': { allow: 'public' },
  'GET /open311/v2/services/:code.:format': { allow: 'public' },
  'POST /open311/v2/requests.:format': { allow: 'public' },
  'GET /open311/v2/requests.:format': { allow: 'public' },
  'GET /open311/v2/requests/:id.:format': { allow: 'public' },
  'GET /api/v1/admin/open311/keys': { allow: ['admin'], scope: 'unit-subtree' },
  'POST /api/v1/admin/open311/keys': { allow: ['admin'], scope: 'unit-subtree' },
  'POST /api/v1/admin/open311/keys/:keyId/revoke': { allow: ['admin'], scope: 'unit-subtree' },
};

export function policyKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}
