import type {
  ApiErrorBody,
  DayPlanView,
  FindingsResponse,
  Page,
  SpotCheckCandidate,
  SpotCheckSampleView,
  SpotCheckView,
  UnitChildrenResponse,
} from '@jinri/shared';
import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { FixedClock } from '../src/common/clock';
import { atLocal } from '../src/common/time/local-time';
import { drawSample } from '../src/modules/supervision/spot-check-draw';
import { SupervisionEvent } from '../src/modules/supervision/supervision-event.entity';
import { call, type TestApp } from './app';
import { testDatabases, type TestDatabase } from './databases';
import { insertDayPlan } from './factories/journal.factory';
import { demoOfficials, demoToken, startDemoCounty } from './helpers/demo-county';
import type { UnitMember } from './authorization/cross-scope-types';
import type { WechatStub } from './wechat-stub/wechat-stub';

/** The demo county is seeded a week earlier, so that Monday 2026-11-16 holds only the plans made here. */
const SEEDED_AT = atLocal('2026-11-10', '17:00');
const DAY = '2026-11-16';
const at = (time: string) => atLocal(DAY, time);

describe.each(testDatabases())('supervision: spot checks (抽查) on %s', (_name, makeDatabase) => {
  let database: TestDatabase;
  let stub: WechatStub;
  let clock: FixedClock;
  let sut: TestApp;
  let url: string;
  let data: DataSource;
  let townX: number;
  let townY: number;
  let village: number;
  let supervisor: string;
  let otherTownSupervisor: string;
  /** Entries of town X (officials A and C), one of town Y (official B), and D's revised one. */
  const entry = {} as Record<'aMorning' | 'aAfternoon' | 'c' | 'b' | 'dRevised', number>;

  const as = <T>(token: string, method: string, path: string, body?: unknown) =>
    call<T & ApiErrorBody>(url, method, path, { token, body });
  const check = (token: string, body: Record<string, unknown>) =>
    as<SpotCheckView>(token, 'POST', '/supervision/spot-checks', { note: '到村委会查看', ...body });

  beforeAll(async () => {
    clock = new FixedClock(SEEDED_AT);
    ({ database, stub, sut } = await startDemoCounty(makeDatabase, { clock }));
    url = sut.url;
    data = sut.app.get<DataSource>(getDataSourceToken());
    const [a, b] = await demoOfficials(url);
    const unitOf = async (id: number) =>
      (await call<{ posts: Array<{ unit: { id: number } }> }>(url, 'GET', `/officials/${id}`)).body.posts[0]!
        .unit.id;
    townX = await unitOf(a!.officialId!);
    townY = await unitOf(b!.officialId!);
    const countyAdmin = await demoToken(url, 'admin');
    const members = (await as<UnitMember[]>(countyAdmin, 'GET', `/units/${townX}/members`)).body;
    const others = [
      ...new Set(members.filter((m) => m.officialId !== a!.officialId).map((m) => m.officialId)),
    ];
    const [c, d] = others;
    village = (await as<UnitChildrenResponse>(countyAdmin, 'GET', `/units?parentId=${townX}`)).body
      .children[0]!.id;

    const planA = await insertDayPlan(data, {
      officialId: a!.officialId!,
      date: DAY,
      entries: [
        { startTime: '14:30', endTime: '17:00', place: '镇敬老院', what: '检查敬老院冬季消防安全' },
        {
          startTime: '09:00',
          endTime: '11:30',
          place: '魏庄村',
          placeUnitId: village,
          what: '到魏庄村调度秋粮收购',
        },
      ],
    });
    [entry.aAfternoon, entry.aMorning] = planA.entries.map((e) => e.id) as [number, number];
    entry.c = (
      await insertDayPlan(data, {
        officialId: c!,
        date: DAY,
        entries: [{ startTime: '08:30', endTime: '10:00', place: '镇政府', what: '参加镇党委会' }],
      })
    ).entries[0]!.id;
    entry.b = (await insertDayPlan(data, { officialId: b!.officialId!, date: DAY })).entries[0]!.id;

    // D's plan goes through the API: published at 08:30, its entry changed at 10:12 (a revision).
    clock.set(at('08:30'));
    const admin = await demoToken(url, 'admin');
    const body = {
      startTime: '10:00',
      endTime: '11:30',
      place: '李楼村',
      what: '到李楼村排查危房',
      kind: '下村/实地',
    };
    const saved = await as<DayPlanView>(admin, 'PUT', `/plans/${d!}/${DAY}`, { entries: [body] });
    expect([saved.status, saved.body.status]).toEqual([200, 'published']);
    entry.dRevised = saved.body.entries[0]!.id;
    clock.set(at('10:12'));
    const revised = await as<DayPlanView>(await demoToken(url, 'admin'), 'PUT', `/plans/${d!}/${DAY}`, {
      version: saved.body.version,
      entries: [{ ...body, id: entry.dRevised, startTime: '15:00', endTime: '17:00', place: '县城' }],
    });
    expect(revised.status).toBe(200);

    clock.set(at('10:30'));
    supervisor = await demoToken(url, 'supervisor', a!.officialId!);
    otherTownSupervisor = await demoToken(url, 'supervisor', b!.officialId!);
  });

  afterAll(async () => {
    await sut?.app.close();
    await stub?.close();
    await database?.drop();
  });

  it("lists today's published entries of the town in the order of the day, filtered by place", async () => {
    const all = await as<SpotCheckCandidate[]>(
      supervisor,
      'GET',
      `/supervision/spot-check-candidates?unitId=${townX}`,
    );
    expect(all.status).toBe(200);
    expect(all.body.map((c) => c.entryId)).toEqual([
      entry.c,
      entry.aMorning,
      entry.aAfternoon,
      entry.dRevised,
    ]);
    expect(all.body.find((c) => c.entryId === entry.dRevised)).toMatchObject({
      startTime: '15:00',
      modifiedAt: at('10:12').toISOString(),
    });
    const inVillage = await as<SpotCheckCandidate[]>(
      supervisor,
      'GET',
      `/supervision/spot-check-candidates?unitId=${townX}&placeUnitId=${village}`,
    );
    expect(inVillage.body.map((c) => c.entryId)).toEqual([entry.aMorning]);
    expect(inVillage.body[0]!.placeUnit?.id).toBe(village);
    const byText = await as<SpotCheckCandidate[]>(
      supervisor,
      'GET',
      `/supervision/spot-check-candidates?unitId=${townX}&q=${encodeURIComponent('敬老院')}`,
    );
    expect(byText.body.map((c) => c.entryId)).toEqual([entry.aAfternoon]);
    const outside = await as(supervisor, 'GET', `/supervision/spot-check-candidates?unitId=${townY}`);
    expect([outside.status, outside.body.code]).toEqual([403, 'AUTH.OUT_OF_SCOPE']);
  });

  it('draws a recorded sample that the same seed reproduces', async () => {
    const draw = () =>
      as<SpotCheckSampleView>(supervisor, 'POST', '/supervision/spot-check-samples', {
        unitId: townX,
        size: 2,
        seed: 'ducha-2026-11-16',
      });
    const first = await draw();
    const second = await draw();
    expect(first.status).toBe(201);
    expect(second.body.id).not.toBe(first.body.id);
    const ids = [entry.aMorning, entry.aAfternoon, entry.c, entry.dRevised].sort((x, y) => x - y);
    expect(first.body.candidateIds).toEqual(ids);
    const picks = drawSample(ids, 'ducha-2026-11-16', 2);
    expect(first.body.picked.map((p) => p.entryId)).toEqual(picks);
    expect(second.body.picked.map((p) => p.entryId)).toEqual(picks);

    const recorded = await as<SpotCheckSampleView>(
      supervisor,
      'GET',
      `/supervision/spot-check-samples/${first.body.id}`,
    );
    expect(recorded.body).toEqual(first.body);
    expect(recorded.body).toMatchObject({ date: DAY, seed: 'ducha-2026-11-16', unit: { id: townX } });
    const events = await data
      .getRepository(SupervisionEvent)
      .findBy({ subjectType: 'sample', subjectId: first.body.id });
    expect(events.map((e) => e.action)).toEqual(['drawn']);

    const seedless = await as<SpotCheckSampleView>(supervisor, 'POST', '/supervision/spot-check-samples', {
      unitId: townX,
      size: 3,
    });
    expect(seedless.body.seed).toMatch(/^[0-9a-f]{16}$/);
    expect(seedless.body.picked.map((p) => p.entryId)).toEqual(drawSample(ids, seedless.body.seed, 3));

    const hidden = await as(otherTownSupervisor, 'GET', `/supervision/spot-check-samples/${first.body.id}`);
    expect([hidden.status, hidden.body.code]).toEqual([404, 'SPOT_CHECK.NOT_FOUND']);
  });

  it('refuses a draw with no candidates, and a size above the limit', async () => {
    const none = await as(supervisor, 'POST', '/supervision/spot-check-samples', {
      unitId: townX,
      size: 2,
      placeUnitId: townY,
    });
    expect([none.status, none.body.code]).toEqual([409, 'SPOT_CHECK.NO_CANDIDATES']);
    const big = await as(supervisor, 'POST', '/supervision/spot-check-samples', { unitId: townX, size: 21 });
    expect([big.status, big.body.code]).toEqual([400, 'COMMON.VALIDATION_FAILED']);
  });

  it('opens an absent finding when nobody is found, which the findings list shows', async () => {
    const sample = await as<SpotCheckSampleView>(supervisor, 'POST', '/supervision/spot-check-samples', {
      unitId: townX,
      size: 1,
      placeUnitId: village,
      seed: 'one',
    });
    const visited = await check(supervisor, {
      entryId: entry.aMorning,
      visitedAt: at('09:45').toISOString(),
      found: false,
      note: '村委会说上午没来过',
      location: { latitude: 34.1, longitude: 115.2 },
      sampleId: sample.body.id,
    });
    expect(visited.status).toBe(201);
    expect(visited.body).toMatchObject({
      found: false,
      sampleId: sample.body.id,
      location: { latitude: 34.1, longitude: 115.2 },
      noFindingReason: null,
      entry: { entryId: entry.aMorning, unit: { id: townX } },
    });
    expect(visited.body.findingId).toEqual(expect.any(Number));

    const absent = await as<FindingsResponse>(
      supervisor,
      'GET',
      `/supervision/findings?unitId=${townX}&kind=absent`,
    );
    const finding = absent.body.findings.find((f) => f.id === visited.body.findingId)!;
    expect(finding).toMatchObject({
      kind: 'absent',
      state: 'open',
      date: DAY,
      explainDueAt: new Date(atLocal('2026-11-17', '23:59').getTime() + 59_000).toISOString(),
      evidence: {
        kind: 'absent',
        spotCheckId: visited.body.id,
        entryId: entry.aMorning,
        what: '到魏庄村调度秋粮收购',
        place: '魏庄村',
        planned: '09:00–11:30',
        visitedAt: at('09:45').toISOString(),
        note: '村委会说上午没来过',
      },
    });
    const events = await data.getRepository(SupervisionEvent).find({ order: { id: 'ASC' } });
    expect(
      events
        .filter((e) => e.subjectType === 'spot_check' && e.subjectId === visited.body.id)
        .map((e) => e.action),
    ).toEqual(['visited']);
    expect(
      events.filter((e) => e.subjectType === 'finding' && e.subjectId === finding.id).map((e) => e.action),
    ).toEqual(['recorded']);
  });

  it('opens no finding when the entry was changed before the visit, and says why', async () => {
    const visited = await check(supervisor, {
      entryId: entry.dRevised,
      visitedAt: at('10:20').toISOString(),
      found: false,
    });
    expect(visited.status).toBe(201);
    expect(visited.body.findingId).toBeNull();
    expect(visited.body.noFindingReason).toBe(
      '到访前日程已修改（10:12 改为 15:00–17:00 县城 到李楼村排查危房）',
    );
  });

  it('opens no finding when the official is found', async () => {
    const visited = await check(supervisor, {
      entryId: entry.c,
      visitedAt: at('09:00').toISOString(),
      found: true,
      note: '正在开会',
    });
    expect(visited.status).toBe(201);
    expect(visited.body).toMatchObject({ found: true, findingId: null, noFindingReason: null });
    const read = await as<SpotCheckView>(supervisor, 'GET', `/supervision/spot-checks/${visited.body.id}`);
    expect(read.body).toEqual(visited.body);
  });

  it("hides a town's entries and checks from another town's supervisor", async () => {
    const refused = await check(otherTownSupervisor, {
      entryId: entry.aAfternoon,
      visitedAt: at('10:00').toISOString(),
      found: false,
    });
    expect([refused.status, refused.body.code]).toEqual([404, 'SPOT_CHECK.ENTRY_NOT_FOUND']);
    const mine = await as<Page<SpotCheckView>>(
      supervisor,
      'GET',
      `/supervision/spot-checks?unitId=${townX}&from=${DAY}&to=${DAY}`,
    );
    expect(mine.body.total).toBe(3);
    const theirs = await as<Page<SpotCheckView>>(otherTownSupervisor, 'GET', '/supervision/spot-checks');
    expect(theirs.body.total).toBe(0);
    const one = await as(otherTownSupervisor, 'GET', `/supervision/spot-checks/${mine.body.items[0]!.id}`);
    expect([one.status, one.body.code]).toEqual([404, 'SPOT_CHECK.NOT_FOUND']);
  });

  it('refuses a visit tomorrow, later than now, or to an entry of another day', async () => {
    for (const visitedAt of [atLocal('2026-11-17', '09:00'), at('10:31'), atLocal('2026-11-15', '23:00')]) {
      const refused = await check(supervisor, {
        entryId: entry.aAfternoon,
        visitedAt: visitedAt.toISOString(),
        found: false,
      });
      expect([refused.status, refused.body.code]).toEqual([400, 'SPOT_CHECK.VISIT_TIME_INVALID']);
    }
    const yesterday = await insertDayPlan(data, {
      officialId: (await demoOfficials(url))[0]!.officialId!,
      date: '2026-11-13',
    });
    const old = await check(supervisor, {
      entryId: yesterday.entries[0]!.id,
      visitedAt: at('10:00').toISOString(),
      found: false,
    });
    expect([old.status, old.body.code]).toEqual([400, 'SPOT_CHECK.NOT_TODAY']);
  });
});
