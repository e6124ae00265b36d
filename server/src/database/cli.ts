/**
 * Migrations and seed by hand, on the database the environment names (DATABASE_URL or the SQLite file
 * under DATA_DIR):
 *   node dist/database/cli.js run | revert | show | seed | reencrypt | generate <Name>
 * `generate` writes a draft migration with the SQL the entities need on the current driver; edit it
 * into schema-builder calls so that it serves SQLite and MySQL alike (see docs/decisions/0002).
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FieldCipher } from '../common/crypto/field-cipher';
import { ConfigError, loadConfig } from '../config/app.config';
import { withLocalSecrets } from '../config/local-secrets';
import { reencryptAll } from './reencrypt';
import { assertUtf8mb4, createDataSource } from './data-source';
import { runMigrations } from './migrate';
import { seedDemoCounty } from './seed/demo-county.seed';

async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  const config = loadConfig();
  const dataSource = await createDataSource(config.database);
  await dataSource.initialize();
  try {
    await assertUtf8mb4(dataSource);
    switch (command) {
      case 'run': {
        const applied = await runMigrations(dataSource);
        process.stdout.write(
          applied.length ? `applied: ${applied.map((m) => m.name).join(', ')}\n` : 'nothing to apply\n',
        );
        break;
      }
      case 'revert':
        await dataSource.undoLastMigration({ transaction: 'each' });
        process.stdout.write('reverted the last migration\n');
        break;
      case 'show': {
        const pending = await dataSource.showMigrations();
        process.stdout.write(pending ? 'there are pending migrations\n' : 'schema is up to date\n');
        break;
      }
      case 'seed': {
        const result = await seedDemoCounty(dataSource);
        process.stdout.write(`${JSON.stringify(result)}\n`);
        break;
      }
      case 'reencrypt': {
        // After putting a new key first in ENCRYPTION_KEYS: re-encrypt every value still under an old key.
        const counts = await reencryptAll(
          dataSource,
          new FieldCipher(withLocalSecrets(config).encryptionKeys),
        );
        process.stdout.write(`${JSON.stringify(counts)}\n`);
        break;
      }
      case 'generate': {
        if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('usage: generate <PascalCaseName>');
        const sql = await dataSource.driver.createSchemaBuilder().log();
        if (sql.upQueries.length === 0) {
          process.stdout.write('the entities match the schema: nothing to generate\n');
          break;
        }
        const timestamp = Date.now();
        const quote = (q: string) => `    await queryRunner.query(${JSON.stringify(q)});`;
        const file = join(__dirname, '..', '..', 'src', 'database', 'migrations', `${timestamp}-${name}.ts`);
        writeFileSync(
          file,
          `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\n` +
            `// DRAFT generated on ${dataSource.options.type}: rewrite with the schema builder so it serves both databases.\n` +
            `export class ${name}${timestamp} implements MigrationInterface {\n  name = '${name}${timestamp}';\n\n` +
            `  async up(queryRunner: QueryRunner): Promise<void> {\n${sql.upQueries.map((q) => quote(q.query)).join('\n')}\n  }\n\n` +
            `  async down(queryRunner: QueryRunner): Promise<void> {\n${sql.downQueries
              .reverse()
              .map((q) => quote(q.query))
              .join('\n')}\n  }\n}\n`,
        );
        process.stdout.write(`wrote ${file}; add it to migrations/index.ts\n`);
        break;
      }
      default:
        throw new Error('usage: cli.js run | revert | show | seed | reencrypt | generate <Name>');
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
