import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * One SQL statement with positional (`?`) parameters, already in the driver's value forms. A
 * parameter may be a Pending value (an id that an INSERT sent in the same request will get), which
 * only a TransactionWriter knows how to send (batched-transaction.ts).
 */
export interface Statement {
  sql: string;
  params: unknown[];
}

/**
 * The id an INSERT will get once it is sent (TransactionWriter.insertLater): statements deferred
 * after it can use it as a value (`ticket_id`), or inside a text (`withPrefix`: a page link), and
 * on MySQL they travel in the same request as the INSERT (`LAST_INSERT_ID()` kept in a session
 * variable), so a ticket and its events and messages cost one round trip, not two (issue #16).
 */
export class PendingId {
  private id: number | undefined;

  /** The id; throws before its INSERT was sent (a programming error). */
  get value(): number {
    if (this.id === undefined) throw new Error('PendingId read before its INSERT was sent');
    return this.id;
  }

  get known(): boolean {
    return this.id !== undefined;
  }

  /** Set by the TransactionWriter from what the INSERT answered. */
  resolve(id: number): void {
    this.id = id;
  }

  /** A text value: `prefix` followed by the id (`pages/ticket/index?id=` + id). */
  withPrefix(prefix: string): PendingText {
    return new PendingText(prefix, this);
  }
}

export class PendingText {
  constructor(
    readonly prefix: string,
    readonly id: PendingId,
  ) {}
}

export type Pending = PendingId | PendingText;

export function isPending(value: unknown): value is Pending {
  return value instanceof PendingId || value instanceof PendingText;
}

/** The value of a Pending parameter once its id is known. */
export function settled(value: Pending): number | string {
  return value instanceof PendingId ? value.value : `${value.prefix}${value.id.value}`;
}

/** A row to insert: any property may be a Pending value. */
export type Insertable<E> = { [K in keyof E]?: E[K] | Pending };

interface CompiledInsert {
  /** `INSERT INTO t (a, b) VALUES ` */
  head: string;
  /** `(?, ?)` */
  row: string;
  columns: ColumnMetadata[];
}

const compiled = new WeakMap<DataSource, Map<string, CompiledInsert>>();

/**
 * A multi-row INSERT of `rows` into the entity's table, as TypeORM's insert builder writes it (the
 * same column names and the same value conversion, `driver.preparePersistentValue`: dates, JSON,
 * booleans on SQLite), but with the SQL made once per entity and set of properties instead of on
 * every call: the builder's string work was a tenth of the CPU of a comment (issue #16). Every row
 * must set the same properties (a property the first row leaves out gets the column's default in
 * every row); a property that is not a column is a programming error and throws.
 */
export function insertStatement<E extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<E>,
  rows: ReadonlyArray<Insertable<E>>,
): Statement {
  const first = rows[0];
  if (first === undefined) throw new Error('insertStatement: no rows to insert');
  const keys = Object.keys(first).filter((key) => first[key] !== undefined);
  const insert = compile(dataSource, entity, keys);
  const params: unknown[] = [];
  for (const row of rows) {
    for (const column of insert.columns) {
      const value: unknown = row[column.propertyName];
      if (value === undefined)
        throw new Error(`insertStatement: every row must set ${column.propertyName} (the first row does)`);
      // A pending id is sent by the TransactionWriter as the INSERT's id (an integer or a text).
      params.push(isPending(value) ? value : dataSource.driver.preparePersistentValue(value, column));
    }
  }
  return { sql: insert.head + new Array<string>(rows.length).fill(insert.row).join(', '), params };
}

function compile<E extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<E>,
  keys: string[],
): CompiledInsert {
  const metadata = dataSource.getMetadata(entity);
  let byShape = compiled.get(dataSource);
  if (!byShape) compiled.set(dataSource, (byShape = new Map()));
  const shape = `${metadata.tableName}\u0000${keys.join(',')}`;
  const known = byShape.get(shape);
  if (known) return known;
  const columns = keys.map((key) => {
    const column = metadata.findColumnWithPropertyName(key);
    if (!column) throw new Error(`insertStatement: ${metadata.name} has no column ${key}`);
    return column;
  });
  const escape = (name: string) => dataSource.driver.escape(name);
  const insert: CompiledInsert = {
    head: `INSERT INTO ${escape(metadata.tableName)} (${columns.map((c) => escape(c.databaseName)).join(', ')}) VALUES `,
    row: `(${columns.map(() => '?').join(', ')})`,
    columns,
  };
  byShape.set(shape, insert);
  return insert;
}
