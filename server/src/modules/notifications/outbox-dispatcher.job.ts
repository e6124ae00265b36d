import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { OutboxService } from './outbox.service';

/** Sends due outbox messages every 10 seconds (each instance; rows are claimed, never sent twice). */
@Injectable()
export class OutboxDispatcherJob {
  private readonly logger = new Logger('OutboxDispatcherJob');
  private running = false;

  constructor(
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Cron(CronExpression.EVERY_10_SECONDS, { name: 'outbox-dispatcher' })
  async tick(): Promise<void> {
    if (!this.config.jobsEnabled || this.running) return;
    this.running = true;
    try {
      await this.outbox.dispatch();
    } catch (error) {
      this.logger.error({ err: error }, 'outbox dispatch failed');
    } finally {
      this.running = false;
    }
  }
}
