import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { bool, createdAt, datetime, fk, id, int, updatedAt, varchar } from './schema-helpers';

/**
 * 督查 (supervision I): findings of the morning check, the append-only events of every supervision
 * record, spot checks and their recorded samples, circulated notices with the findings they cite, and
 * the written self-examinations notices require.
 */
export class Supervision1795440000000 implements MigrationInterface {
  name = 'Supervision1795440000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const text = (name: string, nullable = false) => ({ name, type: 'text', isNullable: nullable });
    const optionalInt = (name: string) => int(queryRunner, name, { isNullable: true });
    const date = (name: string, nullable = false) => ({ name, type: 'date', isNullable: nullable });
    const index = (name: string, columnNames: string[], isUnique = false) =>
      new TableIndex({ name, columnNames, isUnique });
    const foreignKeys = (...keys: Array<Parameters<typeof fk>>) =>
      keys.map((k) => new TableForeignKey(fk(...k)));

    await queryRunner.createTable(
      new Table({
        name: 'compliance_findings',
        columns: [
          id(queryRunner),
          int(queryRunner, 'official_id'),
          int(queryRunner, 'unit_id'),
          date('date'),
          varchar('kind', 24),
          varchar('subject', 40, { default: "''" }),
          text('evidence'),
          varchar('state', 16, { default: "'open'" }),
          datetime('explain_due_at', false),
          text('explanation', true),
          text('explanation_photo_ids', true),
          datetime('explained_at'),
          optionalInt('decided_by_user_id'),
          datetime('decided_at'),
          varchar('decision_note', 500, { isNullable: true }),
          int(queryRunner, 'version', { default: 1 }),
          createdAt(queryRunner),
          updatedAt(queryRunner),
        ],
        indices: [
          index('uq_findings_key', ['official_id', 'date', 'kind', 'subject'], true),
          index('idx_findings_unit_date', ['unit_id', 'date']),
          index('idx_findings_state', ['state', 'explain_due_at']),
        ],
        foreignKeys: foreignKeys(
          ['fk_findings_official', 'official_id', 'officials'],
          ['fk_findings_unit', 'unit_id', 'units'],
        ),
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'supervision_events',
        columns: [
          id(queryRunner),
          varchar('subject_type', 16),
          int(queryRunner, 'subject_id'),
          varchar('action', 24),
          varchar('from_state', 16, { isNullable: true }),
          varchar('to_state', 16, { isNullable: true }),
          optionalInt('actor_user_id'),
          varchar('actor', 16),
          text('note', true),
          createdAt(queryRunner),
        ],
        indices: [index('idx_supervision_events_subject', ['subject_type', 'subject_id', 'id'])],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'spot_check_samples',
        columns: [
          id(queryRunner),
          int(queryRunner, 'unit_id'),
          date('date'),
          optionalInt('place_unit_id'),
          varchar('seed', 64),
          int(queryRunner, 'size'),
          text('candidate_ids'),
          text('picked_ids'),
          int(queryRunner, 'drawn_by_user_id'),
          createdAt(queryRunner),
        ],
        indices: [index('idx_spot_check_samples_unit_date', ['unit_id', 'date'])],
        foreignKeys: foreignKeys(['fk_spot_check_samples_unit', 'unit_id', 'units']),
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'spot_checks',
        columns: [
          id(queryRunner),
          int(queryRunner, 'plan_entry_id'),
          int(queryRunner, 'official_id'),
          int(queryRunner, 'unit_id'),
          date('date'),
          datetime('visited_at', false),
          { ...bool(queryRunner, 'found', false), default: undefined },
          varchar('note', 500),
          text('photo_ids'),
          text('location', true),
          optionalInt('sample_id'),
          optionalInt('finding_id'),
          varchar('no_finding_reason', 200, { isNullable: true }),
          int(queryRunner, 'checked_by_user_id'),
          createdAt(queryRunner),
        ],
        indices: [
          index('idx_spot_checks_unit_date', ['unit_id', 'date']),
          index('idx_spot_checks_entry', ['plan_entry_id']),
          index('idx_spot_checks_official', ['official_id', 'date']),
        ],
        foreignKeys: foreignKeys(
          ['fk_spot_checks_entry', 'plan_entry_id', 'plan_entries'],
          ['fk_spot_checks_official', 'official_id', 'officials'],
          ['fk_spot_checks_unit', 'unit_id', 'units'],
        ),
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'notices',
        columns: [
          id(queryRunner),
          int(queryRunner, 'unit_id'),
          int(queryRunner, 'numbering_unit_id'),
          varchar('state', 16, { default: "'draft'" }),
          int(queryRunner, 'year'),
          optionalInt('number'),
          date('period_from'),
          date('period_to'),
          varchar('title', 100),
          text('preface'),
          text('facts'),
          text('requirement'),
          int(queryRunner, 'self_exam_working_days', { default: 3 }),
          varchar('issuer', 50),
          date('issue_date', true),
          int(queryRunner, 'created_by_user_id'),
          optionalInt('issued_by_user_id'),
          datetime('issued_at'),
          int(queryRunner, 'version', { default: 1 }),
          createdAt(queryRunner),
          updatedAt(queryRunner),
        ],
        indices: [
          index('uq_notices_number', ['numbering_unit_id', 'year', 'number'], true),
          index('idx_notices_unit', ['unit_id', 'state']),
        ],
        foreignKeys: foreignKeys(['fk_notices_unit', 'unit_id', 'units']),
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'notice_findings',
        columns: [
          int(queryRunner, 'notice_id', { isPrimary: true }),
          int(queryRunner, 'finding_id', { isPrimary: true }),
        ],
        indices: [index('idx_notice_findings_finding', ['finding_id'])],
        foreignKeys: foreignKeys(
          ['fk_notice_findings_notice', 'notice_id', 'notices'],
          ['fk_notice_findings_finding', 'finding_id', 'compliance_findings'],
        ),
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'self_examinations',
        columns: [
          id(queryRunner),
          int(queryRunner, 'notice_id'),
          int(queryRunner, 'official_id'),
          int(queryRunner, 'unit_id'),
          varchar('state', 16, { default: "'pending'" }),
          datetime('due_at', false),
          text('text', true),
          text('photo_ids'),
          datetime('submitted_at'),
          optionalInt('decided_by_user_id'),
          datetime('decided_at'),
          varchar('decision_note', 500, { isNullable: true }),
          int(queryRunner, 'version', { default: 1 }),
          createdAt(queryRunner),
          updatedAt(queryRunner),
        ],
        indices: [
          index('uq_self_examinations_notice_official', ['notice_id', 'official_id'], true),
          index('idx_self_examinations_state_due', ['state', 'due_at']),
          index('idx_self_examinations_official', ['official_id']),
          index('idx_self_examinations_unit', ['unit_id', 'state']),
        ],
        foreignKeys: foreignKeys(
          ['fk_self_examinations_notice', 'notice_id', 'notices'],
          ['fk_self_examinations_official', 'official_id', 'officials'],
          ['fk_self_examinations_unit', 'unit_id', 'units'],
        ),
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'self_examinations',
      'notice_findings',
      'notices',
      'spot_checks',
      'spot_check_samples',
      'supervision_events',
      'compliance_findings',
    ])
      await queryRunner.dropTable(table);
  }
}
