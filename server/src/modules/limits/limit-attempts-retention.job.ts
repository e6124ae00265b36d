import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { GuardedTick } from '../../common/jobs/guarded-tick';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { AttemptLimits } from './attempt-limits.service';

/**
 * Counted attempts say nothing once their window has passed: they go every 10 minutes. A plain
 * conditional delete: instances may run it together (a Galera conflict between two of them is
 * retried, and the loser finds nothing left).
 */
@Injectable()
export class LimitAttemptsRetentionJob {
  private readonly logger = new Logger(LimitAttemptsRetentionJob.name);
  private readonly ticks = new GuardedTick({
    enabled: () => this.config.jobsEnabled,
    logger: this.logger,
    alone: true,
  });

  constructor(
    private readonly limits: AttemptLimits,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Cron(CronExpression.EVERY_10_MINUTES, { name: 'limit-attempts-retention' })
  async tick(): Promise<void> {
    await this.ticks.run('limit attempts retention failed', async () => {
      const deleted = await this.limits.prune();
      if (deleted > 0) this.logger.log({ deleted }, 'expired limit attempts deleted');
    });
  }
}
