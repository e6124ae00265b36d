import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { CLOCK, type Clock } from '../../common/clock';
import { GuardedTick } from '../../common/jobs/guarded-tick';
import { localDate, weekStart } from '../../common/time/local-time';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { JobLockService } from '../jobs/job-lock.service';
import { LotteriesService } from './lotteries.service';

export interface LotteryRun {
  committed: number;
  drawn: number;
}

/**
 * Every minute on every instance, each step once across instances (JobLockService): commits each
 * county's current week (fire key "<countyId>:<monday>"; a server down on Monday morning commits when
 * it is back, any time before the week ends), and reveals and draws each committed lottery whose
 * reveal time has come (fire key = the lottery id). The weeks committed are remembered here, so a
 * quiet minute reads only the lotteries due.
 */
@Injectable()
export class LotteryJob {
  private readonly logger = new Logger('LotteryJob');
  private readonly ticks = new GuardedTick({
    enabled: () => this.config.jobsEnabled,
    logger: this.logger,
    alone: true,
  });
  private readonly committedWeeks = new Set<string>();

  constructor(
    private readonly lotteries: LotteriesService,
    private readonly locks: JobLockService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Cron(CronExpression.EVERY_MINUTE, { name: 'lottery' })
  async tick(): Promise<void> {
    await this.ticks.run('lottery job failed', () => this.run());
  }

  async run(): Promise<LotteryRun> {
    const now = this.clock.now();
    const monday = weekStart(localDate(now));
    let committed = 0;
    let drawn = 0;
    if (!this.committedWeeks.has(monday)) {
      const counties = await this.lotteries.counties();
      const { result } = await this.locks.runOnceEach(
        'lottery-commit',
        counties.map((c) => `${c.id}:${monday}`),
        async (claimed) => {
          const chosen = counties.filter((c) => claimed.includes(`${c.id}:${monday}`));
          return (await this.lotteries.commitWeek(monday, now, chosen)).length;
        },
      );
      committed += result ?? 0;
      this.committedWeeks.add(monday);
    }
    for (const lottery of await this.lotteries.dueForReveal(now)) {
      const { result } = await this.locks.runOnce('lottery-reveal', String(lottery.id), () =>
        this.lotteries.reveal(lottery, now),
      );
      if (result) drawn += 1;
    }
    if (committed + drawn > 0) this.logger.log({ committed, drawn }, 'lotteries committed or drawn');
    return { committed, drawn };
  }
}
