import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { ApiErrorBody, DemoPersona, SupervisionSummary, SupervisionTrend } from '@jinri/shared';
import { FixedClock } from '../src/common/clock';
import { atLocal } from '../src/common/time/local-time';
import { DayPlan } from '../src/modules/journals/day-plan.entity';
import { JournalsRepository, type SubtreeOfficial } from '../src/modules/journals/journals.repository';
import { Leave } from '../src/modules/journals/leave.entity';
import { SpotCheck } from '../src/modules/supervision/spot-check.entity';
import { call } from './app';
import { testDatabases } from './databases';
import { insertDayPlan } from './factories/journal.factory';
import { insertFinding } from './factories/supervision.factory';
import { insertTicket } from './factories/ticket.factory';
import { demoToken, residentToken, startDemoCounty, type DemoCounty } from './helpers/demo-county';

/** Wednesday 2026-12-09, 10:00: the supervisor's morning; no plan of the demo lies this late. */
const TODAY = '2026-12-09';
const MORNING = atLocal(TODAY, '10:00');

describe.each(testDatabases())('supervision workbench (summary and trend) on %s', (_name, makeDatabase) => {
  let county: DemoCounty;
  let url: string;
  let data: DataSource;
  const clock = new FixedClock(atLocal('2026-11-15', '17:00'));
  /** 城关街道 (the first demo official's town), its supervisor, and officials of two of its villages. */
  let town: { id: number; path: string };
  let townSupervisor: string;
  let countySupervisor: string;
  let official: string;
  let x: SubtreeOfficial;
  let y: SubtreeOfficial;
  /** Officials whose primary post lies in x's unit (the trend's denominator). */
  let inXUnit: number;
  let otherTown: { official: number; unit: number };
  let userId: number;

  const get = <T>(token: string, path: string) => call<T & ApiErrorBody>(url, 'GET', path, { token });

  beforeAll(async () => {
    county = await startDemoCounty(makeDatabase, { clock });
    url = county.sut.url;
    data = county.sut.app.get<DataSource>(getDataSourceToken());
    clock.set(MORNING);
    const personas = (await call<DemoPersona[]>(url, 'GET', '/demo/personas')).body.filter(
      (p) => p.role === 'official',
    );
    const head = personas[0]!.officialId!;
    townSupervisor = await demoToken(url, 'supervisor', head);
    countySupervisor = await demoToken(url, 'supervisor');
    official = await demoToken(url, 'official', head);
    const journals = county.sut.app.get(JournalsRepository);
    const headPost = (await journals.findOfficialsInSubtree('/')).find((o) => o.officialId === head)!;
    town = { id: headPost.unitId, path: headPost.unitPath };
    const people = (await journals.findOfficialsInSubtree(town.path)).filter((o) => o.unitPath !== town.path);
    x = people[0]!;
    y = people.find((o) => o.unitId !== x.unitId)!;
    inXUnit = people.filter((o) => o.unitId === x.unitId).length;
    const elsewhere = (await journals.findOfficialsInSubtree('/')).find(
      (o) => !o.unitPath.startsWith(town.path),
    )!;
    otherTown = { official: elsewhere.officialId, unit: elsewhere.unitId };
    userId = (await get<{ user: { id: number } }>(townSupervisor, '/me')).body.user.id;
  });

  afterAll(async () => {
    await county?.sut.app.close();
    await county?.stub.close();
    await county?.database.drop();
  });

  describe('the morning summary', () => {
    beforeAll(async () => {
      // Today: x is missing and late (two kinds), y vague; another town's finding is not ours.
      await insertFinding(data, { officialId: x.officialId, unitId: x.unitId, date: TODAY, kind: 'missing' });
      await insertFinding(data, { officialId: x.officialId, unitId: x.unitId, date: TODAY, kind: 'late' });
      await insertFinding(data, { officialId: y.officialId, unitId: y.unitId, date: TODAY, kind: 'vague' });
      await insertFinding(data, { officialId: otherTown.official, unitId: otherTown.unit, date: TODAY });
      // Yesterday's, explained: waiting for a decision; an older one confirmed (done).
      await insertFinding(data, {
        officialId: y.officialId,
        unitId: y.unitId,
        date: '2026-12-08',
        state: 'explained',
      });
      await insertFinding(data, {
        officialId: y.officialId,
        unitId: y.unitId,
        date: '2026-12-07',
        state: 'confirmed',
      });
      // x on approved leave today; y asked (pending), which does not count.
      await data.getRepository(Leave).insert([
        {
          officialId: x.officialId,
          startDate: '2026-12-07',
          endDate: '2026-12-10',
          reason: '病假',
          status: 'approved',
          requestedByUserId: userId,
        },
        {
          officialId: y.officialId,
          startDate: TODAY,
          endDate: TODAY,
          reason: '事假',
          status: 'pending',
          requestedByUserId: userId,
        },
      ]);
      // One open ticket of x long past its deadline, one resolved in time.
      const author = (await get<{ user: { id: number } }>(await residentToken(url, 'o_workbench'), '/me'))
        .body.user.id;
      const seed = { authorUserId: author, assigneeOfficialId: x.officialId, assigneeUnitId: x.unitId };
      await insertTicket(data, { ...seed, submittedAt: atLocal('2026-11-02', '09:00') });
      await insertTicket(data, {
        ...seed,
        submittedAt: atLocal('2026-11-02', '09:00'),
        steps: ['acknowledge', 'reply', 'resolve'],
      });
      // A spot check of y's entry this morning.
      const { plan, entries } = await insertDayPlan(data, { officialId: y.officialId, date: TODAY });
      await data.getRepository(SpotCheck).insert({
        planEntryId: entries[0]!.id,
        officialId: y.officialId,
        unitId: y.unitId,
        date: plan.date,
        visitedAt: atLocal(TODAY, '09:30'),
        found: true,
        note: '在岗',
        photoIds: [],
        location: null,
        sampleId: null,
        findingId: null,
        noFindingReason: null,
        checkedByUserId: userId,
      });
    });

    it("counts today's findings by village and kind, and what waits on someone, in the town only", async () => {
      const sut = await get<SupervisionSummary>(townSupervisor, '/supervision/summary');
      expect(sut.status).toBe(200);
      expect(sut.body.date).toBe(TODAY);
      expect(sut.body.totals).toEqual({ missing: 1, late: 1, vague: 1 });
      const row = (id: number) => sut.body.units.find((u) => u.unit.id === id);
      expect(row(x.unitId)).toMatchObject({ counts: { missing: 1, late: 1 }, total: 2 });
      expect(row(y.unitId)).toMatchObject({ counts: { vague: 1 }, total: 1 });
      expect(sut.body.units.map((u) => u.unit.id)).not.toContain(otherTown.unit);
      expect(sut.body.awaitingDecision).toBe(1);
      expect(sut.body.open).toBe(3);
      expect(sut.body.overdueTickets).toBe(1);
      expect(sut.body.spotChecksToday).toBe(1);
      expect(sut.body.pendingSelfExams).toBe(0);
      expect(sut.body.onLeave).toEqual([
        {
          official: { id: x.officialId, name: x.name },
          unit: { id: x.unitId, name: x.unitName },
          endDate: '2026-12-10',
        },
      ]);
    });

    it('answers the same for the town when the county office asks for it, and another day by date', async () => {
      const sut = await get<SupervisionSummary>(countySupervisor, `/supervision/summary?unitId=${town.id}`);
      expect(sut.body.totals).toEqual({ missing: 1, late: 1, vague: 1 });
      const county = await get<SupervisionSummary>(countySupervisor, '/supervision/summary');
      expect(county.body.totals).toEqual({ missing: 2, late: 1, vague: 1 });
      expect(county.body.units.find((u) => u.unit.id === town.id)?.total).toBe(3);
      const yesterday = await get<SupervisionSummary>(townSupervisor, '/supervision/summary?date=2026-12-08');
      expect(yesterday.body.totals).toEqual({ missing: 1 });
      expect(yesterday.body.onLeave.map((l) => l.official.id)).toEqual([x.officialId]);
    });

    it('refuses an official, another town, and a date that does not exist', async () => {
      expect((await get(official, '/supervision/summary')).status).toBe(403);
      const other = await get(townSupervisor, `/supervision/summary?unitId=${otherTown.unit}`);
      expect([other.status, other.body.code]).toEqual([403, 'AUTH.OUT_OF_SCOPE']);
      const bad = await get(townSupervisor, '/supervision/summary?date=2026-02-30');
      expect([bad.status, bad.body.code]).toEqual([400, 'COMMON.VALIDATION_FAILED']);
    });
  });

  describe('the weekly trend', () => {
    beforeAll(async () => {
      // Week of Nov 30: x hands in every working day, Wednesday's late; Saturday's plan is not owed.
      for (const date of ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05'])
        await insertDayPlan(data, { officialId: x.officialId, date });
      await data
        .getRepository(DayPlan)
        .update({ officialId: x.officialId, date: '2026-12-02' }, { late: true });
      // Vague and repeated on Tuesday (one day), vague on Thursday: 2 days of 5 published.
      await insertFinding(data, {
        officialId: x.officialId,
        unitId: x.unitId,
        date: '2026-12-01',
        kind: 'vague',
      });
      await insertFinding(data, {
        officialId: x.officialId,
        unitId: x.unitId,
        date: '2026-12-01',
        kind: 'repeated',
      });
      await insertFinding(data, {
        officialId: x.officialId,
        unitId: x.unitId,
        date: '2026-12-03',
        kind: 'vague',
      });
      // This week x is on leave (Dec 7–10): a plan handed in anyway counts for nothing.
      await insertDayPlan(data, { officialId: x.officialId, date: '2026-12-08' });
    });

    it("divides each village's plans by the working days owed, on time by handed in, flagged by published", async () => {
      const sut = await get<SupervisionTrend>(
        townSupervisor,
        `/supervision/trend?unitId=${x.unitId}&weeks=2`,
      );
      expect(sut.status).toBe(200);
      expect(sut.body.weeks).toEqual(['2026-11-30', '2026-12-07']);
      expect(sut.body.units).toHaveLength(1);
      const [lastWeek, thisWeek] = sut.body.units[0]!.points;
      expect(lastWeek).toEqual({
        weekStart: '2026-11-30',
        submission: Math.round((5 / (5 * inXUnit)) * 1000) / 1000,
        onTime: 0.8,
        vagueOrRepeated: 0.4,
      });
      // Mon–Wed owed by everyone but x (on leave); nobody else handed in.
      expect(thisWeek).toEqual({
        weekStart: '2026-12-07',
        submission: inXUnit > 1 ? 0 : null,
        onTime: null,
        vagueOrRepeated: null,
      });
    });

    it("lists the town's villages (and its own posts) with one point per week", async () => {
      const sut = await get<SupervisionTrend>(townSupervisor, '/supervision/trend');
      expect(sut.status).toBe(200);
      expect(sut.body.weeks).toHaveLength(8);
      expect(sut.body.weeks[7]).toBe('2026-12-07');
      const ids = sut.body.units.map((u) => u.unit.id);
      expect(ids).toEqual(expect.arrayContaining([x.unitId, y.unitId]));
      expect(sut.body.units.every((u) => u.points.length === 8)).toBe(true);
      const xRow = sut.body.units.find((u) => u.unit.id === x.unitId)!;
      expect(xRow.points[6]!.onTime).toBe(0.8);
    });

    it('refuses 0 or 27 weeks, an official and another town', async () => {
      expect((await get(townSupervisor, '/supervision/trend?weeks=0')).status).toBe(400);
      expect((await get(townSupervisor, '/supervision/trend?weeks=27')).status).toBe(400);
      expect((await get(official, '/supervision/trend')).status).toBe(403);
      expect((await get(townSupervisor, `/supervision/trend?unitId=${otherTown.unit}`)).status).toBe(403);
    });
  });
});
