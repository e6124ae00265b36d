import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../../common/clock';
import { lookupHash } from '../../common/crypto/field-cipher';
import { addDays, atLocal, localDate } from '../../common/time/local-time';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { DEMO_OFFICIAL_TITLES } from '../../database/seed/demo-personas';
import { underDemoSeedLease } from '../../database/seed/demo-seed-lease';
import { AuthRepository } from '../auth/auth.repository';
import { DirectoryRepository } from '../directory/directory.repository';
import { RecordsRepository } from './records.repository';

/**
 * The demo (SEED_DEMO=1): the county supervisor of the demo login has looked at the first demo
 * official's 立体像 twice in the past (once on screen, once as PDF), so that official's 谁查看了我的
 * 立体像 is not empty. Once: nothing is added when the official already has views.
 */
@Injectable()
export class DemoRecordViewsSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoRecordViews');

  constructor(
    private readonly records: RecordsRepository,
    private readonly auth: AuthRepository,
    private readonly directory: DirectoryRepository,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.seedDemo !== 'full') return;
    const added = await underDemoSeedLease(this.dataSource, () => this.seed());
    if (added > 0) this.logger.log({ added }, 'demo record views');
  }

  async seed(): Promise<number> {
    const official = (await this.directory.findOfficialsByPostTitle([...DEMO_OFFICIAL_TITLES[0]!], 1))[0];
    if (!official) return 0;
    const [, seen] = await this.records.findViewsOf(official.officialId, 1, 1);
    if (seen > 0) return 0;
    // The user the demo login "督查室（全县）" signs in as (it gets its grant at the first sign-in).
    const supervisor = await this.auth.findOrCreateUser(lookupHash('demo:supervisor:default'), null, true);
    const today = localDate(this.clock.now());
    const views = [
      { daysAgo: 9, time: '16:20', format: 'json' as const },
      { daysAgo: 2, time: '10:05', format: 'pdf' as const },
    ];
    for (const view of views) {
      const day = addDays(today, -view.daysAgo);
      await this.records.recordView({
        officialId: official.officialId,
        viewerUserId: supervisor.id,
        viewerName: '督查室',
        viewerRole: 'supervisor',
        fromDate: addDays(day, -90),
        toDate: day,
        format: view.format,
        createdAt: atLocal(day, view.time),
      });
    }
    return views.length;
  }
}
