import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { createdAt, datetime, id, int, varchar } from './schema-helpers';

/** The in-app message centre (消息): one row per outbox message, written in the same transaction. */
export class InAppMessages1795420000000 implements MigrationInterface {
  name = 'InAppMessages1795420000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'in_app_messages',
        columns: [
          id(queryRunner),
          int(queryRunner, 'user_id'),
          varchar('kind', 32),
          varchar('title', 40),
          varchar('body', 200),
          varchar('page', 200, { isNullable: true }),
          createdAt(queryRunner),
          datetime('read_at'),
        ],
        indices: [
          new TableIndex({ name: 'idx_in_app_messages_user', columnNames: ['user_id', 'created_at'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('in_app_messages');
  }
}
