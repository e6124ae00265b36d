import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { CLOCK, type Clock } from '../../common/clock';
import { atLocal, localDate, weekStart } from '../../common/time/local-time';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { retriedTransaction } from '../../database/contention';
import { underDemoSeedLease } from '../../database/seed/demo-seed-lease';
import { toAuthUser } from '../auth/auth-user';
import { DirectoryRepository } from '../directory/directory.repository';
import { SupervisionEvent } from '../supervision/supervision-event.entity';
import { FlagAwardRow } from './flag-award.entity';
import { RankingsService } from './rankings.service';

/**
 * The demo's flags (SEED_DEMO=1): once, last week's 红黄旗 (one of each per level, the default N)
 * awarded by the county's supervision office through the service (its rules and events) as the
 * ranking proposed, for the departments and the towns, then dated this Monday morning, in order. The
 * ranking itself needs no seeding: it is computed from the demo's plans, tickets and findings (县数据局,
 * staffed by its head alone, is 样本不足 in any week).
 */
@Injectable()
export class DemoRankingsSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoRankings');

  constructor(
    private readonly rankings: RankingsService,
    private readonly directory: DirectoryRepository,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.seedDemo !== 'full') return;
    const awarded = await underDemoSeedLease(this.dataSource, () => this.seed());
    this.logger.log({ awarded }, 'demo flags up to date');
  }

  /** The number of awards made (0 when flags exist already or there is nothing to rank). */
  async seed(): Promise<number> {
    if ((await this.dataSource.getRepository(FlagAwardRow).count()) > 0) return 0;
    const root = await this.directory.findRootUnit();
    if (!root || root.kind !== 'county') return 0;
    const office = toAuthUser(0, true, [
      { id: 0, role: 'supervisor', unitId: root.id, unitPath: root.path, officialId: null },
    ]);
    const ids: number[] = [];
    for (const level of ['department', 'town'] as const) {
      const proposal = await this.rankings.proposal(office, {
        jurisdictionId: root.id,
        level,
        period: 'week',
      });
      if (proposal.red.length === 0) continue;
      const award = await this.rankings.award(office, {
        jurisdictionId: root.id,
        level,
        period: 'week',
        from: proposal.from,
        red: proposal.red.map((f) => f.unit.id),
        yellow: proposal.yellow.map((f) => f.unit.id),
      });
      ids.push(award.id);
    }
    await this.backdate(ids);
    return ids.length;
  }

  /** This Monday 09:00 (the week's flags are awarded first thing), one minute apart, never ahead of now. */
  private async backdate(ids: number[]): Promise<void> {
    const now = this.clock.now();
    const monday = atLocal(weekStart(localDate(now)), '09:00');
    const base = monday < now ? monday : new Date(now.getTime() - (ids.length + 1) * 60_000);
    await retriedTransaction(this.dataSource, async (manager) => {
      for (const [i, id] of ids.entries()) {
        const at = new Date(base.getTime() + i * 60_000);
        await manager.getRepository(FlagAwardRow).update({ id }, { createdAt: at });
        await manager
          .getRepository(SupervisionEvent)
          .update({ subjectType: 'flag_award', subjectId: In([id]) }, { createdAt: at });
      }
    });
  }
}
