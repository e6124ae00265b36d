import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type {
  AuthTokens,
  DayPlanView,
  LeaveView,
  MatterDetail,
  SearchResponse,
  TimelineResponse,
  TodayResponse,
  UnitChildrenResponse,
} from '@jinri/shared';
import { FixedClock } from '../src/common/clock';
import { DayPlan } from '../src/modules/journals/day-plan.entity';
import { call, startTestApp, type TestApp } from './app';
import { testDatabases, type TestDatabase } from './databases';

/** Sunday 2026-12-06, 10:00 in Asia/Shanghai. */
const SUNDAY_10AM = new Date('2026-12-06T02:00:00Z');
/** Friday 2026-12-11, 10:00 in Asia/Shanghai; the official is on leave on Monday 2026-12-14. */
const FRIDAY_10AM = new Date('2026-12-11T02:00:00Z');
const WEEKEND = ['2026-12-05', '2026-12-06'];
/** A village office may open at 08:00, a town office at 08:30. */
const HOURS_ONLY = '按办公时间，通常 (08:00|08:30) 起在办公室（日程未公示）';
const hoursOnly = (before: string) => new RegExp(`^${before}${HOURS_ONLY}$`);

describe.each(testDatabases())('rest days and the next time in the office on %s', (_name, makeDatabase) => {
  let database: TestDatabase;
  let clock: FixedClock;
  let sut: TestApp;
  let town: { id: number; name: string };
  let village: { id: number; name: string };
  let admin: string;

  const matterOfVillage = async () => {
    const id = (await call<SearchResponse>(sut.url, 'GET', '/search?q=低保')).body.matters[0]!.id;
    return (await call<MatterDetail>(sut.url, 'GET', `/matters/${id}?unitId=${village.id}`)).body;
  };
  const signIn = async () =>
    (await call<AuthTokens>(sut.url, 'POST', '/auth/demo', { body: { role: 'admin' } })).body.accessToken;

  beforeAll(async () => {
    database = makeDatabase();
    await database.create();
    clock = new FixedClock(SUNDAY_10AM);
    sut = await startTestApp(database.config(), { env: { DEMO_LOGIN: '1', SEED_DEMO: 'county' }, clock });
    town = (await call<UnitChildrenResponse>(sut.url, 'GET', '/units')).body.children.find(
      (c) => c.kind === 'town',
    )!;
    const villages = (await call<UnitChildrenResponse>(sut.url, 'GET', `/units?parentId=${town.id}`)).body
      .children;
    village = villages[villages.length - 1]!;
    admin = await signIn();
  });

  afterAll(async () => {
    await sut?.app.close();
    await database?.drop();
  });

  describe('on a Sunday', () => {
    it('the home page says 休息日 (周末) and the next working day, and marks nobody 未公示', async () => {
      for (const date of WEEKEND) {
        const today = await call<TodayResponse>(sut.url, 'GET', `/today?unitId=${town.id}&date=${date}`);
        expect(today.status).toBe(200);
        expect(today.body.day).toEqual({ date, isWorkday: false, name: '周末', nextWorkday: '2026-12-07' });
        expect(today.body.plans.length).toBeGreaterThan(0);
        expect(today.body.plans.filter((p) => p.status === 'not_published')).toEqual([]);
        expect(today.body.plans.some((p) => p.status === 'rest_day')).toBe(true);
      }
      const plain = await call<TodayResponse>(sut.url, 'GET', `/today?unitId=${town.id}`);
      expect(plain.body.day.date).toBe('2026-12-06');
    });

    it('names holidays and treats a make-up Saturday as a working day', async () => {
      const nationalDay = await call<TodayResponse>(
        sut.url,
        'GET',
        `/today?unitId=${town.id}&date=2026-10-01`,
      );
      expect(nationalDay.body.day).toEqual({
        date: '2026-10-01',
        isWorkday: false,
        name: '国庆节',
        nextWorkday: '2026-10-08',
      });
      const makeUp = await call<TodayResponse>(sut.url, 'GET', `/today?unitId=${town.id}&date=2026-02-14`);
      expect(makeUp.body.day).toMatchObject({ isWorkday: true, name: '调休上班' });
      expect(makeUp.body.plans.some((p) => p.status === 'rest_day')).toBe(false);
    });

    it('a timeline shows the weekend as rest days, never 未公示', async () => {
      const someone = (await call<TodayResponse>(sut.url, 'GET', `/today?unitId=${town.id}`)).body.plans[0]!;
      const timeline = await call<TimelineResponse>(
        sut.url,
        'GET',
        `/officials/${someone.official.id}/timeline?from=2026-11-30&to=2026-12-06`,
      );
      const weekend = timeline.body.days.filter((d) => WEEKEND.includes(d.date));
      expect(weekend.map((d) => d.restDay)).toEqual(['周末', '周末']);
      expect(weekend.filter((d) => d.status === 'not_published')).toEqual([]);
      expect(timeline.body.days.filter((d) => !WEEKEND.includes(d.date)).map((d) => d.restDay)).toEqual(
        Array(5).fill(null),
      );
    });

    it('the matter page says the handler rests today and only promises office hours on Monday', async () => {
      const status = (await matterOfVillage()).officials[0]!.status;
      expect(status).toEqual({
        kind: 'off_hours',
        text: '今天休息（周末）',
        nextInOffice: expect.stringMatching(hoursOnly('明天')),
      });
    });

    it('an official who publishes a plan on Sunday (值班) is shown with it', async () => {
      const someone = (await call<TodayResponse>(sut.url, 'GET', `/today?unitId=${town.id}`)).body.plans.find(
        (p) => p.status === 'rest_day',
      )!;
      const saved = await call<DayPlanView>(sut.url, 'PUT', `/plans/${someone.official.id}/2026-12-06`, {
        token: admin,
        body: {
          entries: [
            { startTime: '09:00', endTime: '12:00', place: '镇政府', what: '防火值班', kind: '其他' },
          ],
        },
      });
      expect([saved.status, saved.body.status]).toEqual([200, 'published']);
      const today = await call<TodayResponse>(sut.url, 'GET', `/today?unitId=${town.id}`);
      const row = today.body.plans.find((p) => p.official.id === someone.official.id)!;
      expect([row.status, row.entries.map((e) => e.what)]).toEqual(['published', ['防火值班']]);
    });
  });

  describe('on a Friday before a leave day', () => {
    let handler: MatterDetail['officials'][number];

    beforeAll(async () => {
      clock.set(FRIDAY_10AM);
      admin = await signIn();
      handler = (await matterOfVillage()).officials[0]!;
      const leave = await call<LeaveView>(sut.url, 'POST', '/leaves', {
        token: admin,
        body: { officialId: handler.id, startDate: '2026-12-14', endDate: '2026-12-14', reason: '事假' },
      });
      expect(leave.status).toBe(201);
      const approved = await call<LeaveView>(sut.url, 'POST', `/leaves/${leave.body.id}/approve`, {
        token: admin,
      });
      expect(approved.body.status).toBe('approved');
      const today = await call<DayPlanView>(sut.url, 'PUT', `/plans/${handler.id}/2026-12-11`, {
        token: admin,
        body: {
          entries: [
            {
              startTime: '07:30',
              endTime: '10:30',
              place: '镇政府三楼会议室',
              what: '参加党委会',
              kind: '会议',
            },
            {
              startTime: '10:30',
              endTime: '18:30',
              place: village.name,
              what: '入户核查低保对象',
              kind: '下村/实地',
            },
          ],
        },
      });
      expect([today.status, today.body.status]).toEqual([200, 'published']);
    });

    it('the matter page skips Monday’s leave and says Tuesday is only office hours', async () => {
      const status = (await matterOfVillage()).officials.find((o) => o.id === handler.id)!.status;
      expect(status.kind).toBe('meeting');
      expect(status.nextInOffice).toMatch(hoursOnly('周一请假，周二'));
    });

    it('follows Tuesday’s published plan: out all day, or in the office after a meeting', async () => {
      const tuesday = await call<DayPlanView>(sut.url, 'PUT', `/plans/${handler.id}/2026-12-15`, {
        token: admin,
        body: {
          entries: [
            {
              startTime: '07:30',
              endTime: '10:00',
              place: '县政府',
              what: '参加全县低保工作会',
              kind: '会议',
            },
            {
              startTime: '10:00',
              endTime: '18:30',
              place: village.name,
              what: '复核低保对象',
              kind: '下村/实地',
            },
          ],
        },
      });
      expect(tuesday.status).toBe(200);
      // Published as it would be on Tuesday at 08:00.
      const plans = sut.app.get<DataSource>(getDataSourceToken()).getRepository(DayPlan);
      await plans.update({ id: tuesday.body.id }, { status: 'published', publishedAt: new Date() });
      let status = (await matterOfVillage()).officials.find((o) => o.id === handler.id)!.status;
      expect(status.nextInOffice).toMatch(hoursOnly('周一请假，周二全天外出（已公示日程），周三'));

      const revised = await call<DayPlanView>(sut.url, 'PUT', `/plans/${handler.id}/2026-12-15`, {
        token: admin,
        body: {
          version: (await plans.findOneByOrFail({ id: tuesday.body.id })).version,
          entries: [
            {
              startTime: '07:30',
              endTime: '10:00',
              place: '县政府',
              what: '参加全县低保工作会',
              kind: '会议',
            },
            {
              startTime: '14:30',
              endTime: '18:30',
              place: village.name,
              what: '复核低保对象',
              kind: '下村/实地',
            },
          ],
        },
      });
      expect(revised.status).toBe(200);
      status = (await matterOfVillage()).officials.find((o) => o.id === handler.id)!.status;
      expect(status.nextInOffice).toBe('周一请假，周二上午 10:00 起在办公室（据已公示日程）');
    });
  });
});
