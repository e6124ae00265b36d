import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { bool, createdAt, datetime, fk, id, int, updatedAt, varchar } from './schema-helpers';

/** Rankings and 红黄旗 (issue #14): a jurisdiction's ranking settings, flag awards and their units. */
export class Rankings1795450000000 implements MigrationInterface {
  name = 'Rankings1795450000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const text = (name: string, nullable = false) => ({ name, type: 'text', isNullable: nullable });
    const date = (name: string) => ({ name, type: 'date', isNullable: false });
    const index = (name: string, columnNames: string[], isUnique = false) =>
      new TableIndex({ name, columnNames, isUnique });
    const foreignKeys = (...keys: Array<Parameters<typeof fk>>) =>
      keys.map((k) => new TableForeignKey(fk(...k)));

    await queryRunner.createTable(
      new Table({
        name: 'ranking_settings',
        columns: [
          id(queryRunner),
          int(queryRunner, 'jurisdiction_unit_id'),
          text('weights'),
          int(queryRunner, 'min_sample'),
          int(queryRunner, 'flag_count'),
          int(queryRunner, 'updated_by_user_id'),
          varchar('updated_by_name', 60),
          createdAt(queryRunner),
          updatedAt(queryRunner),
        ],
        indices: [index('uq_ranking_settings_jurisdiction', ['jurisdiction_unit_id'], true)],
        foreignKeys: foreignKeys(['fk_ranking_settings_unit', 'jurisdiction_unit_id', 'units']),
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'flag_awards',
        columns: [
          id(queryRunner),
          int(queryRunner, 'jurisdiction_unit_id'),
          varchar('level', 16),
          varchar('period', 8),
          date('from_date'),
          date('to_date'),
          int(queryRunner, 'sequence'),
          bool(queryRunner, 'overridden', false),
          text('reason', true),
          int(queryRunner, 'awarded_by_user_id'),
          varchar('awarded_by_name', 60),
          int(queryRunner, 'supersedes_id', { isNullable: true }),
          datetime('superseded_at'),
          createdAt(queryRunner),
        ],
        indices: [
          index(
            'uq_flag_awards_period_seq',
            ['jurisdiction_unit_id', 'level', 'period', 'from_date', 'sequence'],
            true,
          ),
          index('idx_flag_awards_current', ['jurisdiction_unit_id', 'level', 'superseded_at', 'to_date']),
        ],
        foreignKeys: foreignKeys(['fk_flag_awards_unit', 'jurisdiction_unit_id', 'units']),
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'flag_award_units',
        columns: [
          id(queryRunner),
          int(queryRunner, 'award_id'),
          int(queryRunner, 'unit_id'),
          varchar('color', 8),
          bool(queryRunner, 'proposed', false),
          int(queryRunner, 'rank', { isNullable: true }),
        ],
        indices: [
          index('uq_flag_award_units', ['award_id', 'unit_id'], true),
          index('idx_flag_award_units_unit', ['unit_id', 'award_id']),
        ],
        foreignKeys: foreignKeys(
          ['fk_flag_award_units_award', 'award_id', 'flag_awards'],
          ['fk_flag_award_units_unit', 'unit_id', 'units'],
        ),
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['flag_award_units', 'flag_awards', 'ranking_settings'])
      await queryRunner.dropTable(table);
  }
}
