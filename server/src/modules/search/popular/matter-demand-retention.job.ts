import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { CLOCK, type Clock } from '../../../common/clock';
import { GuardedTick } from '../../../common/jobs/guarded-tick';
import { addDays, localDate } from '../../../common/time/local-time';
import { APP_CONFIG, type AppConfig } from '../../../config/app.config';
import { DEMAND_KEEP_DAYS } from './popular-matters';
import { PopularMattersRepository } from './popular-matters.repository';

/**
 * The demand counters are one row per county, matter and day: past DEMAND_KEEP_DAYS they say
 * nothing the list uses, so they go, once an hour. A plain conditional delete: instances may run
 * it together.
 */
@Injectable()
export class MatterDemandRetentionJob {
  private readonly logger = new Logger(MatterDemandRetentionJob.name);
  private readonly ticks = new GuardedTick({ enabled: () => this.config.jobsEnabled, logger: this.logger });

  constructor(
    private readonly repository: PopularMattersRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Cron(CronExpression.EVERY_HOUR, { name: 'matter-demand-retention' })
  async tick(): Promise<void> {
    await this.ticks.run('matter demand retention failed', async () => {
      const deleted = await this.run();
      if (deleted > 0) this.logger.log({ deleted }, 'matter demand rows past retention deleted');
    });
  }

  /** Deletes the rows of days before today − DEMAND_KEEP_DAYS + 1; answers how many went. */
  run(): Promise<number> {
    const today = localDate(this.clock.now());
    return this.repository.deleteDemandBefore(addDays(today, 1 - DEMAND_KEEP_DAYS));
  }
}
