import type { ApiErrorBody } from '@jinri/shared';
import { FixedClock } from '../src/common/clock';
import type { PopoloDocument } from '../src/modules/directory/popolo.service';
import type { UnitMemberView } from '../src/modules/directory/directory.service';
import { call, startTestApp, type TestApp } from './app';
import { demoToken } from './helpers/demo-county';
import { rawRequest } from './http/raw-request';
import { testDatabases, type TestDatabase } from './databases';
import { loadPopolo, popoloSchemas } from './popolo/popolo-check';

const schemas = popoloSchemas();

describe.each(testDatabases())('the Popolo document of a jurisdiction on %s', (_name, makeDatabase) => {
  let database: TestDatabase;
  let sut: TestApp;
  const document = () => call<PopoloDocument>(sut.url, 'GET', '/popolo/jurisdictions/county');

  beforeAll(async () => {
    database = makeDatabase();
    await database.create();
    sut = await startTestApp(database.config(), {
      env: { DEMO_LOGIN: '1', SEED_DEMO: 'county' },
      clock: new FixedClock(new Date('2026-11-23T02:00:00Z')),
    });
  });

  afterAll(async () => {
    await sut?.app.close();
    await database?.drop();
  });

  it('validates against the Popolo 1.0 schemas, every item and the document', async () => {
    const { status, body } = await document();
    expect(status).toBe(200);
    const invalid = (
      [
        ['persons', schemas.person],
        ['organizations', schemas.organization],
        ['posts', schemas.post],
        ['memberships', schemas.membership],
      ] as const
    ).flatMap(([name, validate]) =>
      (body[name] as unknown[])
        .filter((item) => !validate(item))
        .map((item) => [name, item, validate.errors]),
    );
    expect(invalid).toEqual([]);
    expect([schemas.document(body), schemas.document.errors ?? null]).toEqual([true, null]);
  });

  it('is what a Popolo loader reads: people, organizations and posts that every membership resolves', async () => {
    const sut2 = loadPopolo((await document()).body);
    expect(sut2.problems).toEqual([]);
    expect(sut2.persons).toBeGreaterThan(150);
    expect(sut2.organizations).toBeGreaterThan(20);
    expect(sut2.posts).toBeGreaterThanOrEqual(sut2.persons);
    expect(sut2.memberships).toBeGreaterThanOrEqual(sut2.persons);
    // A paged endpoint alone gives a loader nobody: that is why the document exists.
    expect(loadPopolo((await call(sut.url, 'GET', '/popolo/persons?limit=5000')).body).persons).toBe(0);
  });

  it('holds the same directory as the paged endpoints, and the county as its one root', async () => {
    const body = (await document()).body;
    const page = async (name: string) =>
      (
        await call<{ total: number; items: Array<{ id: string }> }>(
          sut.url,
          'GET',
          `/popolo/${name}?limit=5000`,
        )
      ).body;
    for (const name of ['persons', 'organizations', 'posts', 'memberships'] as const) {
      const paged = await page(name);
      expect([name, body[name].map((x) => x.id)]).toEqual([name, paged.items.map((x) => x.id)]);
    }
    expect(body.organizations.filter((o) => o.parent_id === null)).toHaveLength(1);
  });

  it('gives each holder of a post their dates: a handover ends the last membership the day before', async () => {
    const admin = await demoToken(sut.url, 'admin');
    const county = body0((await document()).body);
    const member = (
      await call<UnitMemberView[]>(sut.url, 'GET', `/units/${county}/members`, { token: admin })
    ).body.find((m) => m.unit.id === county)!;
    const newcomer = (
      await call<{ id: number }>(sut.url, 'POST', '/admin/officials', {
        token: admin,
        body: { name: '接任者' },
      })
    ).body.id;
    const handed = await call(sut.url, 'POST', `/admin/posts/${member.postId}/handover`, {
      token: admin,
      body: { officialId: newcomer, startDate: '2026-12-01' },
    });
    expect(handed.status).toBe(201);
    const held = (await document()).body.memberships
      .filter((m) => m.post_id === `post/${member.postId}`)
      .map((m) => [m.person_id, m.start_date, m.end_date ?? null]);
    expect(held.slice(-2)).toEqual([
      [`person/${member.officialId}`, expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), '2026-11-30'],
      [`person/${newcomer}`, '2026-12-01', null],
    ]);
    expect(loadPopolo((await document()).body).problems).toEqual([]);
  });

  it('carries public fields only: no phone, no WeChat id', async () => {
    const text = JSON.stringify((await document()).body);
    expect(text).not.toMatch(/phone|openid|unionid|wechat|1[3-9]\d{9}|\d{3}\*{4}\d{4}/i);
    const keys = new Set((await document()).body.persons.flatMap((p) => Object.keys(p)));
    expect([...keys].every((k) => ['id', 'name', 'gender', 'image'].includes(k))).toBe(true);
  });

  it('may be cached for five minutes and revalidated with its ETag', async () => {
    const first = await document();
    expect(first.headers.get('cache-control')).toBe('public, max-age=300, stale-while-revalidate=3600');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await rawRequest(sut.url, 'GET', '/api/v1/popolo/jurisdictions/county', {
      'if-none-match': etag!,
    });
    expect([again.status, again.body.length]).toEqual([304, 0]);
  });

  it('answers 404 for an unknown jurisdiction and 400 for one that cannot be a code', async () => {
    const unknown = await call<ApiErrorBody>(sut.url, 'GET', '/popolo/jurisdictions/nowhere');
    expect([unknown.status, unknown.body.code]).toEqual([404, 'DIRECTORY.UNIT_NOT_FOUND']);
    expect(unknown.headers.get('cache-control')).toBe('no-store');
    const bad = await call<ApiErrorBody>(
      sut.url,
      'GET',
      `/popolo/jurisdictions/${encodeURIComponent('a b')}`,
    );
    expect([bad.status, bad.body.code]).toEqual([400, 'COMMON.VALIDATION_FAILED']);
  });
});

/** The id of the document's root organization (the county). */
function body0(doc: PopoloDocument): number {
  return Number(doc.organizations.find((o) => o.parent_id === null)!.id.split('/')[1]);
}
