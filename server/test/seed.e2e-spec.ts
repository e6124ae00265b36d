import type { DataSource } from 'typeorm';
import { createDataSource } from '../src/database/data-source';
import { runMigrations } from '../src/database/migrate';
import { buildDemoCounty } from '../src/database/seed/demo-county.data';
import { seedDemoCounty } from '../src/database/seed/demo-county.seed';
import { testDatabases, type TestDatabase } from './databases';

const TABLES = ['units', 'officials', 'posts', 'memberships', 'matters', 'duties', 'duty_units'];

async function counts(dataSource: DataSource): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of TABLES) {
    const rows: Array<{ n: number | string }> = await dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`);
    result[table] = Number(rows[0]!.n);
  }
  return result;
}

describe.each(testDatabases())('the demo county seed on %s', (_name, makeDatabase) => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const county = buildDemoCounty();

  beforeAll(async () => {
    database = makeDatabase();
    await database.create();
    dataSource = await createDataSource(database.config());
    await dataSource.initialize();
    await runMigrations(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('inserts the whole county once', async () => {
    const result = await seedDemoCounty(dataSource, county);
    expect(result.skipped).toBe(false);
    const after = await counts(dataSource);
    expect(after.units).toBe(county.units.length);
    expect(after.officials).toBe(county.officials.length);
    expect(after.matters).toBe(county.matters.length);
    expect(after.duties).toBe(county.duties.length);
    expect(after.officials).toBeGreaterThanOrEqual(180);
    expect(after.matters).toBeGreaterThanOrEqual(60);
  });

  it('writes nothing on a second run', async () => {
    const before = await counts(dataSource);
    const result = await seedDemoCounty(dataSource, county);
    expect(result.skipped).toBe(true);
    expect(await counts(dataSource)).toEqual(before);
  });

  it('stores each unit under its parent with a materialised path', async () => {
    const rows: Array<{ id: number; parent_id: number | null; path: string }> = await dataSource.query(
      'SELECT id, parent_id, path FROM units',
    );
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    for (const row of rows) {
      const expected =
        row.parent_id === null ? `/${row.id}/` : `${byId.get(Number(row.parent_id))!.path}${row.id}/`;
      expect(row.path).toBe(expected);
    }
  });

  it('keeps the required matters with their keywords', async () => {
    const rows: Array<{ name: string; keywords: string }> = await dataSource.query(
      'SELECT name, keywords FROM matters',
    );
    const names = rows.map((r) => r.name);
    for (const required of [
      '低保申请',
      '宅基地审批',
      '医保报销',
      '创业担保贷款',
      '残疾证办理',
      '城乡居民养老保险',
    ]) {
      expect(names).toContain(required);
    }
    for (const row of rows) expect((JSON.parse(row.keywords) as string[]).length).toBeGreaterThan(0);
  });
});
