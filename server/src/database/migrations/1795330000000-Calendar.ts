import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { bool, int, updatedAt, varchar } from './schema-helpers';

/** The admin's holiday and make-up-day entries. */
export class Calendar1795330000000 implements MigrationInterface {
  name = 'Calendar1795330000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'calendar_days',
        columns: [
          { name: 'date', type: 'date', isPrimary: true },
          bool(queryRunner, 'is_workday', false),
          varchar('name', 50),
          int(queryRunner, 'updated_by_user_id', { isNullable: true }),
          updatedAt(queryRunner),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('calendar_days');
  }
}
