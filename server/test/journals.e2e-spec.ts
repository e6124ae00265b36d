import type { ApiErrorBody, DayPlanView, DemoPersona, PlanRevisionView, TodayResponse } from '@jinri/shared';
import { FixedClock } from '../src/common/clock';
import { PublicationJob } from '../src/modules/journals/publication.job';
import { TodayService } from '../src/modules/journals/today.service';
import { call, type TestApp } from './app';
import { testDatabases, type TestDatabase } from './databases';
import { entryBody as entry, MONDAY_5PM, TOMORROW } from './factories/journal.factory';
import { type WechatStub } from './wechat-stub/wechat-stub';
import { demoOfficials, startDemoCounty, demoToken } from './helpers/demo-county';

type Err = ApiErrorBody;

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
      const other = (await demoOfficials(url))[1]!.officialId!;
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
      const other = (await demoOfficials(url))[1]!.officialId!;
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
      const clerkOnly = (await demoOfficials(url))[2]!.officialId!;
      const countyClerk = await demo('clerk');
      const saved = await call<DayPlanView>(url, 'PUT', `/plans/${clerkOnly}/${TOMORROW}`, {
        token: countyClerk,
        body: { entries: [entry('补报：到魏庄村核查危房改造进度')] },
      });
      expect([saved.body.status, saved.body.late]).toEqual(['published', true]);
    });
  });
});
