/**
 * Failed attempts per key in a sliding window, in this instance's memory: a brake on guessing
 * (wrong invite codes, wrong 查询码). With several instances each counts its own, so the limit is
 * per instance; that is enough against guessing 60-bit codes, where the limit is hygiene, not the
 * defence. Keys are prefixed by what they count ("ip:…", "user:…", "device:…"); `waitSeconds`
 * checks several limiters at once.
 */
export class AttemptLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** True while the key has had `max` failures within the window. */
  blocked(key: string): boolean {
    return this.recent(key).length >= this.max;
  }

  /** Milliseconds until the key is no longer blocked (0 when it is not blocked). */
  retryAfterMs(key: string): number {
    const list = this.recent(key);
    if (list.length < this.max) return 0;
    // Unblocked once all but max - 1 of the recent failures have left the window.
    return Math.max(0, list[list.length - this.max]! + this.windowMs - this.now());
  }

  fail(key: string): void {
    const list = this.recent(key);
    list.push(this.now());
    this.failures.set(key, list);
    if (this.failures.size > 10_000) this.prune();
  }

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    return (this.failures.get(key) ?? []).filter((t) => t > since);
  }

  private prune(): void {
    for (const key of [...this.failures.keys()]) {
      if (this.recent(key).length === 0) this.failures.delete(key);
    }
  }
}

/** One limiter and the key it counts for this request (no key: that dimension is unknown). */
export type LimitedKey = readonly [AttemptLimiter, string | undefined];

/** Seconds to wait before any of these keys is allowed again (0: none is blocked), rounded up. */
export function waitSeconds(keys: readonly LimitedKey[]): number {
  const ms = Math.max(
    0,
    ...keys.map(([limiter, key]) => (key === undefined ? 0 : limiter.retryAfterMs(key))),
  );
  return Math.ceil(ms / 1000);
}

/** Counts one failure against every known key. */
export function failAll(keys: readonly LimitedKey[]): void {
  for (const [limiter, key] of keys) if (key !== undefined) limiter.fail(key);
}
