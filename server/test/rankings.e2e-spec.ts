import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import type {
  ApiErrorBody,
  FlagAwardBatch,
  FlagProposal,
  FlagsResponse,
  RankingResponse,
  RankingSettings,
  TodayResponse,
  UnitChildrenResponse,
} from '@jinri/shared';
import { FixedClock } from '../src/common/clock';
import { addDays, atLocal } from '../src/common/time/local-time';
import { JournalsRepository } from '../src/modules/journals/journals.repository';
import { call } from './app';
import { testDatabases } from './databases';
import { insertDayPlan } from './factories/journal.factory';
import {
  demoOfficials,
  demoToken,
  startDemoCounty,
  townAdminToken,
  type DemoCounty,
} from './helpers/demo-county';

/** Wednesday 2026-12-09: last week (Mon 11-30 – Sun 12-06) is over and can be flagged. */
const TODAY = '2026-12-09';
const LAST_WEEK = '2026-11-30';

describe.each(testDatabases())('rankings and flags over HTTP on %s', (_name, makeDatabase) => {
  let county: DemoCounty;
  let url: string;
  let data: DataSource;
  const clock = new FixedClock(atLocal(TODAY, '10:00'));
  let root: { id: number; name: string };
  let towns: Array<{ id: number; name: string }>;
  let supervisor: string;
  let admin: string;

  const get = <T>(path: string, token?: string) => call<T & ApiErrorBody>(url, 'GET', path, { token });
  const send = <T>(method: string, path: string, token: string, body: unknown) =>
    call<T & ApiErrorBody>(url, method, path, { token, body });

  beforeAll(async () => {
    county = await startDemoCounty(makeDatabase, { clock });
    url = county.sut.url;
    data = county.sut.app.get<DataSource>(getDataSourceToken());
    supervisor = await demoToken(url, 'supervisor');
    admin = await demoToken(url, 'admin');
    const units = (await get<UnitChildrenResponse>('/units')).body;
    root = units.unit;
    towns = units.children.filter((c) => c.kind === 'town');
    const journals = county.sut.app.get(JournalsRepository);
    // Town 0: ten officials publish every working day of last week; town 1: ten publish two days.
    for (const [i, days] of [
      [0, 5],
      [1, 2],
    ] as const) {
      const unit = (await get<UnitChildrenResponse>(`/units?parentId=${towns[i]!.id}`)).body.unit;
      const path = (await journals.findUnit(unit.id))!.path;
      const officials = (await journals.findOfficialsInSubtree(path, TODAY)).slice(0, 10);
      for (const o of officials)
        for (let d = 0; d < days; d += 1)
          await insertDayPlan(data, { officialId: o.officialId, date: addDays(LAST_WEEK, d) });
    }
  });

  afterAll(async () => {
    await county?.sut.app.close();
    await county?.stub.close();
    await county?.database.drop();
  });

  it('ranks the towns publicly, with intervals, the weights and the minimum sample', async () => {
    const res = await get<RankingResponse>(
      `/rankings?unitId=${root.id}&level=town&period=week&from=${LAST_WEEK}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.period).toEqual({ kind: 'week', from: LAST_WEEK, to: '2026-12-06' });
    expect(res.body.items).toHaveLength(towns.length);
    expect(res.body.minSample).toBe(10);
    // domain.md: by default one 红旗 and one 黄旗 per level and period.
    expect(res.body.flagCount).toBe(1);
    expect(res.body.weights.submission).toBeGreaterThan(0);
    const first = res.body.items[0]!;
    expect(first.unit!.id).toBe(towns[0]!.id);
    expect(first.rank).toBe(1);
    const submission = first.rates.find((r) => r.key === 'submission')!;
    expect(submission.successes).toBe(50);
    expect(submission.interval!.low).toBeLessThanOrEqual(submission.value!);
    expect(first.interval!.low).toBeLessThanOrEqual(first.score!);
    expect(res.body.items[1]!.unit!.id).toBe(towns[1]!.id);
  });

  it('lists every town as 样本不足 when the admin raises the minimum sample, and refuses others', async () => {
    const weights = {
      submission: 1,
      onTime: 1,
      quality: 1,
      weeklyOnTime: 1,
      response: 1,
      resolution: 1,
      satisfaction: 1,
    };
    const refused = await send<RankingSettings>('PUT', '/rankings/settings', await townAdminToken(url), {
      weights,
      minSample: 1000,
      flagCount: 1,
    });
    expect([refused.status, refused.body.code]).toEqual([403, 'AUTH.OUT_OF_SCOPE']);
    const bySupervisor = await send('PUT', '/rankings/settings', supervisor, {
      weights,
      minSample: 1000,
      flagCount: 1,
    });
    expect(bySupervisor.status).toBe(403);
    const allZero = await send('PUT', '/rankings/settings', admin, {
      weights: {
        ...weights,
        submission: 0,
        onTime: 0,
        quality: 0,
        weeklyOnTime: 0,
        response: 0,
        resolution: 0,
        satisfaction: 0,
      },
      minSample: 10,
      flagCount: 1,
    });
    expect([allZero.status, allZero.body.code]).toEqual([400, 'RANKING.WEIGHTS_INVALID']);
    const saved = await send<RankingSettings>('PUT', '/rankings/settings', admin, {
      weights,
      minSample: 1000,
      flagCount: 1,
    });
    expect([saved.status, saved.body.minSample, saved.body.flagCount]).toEqual([200, 1000, 1]);
    const res = await get<RankingResponse>(`/rankings?level=town&period=week&from=${LAST_WEEK}`);
    expect(res.body.items.every((i) => i.insufficient && i.rank === null)).toBe(true);
    await send('PUT', '/rankings/settings', admin, { weights, minSample: 10, flagCount: 1 });
  });

  it('ranks the officials of a town only for a supervisor of its scope', async () => {
    const path = `/rankings?unitId=${towns[0]!.id}&level=official&period=week&from=${LAST_WEEK}`;
    expect((await get(path)).status).toBe(401);
    const res = await get<RankingResponse>(path, supervisor);
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(10);
    // Five working days are below the minimum sample of ten: every official is 样本不足 for a week.
    expect(res.body.items.every((i) => i.official && i.insufficient)).toBe(true);
  });

  it('proposes flags, awards them with an override reason, and shows the current flag and history', async () => {
    const proposal = (
      await get<FlagProposal>(`/flags/proposal?level=town&period=week&from=${LAST_WEEK}`, supervisor)
    ).body;
    expect(proposal.from).toBe(LAST_WEEK);
    expect(proposal.red.map((f) => f.unit.id)).toEqual([towns[0]!.id]);
    expect(proposal.yellow).toHaveLength(1);
    const base = { jurisdictionId: root.id, level: 'town', period: 'week', from: LAST_WEEK };
    const swapped = { ...base, red: [towns[1]!.id], yellow: proposal.yellow.map((f) => f.unit.id) };
    const noReason = await send('POST', '/flags', supervisor, swapped);
    expect([noReason.status, noReason.body.code]).toEqual([400, 'FLAG.REASON_REQUIRED']);
    const first = await send<FlagAwardBatch>('POST', '/flags', supervisor, {
      ...swapped,
      reason: '该镇本周防汛抢险表现突出，经室务会研究调整。',
    });
    expect(first.status).toBe(201);
    expect(first.body.overridden).toBe(true);
    const second = await send<FlagAwardBatch>('POST', '/flags', supervisor, {
      ...base,
      red: proposal.red.map((f) => f.unit.id),
      yellow: proposal.yellow.map((f) => f.unit.id),
    });
    expect([second.status, second.body.overridden, second.body.supersedesId]).toEqual([
      201,
      false,
      first.body.id,
    ]);
    const flags = (await get<FlagsResponse>(`/flags?unitId=${root.id}`)).body;
    expect(flags.current.map((f) => [f.unit.id, f.color])).toContainEqual([towns[0]!.id, 'red']);
    const old = flags.history.filter((f) => f.awardId === first.body.id);
    expect(old.length).toBeGreaterThan(0);
    expect(old.every((f) => f.supersededAt !== null && f.reason !== null)).toBe(true);
    const today = (await get<TodayResponse>(`/today?unitId=${towns[0]!.id}`)).body;
    expect(today.flag?.color).toBe('red');
    const unitPage = (await get<UnitChildrenResponse>(`/units?parentId=${root.id}`)).body;
    expect(unitPage.children.find((c) => c.id === towns[0]!.id)?.flag?.color).toBe('red');
  });

  it('takes a town for its county, and tells a supervisor of a town that flags are county-wide', async () => {
    const head = (await demoOfficials(url))[0]!;
    const townSupervisor = await demoToken(url, 'supervisor', head.officialId);
    const scope = `/flags/proposal?jurisdictionId=${towns[0]!.id}&level=town&period=week&from=${LAST_WEEK}`;
    const byCounty = await get<FlagProposal>(scope, supervisor);
    expect([byCounty.status, byCounty.body.jurisdiction?.id]).toEqual([200, root.id]);
    const byTown = await get<FlagProposal>(scope, townSupervisor);
    expect([byTown.status, byTown.body.code]).toEqual([403, 'FLAG.COUNTY_ONLY']);
    expect(byTown.body.message).toContain('县督查室');
    const atRoot = await get<FlagProposal>(`/flags/proposal?level=town&period=week`, townSupervisor);
    expect([atRoot.status, atRoot.body.code]).toEqual([403, 'FLAG.COUNTY_ONLY']);
    const award = await send('POST', '/flags', townSupervisor, {
      jurisdictionId: towns[0]!.id,
      level: 'town',
      period: 'week',
      from: LAST_WEEK,
      red: [],
      yellow: [],
    });
    expect([award.status, award.body.code]).toEqual([403, 'FLAG.COUNTY_ONLY']);
    const byAdmin = await send('POST', '/flags', admin, {
      jurisdictionId: root.id,
      level: 'town',
      period: 'week',
      from: LAST_WEEK,
      red: [],
      yellow: [],
    });
    expect([byAdmin.status, byAdmin.body.code]).toEqual([403, 'AUTH.ROLE_REQUIRED']);
  });

  it('answers bad input with a 4xx and its code', async () => {
    const cases: Array<[string, string, unknown, number, string]> = [
      ['GET', '/rankings?level=village', undefined, 400, 'COMMON.VALIDATION_FAILED'],
      ['GET', '/rankings?period=custom&from=2026-11-01', undefined, 400, 'RANKING.PERIOD_INVALID'],
      [
        'GET',
        '/rankings?period=custom&from=2026-11-31&to=2026-12-01',
        undefined,
        400,
        'RANKING.PERIOD_INVALID',
      ],
      ['GET', `/rankings?unitId=${towns[0]!.id}&level=town`, undefined, 400, 'RANKING.LEVEL_INVALID'],
      [
        'GET',
        `/rankings/settings?jurisdictionId=${towns[0]!.id}`,
        undefined,
        400,
        'RANKING.NOT_JURISDICTION',
      ],
      [
        'POST',
        '/flags',
        { jurisdictionId: root.id, level: 'town', period: 'week', from: '2026-12-01', red: [], yellow: [] },
        400,
        'FLAG.PERIOD_INVALID',
      ],
      [
        'POST',
        '/flags',
        { jurisdictionId: root.id, level: 'town', period: 'week', from: '2026-12-07', red: [], yellow: [] },
        409,
        'FLAG.PERIOD_NOT_ENDED',
      ],
      [
        'POST',
        '/flags',
        {
          jurisdictionId: root.id,
          level: 'town',
          period: 'week',
          from: LAST_WEEK,
          red: [towns[0]!.id],
          yellow: [towns[0]!.id],
        },
        400,
        'FLAG.BOTH_COLORS',
      ],
      [
        'POST',
        '/flags',
        {
          jurisdictionId: root.id,
          level: 'town',
          period: 'week',
          from: LAST_WEEK,
          red: [towns[0]!.id, towns[1]!.id],
          yellow: [],
        },
        400,
        'FLAG.TOO_MANY',
      ],
      [
        'POST',
        '/flags',
        {
          jurisdictionId: root.id,
          level: 'town',
          period: 'week',
          from: LAST_WEEK,
          red: [999999],
          yellow: [],
        },
        400,
        'FLAG.UNIT_INVALID',
      ],
    ];
    for (const [method, path, body, status, code] of cases) {
      const res = method === 'GET' ? await get(path, supervisor) : await send(method, path, supervisor, body);
      expect([path, res.status, res.body.code]).toEqual([path, status, code]);
    }
  });
});
