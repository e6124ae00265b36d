import { Inject, Injectable } from '@nestjs/common';
import type { DemoPublishResponse } from '@jinri/shared';
import { AppException } from '../../common/errors/app.exception';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { JournalsRepository } from './journals.repository';
import { assertDate, PlansService } from './plans.service';

/**
 * For the demo only (DEMO_LOGIN=1): lets a visitor see tomorrow's plans published without waiting
 * for 08:00. Refused (404) everywhere else, like the demo login.
 */
@Injectable()
export class DemoPublisher {
  constructor(
    private readonly plans: PlansService,
    private readonly repository: JournalsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async publish(date: string): Promise<DemoPublishResponse> {
    if (!this.config.auth.demoLogin) throw new AppException('AUTH.DEMO_LOGIN_DISABLED');
    assertDate(date);
    const officials = await this.repository.findOfficialsInSubtree('/');
    return {
      published: await this.plans.publishDue(
        date,
        officials.map((o) => o.officialId),
      ),
    };
  }
}
