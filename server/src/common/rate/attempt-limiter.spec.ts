import { AttemptLimiter, failAll, waitSeconds } from './attempt-limiter';

describe('AttemptLimiter', () => {
  let now = 0;
  const sut = () => new AttemptLimiter(3, 60_000, () => now);

  it('blocks a key after the maximum number of failures in the window', () => {
    const limiter = sut();
    for (let i = 0; i < 3; i += 1) {
      expect(limiter.blocked('u1')).toBe(false);
      limiter.fail('u1');
    }
    expect(limiter.blocked('u1')).toBe(true);
    expect(limiter.blocked('u2')).toBe(false);
  });

  it('forgets failures older than the window', () => {
    const limiter = sut();
    now = 1_000;
    for (let i = 0; i < 3; i += 1) limiter.fail('u1');
    now = 61_001;
    expect(limiter.blocked('u1')).toBe(false);
  });

  it('says how long a blocked key must wait: until enough failures have left the window', () => {
    const limiter = sut();
    for (const t of [0, 10_000, 20_000, 30_000]) {
      now = t;
      limiter.fail('u1');
    }
    now = 40_000;
    // Four failures, three allowed: blocked until the second one (at 10 s) leaves the window.
    expect(limiter.retryAfterMs('u1')).toBe(30_000);
    expect(limiter.retryAfterMs('u2')).toBe(0);
  });

  it('checks and counts several limiters at once, skipping unknown keys', () => {
    now = 0;
    const perIp = sut();
    const perUser = new AttemptLimiter(1, 120_000, () => now);
    const keys = [
      [perIp, 'ip:1.2.3.4'],
      [perUser, 'user:7'],
      [perUser, undefined],
    ] as const;
    expect(waitSeconds(keys)).toBe(0);
    failAll(keys);
    now = 500;
    expect(waitSeconds(keys)).toBe(120);
    expect(perIp.blocked('ip:1.2.3.4')).toBe(false);
  });
});
