import { FixedClock } from '../../common/clock';
import { AttemptLimiter, type AttemptRow, MemoryAttemptStore } from '../../common/rate/attempt-limiter';
import type { AppConfig } from '../../config/app.config';
import { AttemptLimits } from './attempt-limits.service';

const config = { auth: { jwtSecret: 'test-secret' } } as AppConfig;
const deadlock = () => Object.assign(new Error('Deadlock found when trying to get lock'), { errno: 1213 });

describe('AttemptLimits', () => {
  let clock: FixedClock;
  let store: MemoryAttemptStore;
  let sut: AttemptLimits;
  const perUser = new AttemptLimiter('t.user', 3, 60_000);
  const perIp = new AttemptLimiter('t.ip', 5, 120_000);

  beforeEach(() => {
    clock = new FixedClock(new Date('2026-12-01T02:00:00Z'));
    store = new MemoryAttemptStore();
    sut = new AttemptLimits(store, clock, config);
  });

  it('lets the maximum number of attempts through and refuses the next with the seconds to wait', async () => {
    for (let i = 0; i < 3; i += 1) {
      expect((await sut.attempt([[perUser, 'u1']])).waitSeconds).toBe(0);
      clock.advance(10_000);
    }
    // Attempts at 0, 10 and 20 s; at 30 s the one at 0 s leaves the window at 60 s.
    expect((await sut.attempt([[perUser, 'u1']])).waitSeconds).toBe(30);
    expect((await sut.attempt([[perUser, 'u2']])).waitSeconds).toBe(0);
  });

  it('does not count a refused attempt, so waiting is enough', async () => {
    for (let i = 0; i < 3; i += 1) await sut.attempt([[perUser, 'u1']]);
    for (let i = 0; i < 5; i += 1) expect((await sut.attempt([[perUser, 'u1']])).waitSeconds).toBe(60);
    expect(store.rows).toHaveLength(3);
    clock.advance(60_000);
    expect((await sut.attempt([[perUser, 'u1']])).waitSeconds).toBe(0);
  });

  it('takes a forgiven attempt back from the named limiters only', async () => {
    const attempt = await sut.attempt([
      [perUser, 'u1'],
      [perIp, '1.2.3.4'],
    ]);
    await attempt.forgive(perUser);
    expect(store.rows.map((r) => r.limiter)).toEqual(['t.ip']);
    await (await sut.attempt([[perUser, 'u1']])).forgive();
    expect(store.rows.map((r) => r.limiter)).toEqual(['t.ip']);
  });

  it('blocks on any one of several keys and counts none of them then', async () => {
    for (let i = 0; i < 3; i += 1) await sut.attempt([[perUser, 'u1']]);
    const refused = await sut.attempt([
      [perIp, '1.2.3.4'],
      [perUser, 'u1'],
      [perUser, undefined],
    ]);
    expect(refused.waitSeconds).toBe(60);
    expect(store.rows.filter((r) => r.limiter === 't.ip')).toEqual([]);
  });

  it('counts attempts that run at the same time against each other: a burst cannot pass the limit', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => sut.attempt([[perUser, 'u1']])));
    expect(results.filter((r) => r.waitSeconds === 0).length).toBeLessThanOrEqual(3);
  });

  it('stores neither the key nor the limiter’s key in the clear', async () => {
    await sut.attempt([[perIp, '10.20.30.40']]);
    expect(JSON.stringify(store.rows)).not.toContain('10.20.30.40');
    expect(store.rows[0]!.keyHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('retries an insert that met a certification conflict (1213)', async () => {
    const insert = store.insert.bind(store);
    let failures = 2;
    store.insert = (rows: AttemptRow[]) => (failures-- > 0 ? Promise.reject(deadlock()) : insert(rows));
    expect((await sut.attempt([[perUser, 'u1']])).waitSeconds).toBe(0);
    expect(store.rows).toHaveLength(1);
  });

  it('throws when the attempt could not be counted, so the guarded work never runs uncounted', async () => {
    store.insert = () => Promise.reject(deadlock());
    await expect(sut.attempt([[perUser, 'u1']])).rejects.toMatchObject({ errno: 1213 });
  });

  it('answers a forgive that could not delete its rows without throwing', async () => {
    const attempt = await sut.attempt([[perUser, 'u1']]);
    store.remove = () => Promise.reject(new Error('gone'));
    await expect(attempt.forgive()).resolves.toBeUndefined();
  });

  it('needs no database for an attempt with no known key', async () => {
    store.insert = () => Promise.reject(new Error('not called'));
    expect((await sut.attempt([[perUser, undefined]])).waitSeconds).toBe(0);
  });

  it('prunes the rows whose window has passed', async () => {
    await sut.attempt([[perUser, 'u1']]);
    await sut.attempt([[perIp, 'x']]);
    clock.advance(60_000);
    expect(await sut.prune()).toBe(1);
  });
});
