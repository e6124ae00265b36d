import type { DataSource, Logger, QueryRunner } from 'typeorm';

/** One statement the app sent to the database. */
export interface LoggedStatement {
  sql: string;
  /** Sent inside a transaction (its START TRANSACTION/BEGIN and COMMIT/ROLLBACK included). */
  inTransaction: boolean;
}

/** What a piece of work cost the database. */
export interface StatementCount {
  /** Every statement, those of a multi-statement request (and BEGIN, COMMIT) each counted. */
  statements: number;
  /** Requests sent, each waiting for its answer: the round trips (a batch of statements is one). */
  roundTrips: number;
  /** How many transactions were started. */
  transactions: number;
}

const BEGIN = /^(START TRANSACTION|BEGIN)/i;
/** How batched-transaction.ts joins the statements of one request. */
const BATCH_SEPARATOR = /;\n/;

/** Counts statements as `statements` and `roundTrips` do (see StatementCount). */
export function countStatements(statements: LoggedStatement[]): StatementCount {
  const transactions = statements.filter((s) => BEGIN.test(s.sql)).length;
  const each = statements.reduce((sum, s) => sum + s.sql.split(BATCH_SEPARATOR).length, 0);
  return { statements: each, roundTrips: statements.length, transactions };
}

/**
 * Records every statement a data source sends, for tests and benchmarks only (never installed by
 * the app itself): `attach` puts it in front of the data source's logger, which still logs as
 * before. TypeORM reports each statement to its logger, BEGIN and COMMIT included, on MySQL/MariaDB
 * and SQLite alike.
 */
export class StatementLog implements Logger {
  private recorded: LoggedStatement[] = [];

  private constructor(private readonly inner: Logger) {}

  static attach(dataSource: DataSource): StatementLog {
    const log = new StatementLog(dataSource.logger);
    (dataSource as { logger: Logger }).logger = log;
    return log;
  }

  /** The statements recorded since the last `take` (or since attaching), and starts afresh. */
  take(): LoggedStatement[] {
    const taken = this.recorded;
    this.recorded = [];
    return taken;
  }

  logQuery(query: string, parameters?: unknown[], queryRunner?: QueryRunner): void {
    this.recorded.push({ sql: query, inTransaction: queryRunner?.isTransactionActive ?? false });
    this.inner.logQuery(query, parameters, queryRunner);
  }

  logQueryError(
    error: string | Error,
    query: string,
    parameters?: unknown[],
    queryRunner?: QueryRunner,
  ): void {
    this.inner.logQueryError(error, query, parameters, queryRunner);
  }

  logQuerySlow(time: number, query: string, parameters?: unknown[], queryRunner?: QueryRunner): void {
    this.inner.logQuerySlow(time, query, parameters, queryRunner);
  }

  logSchemaBuild(message: string, queryRunner?: QueryRunner): void {
    this.inner.logSchemaBuild(message, queryRunner);
  }

  logMigration(message: string, queryRunner?: QueryRunner): void {
    this.inner.logMigration(message, queryRunner);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown, queryRunner?: QueryRunner): void {
    this.inner.log(level, message, queryRunner);
  }
}
