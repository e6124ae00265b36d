import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, Like } from 'typeorm';
import { CacheVersion } from './cache-version.entity';

/**
 * Version counters that let every instance keep an in-memory cache: a reader compares the counter
 * (one primary-key read) with the version its cached value was built at; a writer bumps it.
 */
@Injectable()
export class CacheVersionService {
  private readonly listeners = new Map<string, Array<() => void>>();
  private readonly recent = new Map<string, { version: number; at: number }>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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

  async current(name: string): Promise<number> {
    const row = await this.dataSource.getRepository(CacheVersion).findOneBy({ name });
    return row?.version ?? 0;
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
  async list(prefix: string): Promise<Map<string, number>> {
    const rows = await this.dataSource.getRepository(CacheVersion).findBy({ name: Like(`${prefix}%`) });
    return new Map(rows.map((r) => [r.name, r.version]));
  }

  async bump(name: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const repository = manager.getRepository(CacheVersion);
    this.recent.delete(name);
    const result = await repository.increment({ name }, 'version', 1);
    if ((result.affected ?? 0) === 0) {
      try {
        await repository.insert({ name, version: 1 });
      } catch {
        await repository.increment({ name }, 'version', 1);
      }
    }
    this.recent.delete(name);
    for (const [key, listeners] of this.listeners) {
      if (key === name || (key.endsWith(':') && name.startsWith(key)))
        for (const listener of listeners) listener();
    }
  }
}
