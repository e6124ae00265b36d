import { AttemptLimiter } from './attempt-limiter';

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
});
