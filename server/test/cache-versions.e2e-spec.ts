import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { CacheVersionService } from '../src/modules/cache/cache-version.service';
import { startTestApp, type TestApp } from './app';
import { testDatabases, type TestDatabase } from './databases';

/**
 * Cache version counters shared by two instances on one database. On MySQL a counter is one row per
 * database node ("<name>#<node>", so instances writing through different Galera nodes never update
 * one row) and reads as the sum of its rows, together with a plain "<name>" row.
 */
describe.each(testDatabases())('cache version counters of two instances on %s', (name, makeDatabase) => {
  let database: TestDatabase;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    database = makeDatabase();
    await database.create();
    a = await startTestApp(database.config());
    b = await startTestApp(database.config());
  });

  afterAll(async () => {
    await a?.app.close();
    await b?.app.close();
    await database?.drop();
  });

  const versions = (app: TestApp) => app.app.get(CacheVersionService);

  it('reads on B every bump made through A, once each, however many run at once', async () => {
    const before = await versions(b).current('journals');
    await Promise.all(Array.from({ length: 20 }, (_, i) => versions(i % 2 ? b : a).bump('journals')));
    expect(await versions(b).current('journals')).toBe(before + 20);
    expect(await versions(a).current('journals')).toBe(before + 20);
  });

  it('tells the listeners again when the transaction that bumped a counter commits, not when it rolls back', async () => {
    const dataSource = a.app.get<DataSource>(getDataSourceToken());
    let told = 0;
    versions(a).onBump('spec-commit', () => (told += 1));
    await dataSource.transaction(async (manager) => {
      await versions(a).bump('spec-commit', manager);
      expect(told).toBe(1);
    });
    expect(told).toBe(2);
    await expect(
      dataSource.transaction(async (manager) => {
        await versions(a).bump('spec-commit', manager);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(told).toBe(3);
    await versions(a).bump('spec-commit');
    expect(told).toBe(4);
  });

  it('adds a plain row written before (or by the seed) to the counter', async () => {
    const dataSource = a.app.get<DataSource>(getDataSourceToken());
    await dataSource.query("INSERT INTO cache_versions (name, version) VALUES ('calendar', 5)");
    await versions(a).bump('calendar');
    expect(await versions(b).current('calendar')).toBe(6);
    const rows: Array<{ name: string }> = await dataSource.query(
      "SELECT name FROM cache_versions WHERE name LIKE 'calendar%' ORDER BY name",
    );
    expect(rows.map((r) => r.name)).toEqual(
      name === 'mysql' ? ['calendar', expect.stringMatching(/^calendar#[0-9a-f]{8}$/)] : ['calendar'],
    );
  });

  it('lists the counters of a prefix by their names, each summed', async () => {
    await versions(a).bump('dir:7');
    await versions(b).bump('dir:7');
    await versions(b).bump('dir:8');
    expect(await versions(a).list('dir:')).toEqual(
      new Map([
        ['dir:7', 2],
        ['dir:8', 1],
      ]),
    );
  });

  it('refuses a counter name that would not fit or that LIKE would read as a wildcard', async () => {
    await expect(versions(a).bump('x'.repeat(24))).rejects.toThrow(/Bad cache counter name/);
    await expect(versions(a).current('a_b')).rejects.toThrow(/Bad cache counter name/);
  });
});
