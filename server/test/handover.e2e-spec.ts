import type { ApiErrorBody, DemoPersona, OfficialRef, SearchResponse, TodayResponse } from '@jinri/shared';
import { FixedClock } from '../src/common/clock';
import { addDays, localDate } from '../src/common/time/local-time';
import type { UnitMemberView } from '../src/modules/directory/directory.service';
import { call, startTestApp, type TestApp } from './app';
import { demoToken } from './helpers/demo-county';
import { testDatabases, type TestDatabase } from './databases';

interface Profile {
  posts: Array<{ title: string; unit: { id: number } }>;
}

describe.each(testDatabases())('post handovers on %s', (_name, makeDatabase) => {
  let database: TestDatabase;
  let clock: FixedClock;
  let sut: TestApp;
  let officialA: number;
  let officialB: number;
  let townX: number;
  let adminX: string;
  let countyAdmin: string;

  const demo = (role: string, officialId?: number) => demoToken(sut.url, role, officialId);
  const profile = async (id: number) => (await call<Profile>(sut.url, 'GET', `/officials/${id}`)).body;
  const members = async (unitId: number) =>
    (await call<UnitMemberView[]>(sut.url, 'GET', `/units/${unitId}/members`, { token: countyAdmin })).body;
  const createOfficial = async (token: string, name: string) =>
    (await call<{ id: number }>(sut.url, 'POST', '/admin/officials', { token, body: { name } })).body.id;
  const handover = (token: string, postId: number, officialId: number, startDate: string) =>
    call<ApiErrorBody>(sut.url, 'POST', `/admin/posts/${postId}/handover`, {
      token,
      body: { officialId, startDate },
    });
  /** A post of town X (not officialA's) and who holds it. */
  const postOfTownX = async (skip: number) => {
    const found = (await members(townX)).filter((m) => m.unit.id === townX && m.officialId !== officialA);
    return found[skip]!;
  };

  beforeAll(async () => {
    database = makeDatabase();
    await database.create();
    clock = new FixedClock(new Date('2026-11-23T02:00:00Z'));
    sut = await startTestApp(database.config(), {
      env: { DEMO_LOGIN: '1', SEED_DEMO: 'county' },
      clock,
    });
    const personas = (await call<DemoPersona[]>(sut.url, 'GET', '/demo/personas')).body.filter(
      (p) => p.role === 'official',
    );
    officialA = personas[0]!.officialId!; // a town head (town X)
    officialB = personas[1]!.officialId!; // an official of another town (town Y)
    townX = (await profile(officialA)).posts[0]!.unit.id;
    expect((await profile(officialB)).posts.map((p) => p.unit.id)).not.toContain(townX);
    adminX = await demo('admin', officialA);
    countyAdmin = await demo('admin');
  });

  afterAll(async () => {
    await sut?.app.close();
    await database?.drop();
  });

  it('refuses a town admin who hands a post of their town to an official of another town', async () => {
    const post = await postOfTownX(0);
    const before = await profile(officialB);
    const refused = await handover(adminX, post.postId, officialB, localDate(clock.now()));
    expect([refused.status, refused.body.code]).toEqual([404, 'DIRECTORY.OFFICIAL_NOT_FOUND']);
    expect(await profile(officialB)).toEqual(before);
    expect((await members(townX)).find((m) => m.postId === post.postId)?.officialId).toBe(post.officialId);
    // The official stays out of reach: no plans written for them, no full phone.
    const plan = await call<ApiErrorBody>(
      sut.url,
      'PUT',
      `/plans/${officialB}/${addDays(localDate(clock.now()), 1)}`,
      {
        token: adminX,
        body: { entries: [{ startTime: '09:00', place: '村委会', what: '到村委会调度工作', kind: '其他' }] },
      },
    );
    expect([plan.status, plan.body.code]).toEqual([403, 'AUTH.OUT_OF_SCOPE']);
  });

  it('lets a town admin give a post to an official they have just created', async () => {
    const post = await postOfTownX(1);
    const created = await createOfficial(adminX, '新任干部甲');
    const given = await handover(adminX, post.postId, created, localDate(clock.now()));
    expect(given.status).toBe(201);
    expect((await members(townX)).find((m) => m.postId === post.postId)?.officialId).toBe(created);
  });

  it('refuses a county official who holds no post any more to the admin of another town', async () => {
    // officialB's posts end (their successor starts today): they stay with their last town.
    const postOfB = (await members((await profile(officialB)).posts[0]!.unit.id)).find(
      (m) => m.officialId === officialB,
    )!;
    const successor = await createOfficial(countyAdmin, '继任干部乙');
    expect((await handover(countyAdmin, postOfB.postId, successor, localDate(clock.now()))).status).toBe(201);
    expect((await profile(officialB)).posts).toEqual([]);
    const post = await postOfTownX(2);
    const refused = await handover(adminX, post.postId, officialB, addDays(localDate(clock.now()), 1));
    expect([refused.status, refused.body.code]).toEqual([404, 'DIRECTORY.OFFICIAL_NOT_FOUND']);
  });

  it('changes nothing before the first day of a handover dated in the future, then switches on that day', async () => {
    const post = await postOfTownX(3);
    const name = '未来接任丙';
    const next = await createOfficial(countyAdmin, name);
    const today = localDate(clock.now());
    const start = addDays(today, 2);
    expect((await handover(countyAdmin, post.postId, next, start)).status).toBe(201);
    const found = async () =>
      (
        await call<SearchResponse>(sut.url, 'GET', `/search?q=${encodeURIComponent(name)}`)
      ).body.officials.map((o: OfficialRef) => o.id);

    const onToday = async (date?: string) =>
      (
        await call<TodayResponse>(sut.url, 'GET', `/today?unitId=${townX}${date ? `&date=${date}` : ''}`)
      ).body.plans.map((p) => p.official.id);
    const holderNow = async () => (await members(townX)).find((m) => m.postId === post.postId)?.officialId;
    expect(await holderNow()).toBe(post.officialId);
    expect((await profile(post.officialId)).posts.map((p) => p.title)).toContain(post.title);
    expect((await profile(next)).posts).toEqual([]);
    expect(await found()).not.toContain(next);
    expect(await onToday()).not.toContain(next);
    // The page of the first day already shows who will hold the post then.
    expect(await onToday(start)).toContain(next);

    clock.advance(24 * 3_600_000); // the day before: still the previous holder
    countyAdmin = await demo('admin'); // tokens last 2 hours
    expect(await holderNow()).toBe(post.officialId);

    clock.advance(24 * 3_600_000); // the first day
    countyAdmin = await demo('admin');
    expect(localDate(clock.now())).toBe(start);
    expect(await holderNow()).toBe(next);
    expect((await profile(next)).posts.map((p) => p.title)).toEqual([post.title]);
    expect(await found()).toContain(next);
    expect(await onToday()).toContain(next);
    clock.advance(-2 * 24 * 3_600_000);
    countyAdmin = await demo('admin');
  });
});
