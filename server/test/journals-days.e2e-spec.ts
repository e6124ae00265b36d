import sharp from 'sharp';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type {
  ApiErrorBody,
  AuthTokens,
  DayPlanView,
  DemoPersona,
  EntryUpdateView,
  InAppMessagePage,
  LeaveView,
  PlanCheckResponse,
  TimelineResponse,
  TodayResponse,
  UploadResponse,
  WeeklyReportView,
} from '@jinri/shared';
import { FixedClock } from '../src/common/clock';
import { PlanReminderJob } from '../src/modules/journals/plan-reminder.job';
import { OutboxService } from '../src/modules/notifications/outbox.service';
import { call, startTestApp, type TestApp } from './app';
import { testDatabases, type TestDatabase } from './databases';
import { entryBody as entry, insertDayPlan, MONDAY_5PM, TOMORROW } from './factories/journal.factory';
import { type WechatStub } from './wechat-stub/wechat-stub';
import { startDemoCounty, demoToken } from './helpers/demo-county';

type Err = ApiErrorBody;

describe.each(testDatabases())(
  'journals: updates, leave, reports and reminders on %s',
  (_name, makeDatabase) => {
    let database: TestDatabase;
    let stub: WechatStub;
    let clock: FixedClock;
    let sut: TestApp;
    let url: string;
    let officialId: number;
    let townId: number;
    let official: string;
    let clerk: string;
    let supervisor: string;
    let data: DataSource;

    const demo = (role: string, id?: number) => demoToken(url, role, id);
    /** Moves the clock and signs the personas in again (access tokens live 2 hours). */
    const at = async (iso: string) => {
      clock.set(new Date(iso));
      official = await demo('official', officialId);
      clerk = await demo('clerk', officialId);
      supervisor = await demo('supervisor', officialId);
    };

    beforeAll(async () => {
      clock = new FixedClock(MONDAY_5PM);
      ({ database, stub, sut } = await startDemoCounty(makeDatabase, { clock }));
      url = sut.url;
      data = sut.app.get<DataSource>(getDataSourceToken());
      const personas = (await call<DemoPersona[]>(url, 'GET', '/demo/personas')).body;
      officialId = personas.find((p) => p.role === 'official')!.officialId!;
      townId = (
        await call<{ posts: Array<{ unit: { id: number } }> }>(url, 'GET', `/officials/${officialId}`)
      ).body.posts[0]!.unit.id;
      official = await demo('official', officialId);
      clerk = await demo('clerk', officialId);
      supervisor = await demo('supervisor', officialId);
      // Tomorrow's plan of the official, submitted on time and published at 08:00 (what the
      // plan tests of journals.e2e-spec.ts build through the API).
      await insertDayPlan(data, {
        officialId,
        date: TOMORROW,
        entries: [
          entry('到魏庄村调度拆迁工作，协调3户签约'),
          entry('在镇便民服务中心接待来访群众', {
            startTime: '14:30',
            endTime: '17:30',
            place: '镇便民服务中心',
            kind: '接访/接待',
          }),
        ],
      });
    });

    // Tuesday 2026-11-24, 10:30: the day of that plan, unless a test says otherwise.
    beforeEach(() => at('2026-11-24T02:30:00Z'));

    afterAll(async () => {
      await sut?.app.close();
      await stub?.close();
      await database?.drop();
    });

    describe('一日三晒', () => {
      it('posts progress with a photo whose EXIF is stripped, and the location only supervisors see', async () => {
        const plan = (await call<DayPlanView>(url, 'GET', `/plans/${officialId}/${TOMORROW}`)).body;
        const jpeg = await sharp({
          create: { width: 2400, height: 1800, channels: 3, background: '#3366aa' },
        })
          .jpeg()
          .withExif({ IFD0: { Make: 'PhoneMaker', Model: 'X1', Copyright: 'secret-owner' } })
          .toBuffer();
        expect((await sharp(jpeg).metadata()).exif).toBeDefined();
        const form = new FormData();
        form.append('file', new Blob([jpeg], { type: 'image/jpeg' }), 'photo.jpg');
        const uploaded = await fetch(`${url}/api/v1/uploads`, {
          method: 'POST',
          body: form,
          headers: { authorization: `Bearer ${official}` },
        });
        const photo = (await uploaded.json()) as UploadResponse;
        expect(uploaded.status).toBe(201);
        expect([photo.width, photo.height]).toEqual([1600, 1200]);
        const stored = Buffer.from(await (await fetch(`${url}${photo.url}`)).arrayBuffer());
        expect((await sharp(stored).metadata()).exif).toBeUndefined();
        expect(stored.includes(Buffer.from('secret-owner'))).toBe(false);

        const posted = await call<EntryUpdateView>(url, 'POST', `/entries/${plan.entries[0]!.id}/updates`, {
          token: official,
          body: {
            kind: 'progress',
            text: '已完成2户签约，剩余1户下午再谈',
            photoIds: [photo.id],
            location: { latitude: 35.1, longitude: 116.3 },
          },
        });
        expect(posted.status).toBe(201);
        const publicTimeline = await call<TimelineResponse>(
          url,
          'GET',
          `/officials/${officialId}/timeline?from=${TOMORROW}&to=${TOMORROW}`,
        );
        const update = publicTimeline.body.days[0]!.plan!.entries[0]!.updates[0]!;
        expect(update.photos[0]!.thumbUrl).toContain('.thumb.jpg');
        expect(update.location).toBeUndefined();
        const supervised = await call<TimelineResponse>(
          url,
          'GET',
          `/officials/${officialId}/timeline?from=${TOMORROW}&to=${TOMORROW}`,
          { token: supervisor },
        );
        expect(supervised.body.days[0]!.plan!.entries[0]!.updates[0]!.location).toEqual({
          latitude: 35.1,
          longitude: 116.3,
        });
      });

      it('refuses a file that is not an image with 415', async () => {
        const form = new FormData();
        form.append('file', new Blob([Buffer.from('not an image at all')], { type: 'image/jpeg' }), 'x.jpg');
        const response = await fetch(`${url}/api/v1/uploads`, {
          method: 'POST',
          body: form,
          headers: { authorization: `Bearer ${official}` },
        });
        expect(response.status).toBe(415);
        expect(((await response.json()) as Err).code).toBe('UPLOAD.UNSUPPORTED');
      });

      it('only accepts posts on the day of the entry', async () => {
        await at('2026-11-25T02:00:00Z');
        const plan = (await call<DayPlanView>(url, 'GET', `/plans/${officialId}/${TOMORROW}`)).body;
        const late = await call<Err>(url, 'POST', `/entries/${plan.entries[0]!.id}/updates`, {
          token: official,
          body: { kind: 'result', text: '补晒' },
        });
        expect(late.body.code).toBe('ENTRY.NOT_TODAY');
        await at('2026-11-24T02:30:00Z');
      });
    });

    describe('leave', () => {
      it('shows publicly as 请假 once approved, never with its reason', async () => {
        const requested = await call<LeaveView>(url, 'POST', '/leaves', {
          token: official,
          body: { startDate: '2026-11-26', endDate: '2026-11-27', reason: '陪同家人就医' },
        });
        expect(requested.body.status).toBe('pending');
        const notYet = await call<TodayResponse>(url, 'GET', `/today?unitId=${townId}&date=2026-11-26`);
        expect(notYet.body.plans.find((p) => p.official.id === officialId)!.status).toBe('not_published');
        const approved = await call<LeaveView>(url, 'POST', `/leaves/${requested.body.id}/approve`, {
          token: supervisor,
        });
        expect(approved.body.status).toBe('approved');
        const today = await call<TodayResponse>(url, 'GET', `/today?unitId=${townId}&date=2026-11-26`);
        expect(today.body.plans.find((p) => p.official.id === officialId)!.status).toBe('on_leave');
        expect(JSON.stringify(today.body)).not.toContain('就医');
        const timeline = await call<TimelineResponse>(
          url,
          'GET',
          `/officials/${officialId}/timeline?from=2026-11-26&to=2026-11-27`,
        );
        expect(timeline.body.days.map((d) => d.status)).toEqual(['on_leave', 'on_leave']);
        expect(JSON.stringify(timeline.body)).not.toContain('就医');
        const mine = await call<LeaveView[]>(url, 'GET', '/leaves', { token: official });
        expect(mine.body.find((l) => l.id === requested.body.id)).toMatchObject({
          status: 'approved',
          reason: '陪同家人就医',
          official: { id: officialId, name: expect.stringMatching(/\S/) },
        });
        const again = await call<Err>(url, 'POST', `/leaves/${requested.body.id}/approve`, {
          token: supervisor,
        });
        expect(again.body.code).toBe('LEAVE.ALREADY_DECIDED');
      });

      it('cannot be approved by the official themself', async () => {
        const requested = await call<LeaveView>(url, 'POST', '/leaves', {
          token: official,
          body: { startDate: '2026-11-30', endDate: '2026-11-30', reason: '事假' },
        });
        const self = await call<Err>(url, 'POST', `/leaves/${requested.body.id}/approve`, {
          token: official,
        });
        expect(self.status).toBe(403);
      });
    });

    describe('weekly reports', () => {
      it('are late after Sunday 12:00 of their week', async () => {
        await at('2026-11-29T03:59:00Z'); // Sunday 11:59
        const onTime = await call<WeeklyReportView>(url, 'PUT', `/weekly-reports/${officialId}/2026-11-23`, {
          token: official,
          body: { results: '完成魏庄村拆迁签约3户', nextWeekPlan: '推进安置房选址' },
        });
        expect(onTime.body.late).toBe(false);
        await at('2026-11-29T04:01:00Z');
        const late = await call<WeeklyReportView>(url, 'PUT', `/weekly-reports/${officialId}/2026-11-23`, {
          token: official,
          body: { results: '完成魏庄村拆迁签约3户（补充）', nextWeekPlan: '推进安置房选址' },
        });
        expect(late.body.late).toBe(true);
        const notMonday = await call<Err>(url, 'PUT', `/weekly-reports/${officialId}/2026-11-24`, {
          token: official,
          body: { results: '一二三', nextWeekPlan: '四五六' },
        });
        expect(notMonday.body.code).toBe('REPORT.INVALID_WEEK');
        await at('2026-11-24T02:30:00Z');
      });
    });

    describe('checks and ranges', () => {
      it('warn about vague, short and repeated entries', async () => {
        const response = await call<PlanCheckResponse>(url, 'POST', '/plans/check', {
          token: official,
          body: {
            officialId,
            date: '2026-11-25',
            entries: [{ what: '日常工作' }, { what: '到魏庄村调度拆迁工作，协调3户签约', place: '魏庄村' }],
          },
        });
        const kinds = response.body.warnings.map((w) => `${w.entryIndex}:${w.kind}`);
        expect(kinds).toContain('0:vague');
        expect(kinds).toContain('1:repeated');
      });

      it('refuse a timeline longer than 92 days', async () => {
        const response = await call<Err>(
          url,
          'GET',
          `/officials/${officialId}/timeline?from=2026-01-01&to=2026-11-24`,
        );
        expect([response.status, response.body.code]).toEqual([400, 'RANGE.TOO_LONG']);
      });
    });

    describe('the reminder at 17:00', () => {
      it('leaves an unread 日程提醒 in 消息 for an official without a plan, even without WeChat', async () => {
        await at('2026-11-30T09:00:30Z'); // Monday 17:00, Tuesday 1 December is a workday
        const [result] = await sut.app.get(PlanReminderJob).run();
        expect(result).toMatchObject({ date: '2026-12-01', queued: expect.any(Number) });
        expect(result!.missing).toBeGreaterThan(0);
        const list = await call<InAppMessagePage>(url, 'GET', '/me/messages', { token: official });
        expect(list.body.items.filter((m) => m.kind === 'planReminder')).toEqual([
          expect.objectContaining({
            title: '日程提醒',
            body: '明日工作计划尚未提交，请在18:00前提交，按时公示',
            page: 'packages/staff/plan-edit/index?date=2026-12-01',
            readAt: null,
          }),
        ]);
        const clerkList = await call<InAppMessagePage>(url, 'GET', '/me/messages', { token: clerk });
        const forClerk = clerkList.body.items.find((m) => m.kind === 'planReminder')!;
        expect([forClerk.title, forClerk.page]).toEqual(['日程提醒', 'packages/staff/batch/index']);
        expect(forClerk.body).toMatch(/^本单位\d+人明日计划未提交/);
      });

      it('runs once even when two instances fire at the same minute', async () => {
        const second = await startTestApp(database.config(), {
          env: { WECHAT_API_BASE: stub.url, DEMO_LOGIN: '1' },
          clock,
        });
        try {
          await at('2026-11-24T09:00:30Z'); // Tuesday 17:00, Wednesday is a workday
          // A real (WeChat) official without a plan for the next day.
          const user = (
            await call<AuthTokens>(url, 'POST', '/auth/wechat', { body: { code: 'code:o6_reminded' } })
          ).body;
          const admin = await demo('admin');
          const invite = (
            await call<{ code: string }>(url, 'POST', '/admin/invites', {
              token: admin,
              body: { role: 'official', unitId: townId, officialId },
            })
          ).body;
          // The demo official's binding is revoked first: a redeem never unbinds anyone silently.
          const grants = await call<Array<{ id: number; role: string; official: { id: number } | null }>>(
            url,
            'GET',
            '/admin/grants',
            { token: admin },
          );
          for (const g of grants.body.filter((g) => g.role === 'official' && g.official?.id === officialId))
            await call(url, 'DELETE', `/admin/grants/${g.id}`, { token: admin });
          const redeemed = await call(url, 'POST', '/me/invites/redeem', {
            token: user.accessToken,
            body: { code: invite.code },
          });
          expect(redeemed.status).toBe(200);
          const sentBefore = stub.state.sent.length;
          const [a, b] = await Promise.all([
            sut.app.get(PlanReminderJob).run(),
            second.app.get(PlanReminderJob).run(),
          ]);
          expect(a.length + b.length).toBe(1);
          const result = [...a, ...b][0]!;
          expect(result.missing).toBeGreaterThan(0);
          expect(result.queued).toBeGreaterThan(0);
          // Nothing goes to WeChat inside the job: the outbox dispatcher sends it.
          expect(stub.state.sent.length).toBe(sentBefore);
          await sut.app.get(OutboxService).dispatch(1000);
          const sent = stub.state.sent.slice(sentBefore);
          expect(sent.filter((m) => m.touser === 'o6_reminded')).toHaveLength(1);
          const dataSource = sut.app.get<DataSource>(getDataSourceToken());
          const runs: Array<{ n: number | string }> = await dataSource.query(
            "SELECT COUNT(*) AS n FROM job_runs WHERE job = 'plan-reminder' AND fire_key LIKE '%:2026-11-25'",
          );
          expect(Number(runs[0]!.n)).toBe(1);
          expect(await sut.app.get(PlanReminderJob).run()).toEqual([]);
        } finally {
          await second.app.close();
        }
      });

      it('does not fire on the evening before a holiday or weekend', async () => {
        await at('2026-11-27T09:05:00Z'); // Friday 17:05; Saturday is no workday
        expect(await sut.app.get(PlanReminderJob).run()).toEqual([]);
      });
    });
  },
);
