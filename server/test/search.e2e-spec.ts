import type {
  ApiErrorBody,
  AuthTokens,
  MatterDetail,
  MatterSummaryWithCount,
  SearchResponse,
  UnitChildrenResponse,
} from '@jinri/shared';
import { FixedClock } from '../src/common/clock';
import { SearchService } from '../src/modules/search/search.service';
import { call, startTestApp, type TestApp } from './app';
import { testDatabases, type TestDatabase } from './databases';

/** Tuesday 2026-11-24, 10:00 in Asia/Shanghai. */
const TUESDAY_10AM = new Date('2026-11-24T02:00:00Z');

describe.each(testDatabases())('finding the official on %s', (_name, makeDatabase) => {
  let database: TestDatabase;
  let sut: TestApp;
  let village: { id: number; name: string };
  let town: { id: number; name: string };

  beforeAll(async () => {
    database = makeDatabase();
    await database.create();
    sut = await startTestApp(database.config(), {
      env: { DEMO_LOGIN: '1', SEED_DEMO: 'county' },
      clock: new FixedClock(TUESDAY_10AM),
    });
    const root = (await call<UnitChildrenResponse>(sut.url, 'GET', '/units')).body;
    town = root.children.find((c) => c.kind === 'town')!;
    const villages = (await call<UnitChildrenResponse>(sut.url, 'GET', `/units?parentId=${town.id}`)).body
      .children;
    village = villages[villages.length - 1]!;
  });

  afterAll(async () => {
    await sut?.app.close();
    await database?.drop();
  });

  it('finds 低保申请 from "dibao" with who handles it for my village', async () => {
    const response = await call<SearchResponse>(sut.url, 'GET', `/search?q=dibao&unitId=${village.id}`);
    expect(response.status).toBe(200);
    const first = response.body.matters[0]!;
    expect(first.name).toBe('低保申请');
    expect(first.officials.length).toBeGreaterThan(0);
    expect(first.officials[0]!.status.kind).toBe('no_plan');
    expect(first.officials[0]!.status.text).toBe('今日未公示，可能在办公室');
  });

  it('puts the village’s own handlers before the county department', async () => {
    const detail = (
      await call<MatterDetail>(
        sut.url,
        'GET',
        `/matters/${(await call<SearchResponse>(sut.url, 'GET', '/search?q=低保')).body.matters[0]!.id}?unitId=${village.id}`,
      )
    ).body;
    const units = detail.officials.map((o) => o.unit.name);
    expect(units[units.length - 1]).toMatch(/局|中心/);
    expect(units[0]).not.toMatch(/局/);
    expect(detail.materials.length).toBeGreaterThan(0);
    expect(detail.whereToGo).toBeTruthy();
  });

  it('shows where a handler is now from today’s published plan', async () => {
    const detail = (
      await call<MatterDetail>(
        sut.url,
        'GET',
        `/matters/${(await call<SearchResponse>(sut.url, 'GET', '/search?q=低保')).body.matters[0]!.id}?unitId=${village.id}`,
      )
    ).body;
    const handler = detail.officials[0]!;
    const admin = (await call<AuthTokens>(sut.url, 'POST', '/auth/demo', { body: { role: 'admin' } })).body
      .accessToken;
    const saved = await call(sut.url, 'PUT', `/plans/${handler.id}/2026-11-24`, {
      token: admin,
      body: {
        entries: [
          {
            startTime: '09:00',
            endTime: '11:30',
            place: village.name,
            what: '入户核查低保对象家庭收入',
            kind: '下村/实地',
          },
        ],
      },
    });
    expect(saved.status).toBe(200); // after 08:00: published at once
    const again = (await call<MatterDetail>(sut.url, 'GET', `/matters/${detail.id}?unitId=${village.id}`))
      .body;
    const status = again.officials.find((o) => o.id === handler.id)!.status;
    expect(status).toEqual({
      kind: 'out',
      text: `在${village.name} 入户核查低保对象家庭收入（至 11:30）`,
      place: village.name,
      until: '11:30',
      // A village office closes at 11:30, a town office at 12:00: either way the next free time.
      nextInOffice: expect.stringMatching(/^(上午 11:30|下午 14:30) 起在办公室$/),
    });
  });

  it('lists the popular matters', async () => {
    const popular = (await call<MatterSummaryWithCount[]>(sut.url, 'GET', '/matters/popular')).body;
    expect(popular.map((m) => m.name)).toContain('宅基地审批');
  });

  it.each(['db', '养老', 'yl', '补贴'])('lists each matter once for "%s"', async (q) => {
    const response = await call<SearchResponse>(sut.url, 'GET', `/search?q=${encodeURIComponent(q)}`);
    expect(response.status).toBe(200);
    const ids = response.body.matters.map((m) => m.id);
    expect(ids.length).toBeGreaterThan(1);
    expect(ids).toEqual([...new Set(ids)]);
    const officials = response.body.officials.map((o) => o.id);
    expect(officials).toEqual([...new Set(officials)]);
  });

  it('tells two matters of the same name apart by their department', async () => {
    const admin = (await call<AuthTokens>(sut.url, 'POST', '/auth/demo', { body: { role: 'admin' } })).body
      .accessToken;
    const own = (
      await call<SearchResponse>(sut.url, 'GET', `/search?q=${encodeURIComponent('养老服务补贴')}`)
    ).body.matters[0]!;
    expect(own.name).toBe('养老服务补贴');
    const other = (await call<SearchResponse>(sut.url, 'GET', `/search?q=${encodeURIComponent('养老保险')}`))
      .body.matters[0]!;
    expect(other.department.id).not.toBe(own.department.id);
    const created = await call<{ id: number }>(sut.url, 'POST', '/admin/matters', {
      token: admin,
      body: {
        name: '养老服务补贴',
        category: '社会保障',
        keywords: ['养老'],
        synonyms: [],
        materials: ['身份证'],
        whereToGo: '县政务服务中心',
        officeHours: '工作日 09:00-17:00',
        departmentId: other.department.id,
      },
    });
    expect(created.status).toBe(201);

    const found = (
      await call<SearchResponse>(sut.url, 'GET', `/search?q=${encodeURIComponent('养老服务补贴')}`)
    ).body.matters.filter((m) => m.name === '养老服务补贴');
    expect(found.map((m) => m.id).sort((a, b) => a - b)).toEqual(
      [own.id, created.body.id].sort((a, b) => a - b),
    );
    expect(new Set(found.map((m) => m.department.name)).size).toBe(2);
    expect(found.find((m) => m.id === created.body.id)!.department).toEqual(other.department);
  });

  it('refuses an overlong query and an unknown unit', async () => {
    expect((await call(sut.url, 'GET', `/search?q=${'长'.repeat(60)}`)).status).toBe(400);
    const missing = await call<ApiErrorBody>(sut.url, 'GET', '/search?q=dibao&unitId=999999');
    expect([missing.status, missing.body.code]).toEqual([404, 'DIRECTORY.UNIT_NOT_FOUND']);
  });

  it('learns a new everyday word for a matter at once, and hands a post over with its duties', async () => {
    const admin = (await call<AuthTokens>(sut.url, 'POST', '/auth/demo', { body: { role: 'admin' } })).body
      .accessToken;
    const before = (await call<SearchResponse>(sut.url, 'GET', `/search?q=${encodeURIComponent('吃不上饭')}`))
      .body;
    expect(before.matters[0]?.name).not.toBe('低保申请');
    const id = (await call<SearchResponse>(sut.url, 'GET', '/search?q=低保')).body.matters[0]!.id;
    const matter = (await call<MatterDetail>(sut.url, 'GET', `/matters/${id}`)).body;
    const saved = await call(sut.url, 'PUT', `/admin/matters/${id}`, {
      token: admin,
      body: {
        name: matter.name,
        category: matter.category,
        keywords: matter.keywords,
        synonyms: [...matter.synonyms, '吃不上饭'],
        materials: matter.materials,
        whereToGo: matter.whereToGo,
        officeHours: matter.officeHours,
        legalBasis: matter.legalBasis,
        departmentId: matter.department.id,
      },
    });
    expect(saved.status).toBe(200);
    const search = sut.app.get(SearchService);
    const builds = { full: search.fullBuilds, county: search.countyBuilds };
    const after = (await call<SearchResponse>(sut.url, 'GET', `/search?q=${encodeURIComponent('吃不上饭')}`))
      .body;
    expect(after.matters[0]!.name).toBe('低保申请');
    // Only the county of the changed matter was rebuilt, not the whole directory.
    expect([search.fullBuilds, search.countyBuilds]).toEqual([builds.full, builds.county + 1]);

    // The first handler's post goes to a newly created official: they now handle 低保 for the village.
    const detail = (await call<MatterDetail>(sut.url, 'GET', `/matters/${id}?unitId=${village.id}`)).body;
    const previous = detail.officials[0]!;
    const newcomer = (
      await call<{ id: number }>(sut.url, 'POST', '/admin/officials', {
        token: admin,
        body: { name: '新任干部' },
      })
    ).body;
    const memberships = (
      await call<{ items: Array<{ person_id: string; post_id: string; end_date?: string }> }>(
        sut.url,
        'GET',
        '/popolo/memberships?limit=5000',
      )
    ).body.items;
    const postId = Number(
      memberships.find((m) => m.person_id === `person/${previous.id}` && !m.end_date)!.post_id.split('/')[1],
    );
    const handed = await call(sut.url, 'POST', `/admin/posts/${postId}/handover`, {
      token: admin,
      body: { officialId: newcomer.id, startDate: '2026-11-24' },
    });
    expect(handed.status).toBe(201);
    const now = (await call<MatterDetail>(sut.url, 'GET', `/matters/${id}?unitId=${village.id}`)).body;
    expect(now.officials.map((o) => o.id)).toContain(newcomer.id);
    expect(now.officials.map((o) => o.id)).not.toContain(previous.id);
    const history = (
      await call<{ items: Array<{ person_id: string; post_id: string; end_date?: string }> }>(
        sut.url,
        'GET',
        '/popolo/memberships?limit=5000',
      )
    ).body.items;
    expect(
      history.find((m) => m.person_id === `person/${previous.id}` && m.post_id === `post/${postId}`)!
        .end_date,
    ).toBe('2026-11-23');
  });

  it('finds officials by name and by post', async () => {
    const byPost = (
      await call<SearchResponse>(
        sut.url,
        'GET',
        `/search?q=${encodeURIComponent('民政助理')}&unitId=${village.id}`,
      )
    ).body;
    expect(byPost.officials.length).toBeGreaterThan(0);
    const name = byPost.officials[0]!.name;
    const byName = (await call<SearchResponse>(sut.url, 'GET', `/search?q=${encodeURIComponent(name)}`)).body;
    expect(byName.officials[0]!.name).toBe(name);
  });
});
