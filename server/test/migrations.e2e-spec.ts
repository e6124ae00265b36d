import type { DataSource } from 'typeorm';
import { createDataSource } from '../src/database/data-source';
import { runMigrations } from '../src/database/migrate';
import { MIGRATIONS } from '../src/database/migrations';
import { testDatabases, type TestDatabase } from './databases';
import { unitFactory } from './factories/directory.factory';
import { Unit } from '../src/modules/directory/unit.entity';

describe.each(testDatabases())('the migrations on %s', (name, makeDatabase) => {
  let database: TestDatabase;
  let sut: DataSource;

  beforeAll(async () => {
    database = makeDatabase();
    await database.create();
    sut = await createDataSource(database.config());
    await sut.initialize();
  });

  afterAll(async () => {
    await sut?.destroy();
    await database?.drop();
  });

  it('apply every migration on an empty database', async () => {
    const applied = await runMigrations(sut);
    expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((M) => new M().name));
  });

  it('leave nothing for the entities to change (no schema drift)', async () => {
    const pending = await sut.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('name every index and foreign key explicitly', async () => {
    if (name !== 'mysql') {
      const rows: Array<{ name: string }> = await sut.query(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL",
      );
      expect(rows.filter((r) => !/^(uq|idx)_/.test(r.name))).toEqual([]);
      return;
    }
    const indexes: Array<{ name: string }> = await sut.query(
      `SELECT DISTINCT INDEX_NAME AS name FROM information_schema.STATISTICS
       WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME <> 'migrations' AND INDEX_NAME <> 'PRIMARY'`,
    );
    expect(indexes.filter((r) => !/^(uq|idx)_/.test(r.name))).toEqual([]);
    const keys: Array<{ name: string }> = await sut.query(
      `SELECT CONSTRAINT_NAME AS name FROM information_schema.REFERENTIAL_CONSTRAINTS
       WHERE CONSTRAINT_SCHEMA = DATABASE()`,
    );
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((r) => !/^fk_/.test(r.name))).toEqual([]);
  });

  it('round-trip Chinese text and emoji unchanged', async () => {
    const text = '魏庄村 · 调度拆迁工作 👍🏻 𠮷';
    const saved = await sut.getRepository(Unit).save(unitFactory({ name: text }));
    const loaded = await sut.getRepository(Unit).findOneByOrFail({ id: saved.id });
    expect(loaded.name).toBe(text);
    await sut.getRepository(Unit).delete({ id: saved.id });
  });

  it('revert every migration and apply them again', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) await sut.undoLastMigration();
    const tables = await sut.createQueryRunner().getTables(['units', 'officials', 'duties']);
    expect(tables).toEqual([]);
    const applied = await runMigrations(sut);
    expect(applied).toHaveLength(MIGRATIONS.length);
  });
});
