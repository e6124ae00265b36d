import type { ApiErrorBody, OfficialRecord, RecordViewPage } from '@jinri/shared';
import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { FixedClock } from '../src/common/clock';
import { resolvePdfFont } from '../src/common/pdf';
import { DemoRecordViewsSeeder } from '../src/modules/records/demo-record-views';
import { atLocal } from '../src/common/time/local-time';
import { User } from '../src/modules/auth/user.entity';
import { FlagAwardRow, FlagAwardUnitRow } from '../src/modules/rankings/flag-award.entity';
import { DayPlan } from '../src/modules/journals/day-plan.entity';
import { EntryUpdate } from '../src/modules/journals/entry-update.entity';
import { Leave } from '../src/modules/journals/leave.entity';
import { WeeklyReport } from '../src/modules/journals/weekly-report.entity';
import { NoticeFinding } from '../src/modules/supervision/notice-finding.entity';
import { Notice } from '../src/modules/supervision/notice.entity';
import { SelfExamination } from '../src/modules/supervision/self-examination.entity';
import { SpotCheck } from '../src/modules/supervision/spot-check.entity';
import { call, startTestApp, type TestApp } from './app';
import { testDatabases, type TestDatabase } from './databases';
import { insertDayPlan } from './factories/journal.factory';
import { insertFinding } from './factories/supervision.factory';
import { insertTicket } from './factories/ticket.factory';
import { compact, itWithPdfFont, pdfText } from './helpers/pdf-text';
import { demoOfficials, demoToken, residentToken, startDemoCounty } from './helpers/demo-county';
import type { WechatStub } from './wechat-stub/wechat-stub';

const NOW = atLocal('2026-12-01', '10:00');
const PERIOD = 'from=2026-09-01&to=2026-11-30';
const hasFont = resolvePdfFont(process.env.PDF_FONT_FILE) !== null;

describe.each(testDatabases())('立体像: one official’s record on %s', (name, makeDatabase) => {
  let database: TestDatabase;
  let stub: WechatStub;
  let sut: TestApp;
  let url: string;
  let data: DataSource;
  let officialA: number;
  let officialB: number;
  let nameA: string;
  let townX: number;
  let supervisor: string;
  let townSupervisor: string;
  let otherTownSupervisor: string;
  let officialToken: string;

  const as = <T>(token: string, path: string) => call<T & ApiErrorBody>(url, 'GET', path, { token });
  const views = async () => (await as<RecordViewPage>(officialToken, '/me/record-views')).body;

  beforeAll(async () => {
    ({ database, stub, sut } = await startDemoCounty(makeDatabase, { clock: new FixedClock(NOW) }));
    url = sut.url;
    data = sut.app.get<DataSource>(getDataSourceToken());
    const [a, b] = await demoOfficials(url);
    officialA = a!.officialId!;
    officialB = b!.officialId!;
    const profile = await call<{ name: string; posts: Array<{ unit: { id: number } }> }>(
      url,
      'GET',
      `/officials/${officialA}`,
    );
    nameA = profile.body.name;
    townX = profile.body.posts[0]!.unit.id;
    supervisor = await demoToken(url, 'supervisor');
    townSupervisor = await demoToken(url, 'supervisor', officialA);
    otherTownSupervisor = await demoToken(url, 'supervisor', officialB);
    officialToken = await demoToken(url, 'official', officialA);

    // Plans: two days in the period (one handed in late, one with a withdrawn entry), one outside.
    const first = await insertDayPlan(data, {
      officialId: officialA,
      date: '2026-11-02',
      entries: [
        { what: '到魏庄村调度秋粮收购进度', place: '魏庄村' },
        { startTime: '14:30', endTime: '17:00', what: '检查敬老院冬季消防安全', place: '镇敬老院' },
      ],
    });
    await insertDayPlan(data, {
      officialId: officialA,
      date: '2026-11-03',
      entries: [{ what: '参加镇党委会' }, { what: '已取消的走访', status: 'withdrawn' }],
    });
    await data.getRepository(DayPlan).update({ officialId: officialA, date: '2026-11-03' }, { late: true });
    await insertDayPlan(data, { officialId: officialA, date: '2026-08-20', entries: [{ what: '期间之外' }] });
    await insertDayPlan(data, {
      officialId: officialB,
      date: '2026-11-02',
      entries: [{ what: '别人的日程' }],
    });
    const userId = (await data.getRepository(User).save({ openidHash: 'records-spec', demo: true })).id;
    await data.getRepository(EntryUpdate).save([
      {
        planEntryId: first.entries[0]!.id,
        kind: 'progress' as const,
        text: '已到魏庄村，正在核对收购台账',
        photoIds: ['a1', 'a2'],
        location: null,
        createdByUserId: userId,
      },
      {
        planEntryId: first.entries[0]!.id,
        kind: 'result' as const,
        text: '收购进度过半',
        photoIds: ['a3'],
        location: null,
        createdByUserId: userId,
      },
    ]);

    await data.getRepository(Leave).save([
      {
        officialId: officialA,
        startDate: '2026-10-12',
        endDate: '2026-10-13',
        reason: '病假（不显示）',
        status: 'approved' as const,
        requestedByUserId: userId,
      },
      {
        officialId: officialA,
        startDate: '2026-10-20',
        endDate: '2026-10-20',
        reason: '已撤销',
        status: 'cancelled' as const,
        requestedByUserId: userId,
      },
    ]);
    await data.getRepository(WeeklyReport).save([
      {
        officialId: officialA,
        weekStart: '2026-11-02',
        results: '完成秋粮收购调度',
        nextWeekPlan: '冬季防火检查',
        submittedAt: atLocal('2026-11-06', '17:00'),
        late: false,
        submittedByUserId: userId,
      },
      {
        officialId: officialA,
        weekStart: '2026-11-09',
        results: '防火检查',
        nextWeekPlan: '入户走访',
        submittedAt: atLocal('2026-11-16', '09:00'),
        late: true,
        submittedByUserId: userId,
      },
    ]);

    // Findings: confirmed, dismissed and open in the period; one before it.
    const confirmed = await insertFinding(data, {
      officialId: officialA,
      unitId: townX,
      date: '2026-11-04',
      state: 'confirmed',
    });
    await insertFinding(data, {
      officialId: officialA,
      unitId: townX,
      date: '2026-11-05',
      kind: 'late',
      state: 'dismissed',
    });
    await insertFinding(data, { officialId: officialA, unitId: townX, date: '2026-11-06', kind: 'vague' });
    await insertFinding(data, { officialId: officialA, unitId: townX, date: '2026-08-03' });

    await data.getRepository(SpotCheck).save({
      planEntryId: first.entries[1]!.id,
      officialId: officialA,
      unitId: townX,
      date: '2026-11-02',
      visitedAt: atLocal('2026-11-02', '15:10'),
      found: false,
      note: '到敬老院未见本人',
      photoIds: [],
      location: null,
      sampleId: null,
      findingId: null,
      noFindingReason: null,
      checkedByUserId: userId,
    });
    const notice = await data.getRepository(Notice).save({
      unitId: townX,
      numberingUnitId: townX,
      state: 'issued' as const,
      year: 2026,
      number: 7,
      periodFrom: '2026-11-01',
      periodTo: '2026-11-15',
      title: '关于日程报送情况的通报',
      preface: '现将有关情况通报如下。',
      facts: [],
      requirement: '请相关同志作出书面检查。',
      selfExamWorkingDays: 3,
      issuer: '县委督查室',
      issueDate: '2026-11-20',
      createdByUserId: userId,
      issuedByUserId: userId,
      issuedAt: atLocal('2026-11-20', '10:00'),
      version: 1,
    });
    await data.getRepository(NoticeFinding).save({ noticeId: notice.id, findingId: confirmed.id });
    await data.getRepository(SelfExamination).save({
      noticeId: notice.id,
      officialId: officialA,
      unitId: townX,
      state: 'pending' as const,
      dueAt: atLocal('2026-11-25', '23:59'),
      text: null,
      photoIds: [],
      submittedAt: null,
      version: 1,
    });

    // Tickets (Monday 09:00): acknowledged after 1 h and resolved after 3 h, rated satisfied; after
    // 3 h and 9 h, not rated; never acknowledged (both deadlines long past). One before the period.
    const ticket = (
      steps: Parameters<typeof insertTicket>[1]['steps'],
      stepHours: number,
      at = '2026-11-02',
    ) =>
      insertTicket(data, {
        authorUserId: userId,
        assigneeOfficialId: officialA,
        assigneeUnitId: townX,
        submittedAt: atLocal(at, '09:00'),
        steps,
        stepHours,
      });
    await ticket(['acknowledge', 'reply', 'resolve', 'rate_satisfied'], 1);
    await ticket(['acknowledge', 'reply', 'resolve'], 3);
    await ticket([], 1);
    await ticket(['acknowledge'], 1, '2026-08-03');

    // Flags: town X's red flag for October (in force), a superseded yellow one, one for August.
    const award = (fromDate: string, toDate: string, supersededAt: Date | null, sequence = 1) =>
      data.getRepository(FlagAwardRow).save({
        jurisdictionUnitId: townX,
        level: 'town' as const,
        period: 'month' as const,
        fromDate,
        toDate,
        sequence,
        overridden: false,
        reason: null,
        awardedByUserId: userId,
        awardedByName: '督查室',
        supersedesId: null,
        supersededAt,
      });
    const october = await award('2026-10-01', '2026-10-31', null, 2);
    const superseded = await award('2026-10-01', '2026-10-31', atLocal('2026-11-02', '09:00'));
    const august = await award('2026-08-01', '2026-08-31', null);
    await data.getRepository(FlagAwardUnitRow).save([
      { awardId: october.id, unitId: townX, color: 'red' as const, proposed: true, rank: 1 },
      { awardId: superseded.id, unitId: townX, color: 'yellow' as const, proposed: false, rank: 9 },
      { awardId: august.id, unitId: townX, color: 'red' as const, proposed: true, rank: 1 },
    ]);
  });

  afterAll(async () => {
    await sut?.app.close();
    await stub?.close();
    await database?.drop();
  });

  it('gives the demo official two past views by the county supervisor, once', async () => {
    const seeder = sut.app.get(DemoRecordViewsSeeder);
    const before = (await views()).total;

    const added = await seeder.seed();
    const again = await seeder.seed();

    expect([before, added, again]).toEqual([0, 2, 0]);
    const page = await views();
    expect(page.total).toBe(before + added);
    expect(page.items.map((v) => [v.viewerName, v.viewerRole, v.format])).toEqual([
      ['督查室', 'supervisor', 'pdf'],
      ['督查室', 'supervisor', 'json'],
    ]);
    expect(page.items.every((v) => v.viewedAt < NOW.toISOString())).toBe(true);
  });

  it('shows each section of the period with its counts, oldest last in the JSON', async () => {
    const { status, body } = await as<OfficialRecord>(
      supervisor,
      `/supervision/records/${officialA}?${PERIOD}`,
    );

    expect(status).toBe(200);
    expect(body.official).toEqual({ id: officialA, name: nameA });
    expect(body.period).toEqual({ from: '2026-09-01', to: '2026-11-30' });
    expect(body.units.map((u) => u.id)).toContain(townX);
    expect(body.plans).toMatchObject({ total: 2, entries: 3, updates: 2, photos: 3, late: 1 });
    expect(body.plans.items.map((d) => d.date)).toEqual(['2026-11-03', '2026-11-02']);
    expect(body.plans.items[1]!.entries[0]!.updates.map((u) => u.photoIds.length)).toEqual([2, 1]);
    expect(body.plans.items[0]!.entries.map((e) => e.withdrawn)).toEqual([false, true]);
    expect(body.leaves.items).toEqual([
      { startDate: '2026-10-12', endDate: '2026-10-13', status: 'approved' },
    ]);
    expect(body.lateness).toEqual({
      plans: 1,
      weeklyReports: 1,
      dates: [
        { date: '2026-11-03', kind: 'plan' },
        { date: '2026-11-09', kind: 'weekly' },
      ],
    });
    expect(body.findings.total).toBe(3);
    expect(body.findings.byState).toEqual({ open: 1, explained: 0, confirmed: 1, dismissed: 1 });
    expect(body.findings.items.find((f) => f.state === 'confirmed')!.events.map((e) => e.action)).toEqual([
      'recorded',
      'confirmed',
    ]);
    expect(body.spotChecks).toMatchObject({ total: 1, found: 0, absent: 1 });
    expect(body.spotChecks.items[0]).toMatchObject({
      what: '检查敬老院冬季消防安全',
      note: '到敬老院未见本人',
    });
    expect(body.notices.items).toEqual([
      expect.objectContaining({
        title: '关于日程报送情况的通报',
        number: '督通字〔2026〕7号',
        issueDate: '2026-11-20',
      }),
    ]);
    expect(body.selfExaminations.items).toEqual([
      expect.objectContaining({ state: 'pending', submittedAt: null }),
    ]);
    expect(body.weeklyReports).toMatchObject({ total: 2 });
    expect(body.flags).toEqual([
      expect.objectContaining({
        unitId: townX,
        color: 'red',
        period: 'month',
        from: '2026-10-01',
        to: '2026-10-31',
      }),
    ]);
    expect(body.weeklyReports.items.map((r) => r.weekStart)).toEqual(['2026-11-09', '2026-11-02']);
  });

  it('gives the three ticket rates and the medians of response and resolution time', async () => {
    const { body } = await as<OfficialRecord>(supervisor, `/supervision/records/${officialA}?${PERIOD}`);

    expect(body.tickets.total).toBe(3);
    expect(body.tickets.figures).toEqual({
      total: 3,
      responseRate: 0.667,
      resolutionRate: 0.667,
      satisfactionRate: 1,
      medianHoursToAcknowledge: 2,
      medianHoursToResolve: 6,
      open: 1,
      overdue: 1,
    });
    expect(body.tickets.items.map((t) => t.satisfied)).toEqual([null, null, true]);
    expect(body.tickets.items[0]).toEqual({
      id: expect.any(Number),
      queryCode: expect.any(String),
      category: '对干部留言',
      status: 'assigned',
      satisfied: null,
      createdAt: atLocal('2026-11-02', '09:00').toISOString(),
      resolvedAt: null,
    });
  });

  it('shows no phone number and no resident anywhere in the record', async () => {
    const { body } = await as<OfficialRecord>(supervisor, `/supervision/records/${officialA}?${PERIOD}`);

    const text = JSON.stringify(body);
    expect(text).not.toMatch(/phone|authorLabel|村口路灯|\d{3}\*{4}\d{4}/i);
    expect(text).not.toContain('病假');
  });

  it('covers the last three months up to today by default and refuses a bad or too long period', async () => {
    const byDefault = await as<OfficialRecord>(townSupervisor, `/supervision/records/${officialA}`);
    expect(byDefault.body.period).toEqual({ from: '2026-09-02', to: '2026-12-01' });

    for (const query of [
      'from=2026-11-30&to=2026-11-01',
      'from=2025-01-01&to=2026-11-30',
      'from=2026-02-30',
    ]) {
      const refused = await as<OfficialRecord>(supervisor, `/supervision/records/${officialA}?${query}`);
      expect([query, refused.status, refused.body.code]).toEqual([query, 400, 'RECORD.PERIOD_INVALID']);
    }
    const malformed = await as<OfficialRecord>(
      supervisor,
      `/supervision/records/${officialA}?from=yesterday`,
    );
    expect(malformed.status).toBe(400);
  });

  it('answers 404 to a supervisor whose scope does not cover the official, and records nothing', async () => {
    const before = (await views()).total;

    const refused = await as<OfficialRecord>(
      otherTownSupervisor,
      `/supervision/records/${officialA}?${PERIOD}`,
    );
    const refusedPdf = await as<OfficialRecord>(otherTownSupervisor, `/supervision/records/${officialA}/pdf`);
    const unknown = await as<OfficialRecord>(supervisor, '/supervision/records/999999');

    expect([refused.status, refused.body.code]).toEqual([404, 'RECORD.NOT_FOUND']);
    expect([refusedPdf.status, refusedPdf.body.code]).toEqual([404, 'RECORD.NOT_FOUND']);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'RECORD.NOT_FOUND']);
    expect((await views()).total).toBe(before);
  });

  it('refuses officials and residents (403)', async () => {
    const resident = await residentToken(url, 'records-resident');

    for (const token of [officialToken, resident]) {
      const refused = await as<OfficialRecord>(token, `/supervision/records/${officialA}`);
      expect([refused.status, refused.body.code]).toEqual([403, 'AUTH.ROLE_REQUIRED']);
    }
    const residentViews = await as<RecordViewPage>(resident, '/me/record-views');
    expect(residentViews.status).toBe(403);
  });

  it('records every view, which the official sees with the viewer’s name and role only', async () => {
    const before = (await views()).total;

    await as(supervisor, `/supervision/records/${officialA}?${PERIOD}`);
    await as(townSupervisor, `/supervision/records/${officialA}?from=2026-11-01&to=2026-11-30`);

    const page = await views();
    expect(page.total).toBe(before + 2);
    expect(page.items[0]).toEqual({
      id: expect.any(Number),
      viewerName: '督查室',
      viewerRole: 'supervisor',
      from: '2026-11-01',
      to: '2026-11-30',
      format: 'json',
      viewedAt: NOW.toISOString(),
    });
    expect(JSON.stringify(page)).not.toMatch(/phone|userId/i);
    // Another official sees none of A's views.
    const other = await as<RecordViewPage>(await demoToken(url, 'official', officialB), '/me/record-views');
    expect(other.body.total).toBe(0);
  });

  itWithPdfFont(hasFont)(
    'exports the record as a PDF whose text names the official, a plan and a section',
    async () => {
      const before = (await views()).total;

      const response = await fetch(`${url}/api/v1/supervision/records/${officialA}/pdf?${PERIOD}`, {
        headers: { authorization: `Bearer ${supervisor}` },
      });

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="record-${officialA}-2026-09-01-2026-11-30.pdf"; filename*=UTF-8''${encodeURIComponent(
          `立体像-${nameA}-2026-09-01至2026-11-30.pdf`,
        )}`,
      );
      const text = compact((await pdfText(Buffer.from(await response.arrayBuffer()))).text);
      expect(text).toContain(compact(`${nameA} 立体像`));
      expect(text).toContain('检查敬老院冬季消防安全');
      expect(text).toContain('一、日程计划与一日三晒');
      expect(text).toContain('七、群众留言办理（工单）');
      expect(text).toContain('66.7%');
      expect(text).not.toContain('病假');
      const page = await views();
      expect(page.total).toBe(before + 1);
      expect(page.items[0]!.format).toBe('pdf');
    },
  );

  if (name === 'sqlite')
    it('answers 503 EXPORT.FONT_MISSING, not 500, when the configured font cannot be opened', async () => {
      const other = makeDatabase();
      await other.create();
      const app = await startTestApp(other.config(), {
        env: {
          WECHAT_API_BASE: stub.url,
          DEMO_LOGIN: '1',
          SEED_DEMO: 'county',
          PDF_FONT_FILE: '/nonexistent/font.ttf',
        },
        clock: new FixedClock(NOW),
      });
      try {
        const [persona] = await demoOfficials(app.url);
        const token = await demoToken(app.url, 'supervisor');
        const response = await call<ApiErrorBody>(
          app.url,
          'GET',
          `/supervision/records/${persona!.officialId}/pdf`,
          {
            token,
          },
        );
        expect([response.status, response.body.code]).toEqual([503, 'EXPORT.FONT_MISSING']);
        expect(response.body.message).toContain('fonts-noto-cjk');
        const json = await call(app.url, 'GET', `/supervision/records/${persona!.officialId}`, { token });
        expect(json.status).toBe(200);
      } finally {
        await app.app.close();
        await other.drop();
      }
    });
});
