import type { DataSource } from 'typeorm';
import type { StaffRole } from '../../src/modules/auth/auth-user';

/** The shapes the cross-scope rows of the authorization matrix are made of. */

export interface Town {
  official: number;
  officialToken: string;
  unit: number;
  /** Posts of the town unit held by others than the persona's official, one per row that changes one. */
  posts: Array<{ postId: number; officialId: number }>;
}
export interface Attempt {
  path: string;
  body?: unknown;
  /** What must not change when the attempt is refused (read as the county admin). */
  probe?: () => Promise<unknown>;
}
export interface Row {
  route: string;
  as: StaffRole;
  attempt: (t: Town) => Promise<Attempt>;
  /** The in-scope answer when it is not a 2xx (e.g. a missing file after the scope check). */
  inScope?: [number, string];
}

export const REFUSALS = new Set([
  'AUTH.OUT_OF_SCOPE',
  'DIRECTORY.UNIT_NOT_FOUND',
  'DIRECTORY.OFFICIAL_NOT_FOUND',
  'COMMON.NOT_FOUND',
  'TICKET.NOT_FOUND',
  'LEAVE.NOT_FOUND',
  'GRANT.NOT_FOUND',
  'ENTRY.NOT_FOUND',
  'FINDING.NOT_FOUND',
  'SPOT_CHECK.ENTRY_NOT_FOUND',
  'SPOT_CHECK.NOT_FOUND',
  'NOTICE.NOT_FOUND',
  'SELF_EXAM.NOT_FOUND',
  'RECORD.NOT_FOUND',
]);

/** A member of a unit as GET /units/:id/members answers. */
export type UnitMember = {
  postId: number;
  officialId: number;
  unit: { id: number };
  deputyOfficialId: number | null;
};

/** What the rows read of the running matrix (filled in by the spec's beforeAll). */
export interface CrossScopeContext {
  url(): string;
  /** The county admin's token: creates and reads what the rows need. */
  countyAdmin(): string;
  townX(): number;
  townY(): number;
  /** The app's database, for factories that build records no route creates (findings). */
  dataSource(): DataSource;
  /** Town X and town Y as the spec's beforeAll finds them. */
  towns: Record<'X' | 'Y', Town>;
}
