import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, Like } from 'typeorm';
import { CacheVersion } from './cache-version.entity';

/** Named queries of the cache version counters. */
@Injectable()
export class CacheVersionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The counter's value; 0 while it was never bumped. */
  async findVersion(name: string): Promise<number> {
    const row = await this.dataSource.getRepository(CacheVersion).findOneBy({ name });
    return row?.version ?? 0;
  }

  /** Every counter whose name starts with `prefix`. */
  async findVersionsStartingWith(prefix: string): Promise<Map<string, number>> {
    const rows = await this.dataSource.getRepository(CacheVersion).findBy({ name: Like(`${prefix}%`) });
    return new Map(rows.map((r) => [r.name, r.version]));
  }

  /**
   * Adds one to the counter, creating it at 1 the first time (in the caller's transaction when
   * `manager` is given). Two instances creating it at once: the loser increments the winner's row.
   */
  async increment(name: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const repository = manager.getRepository(CacheVersion);
    const result = await repository.increment({ name }, 'version', 1);
    if ((result.affected ?? 0) === 0) {
      try {
        await repository.insert({ name, version: 1 });
      } catch {
        await repository.increment({ name }, 'version', 1);
      }
    }
  }
}
