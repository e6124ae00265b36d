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

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Called after this instance bumps `name`, or any counter starting with `name` when it ends in ":"
   * (other instances learn it by reading the counters).
   */
  onBump(name: string, listener: () => void): void {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
  }

  async current(name: string): Promise<number> {
    const row = await this.dataSource.getRepository(CacheVersion).findOneBy({ name });
    return row?.version ?? 0;
  }

  /** Every counter whose name starts with `prefix`. */
  async list(prefix: string): Promise<Map<string, number>> {
    const rows = await this.dataSource.getRepository(CacheVersion).findBy({ name: Like(`${prefix}%`) });
    return new Map(rows.map((r) => [r.name, r.version]));
  }

  async bump(name: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const repository = manager.getRepository(CacheVersion);
    const result = await repository.increment({ name }, 'version', 1);
    if ((result.affected ?? 0) === 0) {
      try {
        await repository.insert({ name, version: 1 });
      } catch {
        await repository.increment({ name }, 'version', 1);
      }
    }
    for (const [key, listeners] of this.listeners) {
      if (key === name || (key.endsWith(':') && name.startsWith(key)))
        for (const listener of listeners) listener();
    }
  }
}
