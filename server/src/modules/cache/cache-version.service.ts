import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import { CacheVersionRepository } from './cache-version.repository';

/**
 * Version counters that let every instance keep an in-memory cache: a reader compares the counter
 * (one primary-key read) with the version its cached value was built at; a writer bumps it.
 */
@Injectable()
export class CacheVersionService {
  private readonly listeners = new Map<string, Array<() => void>>();
  private readonly recent = new Map<string, { version: number; at: number }>();

  /** Counters bumped in a transaction that is still open: told again once it commits. */
  private readonly uncommitted = new WeakMap<QueryRunner, Set<string>>();

  constructor(
    private readonly repository: CacheVersionRepository,
    @InjectDataSource() dataSource: DataSource,
  ) {
    const hook: EntitySubscriberInterface = {
      afterTransactionCommit: (event: TransactionCommitEvent) => {
        const names = this.uncommitted.get(event.queryRunner);
        this.uncommitted.delete(event.queryRunner);
        for (const name of names ?? []) this.notify(name);
      },
      afterTransactionRollback: (event: TransactionRollbackEvent) => {
        this.uncommitted.delete(event.queryRunner);
      },
    };
    dataSource.subscribers.push(hook);
  }

  /**
   * Called after this instance bumps `name`, or any counter starting with `name` when it ends in ":"
   * (other instances learn it by reading the counters).
   */
  onBump(name: string, listener: () => void): void {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
  }

  /**
   * For an in-memory cache that must notice changes made on other instances: `read` re-reads the
   * counters every `intervalMs` (so another instance's change shows within that time), and
   * `invalidate` runs at once when this instance bumps one of `names` (a name ending in ":" is a
   * prefix) or when a read fails. Returns the function that stops the polling.
   */
  watch(
    names: string[],
    read: () => Promise<unknown>,
    invalidate: () => void,
    intervalMs = 1000,
  ): () => void {
    for (const name of names) this.onBump(name, invalidate);
    const timer = setInterval(() => {
      read().catch(invalidate);
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  current(name: string): Promise<number> {
    return this.repository.findVersion(name);
  }

  /**
   * The counter, read from the database at most once per `maxAgeMs`: hot paths (every comment
   * checks the calendar and the word list) skip a query, other instances' changes show within
   * `maxAgeMs`, and this instance's own bumps show at once.
   */
  async recentVersion(name: string, maxAgeMs = 1000): Promise<number> {
    const hit = this.recent.get(name);
    if (hit && Date.now() - hit.at < maxAgeMs) return hit.version;
    const version = await this.current(name);
    this.recent.set(name, { version, at: Date.now() });
    return version;
  }

  /** Every counter whose name starts with `prefix`. */
  list(prefix: string): Promise<Map<string, number>> {
    return this.repository.findVersionsStartingWith(prefix);
  }

  /** Moves the counter (in the caller's transaction when `manager` is given). */
  async bump(name: string, manager?: EntityManager): Promise<void> {
    this.recent.delete(name);
    await this.repository.increment(name, manager);
    this.notify(name);
    // In the caller's transaction nobody else sees the new version before the COMMIT, and a read
    // made meanwhile (a cache's poll) takes the old one for current again: the listeners are told
    // once more when the transaction has committed (a published plan missing from the today page
    // for up to a poll interval, seen on MySQL).
    const runner = manager?.queryRunner;
    if (runner?.isTransactionActive) {
      const names = this.uncommitted.get(runner) ?? new Set<string>();
      names.add(name);
      this.uncommitted.set(runner, names);
    }
  }

  private notify(name: string): void {
    this.recent.delete(name);
    for (const [key, listeners] of this.listeners) {
      if (key === name || (key.endsWith(':') && name.startsWith(key)))
        for (const listener of listeners) listener();
    }
  }
}
