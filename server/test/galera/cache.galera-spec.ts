import type { DayPlanView, DemoPersona, EntryUpdateView, SearchResponse, TodayResponse } from '@jinri/shared';
import { FixedClock } from '../../src/common/clock';
import { TodayService } from '../../src/modules/journals/today.service';
import { call, type TestApp } from '../app';
import { demoToken } from '../helpers/demo-county';
import { startWechatStub, type WechatStub } from '../wechat-stub/wechat-stub';
import {
  certificationFailures,
  closeApps,
  describeGalera,
  GALERA_TIMEOUT,
  galeraDatabase,
  startGaleraApp,
  type GaleraDatabase,
} from './cluster';

/**
 * Issue #16: caches invalidated across instances within 1 s. The today page and the search index
 * re-read their counters every 500 ms. B is asked every 20 ms after A answered; two figures per try:
 * - stale: when B's last answer without the change was asked (B served the old content until then);
 *   asserted ≤ WITHIN_MS — the invalidation itself;
 * - seen: when B's first answer with the change arrived, its rebuild included; printed. Both
 *   instances share this one jest process on a shared 2-core box, so a rebuild can take a few
 *   hundred ms more there than it does on its own.
 */
const WITHIN_MS = 1000;
const TRIES = 7;

interface Delay {
  stale: number;
  seen: number;
}

/** Asks `read` every 20 ms until it says the change is there (see Delay). */
async function delayUntil(read: () => Promise<boolean>, since: number, limitMs = 10_000): Promise<Delay> {
  let stale = 0;
  for (;;) {
    const asked = performance.now() - since;
    if (await read()) return { stale, seen: performance.now() - since };
    stale = asked;
    if (asked > limitMs) throw new Error(`not visible after ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function spread(values: number[]): string {
  const sorted = [...values].sort((x, y) => x - y);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return `min ${sorted[0]!.toFixed(0)}, median ${median.toFixed(0)}, max ${sorted.at(-1)!.toFixed(0)} ms (${sorted.map((d) => d.toFixed(0)).join(', ')})`;
}

function figures(name: string, delays: Delay[]): string {
  return `${name}: stale until ${spread(delays.map((d) => d.stale))}; seen after ${spread(delays.map((d) => d.seen))}`;
}

const maxStale = (delays: Delay[]) => Math.max(...delays.map((d) => d.stale));

/**
 * The in-memory caches of one instance (the today page, the search index) learn a change made
 * through another instance on another Galera node within a second: the version counters (cache
 * module) are bumped on node 1 and polled every 500 ms on node 2.
 */
describeGalera('caches invalidated across instances on a Galera cluster', () => {
  let database: GaleraDatabase;
  let stub: WechatStub;
  let a: TestApp; // bound to node 1
  let b: TestApp; // bound to node 2
  // Tuesday 10:00 in the county: a plan for today is published as soon as it is saved.
  const clock = new FixedClock(new Date('2026-11-24T02:00:00Z'));
  const TODAY = '2026-11-24';
  let officialId: number;
  let townId: number;
  const measured: string[] = [];

  beforeAll(async () => {
    database = galeraDatabase();
    await database.create();
    stub = await startWechatStub();
    const options = {
      env: { WECHAT_API_BASE: stub.url, DEMO_LOGIN: '1', SEED_DEMO: 'county' },
      clock,
    };
    a = await startGaleraApp(database, 0, options);
    b = await startGaleraApp(database, 1, options);
    const personas = (await call<DemoPersona[]>(a.url, 'GET', '/demo/personas')).body;
    officialId = personas.find((p) => p.role === 'official')!.officialId!;
    townId = (
      await call<{ posts: Array<{ unit: { id: number } }> }>(a.url, 'GET', `/officials/${officialId}`)
    ).body.posts[0]!.unit.id;
  }, GALERA_TIMEOUT);

  afterAll(async () => {
    if (measured.length > 0) process.stdout.write(`\n[galera cache] ${measured.join('\n[galera cache] ')}\n`);
    await closeApps([a, b]);
    await stub?.close();
    await database?.drop();
  });

  const today = async (app: TestApp) =>
    (await call<TodayResponse>(app.url, 'GET', `/today?unitId=${townId}&date=${TODAY}`)).body;
  const entryTexts = (page: TodayResponse) =>
    page.plans
      .find((p) => p.official.id === officialId)
      ?.entries.flatMap((e) => [e.what, ...e.updates.map((u) => u.text ?? '')]) ?? [];
  /** B serves the page from memory (its fast path), so only the counters can tell it to rebuild. */
  const warm = async (app: TestApp) => {
    const service = app.app.get(TodayService);
    await today(app);
    const before = service.fastHits;
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await today(app);
    expect(service.fastHits).toBeGreaterThan(before);
  };

  it(`shows a plan published and then revised through A on B's today page within ${WITHIN_MS} ms`, async () => {
    const official = await demoToken(a.url, 'official', officialId);
    const delays: Delay[] = [];
    for (let i = 0; i < TRIES; i += 1) {
      await warm(b);
      const what = `到魏庄村调度拆迁工作（第${i + 1}次核对）`;
      expect(entryTexts(await today(b))).not.toContain(what);
      // The first save publishes the day's plan (after 08:00: at once); later ones revise it.
      const version = (
        await call<DayPlanView | undefined>(a.url, 'GET', `/plans/${officialId}/${TODAY}`, {
          token: official,
        })
      ).body?.version;
      const saved = await call<DayPlanView>(a.url, 'PUT', `/plans/${officialId}/${TODAY}`, {
        token: official,
        body: { entries: [{ startTime: '09:00', place: '魏庄村', what, kind: '其他' }], version },
      });
      const since = performance.now();
      expect([saved.status, saved.body.status]).toEqual([200, 'published']);
      delays.push(await delayUntil(async () => entryTexts(await today(b)).includes(what), since));
    }
    measured.push(figures('today page, plan published/revised on node 1, seen on node 2', delays));
    expect(maxStale(delays)).toBeLessThanOrEqual(WITHIN_MS);
  });

  it(`shows a progress update posted through A on B's today page within ${WITHIN_MS} ms`, async () => {
    const official = await demoToken(a.url, 'official', officialId);
    const plan = (await call<DayPlanView>(a.url, 'GET', `/plans/${officialId}/${TODAY}`, { token: official }))
      .body;
    const delays: Delay[] = [];
    for (let i = 0; i < TRIES; i += 1) {
      await warm(b);
      const text = `已完成${i + 1}户签约，其余下午再谈`;
      const posted = await call<EntryUpdateView>(a.url, 'POST', `/entries/${plan.entries[0]!.id}/updates`, {
        token: official,
        body: { kind: 'progress', text },
      });
      const since = performance.now();
      expect(posted.status).toBe(201);
      delays.push(await delayUntil(async () => entryTexts(await today(b)).includes(text), since));
    }
    measured.push(figures('today page, progress update on node 1, seen on node 2', delays));
    expect(maxStale(delays)).toBeLessThanOrEqual(WITHIN_MS);
  });

  it(`finds a matter added through A in B's search index within ${WITHIN_MS} ms`, async () => {
    const admin = await demoToken(a.url, 'admin');
    const search = async (app: TestApp, q: string) =>
      (await call<SearchResponse>(app.url, 'GET', `/search?q=${encodeURIComponent(q)}`)).body;
    const department = (await search(a, '低保')).matters[0]!.department.id;
    const delays: Delay[] = [];
    const words = ['修路灯', '补门牌', '办渔证', '领树苗', '测井水', '换水表', '挪电杆'];
    for (let i = 0; i < TRIES; i += 1) {
      const word = words[i]!;
      const name = `集群验证事项${i + 1}号`;
      // B's index is built and current before the change.
      await search(b, word);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect((await search(b, word)).matters.map((m) => m.name)).not.toContain(name);
      const created = await call<{ id: number }>(a.url, 'POST', '/admin/matters', {
        token: admin,
        body: {
          name,
          category: '其他',
          keywords: [],
          synonyms: [word],
          materials: ['身份证'],
          whereToGo: '县政务服务中心',
          officeHours: '工作日 09:00-17:00',
          departmentId: department,
        },
      });
      const since = performance.now();
      expect(created.status).toBe(201);
      delays.push(
        await delayUntil(async () => (await search(b, word)).matters.some((m) => m.name === name), since),
      );
    }
    measured.push(figures('search index, matter added on node 1, found on node 2', delays));
    expect(maxStale(delays)).toBeLessThanOrEqual(WITHIN_MS);
  });
  it('saves every plan when eight are published at once through both nodes (no hot counter row)', async () => {
    // Every publication bumps the journals counter in its transaction. With the counter in one row,
    // about a third of these saves failed certification (1213 → 409); one row per node leaves the
    // plans of different officials nothing in common to conflict on.
    const clerk = { a: await demoToken(a.url, 'clerk'), b: await demoToken(b.url, 'clerk') };
    const officials = (await today(a)).plans.map((p) => p.official.id).slice(0, 8);
    const writers = officials.map((officialId, i) => ({
      app: i % 2 ? b : a,
      token: i % 2 ? clerk.b : clerk.a,
      officialId,
    }));
    const plan = async (w: (typeof writers)[number]) =>
      (
        await call<DayPlanView | undefined>(w.app.url, 'GET', `/plans/${w.officialId}/${TODAY}`, {
          token: w.token,
        })
      ).body;
    const failuresBefore = await certificationFailures();
    const answers: Array<{ status: number; code?: string }> = [];
    for (let round = 0; round < 5; round += 1) {
      const versions = await Promise.all(writers.map(async (w) => (await plan(w))?.version));
      const saved = await Promise.all(
        writers.map((w, i) =>
          call<DayPlanView>(w.app.url, 'PUT', `/plans/${w.officialId}/${TODAY}`, {
            token: w.token,
            body: {
              entries: [
                {
                  startTime: '10:00',
                  place: '村委会',
                  what: `并发核对第${round + 1}轮工作安排`,
                  kind: '其他',
                },
              ],
              version: versions[i],
            },
          }),
        ),
      );
      answers.push(...saved.map((r) => ({ status: r.status, code: (r.body as { code?: string }).code })));
    }
    const conflicts = (await certificationFailures()) - failuresBefore;
    measured.push(
      `${answers.length} plan saves, 8 at a time through nodes 1 and 2: ${answers.filter((r) => r.status === 200).length} saved, ${conflicts} certification failures on the cluster`,
    );
    expect(answers.filter((r) => r.status !== 200)).toEqual([]);
    for (const w of writers) expect((await plan(w))!.entries[0]!.what).toBe('并发核对第5轮工作安排');
  });
});
