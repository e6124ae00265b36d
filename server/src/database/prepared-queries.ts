import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { takesMultipleStatements } from './data-source';

interface Waiting {
  sql: string;
  values: unknown[];
  resolve: (rows: unknown[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Queries written with TypeORM's query builder but built once: the SQL (with its named parameters)
 * is kept per shape, and each run only binds the parameters, the way the builder itself does
 * (`driver.escapeQueryWithParameters`: `:...list` expanded, dates and booleans as the driver wants
 * them). On a comment's two reads the builder's joins, aliases and column names were most of the
 * TypeORM share of its CPU (issue #16).
 *
 * Every parameter must be passed on every run: values set while building are NOT kept, so a date
 * captured at build time can never be used again by mistake (a parameter that is not passed stays
 * in the SQL as `:name` and the database refuses it).
 *
 * Reads started in the same tick travel together: on a pool that takes multi-statement requests
 * (MySQL, MariaDB, TiDB; not a Galera node, see data-source.ts) they go as one request, each still
 * with its own bound parameters and its own rows. A comment's author check and its routing read
 * cost one round trip instead of two; on this kind of machine a request's socket write and the
 * database's wake-up are a large part of what a comment costs (issue #16). Should the joint request
 * fail, each read runs again alone, so each caller gets its own rows or its own error. Elsewhere
 * (SQLite, Galera) each read is its own request, as before.
 */
export class PreparedQueries {
  private readonly built = new Map<string, string>();
  private waiting: Waiting[] = [];

  constructor(private readonly dataSource: DataSource) {}

  /**
   * The raw rows of the query `build` makes; `shape` names it (the same shape must always build
   * the same SQL: put whatever changes the SQL, such as a LIMIT, into the shape).
   */
  rawMany<T = Record<string, unknown>>(
    shape: string,
    build: () => SelectQueryBuilder<ObjectLiteral>,
    parameters: Record<string, unknown>,
  ): Promise<T[]> {
    let sql = this.built.get(shape);
    if (sql === undefined) {
      sql = build().getQuery();
      this.built.set(shape, sql);
    }
    const [query, values] = this.dataSource.driver.escapeQueryWithParameters(sql, parameters);
    return this.run(query, values) as Promise<T[]>;
  }

  async rawOne<T = Record<string, unknown>>(
    shape: string,
    build: () => SelectQueryBuilder<ObjectLiteral>,
    parameters: Record<string, unknown>,
  ): Promise<T | undefined> {
    return (await this.rawMany<T>(shape, build, parameters))[0];
  }

  private run(sql: string, values: unknown[]): Promise<unknown[]> {
    if (!takesMultipleStatements(this.dataSource)) return this.dataSource.query(sql, values);
    return new Promise((resolve, reject) => {
      this.waiting.push({ sql, values, resolve, reject });
      // The first read of a tick sends, once that tick's synchronous code has queued the others.
      if (this.waiting.length === 1) queueMicrotask(() => void this.send());
    });
  }

  private async send(): Promise<void> {
    const reads = this.waiting;
    this.waiting = [];
    if (reads.length === 1) return this.alone(reads[0]!);
    try {
      const results = (await this.dataSource.query(
        reads.map((r) => r.sql).join(';\n'),
        reads.flatMap((r) => r.values),
      )) as unknown[][];
      reads.forEach((read, i) => read.resolve(results[i]!));
    } catch {
      // Which read failed is not known (the ones after it did not run): each runs again by itself.
      await Promise.all(reads.map((read) => this.alone(read)));
    }
  }

  private async alone(read: Waiting): Promise<void> {
    try {
      read.resolve((await this.dataSource.query(read.sql, read.values)) as unknown[]);
    } catch (error) {
      read.reject(error);
    }
  }
}
