import { AttemptLimiter, type AttemptRow, blockedUntilOf, MemoryAttemptStore } from './attempt-limiter';

const row = (id: string, expiresAt: number, keyHash = 'k1', limiter = 'l'): AttemptRow => ({
  id,
  limiter,
  keyHash,
  expiresAt,
});
const check = (max: number, exclude: string[] = [], keyHash = 'k1') => ({
  limiter: 'l',
  keyHash,
  max,
  exclude,
});

describe('blockedUntilOf', () => {
  it('answers 0 while a key has fewer live rows than its maximum', () => {
    const sut = blockedUntilOf([row('a', 100), row('b', 200)], [check(3)], 50);
    expect(sut).toBe(0);
  });

  it('answers the expiry of the max-th newest live row once the key is at its maximum', () => {
    const rows = [row('a', 100), row('b', 300), row('c', 200), row('d', 400)];
    // Newest first: 400, 300, 200, 100 — three allowed, so blocked until the third (200) expires.
    expect(blockedUntilOf(rows, [check(3)], 50)).toBe(200);
  });

  it('leaves out expired rows, the attempt’s own rows and other keys and limiters', () => {
    const rows = [row('a', 100), row('b', 300), row('c', 200), row('x', 900, 'k2'), row('y', 900, 'k1', 'm')];
    expect(blockedUntilOf(rows, [check(2)], 150)).toBe(200);
    expect(blockedUntilOf(rows, [check(2)], 200)).toBe(0);
    expect(blockedUntilOf(rows, [check(2, ['b'])], 50)).toBe(100);
  });

  it('answers the latest expiry over several checks', () => {
    const rows = [row('a', 100), row('b', 500, 'k2')];
    expect(blockedUntilOf(rows, [check(1), check(1, [], 'k2'), check(1, [], 'k3')], 0)).toBe(500);
  });
});

describe('MemoryAttemptStore', () => {
  it('inserts, checks, removes and prunes rows like the database store', async () => {
    const sut = new MemoryAttemptStore();
    await sut.insert([row('a', 100), row('b', 200)]);
    expect(await sut.blockedUntil([check(2)], 0)).toBe(100);
    await sut.remove(['a']);
    expect(await sut.blockedUntil([check(2)], 0)).toBe(0);
    expect(await sut.prune(200)).toBe(1);
    expect(sut.rows).toEqual([]);
  });
});

describe('AttemptLimiter', () => {
  it('refuses a name longer than the store keeps', () => {
    expect(() => new AttemptLimiter('x'.repeat(33), 1, 1)).toThrow(/too long/);
    expect(new AttemptLimiter('invite.wrong.user', 10, 600_000).max).toBe(10);
  });
});
