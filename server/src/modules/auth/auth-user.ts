import type { Role } from '@jinri/shared';

export type StaffRole = Exclude<Role, 'resident'>;

/** One active role grant with the materialised path of its unit (its scope). */
export interface AuthGrant {
  id: number;
  role: StaffRole;
  unitId: number;
  unitPath: string;
  officialId: number | null;
}

/**
 * Who is asking: loaded from the database on every request, so a revoked grant stops at once (users
 * without any grant come from AuthUserCache: they have nothing to revoke).
 */
export interface AuthUser {
  userId: number;
  demo: boolean;
  roles: Role[];
  officialId?: number;
  grants: AuthGrant[];
}

export function toAuthUser(userId: number, demo: boolean, grants: AuthGrant[]): AuthUser {
  const roles: Role[] = ['resident', ...new Set(grants.map((g) => g.role))];
  const official = grants.find((g) => g.role === 'official' && g.officialId !== null);
  return official?.officialId
    ? { userId, demo, roles, officialId: official.officialId, grants }
    : { userId, demo, roles, grants };
}

/** True when one of the user's grants of these roles covers the unit at `unitPath` (its subtree). */
export function coversUnit(user: AuthUser, roles: readonly StaffRole[], unitPath: string): boolean {
  return user.grants.some((g) => roles.includes(g.role) && unitPath.startsWith(g.unitPath));
}

/**
 * True when the user may act on an official: as that official (role official, bound to them), or
 * through a grant of the other roles whose unit covers one of the official's current post units.
 */
export function coversOfficial(
  user: AuthUser,
  roles: readonly StaffRole[],
  officialId: number,
  officialUnitPaths: string[],
): boolean {
  if (
    roles.includes('official') &&
    user.grants.some((g) => g.role === 'official' && g.officialId === officialId)
  ) {
    return true;
  }
  const others = roles.filter((r) => r !== 'official');
  return officialUnitPaths.some((path) => coversUnit(user, others, path));
}

/** The subtree roots a user's grants of these roles cover (for list queries). */
export function scopePaths(user: AuthUser, roles: readonly StaffRole[]): string[] {
  const paths = user.grants.filter((g) => roles.includes(g.role)).map((g) => g.unitPath);
  // Drop paths inside other paths: /1/4/ is covered by /1/.
  return [...new Set(paths)].filter((p) => !paths.some((q) => q !== p && p.startsWith(q)));
}

/**
 * `coversOfficial` for commands that name an official in the directory (handover, profile changes,
 * the full phone), with the official's scope from `DirectoryRepository.findOfficialScopePaths`: the
 * units of their current and future posts, else of their last ones; `null` (they never held a post)
 * is in every admin's scope, so the admin who created an official can give them their first post.
 */
export function coversOfficialScope(
  user: AuthUser,
  roles: readonly StaffRole[],
  officialId: number,
  scope: string[] | null,
): boolean {
  if (scope === null) return roles.includes('admin') && user.grants.some((g) => g.role === 'admin');
  return coversOfficial(user, roles, officialId, scope);
}
