import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { createdAt, fk, id, int } from './schema-helpers';

/** Residents following a public ticket. */
export class TicketFollowers1795350000000 implements MigrationInterface {
  name = 'TicketFollowers1795350000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'ticket_followers',
        columns: [
          id(queryRunner),
          int(queryRunner, 'ticket_id'),
          int(queryRunner, 'user_id'),
          createdAt(queryRunner),
        ],
        indices: [
          new TableIndex({
            name: 'uq_ticket_followers_ticket_user',
            columnNames: ['ticket_id', 'user_id'],
            isUnique: true,
          }),
          new TableIndex({ name: 'idx_ticket_followers_user', columnNames: ['user_id', 'id'] }),
        ],
        foreignKeys: [
          new TableForeignKey(fk('fk_ticket_followers_ticket', 'ticket_id', 'tickets', 'CASCADE')),
          new TableForeignKey(fk('fk_ticket_followers_user', 'user_id', 'users', 'CASCADE')),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('ticket_followers');
  }
}
