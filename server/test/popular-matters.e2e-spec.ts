import { randomUUID } from 'node:crypto';
import type { MatterPinView, MatterSummaryWithCount, PopularHandlers, SearchResponse } from '@jinri/shared';
import { DataSource } from 'typeorm';
import { FixedClock } from '../src/common/clock';
import { Matter } from '../src/modules/directory/matter.entity';
import { Unit } from '../src/modules/directory/unit.entity';
import { MatterDemandRetentionJob } from '../src/modules/search/popular/matter-demand-retention.job';
import { DEFAULT_POPULAR } from '../src/modules/search/popular/popular-matters';
import { call, startTestApp, type TestApp } from './app';
import { demoToken } from './helpers/demo-county';
import { testDatabases, type TestDatabase } from './databases';
import { unitFactory } from './factories/directory.factory';

/** Tuesday 2026-11-24, 10:00 in Asia/Shanghai. */
const TUESDAY_10AM = new Date('2026-11-24T02:00:00Z');
const DAY_MS = 24 * 60 * 60 * 1000;

describe.each(testDatabases())('popular matters on %s', (_name, makeDatabase) => {
  let database: TestDatabase;
  let sut: TestApp;
  let clock: FixedClock;
  let data: DataSource;
  /** A village of the demo county, and of a second county added for this file. */
  let village: number;
  let otherVillage: number;
  let otherMatter: number;
  /** Demo matters outside the default list, by name. */
  let matters: Array<{ id: number; name: string }>;

  const popular = async (unitId?: number) => {
    const response = await call<MatterSummaryWithCount[]>(
      sut.url,
      'GET',
      `/matters/popular${unitId ? `?unitId=${unitId}` : ''}`,
    );
    expect(response.status).toBe(200);
    return response.body.map((m) => m.name);
  };
  const open = async (id: number, unitId: number, times = 1) => {
    for (let i = 0; i < times; i++)
      expect((await call(sut.url, 'GET', `/matters/${id}?unitId=${unitId}`)).status).toBe(200);
  };
  const search = async (q: string, unitId: number) =>
    (await call<SearchResponse>(sut.url, 'GET', `/search?q=${encodeURIComponent(q)}&unitId=${unitId}`)).body;
  const token = (role: string) => demoToken(sut.url, role);

  beforeAll(async () => {
    database = makeDatabase();
    await database.create();
    clock = new FixedClock(TUESDAY_10AM);
    sut = await startTestApp(database.config(), { env: { DEMO_LOGIN: '1', SEED_DEMO: 'county' }, clock });
    data = sut.app.get(DataSource);
    // A second county with a village and a matter of its own, before the search index is first built.
    const units = data.getRepository(Unit);
    const county = await units.save(unitFactory({ name: '邻县', kind: 'county', sortOrder: 99 }));
    await units.update({ id: county.id }, { path: `/${county.id}/` });
    const other = await units.save(
      unitFactory({ name: '邻县村', kind: 'village', parentId: county.id, path: `/${county.id}/` }),
    );
    await units.update({ id: other.id }, { path: `/${county.id}/${other.id}/` });
    otherVillage = other.id;
    otherMatter = (
      await data.getRepository(Matter).save(
        Object.assign(new Matter(), {
          code: `matter-${randomUUID()}`,
          name: '邻县特色事项',
          category: '其他',
          keywords: [],
          synonyms: [],
          materials: [],
          whereToGo: '邻县便民服务中心',
          officeHours: '工作日',
          legalBasis: null,
          departmentId: county.id,
        }),
      )
    ).id;
    const rows: Array<{ id: number; name: string; kind: string; path: string }> = await data.query(
      "SELECT id, name, kind, path FROM units WHERE kind = 'village' ORDER BY id",
    );
    village = rows.find((r) => r.id !== otherVillage)!.id;
    const all: Array<{ id: number; name: string }> = await data.query(
      'SELECT id, name FROM matters ORDER BY id',
    );
    matters = all
      .map((m) => ({ id: Number(m.id), name: String(m.name) }))
      .filter((m) => m.id !== otherMatter && !DEFAULT_POPULAR.includes(m.name))
      // Names of one matter only, so that a search for the name has it as its top hit.
      .filter((m) => all.filter((x) => x.name === m.name).length === 1);
    expect(matters.length).toBeGreaterThan(5);
  });

  afterAll(async () => {
    await sut?.app.close();
    await database?.drop();
  });

  it('gives the default list on a cold start (the demo, and a county nobody asked anything in)', async () => {
    expect(await popular()).toEqual(DEFAULT_POPULAR);
    expect(await popular(village)).toEqual(DEFAULT_POPULAR);
    // The second county has none of the default matters: its list is what it has demand for.
    expect(await popular(otherVillage)).toEqual([]);
  });

  it('answers the first popular matters with who handles them for the village, without counting a look as demand', async () => {
    const before = await popular(village);
    const response = await call<PopularHandlers>(
      sut.url,
      'GET',
      `/matters/popular/handlers?unitId=${village}`,
    );
    expect(response.status).toBe(200);
    expect(response.body.map((m) => m.name)).toEqual(before.slice(0, 3));
    for (const matter of response.body) {
      expect(matter.officials.length).toBeLessThanOrEqual(2);
      for (const official of matter.officials) expect(typeof official.status.kind).toBe('string');
    }
    expect(response.body.some((m) => m.officials.length > 0)).toBe(true);
    await call(sut.url, 'GET', `/matters/popular/handlers?unitId=${village}`);
    expect(await popular(village)).toEqual(before);
  });

  it('refuses the popular handlers without a unit, or for an unknown one', async () => {
    expect((await call(sut.url, 'GET', '/matters/popular/handlers')).status).toBe(400);
    expect((await call(sut.url, 'GET', '/matters/popular/handlers?unitId=999999')).status).toBe(404);
  });

  it('follows what residents open, search for and comment on, most asked first', async () => {
    const [a, b] = matters;
    await open(a!.id, village, 2); // 2 opens: 4
    expect(await popular(village)).toEqual([a!.name, ...DEFAULT_POPULAR.slice(0, 7)]);

    // b: searched for three times by its name (its top hit) and one comment: 3 + 3 = 6.
    for (let i = 0; i < 3; i++) expect((await search(b!.name, village)).matters[0]!.id).toBe(b!.id);
    const resident = await token('resident');
    const comment = {
      token: resident,
      headers: { 'idempotency-key': randomUUID() },
      body: {
        matterId: b!.id,
        unitId: village,
        content: '请问这个事项需要准备哪些材料？',
        publicAllowed: false,
      },
    };
    expect((await call(sut.url, 'POST', '/tickets', comment)).status).toBe(201);
    // The same comment sent again (a retry with its Idempotency-Key) is the same ticket: no second count.
    expect((await call(sut.url, 'POST', '/tickets', comment)).status).toBeLessThan(300);
    expect(await popular(village)).toEqual([b!.name, a!.name, ...DEFAULT_POPULAR.slice(0, 6)]);
    const counted: Array<Record<string, unknown>> = await data.query(
      'SELECT searches, opens, comments FROM matter_demand_daily WHERE matter_id = ?',
      [b!.id],
    );
    expect(counted.map((r) => [Number(r.searches), Number(r.opens), Number(r.comments)])).toEqual([
      [3, 0, 1],
    ]);

    // a overtakes b with two more opens: 8 against 6.
    await open(a!.id, village, 2);
    expect((await popular(village)).slice(0, 2)).toEqual([a!.name, b!.name]);
  });

  it('leaves out a matter searched for only once', async () => {
    const c = matters[2]!;
    expect((await search(c.name, village)).matters[0]!.id).toBe(c.id);
    expect(await popular(village)).not.toContain(c.name);
  });

  it('forgets counts older than 30 days, and keeps those of 29 days ago', async () => {
    const [, , c, d] = matters;
    clock.set(new Date(TUESDAY_10AM.getTime() - 31 * DAY_MS));
    await open(d!.id, village, 5);
    clock.set(new Date(TUESDAY_10AM.getTime() - 29 * DAY_MS));
    await open(c!.id, village, 3);
    clock.set(TUESDAY_10AM);
    const list = await popular(village);
    expect(list).not.toContain(d!.name);
    expect(list).toContain(c!.name);
  });

  it('deletes day rows older than 60 days and keeps the rest', async () => {
    const f = matters[5]!;
    clock.set(new Date(TUESDAY_10AM.getTime() - 61 * DAY_MS));
    await open(f.id, village, 1);
    clock.set(new Date(TUESDAY_10AM.getTime() - 59 * DAY_MS));
    await open(f.id, village, 1);
    clock.set(TUESDAY_10AM);
    await popular(village); // flushes the counts
    const days = async () =>
      (
        (await data.query('SELECT day FROM matter_demand_daily WHERE matter_id = ? ORDER BY day', [
          f.id,
        ])) as Array<{ day: string }>
      ).map((r) => String(r.day));
    expect(await days()).toEqual(['2026-09-24', '2026-09-26']);
    const deleted = await sut.app.get(MatterDemandRetentionJob).run();
    expect(deleted).toBeGreaterThanOrEqual(1);
    expect(await days()).toEqual(['2026-09-26']);
    // Counts within the 30-day window are untouched.
    expect(
      Number(
        (await data.query('SELECT COUNT(*) AS n FROM matter_demand_daily WHERE day >= ?', ['2026-10-26']))[0]
          .n,
      ),
    ).toBeGreaterThan(0);
  });

  it("keeps one county's counts out of another's list", async () => {
    const e = matters[4]!;
    // A resident of the second county opens a demo matter and the second county's own matter.
    await open(e.id, otherVillage, 5);
    await open(otherMatter, otherVillage, 2);
    expect(await popular(village)).not.toContain(e.name);
    expect(await popular(otherVillage)).toEqual(['邻县特色事项']);
  });

  it('puts the matters an admin pinned first, by rank, and takes a pin off again', async () => {
    const admin = await token('admin');
    const last = (await data.query('SELECT id FROM matters WHERE name = ? ORDER BY id', [
      DEFAULT_POPULAR.at(-1),
    ])) as Array<{ id: number }>;
    const pin = (id: number, rank: number | null) =>
      call<MatterPinView>(sut.url, 'PUT', `/admin/matters/${id}/pin`, { token: admin, body: { rank } });
    const pinned = await pin(Number(last[0]!.id), 1);
    expect(pinned.status).toBe(200);
    expect(pinned.body).toMatchObject({ matterId: Number(last[0]!.id), rank: 1 });
    expect((await pin(matters[5]!.id, 2)).status).toBe(200);
    const list = await popular(village);
    expect(list.slice(0, 3)).toEqual([DEFAULT_POPULAR.at(-1), matters[5]!.name, matters[0]!.name]);
    expect(list).toHaveLength(DEFAULT_POPULAR.length);

    expect((await pin(Number(last[0]!.id), null)).body.rank).toBeNull();
    expect((await popular(village))[0]).toBe(matters[5]!.name);
    const invalid = await pin(matters[5]!.id, 0);
    expect(invalid.status).toBe(400);
    const resident = await token('resident');
    const refused = await call(sut.url, 'PUT', `/admin/matters/${matters[5]!.id}/pin`, {
      token: resident,
      body: { rank: 1 },
    });
    expect(refused.status).toBe(403);
  });
});
