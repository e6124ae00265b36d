import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AttemptCheck, AttemptRow, AttemptStore } from '../../common/rate/attempt-limiter';

/** The rows deleted by one prune statement on MySQL (a Galera write set stays small). */
const PRUNE_BATCH = 5000;

/** Named queries of limit_attempts: the database's AttemptStore, one statement each. */
@Injectable()
export class LimitAttemptsRepository implements AttemptStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get mysql(): boolean {
    const type = this.dataSource.options.type;
    return type === 'mysql' || type === 'mariadb';
  }

  async insert(rows: AttemptRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO limit_attempts (id, limiter, key_hash, expires_at) VALUES ${rows.map(() => '(?, ?, ?, ?)').join(', ')}`,
      rows.flatMap((r) => [r.id, r.limiter, r.keyHash, r.expiresAt]),
    );
  }

  /**
   * One SELECT for every check: per check, a scalar subquery reads the `max`-th newest live expiry
   * of its key along idx_limit_attempts_key (at most `max` index entries); the latest one wins.
   */
  async blockedUntil(checks: AttemptCheck[], nowMs: number): Promise<number> {
    if (checks.length === 0) return 0;
    const arms: string[] = [];
    const params: unknown[] = [];
    for (const check of checks) {
      const offset = Math.max(0, Math.floor(check.max) - 1);
      const exclude =
        check.exclude.length > 0 ? `AND id NOT IN (${check.exclude.map(() => '?').join(', ')})` : '';
      arms.push(
        `SELECT (SELECT expires_at FROM limit_attempts
                 WHERE limiter = ? AND key_hash = ? AND expires_at > ? ${exclude}
                 ORDER BY expires_at DESC LIMIT 1 OFFSET ${offset}) AS until_ms`,
      );
      params.push(check.limiter, check.keyHash, nowMs, ...check.exclude);
    }
    const rows: Array<{ until_ms: unknown }> = await this.dataSource.query(arms.join(' UNION ALL '), params);
    return Math.max(0, ...rows.map((r) => (r.until_ms === null ? 0 : Number(r.until_ms))));
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.query(
      `DELETE FROM limit_attempts WHERE id IN (${ids.map(() => '?').join(', ')})`,
      ids,
    );
  }

  /** Deletes the expired rows (on MySQL in batches of PRUNE_BATCH); answers how many went. */
  async prune(nowMs: number): Promise<number> {
    const runner = this.dataSource.createQueryRunner();
    try {
      let deleted = 0;
      for (;;) {
        const result = await runner.query(
          `DELETE FROM limit_attempts WHERE expires_at <= ?${this.mysql ? ` LIMIT ${PRUNE_BATCH}` : ''}`,
          [nowMs],
          true,
        );
        const affected = (result as { affected?: number }).affected ?? 0;
        deleted += affected;
        if (!this.mysql || affected < PRUNE_BATCH) return deleted;
      }
    } finally {
      await runner.release();
    }
  }
}
