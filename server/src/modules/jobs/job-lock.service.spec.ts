import { FixedClock } from '../../common/clock';
import type { MetricsService } from '../operations/metrics.service';
import { JobLockService } from './job-lock.service';
import type { JobRunsRepository } from './job-runs.repository';

/** A job_runs table in memory: a claim is true for the first caller of a key, false afterwards. */
function fakeRuns(undecidable: string[] = []) {
  const rows = new Map<string, string | null>();
  return {
    rows,
    claimRun: jest.fn(async (job: string, fireKey: string) => {
      if (undecidable.includes(fireKey)) throw new Error(`Could not claim ${job} ${fireKey}`);
      if (rows.has(`${job}|${fireKey}`)) return false;
      rows.set(`${job}|${fireKey}`, null);
      return true;
    }),
    markFinished: jest.fn(async (job: string, fireKey: string, _at: Date, result: string | null) => {
      rows.set(`${job}|${fireKey}`, result);
    }),
  };
}

function makeSut(runs: ReturnType<typeof fakeRuns>) {
  const metrics = { observeJob: jest.fn() };
  const sut = new JobLockService(
    runs as unknown as JobRunsRepository,
    new FixedClock(new Date('2026-11-16T01:00:00Z')),
    metrics as unknown as MetricsService,
  );
  return { sut, metrics };
}

describe('JobLockService', () => {
  it('runs the work when this instance claims the fire key and records how it ended', async () => {
    const runs = fakeRuns();
    const { sut } = makeSut(runs);
    await expect(sut.runOnce('digest', '2026-11-16', async () => 3)).resolves.toEqual({
      ran: true,
      result: 3,
    });
    expect(runs.rows.get('digest|2026-11-16')).toBe('3');
  });

  it('skips the work when another instance claimed the fire key first', async () => {
    const runs = fakeRuns();
    const { sut } = makeSut(runs);
    await sut.runOnce('digest', '2026-11-16', async () => 1);
    const work = jest.fn();
    await expect(sut.runOnce('digest', '2026-11-16', work)).resolves.toEqual({ ran: false });
    expect(work).not.toHaveBeenCalled();
  });

  it('runs one piece of work for the keys it claimed and leaves the others', async () => {
    const runs = fakeRuns();
    const { sut, metrics } = makeSut(runs);
    await sut.runOnce('check', 'b', async () => null);
    const work = jest.fn(async (claimed: string[]) => claimed.length);
    await expect(sut.runOnceEach('check', ['a', 'b', 'c'], work)).resolves.toEqual({
      claimed: ['a', 'c'],
      result: 2,
    });
    expect(work).toHaveBeenCalledTimes(1);
    expect(metrics.observeJob).toHaveBeenCalledWith('check', 'skipped', 1);
  });

  it('runs the keys it claimed before a claim that could not be decided, then throws that error', async () => {
    const runs = fakeRuns(['b']);
    const { sut, metrics } = makeSut(runs);
    const work = jest.fn(async (claimed: string[]) => claimed);
    await expect(sut.runOnceEach('check', ['a', 'b', 'c'], work)).rejects.toThrow('Could not claim check b');
    expect(work).toHaveBeenCalledWith(['a']);
    expect(runs.rows.get('check|a')).toBe('["a"]');
    // b and c are neither run nor recorded: the next tick claims them again.
    expect(runs.rows.has('check|b')).toBe(false);
    expect(runs.rows.has('check|c')).toBe(false);
    expect(metrics.observeJob).toHaveBeenCalledWith('check', 'failed', 2);
  });

  it('runs nothing and throws when the only key could not be claimed', async () => {
    const { sut } = makeSut(fakeRuns(['x']));
    const work = jest.fn();
    await expect(sut.runOnce('digest', 'x', work)).rejects.toThrow('Could not claim digest x');
    expect(work).not.toHaveBeenCalled();
  });
});
