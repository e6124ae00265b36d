import type { QueryRunner, TableColumnOptions, TableForeignKeyOptions } from 'typeorm';

/**
 * Column builders for hand-written migrations that serve SQLite and MySQL/MariaDB/TiDB alike. They
 * produce exactly what the entities declare, so the schema-drift test sees no difference on either.
 */
export function isMysql(queryRunner: QueryRunner): boolean {
  const type = queryRunner.connection.options.type;
  return type === 'mysql' || type === 'mariadb';
}

export function id(queryRunner: QueryRunner): TableColumnOptions {
  // SQLite only auto-increments an INTEGER PRIMARY KEY.
  const type = isMysql(queryRunner) ? 'int' : 'integer';
  return { name: 'id', type, isPrimary: true, isGenerated: true, generationStrategy: 'increment' };
}

export function createdAt(queryRunner: QueryRunner): TableColumnOptions {
  return isMysql(queryRunner)
    ? { name: 'created_at', type: 'datetime', precision: 6, default: 'CURRENT_TIMESTAMP(6)' }
    : { name: 'created_at', type: 'datetime', default: "datetime('now')" };
}

export function updatedAt(queryRunner: QueryRunner): TableColumnOptions {
  return isMysql(queryRunner)
    ? {
        name: 'updated_at',
        type: 'datetime',
        precision: 6,
        default: 'CURRENT_TIMESTAMP(6)',
        onUpdate: 'CURRENT_TIMESTAMP(6)',
      }
    : { name: 'updated_at', type: 'datetime', default: "datetime('now')" };
}

export function varchar(
  name: string,
  length: number,
  extra: Partial<TableColumnOptions> = {},
): TableColumnOptions {
  return { name, type: 'varchar', length: String(length), ...extra };
}

/** An integer column: INT on MySQL, INTEGER on SQLite (what TypeORM maps `int` to there). */
export function int(
  queryRunner: QueryRunner,
  name: string,
  extra: Partial<TableColumnOptions> = {},
): TableColumnOptions {
  return { name, type: isMysql(queryRunner) ? 'int' : 'integer', ...extra };
}

/** A boolean column: TINYINT on MySQL, BOOLEAN on SQLite (what TypeORM maps `boolean` to). */
export function bool(queryRunner: QueryRunner, name: string, defaultValue: boolean): TableColumnOptions {
  return isMysql(queryRunner)
    ? { name, type: 'tinyint', default: defaultValue ? 1 : 0 }
    : { name, type: 'boolean', default: defaultValue ? 1 : 0 };
}

/** A nullable timestamp without default (datetime(0) on both). */
export function datetime(name: string, nullable = true): TableColumnOptions {
  return { name, type: 'datetime', isNullable: nullable };
}

/** A foreign key with an explicit name; ON UPDATE NO ACTION as the entities declare. */
export function fk(
  name: string,
  column: string,
  table: string,
  onDelete: 'RESTRICT' | 'CASCADE' = 'RESTRICT',
): TableForeignKeyOptions {
  return {
    name,
    columnNames: [column],
    referencedTableName: table,
    referencedColumnNames: ['id'],
    onDelete,
    onUpdate: 'NO ACTION',
  };
}
