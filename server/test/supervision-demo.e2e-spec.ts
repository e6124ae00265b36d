import type {
  FindingsResponse,
  FlagsResponse,
  NoticePage,
  NoticeDetail,
  RankingResponse,
} from '@jinri/shared';
import { DataSource } from 'typeorm';
import { FixedClock } from '../src/common/clock';
import { atLocal } from '../src/common/time/local-time';
import { ComplianceFinding } from '../src/modules/supervision/compliance-finding.entity';
import { SupervisionEvent } from '../src/modules/supervision/supervision-event.entity';
import { DemoSupervisionSeeder } from '../src/modules/supervision/demo-supervision';
import { call, type TestApp } from './app';
import { testDatabases, type TestDatabase } from './databases';
import { demoToken, startDemoCounty } from './helpers/demo-county';
import type { WechatStub } from './wechat-stub/wechat-stub';

/** A Thursday morning in December, after the morning check of the day. */
const NOW = atLocal('2026-12-03', '09:30');

describe.each(testDatabases())('the demo supervision on %s', (_name, makeDatabase) => {
  let database: TestDatabase;
  let stub: WechatStub;
  let sut: TestApp;
  let supervisor: string;
  let data: DataSource;

  beforeAll(async () => {
    ({ database, stub, sut } = await startDemoCounty(makeDatabase, {
      clock: new FixedClock(NOW),
      env: { SEED_DEMO: '1' },
    }));
    supervisor = await demoToken(sut.url, 'supervisor');
    data = sut.app.get(DataSource);
  }, 180_000);

  afterAll(async () => {
    await sut?.app.close();
    await stub?.close();
    await database?.drop();
  });

  const findings = async (query: string) =>
    (await call<FindingsResponse>(sut.url, 'GET', `/supervision/findings?${query}`, { token: supervisor }))
      .body;

  it('shows findings of every kind the morning check records on a first start', async () => {
    const kinds = [
      'missing',
      'late',
      'vague',
      'repeated',
      'weekly_missing,weekly_late',
      'ticket_overdue',
      'absent',
    ];
    const totals = await Promise.all(kinds.map(async (k) => [k, (await findings(`kind=${k}`)).total > 0]));
    expect(totals).toEqual(kinds.map((k) => [k, true]));
  });

  it('shows findings explained, confirmed, dismissed and one waiting for a decision', async () => {
    expect((await findings('state=confirmed')).total).toBeGreaterThanOrEqual(3);
    expect((await findings('state=dismissed')).total).toBe(1);
    expect((await findings('state=explained')).total).toBeGreaterThanOrEqual(1);
    const confirmed = (await findings('state=confirmed')).findings;
    expect(confirmed.some((f) => f.explanation !== null)).toBe(true);
  });

  it('shows a ranking with intervals, a 样本不足 unit and last week’s flags on a first start', async () => {
    const ranking = async (level: string) =>
      (await call<RankingResponse>(sut.url, 'GET', `/rankings?level=${level}`)).body;
    const levels = [await ranking('department'), await ranking('town')];
    const items = levels.flatMap((r) => r.items);
    const ranked = items.filter((i) => i.rank !== null);
    expect(ranked.length).toBeGreaterThan(2);
    expect(ranked.every((i) => i.interval !== null && i.interval.low <= i.interval.high)).toBe(true);
    // 县数据局 has its head alone: at most a week's working days owed, below the minimum of ten.
    const short = items.filter((i) => i.insufficient);
    expect(short.length).toBeGreaterThanOrEqual(1);
    expect(short.every((i) => i.rank === null && i.sample < levels[0]!.minSample)).toBe(true);
    expect(levels[0]!.flagCount).toBe(1);
    const flags = (await call<FlagsResponse>(sut.url, 'GET', `/flags?unitId=${levels[0]!.unit.id}`)).body;
    const colors = flags.current.map((f) => `${f.level} ${f.color}`).sort();
    expect(colors).toEqual(['department red', 'department yellow', 'town red', 'town yellow']);
  });

  it('shows one issued notice citing confirmed findings with pending self-examinations', async () => {
    const list = (
      await call<NoticePage>(sut.url, 'GET', '/supervision/notices?state=issued', { token: supervisor })
    ).body;
    expect(list.total).toBe(1);
    const notice = (
      await call<NoticeDetail>(sut.url, 'GET', `/supervision/notices/${list.items[0]!.id}`, {
        token: supervisor,
      })
    ).body;
    expect(notice.number).toBe('督通字〔2026〕1号');
    expect(notice.issueDate).toBe('2026-12-02');
    expect(notice.selfExaminations.length).toBeGreaterThan(0);
    expect(notice.selfExaminations.every((e) => e.state === 'pending' && !e.overdue)).toBe(true);
  });

  it('dates every finding and step in the past and in order, explanations within their deadline', async () => {
    const rows = await data.getRepository(ComplianceFinding).find();
    const late: string[] = [];
    for (const f of rows) {
      if (f.createdAt > NOW) late.push(`finding ${f.id} created ${f.createdAt.toISOString()}`);
      if (f.explainedAt && f.explainedAt > f.explainDueAt)
        late.push(`finding ${f.id} explained after its deadline`);
      if (f.explainedAt && f.explainedAt < f.createdAt)
        late.push(`finding ${f.id} explained before it was found`);
      if (f.decidedAt && (f.decidedAt > NOW || f.decidedAt < f.createdAt))
        late.push(`finding ${f.id} decided out of order`);
    }
    const events = await data.getRepository(SupervisionEvent).find({ order: { id: 'ASC' } });
    const last = new Map<string, Date>();
    for (const e of events) {
      const key = `${e.subjectType}:${e.subjectId}`;
      if (e.createdAt > NOW) late.push(`event ${e.id} in the future`);
      if ((last.get(key) ?? new Date(0)) > e.createdAt) late.push(`event ${e.id} before the step it follows`);
      last.set(key, e.createdAt);
    }
    expect(late).toEqual([]);
  });

  it('records nothing twice when the demo starts again', async () => {
    const before = await data.getRepository(ComplianceFinding).count();
    const result = await sut.app.get(DemoSupervisionSeeder).seed();
    expect(result).toEqual({ recorded: 0, stories: false });
    expect(await data.getRepository(ComplianceFinding).count()).toBe(before);
  });
});
