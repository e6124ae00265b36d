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
  PlanRevisionView,
  TimelineResponse,
  TodayResponse,
  UploadResponse,
  WeeklyReportView,
} from '@jinri/shared';
import { FixedClock } from '../src/common/clock';
import { PlanReminderJob } from '../src/modules/journals/plan-reminder.job';
import { OutboxService } from '../src/modules/notifications/outbox.service';
import { PublicationJob } from '../src/modules/journals/publication.job';
import { TodayService } from '../src/modules/journals/today.service';
import { call, startTestApp, type TestApp } from './app';
import { testDatabases, type TestDatabase } from './databases';
import { startWechatStub, type WechatStub } from './wechat-stub/wechat-stub';

type Err = ApiErrorBody;

/** Monday 2026-11-23, 17:00 in Asia/Shanghai. */
const MONDAY_5PM = new Date('2026-11-23T09:00:00Z');
const TOMORROW = '2026-11-24';

const entry = (what: string, extra: Record<string, unknown> = {}) => ({
  startTime: '09:00',
  endTime: '11:30',
  place: '魏庄村',
  what,
  kind: '下村/实地',
  ...extra,
});

describe.each(testDatabases())('journals on %s', (_name, makeDatabase) => {
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

  const demo = async (role: string, id?: number) =>
    (await call<AuthTokens>(url, 'POST', '/auth/demo', { body: { role, officialId: id } })).body.accessToken;
  /** Moves the clock and signs the personas in again (access tokens live 2 hours). */
  const at = async (iso: string) => {
    clock.set(new Date(iso));
    official = await demo('official', officialId);
    clerk = await demo('clerk', officialId);
    supervisor = await demo('supervisor', officialId);
  };

  beforeAll(async () => {
    database = makeDatabase();
    await database.create();
    stub = await startWechatStub();
    clock = new FixedClock(MONDAY_5PM);
    sut = await startTestApp(database.config(), {
      env: { WECHAT_API_BASE: stub.url, DEMO_LOGIN: '1', SEED_DEMO: 'county' },
      clock,
    });
    url = sut.url;
    const personas = (await call<DemoPersona[]>(url, 'GET', '/demo/personas')).body;
    officialId = personas.find((p) => p.role === 'official')!.officialId!;
    townId = (await call<{ posts: Array<{ unit: { id: number } }> }>(url, 'GET', `/officials/${officialId}`))
      .body.posts[0]!.unit.id;
    official = await demo('official', officialId);
    clerk = await demo('clerk', officialId);
    supervisor = await demo('supervisor', officialId);
  });

  afterAll(async () => {
    await sut?.app.close();
    await stub?.close();
    await database?.drop();
  });

  describe('a next-day plan', () => {
    let plan: DayPlanView;

    it('is submitted before 18:00 on time and stays private until publication', async () => {
      await at('2026-11-23T09:59:00Z'); // 17:59 local
      const saved = await call<DayPlanView>(url, 'PUT', `/plans/${officialId}/${TOMORROW}`, {
        token: official,
        body: {
          entries: [
            entry('到魏庄村调度拆迁工作，协调3户签约'),
            entry('在镇便民服务中心接待来访群众', {
              startTime: '14:30',
              endTime: '17:30',
              place: '镇便民服务中心',
              kind: '接访/接待',
            }),
          ],
        },
      });
      expect(saved.status).toBe(200);
      plan = saved.body;
      expect([plan.status, plan.late, plan.entries.length]).toEqual(['submitted', false, 2]);
      expect((await call(url, 'GET', `/plans/${officialId}/${TOMORROW}`)).body).toBeFalsy();
      expect(
        (await call<DayPlanView>(url, 'GET', `/plans/${officialId}/${TOMORROW}`, { token: supervisor })).body
          .status,
      ).toBe('submitted');
      const today = await call<TodayResponse>(url, 'GET', `/today?unitId=${townId}&date=${TOMORROW}`);
      const row = today.body.plans.find((p) => p.official.id === officialId)!;
      expect([row.status, row.entries]).toEqual(['not_published', []]);
    });

    it('is recorded as late when submitted after 18:00 the day before', async () => {
      await at('2026-11-23T10:01:00Z'); // 18:01 local
      const saved = await call<DayPlanView>(url, 'PUT', `/plans/${officialId}/${TOMORROW}`, {
        token: clerk,
        body: {
          entries: plan.entries.map(({ id, startTime, endTime, place, what, kind }) => ({
            id,
            startTime,
            endTime,
            place,
            what,
            kind,
          })),
          version: plan.version,
        },
      });
      expect(saved.status).toBe(200);
      expect(saved.body.late).toBe(true);
      plan = saved.body;
    });

    it('refuses a stale version with 409 and loses nothing', async () => {
      const stale = await call<Err>(url, 'PUT', `/plans/${officialId}/${TOMORROW}`, {
        token: official,
        body: { entries: [entry('覆盖别人的修改')], version: plan.version - 1 },
      });
      expect([stale.status, stale.body.code]).toEqual([409, 'PLAN.VERSION_CONFLICT']);
      const current = await call<DayPlanView>(url, 'GET', `/plans/${officialId}/${TOMORROW}`, {
        token: official,
      });
      expect(current.body.entries.map((e) => e.what)).toEqual(plan.entries.map((e) => e.what));
    });

    it('rejects an unknown kind and reversed times with the fields named', async () => {
      const bad = await call<Err>(url, 'PUT', `/plans/${officialId}/${TOMORROW}`, {
        token: official,
        body: {
          entries: [entry('开会', { kind: '喝茶' }), entry('调研', { startTime: '10:00', endTime: '09:00' })],
          version: plan.version,
        },
      });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body.details)).toContain('entries.0.kind');
      expect(JSON.stringify(bad.body.details)).toContain('entries.1.endTime');
    });

    it('is not written by an official for another official', async () => {
      const other = (await call<DemoPersona[]>(url, 'GET', '/demo/personas')).body.filter(
        (p) => p.role === 'official',
      )[1]!.officialId!;
      const sut2 = await call<Err>(url, 'PUT', `/plans/${other}/${TOMORROW}`, {
        token: official,
        body: { entries: [entry('越权填写')] },
      });
      expect([sut2.status, sut2.body.code]).toEqual([403, 'AUTH.OUT_OF_SCOPE']);
    });

    it('is published at 08:00, not a minute before, and then visible to everyone', async () => {
      await at('2026-11-23T23:59:00Z'); // 07:59 local on the 24th
      expect(await sut.app.get(PublicationJob).run()).toBe(0);
      await at('2026-11-24T00:00:00Z'); // 08:00
      expect(await sut.app.get(PublicationJob).run()).toBeGreaterThanOrEqual(1);
      expect(await sut.app.get(PublicationJob).run()).toBe(0);
      const publicView = await call<DayPlanView>(url, 'GET', `/plans/${officialId}/${TOMORROW}`);
      expect(publicView.body.status).toBe('published');
      const today = await call<TodayResponse>(url, 'GET', `/today?unitId=${townId}`);
      expect(today.body.date).toBe(TOMORROW);
      expect(today.body.plans.find((p) => p.official.id === officialId)!.entries).toHaveLength(2);
      plan = publicView.body;
    });

    it('keeps every change after publication as a revision, marking changed and withdrawn entries', async () => {
      await at('2026-11-24T02:15:00Z'); // 10:15
      const [first, second] = plan.entries;
      const saved = await call<DayPlanView>(url, 'PUT', `/plans/${officialId}/${TOMORROW}`, {
        token: official,
        body: {
          version: plan.version,
          entries: [
            {
              id: first!.id,
              startTime: '09:00',
              endTime: '12:00',
              place: '魏庄村',
              what: first!.what,
              kind: '下村/实地',
            },
          ],
        },
      });
      expect(saved.status).toBe(200);
      expect(saved.body.revision).toBe(1);
      expect(saved.body.entries).toHaveLength(1);
      expect(saved.body.entries[0]!.modifiedAt).toBe('2026-11-24T02:15:00.000Z');
      const history = await call<PlanRevisionView[]>(
        url,
        'GET',
        `/plans/${officialId}/${TOMORROW}/revisions`,
      );
      expect(history.body.map((r) => [r.kind, r.revision])).toEqual([
        ['published', 0],
        ['revised', 1],
      ]);
      const last = history.body.at(-1)!;
      expect(last.by).toBe('本人');
      expect(last.entries.find((e) => e.id === second!.id)!.status).toBe('withdrawn');
      plan = saved.body;
    });

    it('serves /today with a strong ETag, 304 when unchanged, and a new one after a revision', async () => {
      const first = await fetch(`${url}/api/v1/today?unitId=${townId}&date=${TOMORROW}`);
      const etag = first.headers.get('etag')!;
      expect(etag).toMatch(/^"[^"]+"$/);
      const again = await fetch(`${url}/api/v1/today?unitId=${townId}&date=${TOMORROW}`, {
        headers: { 'if-none-match': etag },
      });
      expect(again.status).toBe(304);
      await call(url, 'PUT', `/plans/${officialId}/${TOMORROW}`, {
        token: official,
        body: {
          version: plan.version,
          entries: [
            ...plan.entries.map(({ id, startTime, endTime, place, what, kind }) => ({
              id,
              startTime,
              endTime,
              place,
              what,
              kind,
            })),
            entry('下午到东关社区走访独居老人', { startTime: '15:00', endTime: '16:30', place: '东关社区' }),
          ],
        },
      });
      const changed = await fetch(`${url}/api/v1/today?unitId=${townId}&date=${TOMORROW}`, {
        headers: { 'if-none-match': etag },
      });
      expect(changed.status).toBe(200);
      expect(changed.headers.get('etag')).not.toBe(etag);
    });

    it('can be published early in the demo only, for a visitor who cannot wait for 08:00', async () => {
      const other = (await call<DemoPersona[]>(url, 'GET', '/demo/personas')).body.filter(
        (p) => p.role === 'official',
      )[1]!.officialId!;
      const countyAdmin = await demo('admin');
      await call(url, 'PUT', `/plans/${other}/2026-11-25`, {
        token: countyAdmin,
        body: { entries: [entry('到魏庄村走访低保户，核实收入情况')] },
      });
      expect((await call<DayPlanView>(url, 'GET', `/plans/${other}/2026-11-25`)).body).toBeFalsy();
      const published = await call<{ published: number }>(url, 'POST', '/demo/publish', {
        token: countyAdmin,
        body: { date: '2026-11-25' },
      });
      expect(published.body.published).toBeGreaterThanOrEqual(1);
      expect((await call<DayPlanView>(url, 'GET', `/plans/${other}/2026-11-25`)).body.status).toBe(
        'published',
      );
    });

    it('answers /today the same from the in-memory fast path as from the full stack', async () => {
      const today = sut.app.get(TodayService);
      const path = `${url}/api/v1/today?unitId=${townId}&date=${TOMORROW}`;
      await call(url, 'POST', '/demo/publish', { token: await demo('admin'), body: { date: '2000-01-01' } }); // no-op
      const hitsBefore = today.fastHits;
      const full = await fetch(path, { headers: { 'accept-encoding': 'identity' } });
      const fast = await fetch(path, { headers: { 'accept-encoding': 'identity' } });
      expect(today.fastHits).toBe(hitsBefore + 1);
      expect(await fast.text()).toBe(await full.text());
      const comparable = (h: Headers) =>
        Object.fromEntries(
          [...h.entries()].filter(([k]) => !['date', 'x-request-id', 'connection', 'keep-alive'].includes(k)),
        );
      expect(comparable(fast.headers)).toEqual(comparable(full.headers));
      const gzipped = await fetch(path, { headers: { 'accept-encoding': 'gzip' } });
      expect(gzipped.headers.get('content-encoding')).toBe('gzip');
      expect(JSON.parse(await gzipped.text()).date).toBe(TOMORROW);
      const unusual = await fetch(`${path}&extra=1`);
      expect(unusual.status).toBe(400);
    });

    it('is published at once when first submitted after the publication time (late)', async () => {
      const clerkOnly = (await call<DemoPersona[]>(url, 'GET', '/demo/personas')).body.filter(
        (p) => p.role === 'official',
      )[2]!.officialId!;
      const countyClerk = await demo('clerk');
      const saved = await call<DayPlanView>(url, 'PUT', `/plans/${clerkOnly}/${TOMORROW}`, {
        token: countyClerk,
        body: { entries: [entry('补报：到魏庄村核查危房改造进度')] },
      });
      expect([saved.body.status, saved.body.late]).toEqual(['published', true]);
    });
  });

  describe('一日三晒', () => {
    it('posts progress with a photo whose EXIF is stripped, and the location only supervisors see', async () => {
      const plan = (await call<DayPlanView>(url, 'GET', `/plans/${officialId}/${TOMORROW}`)).body;
      const jpeg = await sharp({ create: { width: 2400, height: 1800, channels: 3, background: '#3366aa' } })
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
      const self = await call<Err>(url, 'POST', `/leaves/${requested.body.id}/approve`, { token: official });
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
});
