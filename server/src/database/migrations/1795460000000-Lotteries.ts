import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { createdAt, datetime, fk, id, int, varchar } from './schema-helpers';

/**
 * 抽签晒 (issue #14): the weekly lotteries per county (commitment, secret seed, reveal), their frozen
 * candidate lists with the drawn ranks, and the append-only steps of each lottery.
 */
export class Lotteries1795460000000 implements MigrationInterface {
  name = 'Lotteries1795460000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const date = (name: string) => ({ name, type: 'date', isNullable: false });
    const index = (name: string, columnNames: string[], isUnique = false) =>
      new TableIndex({ name, columnNames, isUnique });

    await queryRunner.createTable(
      new Table({
        name: 'lotteries',
        columns: [
          id(queryRunner),
          int(queryRunner, 'unit_id'),
          date('week_start'),
          date('week_end'),
          int(queryRunner, 'draw_size'),
          varchar('algorithm', 32),
          varchar('commitment', 64),
          varchar('seed', 64),
          varchar('state', 16),
          datetime('committed_at', false),
          datetime('reveal_due_at', false),
          datetime('revealed_at'),
          datetime('drawn_at'),
          int(queryRunner, 'candidate_count', { isNullable: true }),
          createdAt(queryRunner),
        ],
        indices: [
          index('uq_lotteries_unit_week', ['unit_id', 'week_start'], true),
          index('idx_lotteries_state_due', ['state', 'reveal_due_at']),
        ],
        foreignKeys: [new TableForeignKey(fk('fk_lotteries_unit', 'unit_id', 'units'))],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'lottery_candidates',
        columns: [
          id(queryRunner),
          int(queryRunner, 'lottery_id'),
          int(queryRunner, 'day_plan_id'),
          int(queryRunner, 'position'),
          date('date'),
          int(queryRunner, 'official_id'),
          varchar('official_name', 64),
          varchar('unit_name', 100),
          int(queryRunner, 'drawn_rank', { isNullable: true }),
          varchar('draw_hash', 64, { isNullable: true }),
        ],
        indices: [
          index('uq_lottery_candidates_plan', ['lottery_id', 'day_plan_id'], true),
          index('idx_lottery_candidates_day_plan', ['day_plan_id']),
        ],
        foreignKeys: [
          new TableForeignKey(fk('fk_lottery_candidates_lottery', 'lottery_id', 'lotteries')),
          new TableForeignKey(fk('fk_lottery_candidates_day_plan', 'day_plan_id', 'day_plans')),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'lottery_events',
        columns: [
          id(queryRunner),
          int(queryRunner, 'lottery_id'),
          varchar('action', 16),
          datetime('at', false),
        ],
        indices: [index('idx_lottery_events_lottery', ['lottery_id', 'id'])],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['lottery_events', 'lottery_candidates', 'lotteries'])
      await queryRunner.dropTable(table);
  }
}
