import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';
import { datetime, isMysql } from './schema-helpers';

/**
 * Publication review: a comment is public only after a supervisor approves it, within a working-day
 * limit (`review_due_at`). Comments that were public without review (`passed`, allowed by their
 * author, neither withdrawn nor hidden) join the held ones in the 待审核 queue, all due at once.
 */
export class TicketReview1795410000000 implements MigrationInterface {
  name = 'TicketReview1795410000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('tickets', new TableColumn(datetime('review_due_at')));
    const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
    await queryRunner.query(
      `UPDATE tickets SET moderation = 'held', review_due_at = ?
        WHERE (moderation = 'held' OR (moderation = 'passed' AND public_allowed = ?))
          AND status NOT IN ('withdrawn', 'hidden')`,
      [isMysql(queryRunner) ? now.slice(0, 19) : now, 1],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('tickets', 'review_due_at');
  }
}
