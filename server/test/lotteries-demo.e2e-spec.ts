import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { LotteryListResponse, LotteryView } from '@jinri/shared';
import { FixedClock } from '../src/common/clock';
import { atLocal } from '../src/common/time/local-time';
import { DemoLotteriesSeeder } from '../src/modules/lotteries/demo-lotteries';
import { call } from './app';
import { testDatabases } from './databases';
import { type DemoCounty, startDemoCounty } from './helpers/demo-county';

const run = promisify(execFile);
const SCRIPT = resolve(__dirname, '../../docs/verify-lottery.mjs');

/** A Thursday morning in December: last week (Nov 23–29) was revealed on Monday Nov 30 at 09:00. */
const NOW = atLocal('2026-12-03', '09:30');

describe.each(testDatabases())('the demo lotteries on %s', (_name, makeDatabase) => {
  let county: DemoCounty;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lottery-demo-'));
    county = await startDemoCounty(makeDatabase, { clock: new FixedClock(NOW), env: { SEED_DEMO: '1' } });
  }, 180_000);

  afterAll(async () => {
    await county?.sut.app.close();
    await county?.stub.close();
    await county?.database.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const list = async () => (await call<LotteryListResponse>(county.sut.url, 'GET', '/lotteries')).body;

  it("shows this week's open commitment on top and last week drawn from the demo's plans", async () => {
    const { items } = await list();
    expect(items.map((l) => [l.week.start, l.state])).toEqual([
      ['2026-11-30', 'committed'],
      ['2026-11-23', 'drawn'],
    ]);
    const [open, drawn] = items;
    // Each committed on its Monday, the last one revealed the Monday after at 09:00: all in the past.
    const at = (t: string | null) => Date.parse(t!);
    expect(at(drawn!.committedAt)).toBe(atLocal('2026-11-23', '00:00').getTime() + 5_000);
    expect(at(drawn!.revealedAt)).toBe(atLocal('2026-11-30', '09:00').getTime());
    expect(at(open!.committedAt)).toBe(atLocal('2026-11-30', '00:00').getTime() + 5_000);
    expect(at(open!.revealDueAt)).toBe(atLocal('2026-12-07', '09:00').getTime());
    expect(Math.max(at(drawn!.revealedAt), at(open!.committedAt))).toBeLessThanOrEqual(NOW.getTime());
    expect(drawn!.candidateCount).toBeGreaterThan(drawn!.drawSize);
  });

  it('draws a lottery that docs/verify-lottery.mjs verifies', async () => {
    const id = (await list()).items[1]!.id;
    const lottery = (await call<LotteryView>(county.sut.url, 'GET', `/lotteries/${id}`)).body;
    expect(lottery.drawn).toHaveLength(lottery.drawSize);
    const file = join(dir, 'demo.json');
    await writeFile(file, JSON.stringify(lottery));
    const { stdout } = await run(process.execPath, [SCRIPT, file]);
    expect(stdout).toContain('sha256(seed) equals the commitment: yes');
    expect(stdout.trim().endsWith('VERIFIED')).toBe(true);
  });

  it('adds nothing on a second start', async () => {
    const before = await list();
    expect(await county.sut.app.get(DemoLotteriesSeeder).seed()).toEqual({ committed: 0, drawn: 0 });
    expect(await list()).toEqual(before);
  });
});
