import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { CLOCK, type Clock } from '../../common/clock';
import { GuardedTick } from '../../common/jobs/guarded-tick';
import { atLocal, localDate } from '../../common/time/local-time';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { JournalRulesService } from './journal-rules.service';
import { officialsByJurisdiction } from './jurisdictions';
import { JournalsRepository } from './journals.repository';
import { PlansService } from './plans.service';

/**
 * Publishes the day's submitted plans at each jurisdiction's publication time (default 08:00).
 * Runs every minute on every instance; each plan is published once because publishing is a
 * conditional update (submitted → published) with its revision written in the same transaction.
 * A server that was down at 08:00 publishes on its first minute back.
 */
@Injectable()
export class PublicationJob {
  private readonly logger = new Logger('PublicationJob');
  private readonly ticks = new GuardedTick({ enabled: () => this.config.jobsEnabled, logger: this.logger });

  constructor(
    private readonly rules: JournalRulesService,
    private readonly repository: JournalsRepository,
    private readonly plans: PlansService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Cron(CronExpression.EVERY_MINUTE, { name: 'publication' })
  async tick(): Promise<void> {
    await this.ticks.run('publication failed', () => this.run());
  }

  async run(): Promise<number> {
    const now = this.clock.now();
    const today = localDate(now);
    let published = 0;
    for (const { rules, officialIds } of await officialsByJurisdiction(this.rules, this.repository)) {
      if (now.getTime() < atLocal(today, rules.publicationTime).getTime()) continue;
      published += await this.plans.publishDue(today, officialIds);
    }
    if (published > 0) this.logger.log({ published, date: today }, 'published plans');
    return published;
  }
}
