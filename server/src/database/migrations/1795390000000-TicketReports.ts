import {
  type MigrationInterface,
  type QueryRunner,
  Table,
  TableColumn,
  TableForeignKey,
  TableIndex,
} from 'typeorm';
import { createdAt, datetime, fk, id, int, varchar } from './schema-helpers';

/** 举报: reports of a public comment or its reply, and the reply's own hold. */
export class TicketReports1795390000000 implements MigrationInterface {
  name = 'TicketReports1795390000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'ticket_reports',
        columns: [
          id(queryRunner),
          int(queryRunner, 'ticket_id'),
          varchar('target', 8),
          int(queryRunner, 'reporter_user_id'),
          varchar('reason', 16),
          varchar('note', 200, { isNullable: true }),
          datetime('reviewed_at'),
          createdAt(queryRunner),
        ],
        indices: [
          new TableIndex({
            name: 'uq_ticket_reports_target_reporter',
            columnNames: ['ticket_id', 'target', 'reporter_user_id'],
            isUnique: true,
          }),
          new TableIndex({
            name: 'idx_ticket_reports_reporter',
            columnNames: ['reporter_user_id', 'created_at'],
          }),
        ],
        foreignKeys: [
          new TableForeignKey(fk('fk_ticket_reports_ticket', 'ticket_id', 'tickets', 'CASCADE')),
          new TableForeignKey(fk('fk_ticket_reports_reporter', 'reporter_user_id', 'users', 'CASCADE')),
        ],
      }),
    );
    await queryRunner.addColumn(
      'tickets',
      new TableColumn(varchar('reply_moderation', 8, { isNullable: true })),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('tickets', 'reply_moderation');
    await queryRunner.dropTable('ticket_reports');
  }
}
