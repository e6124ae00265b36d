import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { createdAt, fk, id, int, varchar } from './schema-helpers';

/** 立体像 (issue #14): who looked at which official's record, when, over which period, as JSON or PDF. */
export class Records1795470000000 implements MigrationInterface {
  name = 'Records1795470000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const date = (name: string) => ({ name, type: 'date', isNullable: false });
    await queryRunner.createTable(
      new Table({
        name: 'record_views',
        columns: [
          id(queryRunner),
          int(queryRunner, 'official_id'),
          int(queryRunner, 'viewer_user_id'),
          varchar('viewer_name', 60),
          varchar('viewer_role', 16),
          date('from_date'),
          date('to_date'),
          varchar('format', 8),
          createdAt(queryRunner),
        ],
        indices: [
          new TableIndex({ name: 'idx_record_views_official', columnNames: ['official_id', 'id'] }),
          new TableIndex({ name: 'idx_record_views_viewer', columnNames: ['viewer_user_id'] }),
        ],
        foreignKeys: [
          new TableForeignKey(fk('fk_record_views_official', 'official_id', 'officials')),
          new TableForeignKey(fk('fk_record_views_viewer', 'viewer_user_id', 'users')),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('record_views');
  }
}
