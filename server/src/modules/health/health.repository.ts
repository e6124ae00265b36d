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

  /** Whether the migration of this name has run (one round trip; throws when the database is unreachable). */
  async hasMigration(name: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      'SELECT 1 AS yes FROM migrations WHERE name = ? LIMIT 1',
      [name],
    );
    return rows.length > 0;
  }

  /** The newest migration this build carries (TypeORM names a migration by its class, ending in its timestamp). */
  newestKnownMigration(): string {
    const names = this.dataSource.migrations.map((m) => m.name ?? m.constructor.name);
    return names.reduce((a, b) => (timestampOf(b) > timestampOf(a) ? b : a), '');
  }
}

const timestampOf = (name: string): number => Number(name.slice(-13)) || 0;
