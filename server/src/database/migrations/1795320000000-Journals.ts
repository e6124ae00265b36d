import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { bool, createdAt, datetime, fk, id, int, updatedAt, varchar } from './schema-helpers';

/** Day plans, entries, revisions, updates, uploads, leave, weekly reports, rules, job runs, cache versions. */
export class Journals1795320000000 implements MigrationInterface {
  name = 'Journals1795320000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const text = (name: string, nullable = false) => ({ name, type: 'text', isNullable: nullable });
    const date = (name: string) => ({ name, type: 'date' });

    await queryRunner.createTable(
      new Table({
        name: 'day_plans',
        columns: [
          id(queryRunner),
          int(queryRunner, 'official_id'),
          date('date'),
          varchar('status', 16, { default: "'draft'" }),
          bool(queryRunner, 'late', false),
          datetime('submitted_at'),
          int(queryRunner, 'submitted_by_user_id', { isNullable: true }),
          datetime('published_at'),
          int(queryRunner, 'revision', { default: 0 }),
          int(queryRunner, 'version', { default: 1 }),
          createdAt(queryRunner),
          updatedAt(queryRunner),
        ],
        indices: [
          new TableIndex({
            name: 'uq_day_plans_official_date',
            columnNames: ['official_id', 'date'],
            isUnique: true,
          }),
          new TableIndex({ name: 'idx_day_plans_date_status', columnNames: ['date', 'status'] }),
        ],
        foreignKeys: [new TableForeignKey(fk('fk_day_plans_official', 'official_id', 'officials'))],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'plan_entries',
        columns: [
          id(queryRunner),
          int(queryRunner, 'day_plan_id'),
          int(queryRunner, 'position', { default: 0 }),
          varchar('start_time', 5, { isNullable: true }),
          varchar('end_time', 5, { isNullable: true }),
          varchar('period', 8, { isNullable: true }),
          varchar('place', 100, { isNullable: true }),
          int(queryRunner, 'place_unit_id', { isNullable: true }),
          varchar('what', 200),
          varchar('kind', 32),
          varchar('meeting_name', 50, { isNullable: true }),
          text('matter_ids'),
          varchar('status', 16, { default: "'active'" }),
          datetime('modified_at'),
          createdAt(queryRunner),
        ],
        indices: [
          new TableIndex({ name: 'idx_plan_entries_plan', columnNames: ['day_plan_id', 'position'] }),
          new TableIndex({ name: 'idx_plan_entries_place_unit', columnNames: ['place_unit_id'] }),
        ],
        foreignKeys: [
          new TableForeignKey(fk('fk_plan_entries_plan', 'day_plan_id', 'day_plans')),
          new TableForeignKey(fk('fk_plan_entries_place_unit', 'place_unit_id', 'units')),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'plan_revisions',
        columns: [
          id(queryRunner),
          int(queryRunner, 'day_plan_id'),
          int(queryRunner, 'revision'),
          varchar('kind', 16),
          int(queryRunner, 'changed_by_user_id', { isNullable: true }),
          varchar('changed_by', 16),
          text('snapshot'),
          createdAt(queryRunner),
        ],
        indices: [new TableIndex({ name: 'idx_plan_revisions_plan', columnNames: ['day_plan_id'] })],
        foreignKeys: [new TableForeignKey(fk('fk_plan_revisions_plan', 'day_plan_id', 'day_plans'))],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'entry_updates',
        columns: [
          id(queryRunner),
          int(queryRunner, 'plan_entry_id'),
          varchar('kind', 16),
          varchar('text', 500),
          text('photo_ids'),
          text('location', true),
          int(queryRunner, 'created_by_user_id'),
          createdAt(queryRunner),
        ],
        indices: [new TableIndex({ name: 'idx_entry_updates_entry', columnNames: ['plan_entry_id'] })],
        foreignKeys: [new TableForeignKey(fk('fk_entry_updates_entry', 'plan_entry_id', 'plan_entries'))],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'uploads',
        columns: [
          varchar('id', 36, { isPrimary: true }),
          int(queryRunner, 'owner_user_id'),
          varchar('path', 255),
          varchar('thumb_path', 255),
          int(queryRunner, 'width'),
          int(queryRunner, 'height'),
          int(queryRunner, 'bytes'),
          createdAt(queryRunner),
        ],
        indices: [
          new TableIndex({ name: 'idx_uploads_owner', columnNames: ['owner_user_id', 'created_at'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'leaves',
        columns: [
          id(queryRunner),
          int(queryRunner, 'official_id'),
          date('start_date'),
          date('end_date'),
          varchar('reason', 500),
          varchar('status', 16, { default: "'pending'" }),
          int(queryRunner, 'requested_by_user_id'),
          int(queryRunner, 'decided_by_user_id', { isNullable: true }),
          datetime('decided_at'),
          createdAt(queryRunner),
        ],
        indices: [
          new TableIndex({ name: 'idx_leaves_official_dates', columnNames: ['official_id', 'start_date'] }),
          new TableIndex({ name: 'idx_leaves_status', columnNames: ['status'] }),
        ],
        foreignKeys: [new TableForeignKey(fk('fk_leaves_official', 'official_id', 'officials'))],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'weekly_reports',
        columns: [
          id(queryRunner),
          int(queryRunner, 'official_id'),
          date('week_start'),
          text('results'),
          text('next_week_plan'),
          datetime('submitted_at', false),
          bool(queryRunner, 'late', false),
          int(queryRunner, 'submitted_by_user_id'),
          updatedAt(queryRunner),
        ],
        indices: [
          new TableIndex({
            name: 'uq_weekly_reports_official_week',
            columnNames: ['official_id', 'week_start'],
            isUnique: true,
          }),
        ],
        foreignKeys: [new TableForeignKey(fk('fk_weekly_reports_official', 'official_id', 'officials'))],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'journal_rules',
        columns: [
          int(queryRunner, 'unit_id', { isPrimary: true }),
          varchar('plan_due_time', 5),
          varchar('publication_time', 5),
          int(queryRunner, 'weekly_report_due_weekday'),
          varchar('weekly_report_due_time', 5),
          varchar('reminder_time', 5),
          text('entry_kinds'),
          text('meeting_names'),
          updatedAt(queryRunner),
        ],
        foreignKeys: [new TableForeignKey(fk('fk_journal_rules_unit', 'unit_id', 'units'))],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'job_runs',
        columns: [
          varchar('job', 64, { isPrimary: true }),
          varchar('fire_key', 64, { isPrimary: true }),
          datetime('started_at', false),
          datetime('finished_at'),
          varchar('result', 255, { isNullable: true }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'cache_versions',
        columns: [varchar('name', 32, { isPrimary: true }), int(queryRunner, 'version', { default: 0 })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'cache_versions',
      'job_runs',
      'journal_rules',
      'weekly_reports',
      'leaves',
      'uploads',
      'entry_updates',
      'plan_revisions',
      'plan_entries',
      'day_plans',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
