/**
 * A limit on attempts per key in a sliding window: at most `max` counted attempts of one key (a
 * user, a device, an address) within `windowMs`. The counting is done by AttemptLimits
 * (modules/limits) in the database every instance shares, so the limit holds across instances; this
 * file holds the limit's description, the store's contract and the rule, and an in-memory store for
 * unit specs. `name` tells the limits apart in the store (at most 32 characters, stable: renaming
 * one forgets its counts).
 */
export class AttemptLimiter {
  constructor(
    readonly name: string,
    readonly max: number,
    readonly windowMs: number,
  ) {
    if (name.length > 32) throw new Error(`Limiter name too long: ${name}`);
  }
}

/** One limiter and the key it counts for this request (no key: that dimension is unknown). */
export type LimitedKey = readonly [AttemptLimiter, string | undefined];

/** One counted attempt: it counts against (limiter, keyHash) until `expiresAt` (epoch ms). */
export interface AttemptRow {
  id: string;
  limiter: string;
  keyHash: string;
  expiresAt: number;
}

/** Is (limiter, keyHash) at its `max`, not counting the attempt's own rows `exclude`? */
export interface AttemptCheck {
  limiter: string;
  keyHash: string;
  max: number;
  exclude: string[];
}

/** Where attempts are counted: one statement for each method. */
export interface AttemptStore {
  insert(rows: AttemptRow[]): Promise<void>;
  /**
   * For each check, the expiry of the `max`-th newest live row (expiresAt > nowMs) other than its
   * own; the latest of those, or 0 when no check has `max` such rows (nothing is blocked).
   */
  blockedUntil(checks: AttemptCheck[], nowMs: number): Promise<number>;
  remove(ids: string[]): Promise<void>;
  /** Deletes rows expired at nowMs; answers how many went. */
  prune(nowMs: number): Promise<number>;
}

/** Injection token of the AttemptStore (the database's: LimitAttemptsRepository). */
export const ATTEMPT_STORE = Symbol('ATTEMPT_STORE');

/** The rule of blockedUntil over rows in memory (the in-memory store and the spec of the SQL). */
export function blockedUntilOf(rows: readonly AttemptRow[], checks: AttemptCheck[], nowMs: number): number {
  let until = 0;
  for (const check of checks) {
    const live = rows
      .filter(
        (r) =>
          r.limiter === check.limiter &&
          r.keyHash === check.keyHash &&
          r.expiresAt > nowMs &&
          !check.exclude.includes(r.id),
      )
      .map((r) => r.expiresAt)
      .sort((a, b) => b - a);
    const at = live[check.max - 1];
    if (at !== undefined) until = Math.max(until, at);
  }
  return until;
}

/** An AttemptStore in this process's memory: for unit specs (one instance only). */
export class MemoryAttemptStore implements AttemptStore {
  rows: AttemptRow[] = [];

  insert(rows: AttemptRow[]): Promise<void> {
    this.rows.push(...rows);
    return Promise.resolve();
  }

  blockedUntil(checks: AttemptCheck[], nowMs: number): Promise<number> {
    return Promise.resolve(blockedUntilOf(this.rows, checks, nowMs));
  }

  remove(ids: string[]): Promise<void> {
    this.rows = this.rows.filter((r) => !ids.includes(r.id));
    return Promise.resolve();
  }

  prune(nowMs: number): Promise<number> {
    const before = this.rows.length;
    this.rows = this.rows.filter((r) => r.expiresAt > nowMs);
    return Promise.resolve(before - this.rows.length);
  }
}
