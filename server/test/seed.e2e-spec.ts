import type { DataSource } from 'typeorm';
import { buildDemoCounty } from '../src/database/seed/demo-county.data';
import { seedDemoCounty } from '../src/database/seed/demo-county.seed';
import { seedDemoJournals } from '../src/database/seed/demo-journals';
import { seedDemoTickets } from '../src/database/seed/demo-tickets';
import { testDatabases, type TestDatabase } from './databases';
import { openMigratedDatabase } from './helpers/migrated-database';

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
    ({ database, dataSource } = await openMigratedDatabase(makeDatabase));
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

  it('adds two weeks of journals once, and tops them up days later without duplicates', async () => {
    const now = new Date('2026-11-24T03:00:00Z'); // Tuesday 11:00 local
    const first = await seedDemoJournals(dataSource, now, '2026-11-24');
    expect(first.plans).toBeGreaterThan(1000);
    const statuses: Array<{ status: string; n: number | string }> = await dataSource.query(
      'SELECT status, COUNT(*) AS n FROM day_plans GROUP BY status',
    );
    const byStatus = Object.fromEntries(statuses.map((r) => [r.status, Number(r.n)]));
    expect(byStatus.published).toBeGreaterThan(900);
    expect(byStatus.submitted).toBeGreaterThan(50); // tomorrow's, before publication
    const flags: Array<{
      late: number | string;
      revised: number | string;
      leaves: number | string;
      vague: number | string;
    }> = await dataSource.query(
      `SELECT (SELECT COUNT(*) FROM day_plans WHERE late = 1) AS late,
                (SELECT COUNT(*) FROM day_plans WHERE revision > 0) AS revised,
                (SELECT COUNT(*) FROM leaves WHERE status = 'approved') AS leaves,
                (SELECT COUNT(*) FROM plan_entries WHERE what IN ('日常工作', '处理日常事务')) AS vague`,
    );
    expect(Number(flags[0]!.late)).toBeGreaterThan(10);
    expect(Number(flags[0]!.revised)).toBeGreaterThan(5);
    expect(Number(flags[0]!.leaves)).toBeGreaterThan(3);
    expect(Number(flags[0]!.vague)).toBeGreaterThan(3);
    const weekend: Array<{ n: number | string }> = await dataSource.query(
      "SELECT COUNT(*) AS n FROM day_plans WHERE date IN ('2026-11-21', '2026-11-22')",
    );
    expect(Number(weekend[0]!.n)).toBe(0);

    const again = await seedDemoJournals(dataSource, now, '2026-11-24');
    expect(again).toEqual({ days: 0, plans: 0 });
    const later = await seedDemoJournals(dataSource, new Date('2026-11-26T03:00:00Z'), '2026-11-26');
    expect(later.days).toBe(2); // the 26th and the 27th are new
    const dup: Array<{ n: number | string }> = await dataSource.query(
      'SELECT COUNT(*) AS n FROM (SELECT official_id, date FROM day_plans GROUP BY official_id, date HAVING COUNT(*) > 1) t',
    );
    expect(Number(dup[0]!.n)).toBe(0);
  });

  it('adds demo tickets in every stage once, with events that follow the state table', async () => {
    const now = new Date('2026-11-26T03:00:00Z');
    const first = await seedDemoTickets(dataSource, now);
    expect(first.tickets).toBeGreaterThan(15);
    const statuses: Array<{ status: string }> = await dataSource.query('SELECT DISTINCT status FROM tickets');
    expect(statuses.map((r) => r.status).sort()).toEqual(
      expect.arrayContaining(['acknowledged', 'assigned', 'closed', 'resolved']),
    );
    const mismatched: Array<{ n: number | string }> = await dataSource.query(
      `SELECT COUNT(*) AS n FROM tickets t WHERE t.status <> (
         SELECT e.to_status FROM ticket_events e WHERE e.ticket_id = t.id ORDER BY e.id DESC LIMIT 1)`,
    );
    expect(Number(mismatched[0]!.n)).toBe(0);
    // The first demo persona (a town head) has work in the inbox.
    const head: Array<{ n: number | string }> = await dataSource.query(
      `SELECT COUNT(*) AS n FROM tickets t WHERE t.assignee_official_id = (
         SELECT m.official_id FROM memberships m JOIN posts p ON p.id = m.post_id JOIN units u ON u.id = p.unit_id
         WHERE m.end_date IS NULL AND p.title IN ('党工委书记', '党委书记')
         ORDER BY u.sort_order, p.rank, m.official_id LIMIT 1)`,
    );
    expect(Number(head[0]!.n)).toBeGreaterThanOrEqual(3);
    expect(await seedDemoTickets(dataSource, now)).toEqual({ tickets: 0 });
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
