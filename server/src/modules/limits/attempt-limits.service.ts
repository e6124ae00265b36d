import { createHmac, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { CLOCK, type Clock } from '../../common/clock';
import {
  ATTEMPT_STORE,
  type AttemptLimiter,
  type AttemptRow,
  type AttemptStore,
  type LimitedKey,
} from '../../common/rate/attempt-limiter';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { retryOnContention } from '../../database/contention';

/** An attempt that was counted (waitSeconds 0) or refused (waitSeconds > 0, and not counted). */
export interface Attempt {
  /** Seconds until the attempt would be allowed, rounded up; 0: go ahead. */
  waitSeconds: number;
  /**
   * Takes the attempt back from these limiters (all when none are named): a right code is not a
   * failed guess. Never throws: a count that could not be taken back runs out with its window.
   */
  forgive(...limiters: AttemptLimiter[]): Promise<void>;
}

/**
 * Attempt limits shared by every instance: each attempt is a row in the database (limit_attempts),
 * written BEFORE the guarded work runs, then the keys are checked with the attempt's own rows left
 * out. So concurrent attempts on any instance see each other (a burst cannot slip past the limit),
 * and an attempt that could not be recorded never runs: a failed insert — a Galera certification
 * conflict (1213) retried and still failing, or a database that is down — answers 409/503, never
 * an uncounted guess. Rows are only inserted and deleted, each with its own random id: two
 * instances counting one key on different Galera nodes never write the same row. Keys are stored
 * as keyed hashes (no address, user or device id in the table).
 *
 * Cost: one INSERT and one SELECT per attempt (one more DELETE when it is refused or forgiven).
 */
@Injectable()
export class AttemptLimits {
  private readonly logger = new Logger(AttemptLimits.name);

  constructor(
    @Inject(ATTEMPT_STORE) private readonly store: AttemptStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Counts one attempt against every known key, unless one of them is at its limit. */
  async attempt(keys: readonly LimitedKey[]): Promise<Attempt> {
    const now = this.clock.now().getTime();
    const counted = keys
      .filter((k): k is readonly [AttemptLimiter, string] => k[1] !== undefined)
      .map(([limiter, key]) => ({
        limiter,
        row: {
          id: randomBytes(16).toString('hex'),
          limiter: limiter.name,
          keyHash: this.hash(limiter, key),
          expiresAt: now + limiter.windowMs,
        } satisfies AttemptRow,
      }));
    if (counted.length === 0) return { waitSeconds: 0, forgive: () => Promise.resolve() };
    const rows = counted.map((c) => c.row);
    await retryOnContention(() => this.store.insert(rows));
    const ids = rows.map((r) => r.id);
    const until = await this.store.blockedUntil(
      counted.map(({ limiter, row }) => ({
        limiter: row.limiter,
        keyHash: row.keyHash,
        max: limiter.max,
        exclude: ids,
      })),
      now,
    );
    if (until > now) {
      await this.remove(ids);
      return { waitSeconds: Math.ceil((until - now) / 1000), forgive: () => Promise.resolve() };
    }
    return {
      waitSeconds: 0,
      forgive: (...limiters) =>
        this.remove(
          counted.filter((c) => limiters.length === 0 || limiters.includes(c.limiter)).map((c) => c.row.id),
        ),
    };
  }

  /** Deletes the rows past their window; answers how many went (the retention job). */
  prune(): Promise<number> {
    return retryOnContention(() => this.store.prune(this.clock.now().getTime()));
  }

  private async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    try {
      await retryOnContention(() => this.store.remove(ids));
    } catch (error) {
      this.logger.warn({ err: error }, 'attempt rows not taken back (they expire with their window)');
    }
  }

  private hash(limiter: AttemptLimiter, key: string): string {
    return createHmac('sha256', this.config.auth.jwtSecret).update(`${limiter.name}\n${key}`).digest('hex');
  }
}
