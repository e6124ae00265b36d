import type { ApiErrorBody, UnitBoard } from '@jinri/shared';
import { DataSource } from 'typeorm';
import { FixedClock } from '../src/common/clock';
import { resolvePdfFont } from '../src/common/pdf';
import { addDays, atLocal } from '../src/common/time/local-time';
import { User } from '../src/modules/auth/user.entity';
import { Unit } from '../src/modules/directory/unit.entity';
import { unitPageUrl } from '../src/modules/boards/board-qr';
import { BOARD_PDFS_PER_IP } from '../src/modules/boards/boards.service';
import { Leave } from '../src/modules/journals/leave.entity';
import { FlagAwardRow, FlagAwardUnitRow } from '../src/modules/rankings/flag-award.entity';
import { WeeklyReport } from '../src/modules/journals/weekly-report.entity';
import { call, startTestApp, type TestApp } from './app';
import { testDatabases } from './databases';
import { insertMember, insertUnit } from './factories/directory.factory';
import { insertDayPlan } from './factories/journal.factory';
import { insertTicket } from './factories/ticket.factory';
import { compact, itWithPdfFont, pdfText } from './helpers/pdf-text';

/** Tuesday 2026-12-01, 10:00 in Asia/Shanghai: the last completed week is 2026-W48 (23–29 November). */
const TUESDAY = atLocal('2026-12-01', '10:00');
const WEEK = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'];
const LONG = `召开全镇安全生产暨冬季森林防火工作部署会议，${'逐村逐组落实巡查责任'.repeat(8)}`;
const withFont = itWithPdfFont(resolvePdfFont(process.env.PDF_FONT_FILE) !== null);

type Answer<T> = T & ApiErrorBody;

describe.each(testDatabases())('实绩公示栏: the printed weekly board on %s', (_name, makeDatabase) => {
  const clock = new FixedClock(TUESDAY);
  const database = makeDatabase();
  let sut: TestApp;
  let data: DataSource;
  let unitId: number;
  const people = { secretary: 0, mayor: 0, deputy: 0 };

  /** The PDF as bytes, with its status and headers. */
  const pdf = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${sut.url}/api/v1${path}`, { headers });
    return {
      status: response.status,
      headers: response.headers,
      bytes: Buffer.from(await response.arrayBuffer()),
    };
  };

  beforeAll(async () => {
    await database.create();
    sut = await startTestApp(database.config(), {
      clock,
      env: { PUBLIC_H5_URL: 'https://jinri.example.gov.cn/' },
    });
    data = sut.app.get(DataSource);
    const county = await insertUnit(data, { name: '测试县', kind: 'county' });
    const town = await insertUnit(data, { name: '青石镇', kind: 'town' }, county);
    unitId = town.id;
    // Listed by post rank, whatever the order they were added in.
    people.deputy = (
      await insertMember(data, { unitId, name: '赵副镇', title: '副镇长', rank: 3, startDate: '2026-01-01' })
    ).officialId;
    people.secretary = (
      await insertMember(data, {
        unitId,
        name: '王书记',
        title: '党委书记',
        rank: 1,
        startDate: '2026-01-01',
      })
    ).officialId;
    people.mayor = (
      await insertMember(data, { unitId, name: '李镇长', title: '镇长', rank: 2, startDate: '2026-01-01' })
    ).officialId;
    // Someone of a village below the town: not on the town's board.
    const village = await insertUnit(data, { name: '东坡村', kind: 'village' }, town);
    await insertMember(data, {
      unitId: village.id,
      name: '孙支书',
      title: '村党支部书记',
      rank: 1,
      startDate: '2026-01-01',
    });

    for (const date of WEEK) {
      await insertDayPlan(data, {
        officialId: people.secretary,
        date,
        entries: [
          {
            startTime: '09:00',
            endTime: '11:30',
            place: '东坡村',
            what: `调度秋粮收购进度（${date.slice(8)}日）`,
          },
          ...(date === '2026-11-24'
            ? [{ startTime: '14:30', endTime: '17:00', place: '镇政府', what: LONG }]
            : []),
        ],
      });
    }
    // The mayor: Monday and Tuesday published, Wednesday on leave, Thursday nothing, Friday a draft.
    await insertDayPlan(data, {
      officialId: people.mayor,
      date: '2026-11-23',
      entries: [{ what: '走访低保户' }],
    });
    await insertDayPlan(data, {
      officialId: people.mayor,
      date: '2026-11-24',
      entries: [{ what: '检查农贸市场' }],
    });
    await insertDayPlan(data, {
      officialId: people.mayor,
      date: '2026-11-27',
      status: 'draft',
      entries: [{ what: '草稿不公开的内容' }],
    });
    const author = await data
      .getRepository(User)
      .save(Object.assign(new User(), { openidHash: 'board-author', demo: false }));
    await data.getRepository(Leave).save(
      Object.assign(new Leave(), {
        officialId: people.mayor,
        startDate: '2026-11-25',
        endDate: '2026-11-25',
        reason: '个人隐私的请假事由',
        status: 'approved',
        requestedByUserId: author.id,
      }),
    );
    await data.getRepository(WeeklyReport).save(
      Object.assign(new WeeklyReport(), {
        officialId: people.secretary,
        weekStart: '2026-11-23',
        results: '完成秋粮收购调度',
        nextWeekPlan: '1. 推进东坡村道路硬化\n2. 开展冬季防火巡查',
        submittedAt: atLocal('2026-11-29', '10:00'),
        late: false,
        submittedByUserId: author.id,
      }),
    );
    // The deputy has no weekly report: next week's published plan stands for it.
    await insertDayPlan(data, {
      officialId: people.deputy,
      date: '2026-11-30',
      entries: [{ what: '督导冬季征兵' }],
    });
    // Tickets: two resolved in the week (one the mayor's), one resolved the week before, one still open.
    const seed = { authorUserId: author.id, assigneeUnitId: unitId };
    await insertTicket(data, {
      ...seed,
      assigneeOfficialId: people.mayor,
      submittedAt: atLocal('2026-11-23', '09:00'),
      steps: ['acknowledge', 'resolve'],
    });
    await insertTicket(data, {
      ...seed,
      assigneeOfficialId: people.secretary,
      submittedAt: atLocal('2026-11-26', '09:00'),
      steps: ['acknowledge', 'resolve', 'rate_satisfied'],
    });
    await insertTicket(data, {
      ...seed,
      assigneeOfficialId: people.secretary,
      submittedAt: atLocal('2026-11-16', '09:00'),
      steps: ['acknowledge', 'resolve'],
    });
    await insertTicket(data, {
      ...seed,
      assigneeOfficialId: people.deputy,
      submittedAt: atLocal('2026-11-25', '09:00'),
    });
    // October's 红旗 of the county's towns, awarded by a supervisor.
    const award = await data.getRepository(FlagAwardRow).save(
      Object.assign(new FlagAwardRow(), {
        jurisdictionUnitId: county.id,
        level: 'town',
        period: 'month',
        fromDate: '2026-10-01',
        toDate: '2026-10-31',
        sequence: 1,
        overridden: false,
        reason: null,
        awardedByUserId: author.id,
        awardedByName: '县委督查室',
        supersedesId: null,
        supersededAt: null,
      }),
    );
    await data.getRepository(FlagAwardUnitRow).save(
      Object.assign(new FlagAwardUnitRow(), {
        awardId: award.id,
        unitId,
        color: 'red',
        proposed: true,
        rank: 1,
      }),
    );
  });

  afterAll(async () => {
    await sut?.app.close();
    await database.drop();
  });

  it('gives the board of the last completed week as data: people by rank, days, marks, next week, counts', async () => {
    const response = await call<Answer<UnitBoard>>(sut.url, 'GET', `/units/${unitId}/board.json`);
    expect(response.status).toBe(200);
    const board = response.body;
    expect(board).toMatchObject({
      unit: { id: unitId, name: '青石镇' },
      week: '2026-W48',
      from: '2026-11-23',
      to: '2026-11-29',
      resolvedTickets: 2,
      flag: { color: 'red', period: 'month', from: '2026-10-01', to: '2026-10-31' },
      previousWeek: '2026-W47',
      nextWeek: '2026-W49',
      qr: {
        h5Url: `https://jinri.example.gov.cn/#/pages/unit/index?id=${unitId}`,
        weappPath: `pages/unit/index?id=${unitId}`,
      },
    });
    expect(board.days.map((d) => d.label)).toEqual(['周一', '周二', '周三', '周四', '周五']);
    expect(board.officials.map((o) => [o.name, o.title])).toEqual([
      ['王书记', '党委书记'],
      ['李镇长', '镇长'],
      ['赵副镇', '副镇长'],
    ]);
    const [secretary, mayor, deputy] = board.officials;
    expect(secretary!.days[0]).toEqual({
      date: '2026-11-23',
      status: 'published',
      lines: ['09:00 东坡村 调度秋粮收购进度（23日）'],
    });
    expect(secretary!.days[1]!.lines[1]).toMatch(/^14:30 镇政府 召开全镇安全生产.*…$/);
    expect(secretary!.nextWeek).toEqual({
      source: 'weekly_report',
      lines: ['推进东坡村道路硬化', '开展冬季防火巡查'],
    });
    expect(secretary!.resolvedTickets).toBe(1);
    expect(mayor!.days.map((d) => d.status)).toEqual([
      'published',
      'published',
      'on_leave',
      'missing',
      'missing',
    ]);
    expect(mayor!.resolvedTickets).toBe(1);
    expect(deputy!.nextWeek).toEqual({ source: 'day_plans', lines: ['周一 09:00 魏庄村 督导冬季征兵'] });
    // Only published facts: no draft, no leave reason.
    expect(JSON.stringify(board)).not.toMatch(/草稿不公开|个人隐私/);
    const viaFormat = await call<UnitBoard>(
      sut.url,
      'GET',
      `/units/${unitId}/board?week=2026-W48&format=json`,
    );
    expect({ ...viaFormat.body, generatedAt: '' }).toEqual({ ...board, generatedAt: '' });
  });

  withFont(
    'prints the board as a PDF whose text names the unit, the people, their plans and the count',
    async () => {
      const started = performance.now();
      const response = await pdf(`/units/${unitId}/board?week=2026-W48`);
      const firstMs = performance.now() - started;
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="board-${unitId}-2026-W48.pdf"; filename*=UTF-8''${encodeURIComponent('实绩公示栏-青石镇-2026年第48周.pdf')}`,
      );
      expect(response.bytes.subarray(0, 5).toString()).toBe('%PDF-');
      const extracted = await pdfText(response.bytes);
      expect(extracted.pages).toHaveLength(1);
      const text = compact(extracted.text);
      for (const expected of [
        '实绩公示栏',
        '青石镇',
        '2026年第48周',
        '王书记',
        '党委书记',
        '09:00东坡村调度秋粮收购进度（23日）',
        '请假',
        '未报送',
        '下周',
        '推进东坡村道路硬化',
        '本周办结工单2件',
        '红旗',
        '月度10月1日至10月31日',
        `小程序pages/unit/index?id=${unitId}`,
      ])
        expect(text).toContain(expected);
      expect(text).not.toContain('草稿不公开');
      const again = performance.now();
      expect((await pdf(`/units/${unitId}/board?week=2026-W48`)).bytes.equals(response.bytes)).toBe(true);
      process.stdout.write(
        `board PDF: first ${firstMs.toFixed(0)} ms, cached ${(performance.now() - again).toFixed(0)} ms\n`,
      );
    },
  );

  it('encodes the H5 unit page in the QR code', () => {
    expect(unitPageUrl('https://jinri.example.gov.cn', unitId)).toBe(
      `https://jinri.example.gov.cn/#/pages/unit/index?id=${unitId}`,
    );
    expect(unitPageUrl(null, unitId)).toBeNull();
  });

  it('answers 404 for an unknown unit and 400 with a code for a bad or future week', async () => {
    const unknown = await call<ApiErrorBody>(sut.url, 'GET', '/units/999999/board.json');
    expect([unknown.status, unknown.body.code]).toEqual([404, 'DIRECTORY.UNIT_NOT_FOUND']);
    const unknownPdf = await call<ApiErrorBody>(sut.url, 'GET', '/units/999999/board');
    expect([unknownPdf.status, unknownPdf.body.code]).toEqual([404, 'DIRECTORY.UNIT_NOT_FOUND']);
    for (const week of ['2026-48', '2026-W54', 'W48', '2026-W00'])
      expect(
        (await call<ApiErrorBody>(sut.url, 'GET', `/units/${unitId}/board.json?week=${week}`)).body.code,
      ).toBe('BOARD.INVALID_WEEK');
    const future = await call<ApiErrorBody>(sut.url, 'GET', `/units/${unitId}/board?week=2026-W50`);
    expect([future.status, future.body.code]).toEqual([400, 'BOARD.FUTURE_WEEK']);
    const bad = await call<ApiErrorBody>(sut.url, 'GET', `/units/${unitId}/board?format=docx`);
    expect([bad.status, bad.body.code]).toEqual([400, 'COMMON.VALIDATION_FAILED']);
  });

  it('shows the current week so far: past days, 待公示 for the rest, no next week to go to', async () => {
    const board = (await call<UnitBoard>(sut.url, 'GET', `/units/${unitId}/board.json?week=2026-W49`)).body;
    expect(board.nextWeek).toBeNull();
    expect(board.officials[2]!.days.slice(0, 3).map((d) => d.status)).toEqual([
      'published',
      'missing',
      'pending',
    ]);
  });

  /**
   * BOARD_BENCH=1: generation time of the board of a 15- and a 50-official unit (three entries a day,
   * a weekly report each), the first PDF (the font parsed and subset) and JSON, printed.
   */
  (process.env.BOARD_BENCH === '1' ? withFont : it.skip)(
    'measures the board of 15 and 50 officials',
    async () => {
      const town = await data.getRepository(Unit).findOneByOrFail({ id: unitId });
      for (const size of [15, 50]) {
        const unit = await insertUnit(data, { name: `测试${size}人镇`, kind: 'town' }, town);
        for (let i = 0; i < size; i++) {
          const { officialId } = await insertMember(data, {
            unitId: unit.id,
            name: `干部${i + 1}`,
            title: i === 0 ? '党委书记' : '副镇长',
            rank: i + 1,
            startDate: '2026-01-01',
          });
          for (const date of [...WEEK, ...WEEK.map((d) => addDays(d, -7))])
            await insertDayPlan(data, {
              officialId,
              date,
              entries: [
                {
                  startTime: '09:00',
                  endTime: '10:00',
                  what: `到东坡村调度秋粮收购进度，查看烘干设备（${i}）`,
                },
                { startTime: '10:30', endTime: '11:30', place: '镇政府', what: '主持召开安全生产专题会议' },
                { startTime: '14:30', endTime: '17:00', what: '走访低保户和特困供养人员' },
              ],
            });
        }
        const times: string[] = [];
        for (const week of ['2026-W48', '2026-W47']) {
          let started = performance.now();
          const json = await call<UnitBoard>(sut.url, 'GET', `/units/${unit.id}/board.json?week=${week}`);
          const jsonMs = performance.now() - started;
          started = performance.now();
          const response = await pdf(`/units/${unit.id}/board?week=${week}`, {
            'x-forwarded-for': `10.0.0.${size}`,
          });
          const pdfMs = performance.now() - started;
          expect([json.status, response.status]).toEqual([200, 200]);
          const pages = (await pdfText(response.bytes)).pages.length;
          times.push(
            `${week}: JSON ${jsonMs.toFixed(0)} ms, PDF ${pdfMs.toFixed(0)} ms, ${pages} page(s), ${response.bytes.length} bytes`,
          );
        }
        process.stdout.write(`board of ${size} officials on ${database.name}: ${times.join('; ')}\n`);
      }
    },
  );

  withFont('limits the PDFs one address may print in ten minutes', async () => {
    let status = 0;
    for (let i = 0; i <= BOARD_PDFS_PER_IP && status !== 429; i++)
      status = (await pdf(`/units/${unitId}/board?week=2026-W47`)).status;
    expect(status).toBe(429);
    clock.advance(11 * 60_000);
    expect((await pdf(`/units/${unitId}/board?week=2026-W47`)).status).toBe(200);
    clock.set(TUESDAY);
  });
});
