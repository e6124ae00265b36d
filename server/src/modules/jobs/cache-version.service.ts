import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { CacheVersion } from './cache-version.entity';

/**
 * Version counters that let every instance keep an in-memory cache: a reader compares the counter
 * (one primary-key read) with the version its cached value was built at; a writer bumps it.
 */
@Injectable()
export class CacheVersionService {
  private readonly listeners = new Map<string, Array<() => void>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Called after this instance bumps `name` (other instances learn it by reading the counter). */
  onBump(name: string, listener: () => void): void {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
  }

  async current(name: string): Promise<number> {
    const row = await this.dataSource.getRepository(CacheVersion).findOneBy({ name });
    return row?.version ?? 0;
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
    for (const listener of this.listeners.get(name) ?? []) listener();
  }
}
