import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { createdAt, id, int, updatedAt, varchar } from './schema-helpers';

/** The directory: units, officials, posts, memberships, matters and duties. */
export class InitialDirectory1795305600000 implements MigrationInterface {
  name = 'InitialDirectory1795305600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'units',
        columns: [
          id(queryRunner),
          varchar('code', 64),
          varchar('name', 100),
          varchar('kind', 16),
          int(queryRunner, 'parent_id', { isNullable: true }),
          varchar('path', 255, { default: "'/'" }),
          int(queryRunner, 'sort_order', { default: 0 }),
          varchar('office_hours', 100, { isNullable: true }),
          varchar('address', 255, { isNullable: true }),
          createdAt(queryRunner),
          updatedAt(queryRunner),
        ],
        indices: [
          new TableIndex({ name: 'uq_units_code', columnNames: ['code'], isUnique: true }),
          new TableIndex({ name: 'idx_units_parent', columnNames: ['parent_id'] }),
          new TableIndex({ name: 'idx_units_path', columnNames: ['path'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_units_parent',
            columnNames: ['parent_id'],
            referencedTableName: 'units',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
            onUpdate: 'NO ACTION',
          }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'officials',
        columns: [
          id(queryRunner),
          varchar('code', 64),
          varchar('name', 50),
          varchar('gender', 8, { isNullable: true }),
          varchar('photo_url', 255, { isNullable: true }),
          createdAt(queryRunner),
          updatedAt(queryRunner),
        ],
        indices: [
          new TableIndex({ name: 'uq_officials_code', columnNames: ['code'], isUnique: true }),
          new TableIndex({ name: 'idx_officials_name', columnNames: ['name'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'posts',
        columns: [
          id(queryRunner),
          varchar('code', 64),
          int(queryRunner, 'unit_id'),
          varchar('title', 100),
          int(queryRunner, 'rank', { default: 100 }),
          createdAt(queryRunner),
          updatedAt(queryRunner),
        ],
        indices: [
          new TableIndex({ name: 'uq_posts_code', columnNames: ['code'], isUnique: true }),
          new TableIndex({ name: 'idx_posts_unit', columnNames: ['unit_id'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_posts_unit',
            columnNames: ['unit_id'],
            referencedTableName: 'units',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
            onUpdate: 'NO ACTION',
          }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'memberships',
        columns: [
          id(queryRunner),
          int(queryRunner, 'official_id'),
          int(queryRunner, 'post_id'),
          { name: 'start_date', type: 'date' },
          { name: 'end_date', type: 'date', isNullable: true },
          createdAt(queryRunner),
        ],
        indices: [
          new TableIndex({ name: 'idx_memberships_official', columnNames: ['official_id'] }),
          new TableIndex({ name: 'idx_memberships_post_end', columnNames: ['post_id', 'end_date'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_memberships_official',
            columnNames: ['official_id'],
            referencedTableName: 'officials',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
            onUpdate: 'NO ACTION',
          }),
          new TableForeignKey({
            name: 'fk_memberships_post',
            columnNames: ['post_id'],
            referencedTableName: 'posts',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
            onUpdate: 'NO ACTION',
          }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'matters',
        columns: [
          id(queryRunner),
          varchar('code', 64),
          varchar('name', 100),
          varchar('category', 50),
          { name: 'keywords', type: 'text' },
          { name: 'synonyms', type: 'text' },
          { name: 'materials', type: 'text' },
          varchar('where_to_go', 500),
          varchar('office_hours', 200),
          varchar('legal_basis', 500, { isNullable: true }),
          int(queryRunner, 'department_id'),
          createdAt(queryRunner),
          updatedAt(queryRunner),
        ],
        indices: [
          new TableIndex({ name: 'uq_matters_code', columnNames: ['code'], isUnique: true }),
          new TableIndex({ name: 'idx_matters_department', columnNames: ['department_id'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_matters_department',
            columnNames: ['department_id'],
            referencedTableName: 'units',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
            onUpdate: 'NO ACTION',
          }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'duties',
        columns: [
          id(queryRunner),
          int(queryRunner, 'post_id'),
          int(queryRunner, 'matter_id'),
          createdAt(queryRunner),
        ],
        indices: [
          new TableIndex({
            name: 'uq_duties_post_matter',
            columnNames: ['post_id', 'matter_id'],
            isUnique: true,
          }),
          new TableIndex({ name: 'idx_duties_matter', columnNames: ['matter_id'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_duties_post',
            columnNames: ['post_id'],
            referencedTableName: 'posts',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
            onUpdate: 'NO ACTION',
          }),
          new TableForeignKey({
            name: 'fk_duties_matter',
            columnNames: ['matter_id'],
            referencedTableName: 'matters',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
            onUpdate: 'NO ACTION',
          }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'duty_units',
        columns: [
          int(queryRunner, 'duty_id', { isPrimary: true }),
          int(queryRunner, 'unit_id', { isPrimary: true }),
        ],
        indices: [new TableIndex({ name: 'idx_duty_units_unit', columnNames: ['unit_id'] })],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_duty_units_duty',
            columnNames: ['duty_id'],
            referencedTableName: 'duties',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'NO ACTION',
          }),
          new TableForeignKey({
            name: 'fk_duty_units_unit',
            columnNames: ['unit_id'],
            referencedTableName: 'units',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
            onUpdate: 'NO ACTION',
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['duty_units', 'duties', 'matters', 'memberships', 'posts', 'officials', 'units']) {
      await queryRunner.dropTable(table);
    }
  }
}
