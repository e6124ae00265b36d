import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { createdAt, int } from './schema-helpers';

/**
 * Popular matters from real demand: per county, matter and local date, how often residents searched
 * for it, opened it and commented on it; and the matters an admin pinned for a county.
 */
export class MatterDemand1795430000000 implements MigrationInterface {
  name = 'MatterDemand1795430000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'matter_demand_daily',
        columns: [
          int(queryRunner, 'county_unit_id', { isPrimary: true }),
          int(queryRunner, 'matter_id', { isPrimary: true }),
          { name: 'day', type: 'date', isPrimary: true },
          int(queryRunner, 'searches', { default: 0 }),
          int(queryRunner, 'opens', { default: 0 }),
          int(queryRunner, 'comments', { default: 0 }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'matter_pins',
        columns: [
          int(queryRunner, 'county_unit_id', { isPrimary: true }),
          int(queryRunner, 'matter_id', { isPrimary: true }),
          int(queryRunner, 'pinned_rank'),
          int(queryRunner, 'pinned_by_user_id', { isNullable: true }),
          createdAt(queryRunner),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('matter_pins');
    await queryRunner.dropTable('matter_demand_daily');
  }
}
