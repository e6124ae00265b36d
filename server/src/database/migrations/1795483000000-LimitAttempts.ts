import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { varchar } from './schema-helpers';

/**
 * Attempt limits shared by every instance (issue #16): one row per counted attempt, keyed by a hash,
 * until it expires (epoch ms). Replaces the per-instance in-memory counters.
 */
export class LimitAttempts1795483000000 implements MigrationInterface {
  name = 'LimitAttempts1795483000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'limit_attempts',
        columns: [
          varchar('id', 32, { isPrimary: true }),
          varchar('limiter', 32),
          varchar('key_hash', 64),
          { name: 'expires_at', type: 'bigint' },
        ],
        indices: [
          new TableIndex({
            name: 'idx_limit_attempts_key',
            columnNames: ['limiter', 'key_hash', 'expires_at'],
          }),
          new TableIndex({ name: 'idx_limit_attempts_expires', columnNames: ['expires_at'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('limit_attempts');
  }
}
