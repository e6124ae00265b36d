import type { QueryRunner, TableColumnOptions } from 'typeorm';

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
