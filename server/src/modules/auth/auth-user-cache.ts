import { Injectable } from '@nestjs/common';
import { CacheVersionService } from '../cache/cache-version.service';
import type { AuthUser } from './auth-user';

/** Bumped whenever a role grant is added or revoked, on whichever instance. */
export const GRANTS_CACHE = 'auth.grants';

/** Users kept at most; past it the oldest entries go (a resident not seen for a while is re-read). */
const MAX_USERS = 20_000;

/**
 * Signed-in users without any role grant (residents: nearly every request at peak), kept in memory
 * so a comment does not start with a read of its author. Nothing a revocation could take away is
 * ever cached: a user with a grant is read from the database on every request, so a revoked grant
 * stops at once on every instance, as before. A new grant shows at once on the instance that made
 * it and within about a second on the others (the GRANTS_CACHE counter is re-read at most once a
 * second); until then that user is still treated as a resident, which opens nothing.
 */
@Injectable()
export class AuthUserCache {
  private readonly users = new Map<number, { version: number; user: AuthUser }>();

  constructor(private readonly versions: CacheVersionService) {}

  /** The user from the cache, or from `read` (then cached when they hold no grant). */
  async load(userId: number, read: () => Promise<AuthUser | null>): Promise<AuthUser | null> {
    // The counter is read before the user: a grant added meanwhile moves it past the cached entry.
    const version = await this.versions.recentVersion(GRANTS_CACHE);
    const hit = this.users.get(userId);
    if (hit?.version === version) return hit.user;
    const user = await read();
    this.users.delete(userId);
    if (user && user.grants.length === 0) {
      if (this.users.size >= MAX_USERS) this.users.delete(this.users.keys().next().value!);
      this.users.set(userId, { version, user });
    }
    return user;
  }

  /** After a grant was added or revoked (committed): every instance drops its cached users. */
  async grantsChanged(): Promise<void> {
    this.users.clear();
    await this.versions.bump(GRANTS_CACHE);
  }
}
