import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../../common/clock';
import { addDays, atLocal, localDate, weekStart } from '../../common/time/local-time';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { underDemoSeedLease } from '../../database/seed/demo-seed-lease';
import { LotteriesService, revealDueAt } from './lotteries.service';

/** The demo's commitments are made a few seconds into their Monday. */
const COMMIT_OFFSET_MS = 5_000;

export interface DemoLotteriesResult {
  committed: number;
  drawn: number;
}

/**
 * The demo's 抽签晒 (SEED_DEMO=1): a first start shows one revealed lottery — the last week whose
 * reveal time has passed, drawn from the demo's published plans — and this week's open commitment.
 * Everything goes through the service, dated when the job would have done it (in the past, in
 * order: committed on its Monday, revealed the Monday after at 09:00). Weeks already there are left
 * alone, so later starts add nothing; the job takes over from here.
 */
@Injectable()
export class DemoLotteriesSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoLotteries');

  constructor(
    private readonly lotteries: LotteriesService,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.seedDemo !== 'full') return;
    const result = await underDemoSeedLease(this.dataSource, () => this.seed());
    this.logger.log(result, 'demo lotteries up to date');
  }

  async seed(): Promise<DemoLotteriesResult> {
    const now = this.clock.now();
    const thisWeek = weekStart(localDate(now));
    // Last week is revealed at 09:00 this Monday; before that the week before it is the last revealed.
    const lastWeek = addDays(thisWeek, now >= revealDueAt(addDays(thisWeek, -7)) ? -7 : -14);
    let committed = 0;
    let drawn = 0;
    const commitAt = (monday: string) =>
      new Date(Math.min(now.getTime(), atLocal(monday, '00:00').getTime() + COMMIT_OFFSET_MS));
    for (const monday of [lastWeek, ...(lastWeek < addDays(thisWeek, -7) ? [addDays(thisWeek, -7)] : [])])
      committed += (await this.lotteries.commitWeek(monday, commitAt(monday))).length;
    for (const lottery of await this.lotteries.dueForReveal(now))
      if (lottery.weekStart === lastWeek && (await this.lotteries.reveal(lottery, lottery.revealDueAt)))
        drawn += 1;
    committed += (await this.lotteries.commitWeek(thisWeek, commitAt(thisWeek))).length;
    return { committed, drawn };
  }
}
