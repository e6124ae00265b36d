import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

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
 */
export class PreparedQueries {
  private readonly built = new Map<string, string>();

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
    return this.dataSource.query(query, values);
  }

  async rawOne<T = Record<string, unknown>>(
    shape: string,
    build: () => SelectQueryBuilder<ObjectLiteral>,
    parameters: Record<string, unknown>,
  ): Promise<T | undefined> {
    return (await this.rawMany<T>(shape, build, parameters))[0];
  }
}
