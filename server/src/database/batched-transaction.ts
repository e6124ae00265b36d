import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { retryOnContention } from './contention';
import { isMysqlFamily, takesMultipleStatements } from './data-source';
import { isPending, PendingId, PendingText, settled, type Statement } from './insert-statement';

/**
 * The writes of one transaction, sent in as few round trips as the database allows: on MySQL,
 * MariaDB and TiDB the statements whose results nobody reads travel together with the next
 * statement that must answer, and the last ones with the COMMIT, as one multi-statement request
 * each; an INSERT whose id the later statements need (`insertLater`) travels with them, its id
 * kept in a session variable. A comment's ticket, events, outbox messages and in-app copies take one
 * round trip instead of six (START, four INSERTs, COMMIT): on this kind of machine the socket writes
 * and the database's wake-ups were the largest part of what a comment cost (issue #16). On SQLite, in process, and on a Galera node (whose pool takes no multi-statement
 * requests, see data-source.ts) the statements go one after the other.
 */
export interface TransactionWriter {
  /** Sends `statement`, with everything deferred before it, and answers the id it inserted. */
  insert(statement: Statement): Promise<number>;
  /**
   * Queues an INSERT like `defer`, and answers the id it will get: statements deferred after it may
   * use it as a value (on MySQL they go in the same request; see PendingId). Its `value` is known
   * once the INSERT was sent: after `manager()`, or after the transaction.
   */
  insertLater(statement: Statement): PendingId;
  /** Queues a statement nobody needs an answer from: it goes with the next request or the COMMIT. */
  defer(statement: Statement): void;
  /** The transaction's EntityManager for anything else; what was deferred is sent first. */
  manager(): Promise<EntityManager>;
}

/**
 * Runs `work` in one transaction with a TransactionWriter: everything it deferred is committed with
 * what it sent, or nothing is. Like `retriedTransaction`, the whole transaction runs again (at most
 * three runs) when it lost a lock race or Galera certification (1213, usually at the COMMIT), so
 * `work` must touch nothing outside the database.
 */
export function batchedTransaction<T>(
  dataSource: DataSource,
  work: (writer: TransactionWriter) => Promise<T>,
): Promise<T> {
  return retryOnContention(() =>
    isMysqlFamily(dataSource)
      ? batchedOnMysql(dataSource, work)
      : dataSource.transaction((manager) => {
          const send: Send = (statements) => oneByOne(manager, statements);
          return runWith(new Writer(manager, send), send, work);
        }),
  );
}

/**
 * Writes `statement` in the caller's transaction: at once through an EntityManager, or deferred to
 * the next request of a TransactionWriter. For writes whose results nobody reads.
 */
export async function write(
  transaction: EntityManager | TransactionWriter,
  statement: Statement,
): Promise<void> {
  if ('defer' in transaction) transaction.defer(statement);
  else await transaction.query(statement.sql, statement.params);
}

/** One row's id from what the driver answered for an INSERT (mysql2's header, better-sqlite3's rowid). */
export function insertedIdOf(raw: unknown): number {
  const id = typeof raw === 'object' && raw !== null ? (raw as { insertId?: unknown }).insertId : raw;
  const value = Number(id);
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new Error(`The INSERT answered no id (${String(id)})`);
  return value;
}

/** A statement waiting in a Writer; `defines` is the PendingId its INSERT's id settles. */
interface Queued extends Statement {
  defines?: PendingId;
}

type Send = (statements: Queued[]) => Promise<unknown[]>;

class Writer implements TransactionWriter {
  private pending: Queued[] = [];
  /** Set when the COMMIT (or ROLLBACK) went: a write after it would be lost, so it throws. */
  private ended = false;

  constructor(
    private readonly entityManager: EntityManager,
    private readonly send: Send,
  ) {}

  async insert(statement: Statement): Promise<number> {
    this.assertOpen();
    const results = await this.send([...this.take(), statement]);
    return insertedIdOf(results[results.length - 1]);
  }

  insertLater(statement: Statement): PendingId {
    this.assertOpen();
    const id = new PendingId();
    this.pending.push({ ...statement, defines: id });
    return id;
  }

  defer(statement: Statement): void {
    this.assertOpen();
    this.pending.push(statement);
  }

  async manager(): Promise<EntityManager> {
    if (this.pending.length > 0) await this.send(this.take());
    return this.entityManager;
  }

  /** The statements still waiting, for the COMMIT: nothing can be written after this. */
  end(): Queued[] {
    const last = this.take();
    this.ended = true;
    return last;
  }

  private assertOpen(): void {
    if (this.ended) throw new Error('A write after the end of its transaction (an await missing?)');
  }

  private take(): Queued[] {
    const taken = this.pending;
    this.pending = [];
    return taken;
  }
}

async function runWith<T>(
  writer: Writer,
  send: Send,
  work: (writer: TransactionWriter) => Promise<T>,
): Promise<T> {
  try {
    const result = await work(writer);
    await send(writer.end());
    return result;
  } finally {
    writer.end();
  }
}

/** Each statement its own request: a pending id is sent as its value, known by then. */
async function oneByOne(manager: EntityManager, statements: Queued[]): Promise<unknown[]> {
  const results: unknown[] = [];
  for (const statement of statements) {
    const params = statement.params.map((p) => (isPending(p) ? settled(p) : p));
    const result: unknown = await manager.query(statement.sql, params);
    statement.defines?.resolve(insertedIdOf(result));
    results.push(result);
  }
  return results;
}

/**
 * The statements as one multi-statement request: after an INSERT whose id is pending, its
 * `LAST_INSERT_ID()` is kept in a session variable (`@jinri_id_1` …), and a later statement's
 * pending parameter becomes that variable (or `CONCAT(?, @jinri_id_1)` for a text with the id).
 * `positions[i]` is where statement i's result is among the request's results.
 */
function joined(
  statements: Queued[],
  variables: Map<PendingId, string>,
): { sql: string; values: unknown[]; positions: number[]; count: number } {
  const parts: string[] = [];
  const values: unknown[] = [];
  const positions: number[] = [];
  for (const statement of statements) {
    const bound = bindPending(statement, variables);
    positions.push(parts.length);
    parts.push(bound.sql);
    values.push(...bound.params);
    if (statement.defines) {
      const variable = `@jinri_id_${variables.size + 1}`;
      variables.set(statement.defines, variable);
      parts.push(`SET ${variable} = LAST_INSERT_ID()`);
    }
  }
  return { sql: parts.join(';\n'), values, positions, count: parts.length };
}

function bindPending(statement: Statement, variables: Map<PendingId, string>): Statement {
  if (!statement.params.some(isPending)) return statement;
  const slots = placeholdersOf(statement.sql);
  if (slots.length !== statement.params.length)
    throw new Error(
      `The statement has ${slots.length} placeholders for ${statement.params.length} parameters`,
    );
  const params: unknown[] = [];
  let sql = '';
  let from = 0;
  statement.params.forEach((value, i) => {
    const at = slots[i]!;
    sql += statement.sql.slice(from, at);
    from = at + 1;
    if (!isPending(value)) {
      params.push(value);
      sql += '?';
      return;
    }
    const id = value instanceof PendingId ? value : value.id;
    if (id.known) {
      params.push(settled(value));
      sql += '?';
      return;
    }
    const variable = variables.get(id);
    if (!variable) throw new Error('A pending id used before its INSERT in the transaction');
    if (value instanceof PendingText) {
      params.push(value.prefix);
      sql += `CONCAT(?, ${variable})`;
    } else sql += variable;
  });
  return { sql: sql + statement.sql.slice(from), params };
}

/** Where the `?` placeholders of `sql` are (not inside quotes), kept per SQL text: a few INSERT shapes. */
const placeholderCache = new Map<string, number[]>();

function placeholdersOf(sql: string): number[] {
  let slots = placeholderCache.get(sql);
  if (slots) return slots;
  slots = [];
  for (const match of sql.matchAll(/`[^`]*`|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|\?/g))
    if (match[0] === '?') slots.push(match.index);
  if (placeholderCache.size < 1000) placeholderCache.set(sql, slots);
  return slots;
}

const START: Statement = { sql: 'START TRANSACTION', params: [] };
const COMMIT: Statement = { sql: 'COMMIT', params: [] };

/**
 * The transaction on one pooled connection, its statements joined into multi-statement requests
 * (the pool is opened with `multipleStatements`, see data-source.ts). The query runner is marked as
 * in a transaction the way its own startTransaction() does, so whatever runs through `manager()`
 * (TypeORM's save, for one) joins this transaction instead of opening one, and the statement log
 * files the requests under it.
 */
async function batchedOnMysql<T>(
  dataSource: DataSource,
  work: (writer: TransactionWriter) => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner('master');
  // A pool without multipleStatements (a Galera node, data-source.ts) gets one statement per request.
  const batching = takesMultipleStatements(dataSource);
  const state = runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
  let started = false;
  const variables = new Map<PendingId, string>();
  const send: Send = async (statements) => {
    if (statements.length === 0) return [];
    const opening = started ? [] : [START];
    started = true;
    state.isTransactionActive = true;
    state.transactionDepth = 1;
    const all: Queued[] = [...opening, ...statements];
    if (!batching) return (await oneByOne(runner.manager, all)).slice(opening.length);
    const request = joined(all, variables);
    const raw: unknown = await runner.query(request.sql, request.values);
    // One statement answers its result, several an array of results (one per statement).
    const results = request.count === 1 ? [raw] : (raw as unknown[]);
    const answers = request.positions.map((position) => results[position]);
    all.forEach((statement, i) => statement.defines?.resolve(insertedIdOf(answers[i])));
    return answers.slice(opening.length);
  };
  const writer = new Writer(runner.manager, send);
  try {
    const result = await work(writer);
    const last = writer.end();
    if (started || last.length > 0) await send([...last, COMMIT]);
    return result;
  } catch (error) {
    writer.end();
    if (started) await rollback(runner);
    throw error;
  } finally {
    state.isTransactionActive = false;
    state.transactionDepth = 0;
    await runner.release();
  }
}

/** After a failed request the rest of its statements did not run; the transaction is still open. */
async function rollback(runner: QueryRunner): Promise<void> {
  try {
    await runner.query('ROLLBACK');
  } catch {
    // The connection is gone: the server rolled the transaction back itself.
  }
}
