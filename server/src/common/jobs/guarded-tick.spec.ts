import type { Logger } from '@nestjs/common';
import { GuardedTick, ticksSettled } from './guarded-tick';

function logger(): { logger: Logger; errors: unknown[][] } {
  const errors: unknown[][] = [];
  return { logger: { error: (...args: unknown[]) => errors.push(args) } as unknown as Logger, errors };
}

describe('GuardedTick', () => {
  it('does nothing while jobs are off', async () => {
    const sut = new GuardedTick({ enabled: () => false, logger: logger().logger });
    let ran = 0;
    await sut.run('failed', async () => (ran += 1));
    expect(ran).toBe(0);
  });

  it('logs a failure instead of throwing it', async () => {
    const log = logger();
    const sut = new GuardedTick({ enabled: () => true, logger: log.logger });
    const error = new Error('boom');
    await expect(sut.run('job failed', () => Promise.reject(error))).resolves.toBeUndefined();
    expect(log.errors).toEqual([[{ err: error }, 'job failed']]);
  });

  it('skips a tick while the previous one runs when the job runs alone, and runs again after', async () => {
    const sut = new GuardedTick({ enabled: () => true, logger: logger().logger, alone: true });
    let release = () => {};
    let ran = 0;
    const first = sut.run('failed', () => new Promise<void>((resolve) => ((ran += 1), (release = resolve))));
    await sut.run('failed', async () => (ran += 1));
    expect(ran).toBe(1);
    release();
    await first;
    await sut.run('failed', async () => (ran += 1));
    expect(ran).toBe(2);
  });

  it('lets ticks overlap when the job does not run alone', async () => {
    const sut = new GuardedTick({ enabled: () => true, logger: logger().logger });
    let release = () => {};
    let ran = 0;
    const first = sut.run('failed', () => new Promise<void>((resolve) => ((ran += 1), (release = resolve))));
    await sut.run('failed', async () => (ran += 1));
    expect(ran).toBe(2);
    release();
    await first;
  });
});

describe('ticksSettled', () => {
  it('waits for the ticks running now, and resolves at once when none runs', async () => {
    const sut = new GuardedTick({ enabled: () => true, logger: logger().logger });
    await expect(ticksSettled()).resolves.toBeUndefined();
    let release = () => {};
    let ended = false;
    const tick = sut.run('failed', () =>
      new Promise<void>((resolve) => (release = resolve)).then(() => void (ended = true)),
    );
    const settled = ticksSettled().then(() => ended);
    release();
    await tick;
    await expect(settled).resolves.toBe(true);
  });
});
