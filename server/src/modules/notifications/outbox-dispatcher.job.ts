import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { GuardedTick } from '../../common/jobs/guarded-tick';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { InAppMessagesService } from './in-app-messages.service';
import { OutboxService } from './outbox.service';

/** Sends due outbox messages every 10 seconds (each instance; rows are claimed, never sent twice). */
@Injectable()
export class OutboxDispatcherJob {
  private readonly logger = new Logger('OutboxDispatcherJob');
  private readonly enabled = () => this.config.jobsEnabled;
  private readonly dispatches = new GuardedTick({ enabled: this.enabled, logger: this.logger, alone: true });
  private readonly purges = new GuardedTick({ enabled: this.enabled, logger: this.logger });

  constructor(
    private readonly outbox: OutboxService,
    private readonly inApp: InAppMessagesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Cron(CronExpression.EVERY_10_SECONDS, { name: 'outbox-dispatcher' })
  async tick(): Promise<void> {
    await this.dispatches.run('outbox dispatch failed', () => this.outbox.dispatch());
  }

  /** In-app messages past their retention (MESSAGE_LIMITS.retentionDays) go, once an hour. */
  @Cron(CronExpression.EVERY_HOUR, { name: 'in-app-messages-retention' })
  async purge(): Promise<void> {
    await this.purges.run('in-app message retention failed', async () => {
      const deleted = await this.inApp.purge();
      if (deleted > 0) this.logger.log({ deleted }, 'in-app messages past retention deleted');
    });
  }
}
