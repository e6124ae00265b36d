import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { bool, createdAt, id, int, varchar } from './schema-helpers';

/**
 * A year an admin confirmed as entered (its holidays and make-up days are complete), and the record of
 * every admin entry and removal on the calendar (who and when), so a correction is never silently lost.
 */
export class CalendarYears1795418000000 implements MigrationInterface {
  name = 'CalendarYears1795418000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'calendar_years',
        columns: [
          { ...int(queryRunner, 'year'), isPrimary: true },
          int(queryRunner, 'confirmed_by_user_id', { isNullable: true }),
          { ...createdAt(queryRunner), name: 'confirmed_at' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'calendar_day_changes',
        columns: [
          id(queryRunner),
          { name: 'date', type: 'date' },
          varchar('action', 10),
          bool(queryRunner, 'is_workday', false),
          varchar('name', 50),
          int(queryRunner, 'user_id', { isNullable: true }),
          createdAt(queryRunner),
        ],
      }),
    );
    await queryRunner.createIndex(
      'calendar_day_changes',
      new TableIndex({ name: 'idx_calendar_day_changes_date', columnNames: ['date'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('calendar_day_changes');
    await queryRunner.dropTable('calendar_years');
  }
}
