import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { assertUtf8mb4 } from './data-source';
import { runMigrations } from './migrate';
import { seedDemoCounty } from './seed/demo-county.seed';
import { underDemoSeedLease } from './seed/demo-seed-lease';
import { seedDemoJournals } from './seed/demo-journals';
import { seedDemoTickets } from './seed/demo-tickets';
import { CLOCK, type Clock } from '../common/clock';
import { localDate } from '../common/time/local-time';

/** Before the app serves: check the database, apply migrations, seed the demo county when asked. */
@Injectable()
export class DatabaseBootstrapService implements OnModuleInit {
  private readonly logger = new Logger('Database');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    await assertUtf8mb4(this.dataSource);
    if (this.config.database.migrationsRun) {
      const started = Date.now();
      const applied = await runMigrations(this.dataSource, {
        onWait: (holder) =>
          this.logger.log({ holder }, 'another instance is migrating: waiting for its lease'),
      });
      this.logger.log(
        { applied: applied.map((m) => m.name), ms: Date.now() - started },
        applied.length > 0 ? `applied ${applied.length} migration(s)` : 'schema is up to date',
      );
    }
    if (this.config.seedDemo !== 'none')
      await underDemoSeedLease(this.dataSource, () => this.seedDemo(), {
        onWait: (holder) => this.logger.log({ holder }, 'another instance is seeding the demo: waiting'),
      });
  }

  /** The demo county, then (SEED_DEMO=1) its journals and tickets: each tops up what is missing. */
  private async seedDemo(): Promise<void> {
    const started = Date.now();
    const result = await seedDemoCounty(this.dataSource);
    this.logger.log(
      { ...result, ms: Date.now() - started },
      result.skipped ? 'demo county already present' : 'seeded the demo county',
    );
    if (this.config.seedDemo !== 'full') return;
    const now = this.clock.now();
    const journals = await seedDemoJournals(this.dataSource, now, localDate(now));
    this.logger.log({ ...journals, ms: Date.now() - started }, 'demo journals up to date');
    const tickets = await seedDemoTickets(this.dataSource, now);
    if (tickets.tickets > 0) this.logger.log(tickets, 'seeded demo tickets');
  }
}
