import type { ApiErrorBody, UnitChildrenResponse } from '@jinri/shared';
import { call, startTestApp, type TestApp } from './app';
import { testDatabases, type TestDatabase } from './databases';

describe.each(testDatabases())('the unit tree on %s', (_name, makeDatabase) => {
  let database: TestDatabase;
  let sut: TestApp;

  beforeAll(async () => {
    database = makeDatabase();
    await database.create();
    sut = await startTestApp(database.config(), { env: { SEED_DEMO: 'county' } });
  });

  afterAll(async () => {
    await sut?.app.close();
    await database?.drop();
  });

  it('starts at the county with its towns and departments', async () => {
    const root = (await call<UnitChildrenResponse>(sut.url, 'GET', '/units')).body;
    expect(root.unit.kind).toBe('county');
    expect(root.ancestors).toEqual([]);
    const kinds = new Set(root.children.map((c) => c.kind));
    expect(kinds).toEqual(new Set(['town', 'department', 'office']));
    expect(root.children.filter((c) => c.kind === 'town').every((t) => t.childCount >= 7)).toBe(true);
  });

  it('lists a town’s villages with the county as ancestor', async () => {
    const root = (await call<UnitChildrenResponse>(sut.url, 'GET', '/units')).body;
    const town = root.children.find((c) => c.kind === 'town')!;
    const sut2 = (await call<UnitChildrenResponse>(sut.url, 'GET', `/units?parentId=${town.id}`)).body;
    expect(sut2.ancestors.map((a) => a.id)).toEqual([root.unit.id]);
    expect(sut2.children.every((c) => c.kind === 'village' && c.parentId === town.id)).toBe(true);
  });

  it('exports Popolo persons, organizations, posts and memberships that reference each other', async () => {
    const persons = (
      await call<{ total: number; items: Array<{ id: string }> }>(
        sut.url,
        'GET',
        '/popolo/persons?limit=5000',
      )
    ).body;
    const organizations = (
      await call<{ items: Array<{ id: string; parent_id: string | null }> }>(
        sut.url,
        'GET',
        '/popolo/organizations?limit=5000',
      )
    ).body;
    const posts = (
      await call<{ items: Array<{ id: string; organization_id: string }> }>(
        sut.url,
        'GET',
        '/popolo/posts?limit=5000',
      )
    ).body;
    const memberships = (
      await call<{
        items: Array<{ person_id: string; post_id: string; organization_id: string; start_date: string }>;
      }>(sut.url, 'GET', '/popolo/memberships?limit=5000')
    ).body;
    expect(persons.total).toBeGreaterThan(150);
    const ids = new Set([...persons.items, ...organizations.items, ...posts.items].map((x) => x.id));
    for (const m of memberships.items) {
      expect([ids.has(m.person_id), ids.has(m.post_id), ids.has(m.organization_id)]).toEqual([
        true,
        true,
        true,
      ]);
      expect(m.start_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(organizations.items.filter((o) => o.parent_id === null)).toHaveLength(1);
    expect(JSON.stringify(persons)).not.toMatch(/phone|openid/);
    const page = (
      await call<{ offset: number; limit: number; items: unknown[] }>(
        sut.url,
        'GET',
        '/popolo/persons?offset=10&limit=3',
      )
    ).body;
    expect([page.offset, page.limit, page.items.length]).toEqual([10, 3, 3]);
  });

  it('refuses a Popolo offset too large to be an SQL number with 400, not 500', async () => {
    for (const offset of ['1e308', '99999999999999999999999999', '2147483648']) {
      const sut2 = await call<ApiErrorBody>(sut.url, 'GET', `/popolo/persons?offset=${offset}`);
      expect([offset, sut2.status, sut2.body.code]).toEqual([offset, 400, 'COMMON.VALIDATION_FAILED']);
    }
    const last = await call<{ items: unknown[] }>(sut.url, 'GET', '/popolo/persons?offset=2147483647');
    expect([last.status, last.body.items]).toEqual([200, []]);
  });

  it('shows on an official’s profile what they handle and for which units', async () => {
    const memberships = (
      await call<{ items: Array<{ person_id: string; post_id: string }> }>(
        sut.url,
        'GET',
        '/popolo/memberships?limit=5000',
      )
    ).body.items;
    let found = false;
    for (const m of memberships.slice(0, 60)) {
      const id = Number(m.person_id.split('/')[1]);
      const profile = (
        await call<{ duties: Array<{ matterName: string; units: string[] }> }>(
          sut.url,
          'GET',
          `/officials/${id}`,
        )
      ).body;
      if (profile.duties.length > 0) {
        expect(profile.duties[0]!.matterName).toBeTruthy();
        expect(profile.duties[0]!.units.length).toBeGreaterThan(0);
        found = true;
        break;
      }
    }
    expect(found).toBe(true);
  });

  it('answers an unknown unit with 404 and a bad id with 400', async () => {
    const missing = await call<ApiErrorBody>(sut.url, 'GET', '/units?parentId=999999');
    expect([missing.status, missing.body.code]).toEqual([404, 'DIRECTORY.UNIT_NOT_FOUND']);
    expect((await call(sut.url, 'GET', '/units?parentId=abc')).status).toBe(400);
  });
});
