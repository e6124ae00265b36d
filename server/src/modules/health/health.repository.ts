import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The database questions of the health check. */
@Injectable()
export class HealthRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A round trip to the database; throws when it is unreachable. */
  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }

  /** The name of the last migration run (undefined before the first). */
  async findLatestMigration(): Promise<string | undefined> {
    const rows: Array<{ name: string }> = await this.dataSource.query(
      'SELECT name FROM migrations ORDER BY id DESC LIMIT 1',
    );
    return rows[0]?.name;
  }
}
