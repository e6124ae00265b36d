import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type {
  DayPlanView,
  LotteryListResponse,
  LotteryView,
  TicketCreated,
  TodayResponse,
} from '@jinri/shared';
import { DataSource } from 'typeorm';
import { CLOCK, FixedClock } from '../src/common/clock';
import { addDays, atLocal } from '../src/common/time/local-time';
import { APP_CONFIG } from '../src/config/app.config';
import { Unit } from '../src/modules/directory/unit.entity';
import { Ticket } from '../src/modules/tickets/ticket.entity';
import { JobLockService } from '../src/modules/jobs/job-lock.service';
import { JournalsRepository } from '../src/modules/journals/journals.repository';
import { LotteriesService } from '../src/modules/lotteries/lotteries.service';
import { LotteryCandidate } from '../src/modules/lotteries/lottery-candidate.entity';
import { LotteryEvent } from '../src/modules/lotteries/lottery-event.entity';
import { drawLottery } from '../src/modules/lotteries/lottery-draw';
import { Lottery } from '../src/modules/lotteries/lottery.entity';
import { LotteryJob } from '../src/modules/lotteries/lottery.job';
import { call } from './app';
import { testDatabases } from './databases';
import { insertDayPlan, type SeededPlan } from './factories/journal.factory';
import { type DemoCounty, residentToken, startDemoCounty } from './helpers/demo-county';

const run = promisify(execFile);
const SCRIPT = resolve(__dirname, '../../docs/verify-lottery.mjs');

/** The week drawn: Monday 2026-11-16 to Sunday 2026-11-22; revealed Monday 2026-11-23 at 09:00. */
const WEEK = '2026-11-16';
const NEXT_MONDAY = addDays(WEEK, 7);

interface Verified {
  commitmentMatches: boolean;
  drawMatches: boolean;
  matches: boolean;
  recomputed: Array<{ key: string; hash: string; rank: number }>;
}

/** docs/verify-lottery.mjs run as anyone would run it, on a saved copy of the public JSON. */
async function verifyWithScript(
  dir: string,
  lottery: LotteryView,
): Promise<{ code: number; result: Verified }> {
  const file = join(dir, `lottery-${randomUUID()}.json`);
  await writeFile(file, JSON.stringify(lottery));
  try {
    const { stdout } = await run(process.execPath, [SCRIPT, file, '--json']);
    return { code: 0, result: JSON.parse(stdout) as Verified };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, result: JSON.parse(failed.stdout) as Verified };
  }
}

describe.each(testDatabases())('the weekly lottery 抽签晒 (%s)', (_name, makeDatabase) => {
  let county: DemoCounty;
  let clock: FixedClock;
  let data: DataSource;
  let sut: LotteryJob;
  let countyId: number;
  let dir: string;
  const published: SeededPlan[] = [];
  let lotteryId: number;
  let revealed: LotteryView;

  const get = <T>(path: string, token?: string) => call<T>(county.sut.url, 'GET', path, { token });
  /** Every row a lottery wrote, to show that nothing moves once it is drawn. */
  const snapshot = async () => ({
    lotteries: await data.getRepository(Lottery).find({ order: { id: 'ASC' } }),
    candidates: await data.getRepository(LotteryCandidate).find({ order: { id: 'ASC' } }),
    events: await data.getRepository(LotteryEvent).find({ order: { id: 'ASC' } }),
  });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lottery-'));
    clock = new FixedClock(atLocal(WEEK, '00:01'));
    county = await startDemoCounty(makeDatabase, { clock });
    data = county.sut.app.get(DataSource);
    sut = county.sut.app.get(LotteryJob);
    countyId = (await data.getRepository(Unit).findOneByOrFail({ kind: 'county' })).id;
  }, 120_000);

  afterAll(async () => {
    await county?.sut.app.close();
    await county?.stub.close();
    await county?.database.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("commits the county's week at its start, and the commitment is public without the seed", async () => {
    expect(await sut.run()).toEqual({ committed: 1, drawn: 0 });
    const list = (await get<LotteryListResponse>('/lotteries')).body;
    expect(list.items).toHaveLength(1);
    const [open] = list.items;
    expect(open).toMatchObject({
      unit: { id: countyId },
      week: { start: WEEK, end: addDays(WEEK, 6), label: '2026-W47' },
      state: 'committed',
      drawSize: 5,
      committedAt: atLocal(WEEK, '00:01').toISOString(),
      revealDueAt: atLocal(NEXT_MONDAY, '09:00').toISOString(),
      revealedAt: null,
      candidateCount: null,
    });
    expect(open!.commitment).toMatch(/^[0-9a-f]{64}$/);
    lotteryId = open!.id;
    const one = await get<LotteryView>(`/lotteries/${lotteryId}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ seed: null, candidates: [], drawn: [], drawnAt: null });
    expect(JSON.stringify(one.body)).not.toContain(
      (await data.getRepository(Lottery).findOneByOrFail({ id: lotteryId })).seed,
    );
    expect(one.body.events.map((e) => e.action)).toEqual(['committed']);
    expect((await get(`/lotteries/999999`)).body).toMatchObject({ code: 'LOTTERY.NOT_FOUND' });
  });

  it('does nothing more during the week, on this instance or another', async () => {
    clock.set(atLocal(addDays(WEEK, 2), '10:00'));
    const other = new LotteryJob(
      county.sut.app.get(LotteriesService),
      county.sut.app.get(JobLockService),
      county.sut.app.get(APP_CONFIG),
      county.sut.app.get(CLOCK),
    );
    expect(await other.run()).toEqual({ committed: 0, drawn: 0 });
    expect(await sut.run()).toEqual({ committed: 0, drawn: 0 });
  });

  it('reveals the seed and draws from the published plans of the week once it is over', async () => {
    const journals = county.sut.app.get(JournalsRepository);
    const unitPath = (await data.getRepository(Unit).findOneByOrFail({ id: countyId })).path;
    const officials = (await journals.findOfficialsInSubtree(unitPath, WEEK)).slice(0, 6);
    expect(officials).toHaveLength(6);
    for (const [i, official] of officials.entries())
      for (let day = 0; day < 5; day++)
        published.push(
          await insertDayPlan(data, {
            officialId: official.officialId,
            date: addDays(WEEK, day),
            entries: [{ what: `到第${i + 1}村走访第${day + 1}户困难群众`, place: '魏庄村' }],
          }),
        );
    // Neither a draft nor a plan of another week is a candidate.
    await insertDayPlan(data, {
      officialId: officials[0]!.officialId,
      date: addDays(WEEK, 5),
      status: 'draft',
    });
    await insertDayPlan(data, { officialId: officials[0]!.officialId, date: addDays(WEEK, -1) });

    clock.set(atLocal(NEXT_MONDAY, '08:59'));
    expect((await sut.run()).drawn).toBe(0);
    expect((await get<LotteryView>(`/lotteries/${lotteryId}`)).body.seed).toBeNull();

    clock.set(atLocal(NEXT_MONDAY, '09:01'));
    expect(await sut.run()).toEqual({ committed: 0, drawn: 1 });
    revealed = (await get<LotteryView>(`/lotteries/${lotteryId}`)).body;
    expect(revealed).toMatchObject({
      state: 'drawn',
      revealedAt: atLocal(NEXT_MONDAY, '09:01').toISOString(),
      candidateCount: 30,
    });
    expect(revealed.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(revealed.candidates.map((c) => c.planId).sort((a, b) => a - b)).toEqual(
      published.map((p) => p.plan.id).sort((a, b) => a - b),
    );
    expect(revealed.drawn.map((d) => d.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(revealed.events.map((e) => e.action)).toEqual(['committed', 'revealed', 'drawn']);
    // The server's own function over the public list gives the published result.
    expect(
      drawLottery(
        revealed.seed!,
        revealed.candidates.map((c) => c.key),
        5,
      ).map((d) => d.key),
    ).toEqual(revealed.drawn.map((d) => d.key));
    // The week that began meanwhile has its open commitment, listed first.
    const list = (await get<LotteryListResponse>('/lotteries')).body;
    expect(list.items.map((l) => [l.week.start, l.state])).toEqual([
      [NEXT_MONDAY, 'committed'],
      [WEEK, 'drawn'],
    ]);
  });

  it('is recomputed by docs/verify-lottery.mjs from the public JSON, and a changed seed or candidate fails', async () => {
    const ok = await verifyWithScript(dir, revealed);
    expect(ok.code).toBe(0);
    expect(ok.result).toMatchObject({ commitmentMatches: true, drawMatches: true, matches: true });
    expect(ok.result.recomputed.map((d) => d.key)).toEqual(revealed.drawn.map((d) => d.key));

    const last = revealed.seed!.at(-1) === '0' ? '1' : '0';
    const otherSeed = await verifyWithScript(dir, { ...revealed, seed: revealed.seed!.slice(0, 63) + last });
    expect(otherSeed.code).toBe(1);
    expect(otherSeed.result).toMatchObject({ commitmentMatches: false, drawMatches: false });
    expect(otherSeed.result.recomputed.map((d) => d.key)).not.toEqual(revealed.drawn.map((d) => d.key));

    // One candidate changed (the first drawn plan said to be another's): the result changes.
    const first = revealed.drawn[0]!;
    const candidates = revealed.candidates.map((c) =>
      c.planId === first.planId ? { ...c, official: { ...c.official, id: c.official.id + 1000 } } : c,
    );
    const otherList = await verifyWithScript(dir, { ...revealed, candidates });
    expect(otherList.code).toBe(1);
    expect(otherList.result).toMatchObject({ commitmentMatches: true, drawMatches: false });
    expect(otherList.result.recomputed.map((d) => d.key)).not.toEqual(revealed.drawn.map((d) => d.key));
  });

  it('changes nothing on a second run, here or on another instance', async () => {
    const before = await snapshot();
    clock.set(atLocal(NEXT_MONDAY, '10:00'));
    expect(await sut.run()).toEqual({ committed: 0, drawn: 0 });
    const other = new LotteryJob(
      county.sut.app.get(LotteriesService),
      county.sut.app.get(JobLockService),
      county.sut.app.get(APP_CONFIG),
      county.sut.app.get(CLOCK),
    );
    expect(await other.run()).toEqual({ committed: 0, drawn: 0 });
    const drawnLottery = await data.getRepository(Lottery).findOneByOrFail({ id: lotteryId });
    expect(await county.sut.app.get(LotteriesService).reveal(drawnLottery, clock.now())).toBeNull();
    expect(await snapshot()).toEqual(before);
  });

  it('marks the drawn plans 抽中 on the official page and the today page, and only those', async () => {
    const drawn = revealed.drawn[0]!;
    const plan = (await get<DayPlanView>(`/plans/${drawn.official.id}/${drawn.date}`)).body;
    expect(plan.drawn).toEqual({ lotteryId, week: '2026-W47' });
    const today = (await get<TodayResponse>(`/today?unitId=${countyId}&date=${drawn.date}`)).body;
    const row = today.plans.find((p) => p.official.id === drawn.official.id)!;
    expect(row.drawn).toEqual({ lotteryId, week: '2026-W47' });
    const drawnKeys = new Set(revealed.drawn.map((d) => `${d.official.id}|${d.date}`));
    const notDrawn = revealed.candidates.find((c) => !drawnKeys.has(`${c.official.id}|${c.date}`))!;
    expect(
      (await get<DayPlanView>(`/plans/${notDrawn.official.id}/${notDrawn.date}`)).body.drawn,
    ).toBeUndefined();
  });

  it('opens a ticket from a comment on a drawn journal, as on any other', async () => {
    const drawn = revealed.drawn[0]!;
    const entry = published.find((p) => p.plan.id === drawn.planId)!.entries[0]!;
    const resident = await residentToken(county.sut.url, `lottery-resident-${_name}`);
    const created = await call<TicketCreated>(county.sut.url, 'POST', '/tickets', {
      token: resident,
      body: {
        planEntryId: entry.id,
        content: '抽中的这天走访的困难户，家里的危房改造什么时候开工？',
        publicAllowed: true,
      },
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(created.status).toBe(201);
    const ticket = await data.getRepository(Ticket).findOneByOrFail({ id: created.body.id });
    expect([ticket.planEntryId, ticket.officialId]).toEqual([entry.id, drawn.official.id]);
  });
});
