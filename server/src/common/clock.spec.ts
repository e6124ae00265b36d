import { StartedClock } from './clock';

describe('StartedClock', () => {
  it('starts at the given instant and runs on with real time', () => {
    let real = 1_000_000;
    const sut = new StartedClock(new Date('2026-12-06T02:00:00.000Z'), () => real);
    expect(sut.now().toISOString()).toBe('2026-12-06T02:00:00.000Z');
    real += 90_000;
    expect(sut.now().toISOString()).toBe('2026-12-06T02:01:30.000Z');
  });
});
