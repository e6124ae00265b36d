import {
  type MigrationInterface,
  type QueryRunner,
  Table,
  TableColumn,
  TableForeignKey,
  TableIndex,
} from 'typeorm';
import { bool, createdAt, datetime, fk, id, int, updatedAt, varchar } from './schema-helpers';

/** Tickets (工单), their events, sensitive words, the notification outbox, per-matter deadlines. */
export class Tickets1795340000000 implements MigrationInterface {
  name = 'Tickets1795340000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const text = (name: string, nullable = false) => ({ name, type: 'text', isNullable: nullable });
    const optionalInt = (name: string) => int(queryRunner, name, { isNullable: true });
    const index = (name: string, columnNames: string[], isUnique = false) =>
      new TableIndex({ name, columnNames, isUnique });

    await queryRunner.addColumns('matters', [
      new TableColumn(optionalInt('ack_working_days')),
      new TableColumn(optionalInt('resolve_working_days')),
    ]);

    await queryRunner.createTable(
      new Table({
        name: 'tickets',
        columns: [
          id(queryRunner),
          varchar('query_code', 12),
          int(queryRunner, 'author_user_id'),
          varchar('idempotency_key', 64),
          varchar('request_hash', 64),
          varchar('target_kind', 8),
          optionalInt('plan_entry_id'),
          optionalInt('official_id'),
          optionalInt('matter_id'),
          optionalInt('unit_id'),
          text('content'),
          text('photo_ids'),
          bool(queryRunner, 'public_allowed', false),
          varchar('author_label', 60),
          varchar('contact_phone_enc', 255, { isNullable: true }),
          varchar('ip_hash', 64, { isNullable: true }),
          varchar('content_hash', 64),
          varchar('status', 16),
          varchar('moderation', 8),
          optionalInt('assignee_official_id'),
          int(queryRunner, 'assignee_unit_id'),
          datetime('ack_due_at', false),
          datetime('due_at', false),
          datetime('acknowledged_at'),
          datetime('resolved_at'),
          datetime('closed_at'),
          datetime('reminded_at'),
          datetime('escalated_at'),
          text('reply', true),
          text('resolution', true),
          text('resolution_photo_ids'),
          { ...bool(queryRunner, 'rating_satisfied', false), default: undefined, isNullable: true },
          varchar('rating_reason', 200, { isNullable: true }),
          datetime('rated_at'),
          int(queryRunner, 'reopen_count', { default: 0 }),
          varchar('extension_status', 8, { isNullable: true }),
          varchar('extension_reason', 200, { isNullable: true }),
          optionalInt('extension_days'),
          datetime('scrubbed_at'),
          int(queryRunner, 'version', { default: 1 }),
          createdAt(queryRunner),
          updatedAt(queryRunner),
        ],
        indices: [
          index('uq_tickets_query_code', ['query_code'], true),
          index('uq_tickets_author_key', ['author_user_id', 'idempotency_key'], true),
          index('idx_tickets_assignee_status', ['assignee_official_id', 'status']),
          index('idx_tickets_queue_status', ['assignee_unit_id', 'status']),
          index('idx_tickets_status_due', ['status', 'due_at']),
          index('idx_tickets_author_created', ['author_user_id', 'created_at']),
          index('idx_tickets_ip_created', ['ip_hash', 'created_at']),
          index('idx_tickets_official', ['official_id', 'status']),
          index('idx_tickets_matter', ['matter_id', 'status']),
          index('idx_tickets_entry', ['plan_entry_id']),
          index('idx_tickets_unit', ['unit_id']),
          index('idx_tickets_closed', ['closed_at']),
        ],
        foreignKeys: [
          new TableForeignKey(fk('fk_tickets_author', 'author_user_id', 'users')),
          new TableForeignKey(fk('fk_tickets_plan_entry', 'plan_entry_id', 'plan_entries')),
          new TableForeignKey(fk('fk_tickets_official', 'official_id', 'officials')),
          new TableForeignKey(fk('fk_tickets_matter', 'matter_id', 'matters')),
          new TableForeignKey(fk('fk_tickets_unit', 'unit_id', 'units')),
          new TableForeignKey(fk('fk_tickets_assignee_official', 'assignee_official_id', 'officials')),
          new TableForeignKey(fk('fk_tickets_assignee_unit', 'assignee_unit_id', 'units')),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'ticket_events',
        columns: [
          id(queryRunner),
          int(queryRunner, 'ticket_id'),
          varchar('type', 24),
          varchar('from_status', 16, { isNullable: true }),
          varchar('to_status', 16, { isNullable: true }),
          optionalInt('actor_user_id'),
          varchar('actor_label', 60),
          text('note', true),
          createdAt(queryRunner),
        ],
        indices: [index('idx_ticket_events_ticket', ['ticket_id', 'id'])],
        foreignKeys: [new TableForeignKey(fk('fk_ticket_events_ticket', 'ticket_id', 'tickets'))],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'sensitive_words',
        columns: [
          id(queryRunner),
          int(queryRunner, 'unit_id'),
          varchar('word', 50),
          optionalInt('created_by_user_id'),
          createdAt(queryRunner),
        ],
        indices: [index('uq_sensitive_words_unit_word', ['unit_id', 'word'], true)],
        foreignKeys: [new TableForeignKey(fk('fk_sensitive_words_unit', 'unit_id', 'units'))],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'outbox_messages',
        columns: [
          id(queryRunner),
          int(queryRunner, 'user_id'),
          varchar('purpose', 32),
          text('values'),
          varchar('page', 200, { isNullable: true }),
          optionalInt('ticket_id'),
          varchar('status', 8, { default: "'pending'" }),
          int(queryRunner, 'attempts', { default: 0 }),
          datetime('next_attempt_at', false),
          datetime('claimed_until'),
          optionalInt('last_errcode'),
          datetime('sent_at'),
          createdAt(queryRunner),
        ],
        indices: [
          index('idx_outbox_due', ['status', 'next_attempt_at']),
          index('idx_outbox_ticket', ['ticket_id']),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('outbox_messages');
    await queryRunner.dropTable('sensitive_words');
    await queryRunner.dropTable('ticket_events');
    await queryRunner.dropTable('tickets');
    await queryRunner.dropColumn('matters', 'resolve_working_days');
    await queryRunner.dropColumn('matters', 'ack_working_days');
  }
}
