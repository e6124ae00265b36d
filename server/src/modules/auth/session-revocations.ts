import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '../../common/clock';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { CacheVersionService } from '../cache/cache-version.service';
import { AuthRepository } from './auth.repository';

/** Bumped whenever a session (a refresh-token family) is revoked, on whichever instance. */
export const SESSIONS_CACHE = 'auth.sessions';

/** Revoked families are kept this much longer than an access token lives (clock skew between instances). */
const SKEW_MS = 60_000;

/**
 * The sessions revoked while their access tokens may still be unexpired, cached in memory. Each
 * request costs a Set lookup: the counter is re-read at most once a second (other instances'
 * revocations show within about a second, this instance's own at once), and the list is reloaded
 * from refresh_tokens only when the counter has moved.
 */
@Injectable()
export class SessionRevocations {
  private cached: { version: number; families: Set<string> } | null = null;
  private loading: { version: number; families: Promise<Set<string>> } | null = null;

  constructor(
    private readonly repository: AuthRepository,
    private readonly versions: CacheVersionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async isRevoked(family: string): Promise<boolean> {
    return (await this.revokedFamilies()).has(family);
  }

  /** Ends the session everywhere: its refresh tokens stop at once, its access tokens within ~1 s. */
  async revoke(family: string): Promise<void> {
    await this.repository.revokeRefreshFamily(family, this.clock.now());
    await this.versions.bump(SESSIONS_CACHE);
  }

  private async revokedFamilies(): Promise<Set<string>> {
    const version = await this.versions.recentVersion(SESSIONS_CACHE);
    if (this.cached?.version === version) return this.cached.families;
    // Concurrent requests that see the same new version share one query.
    if (this.loading?.version !== version) {
      const families = this.load(version);
      this.loading = { version, families };
      families.then(
        () => undefined,
        () => {
          if (this.loading?.families === families) this.loading = null;
        },
      );
    }
    return this.loading.families;
  }

  private async load(version: number): Promise<Set<string>> {
    const since = new Date(
      this.clock.now().getTime() - this.config.auth.accessTokenTtlSeconds * 1000 - SKEW_MS,
    );
    const families = new Set(await this.repository.findFamiliesRevokedSince(since));
    if (!this.cached || this.cached.version < version) this.cached = { version, families };
    return families;
  }
}
