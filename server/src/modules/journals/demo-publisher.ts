import { Inject, Injectable } from '@nestjs/common';
import type { DemoPublishResponse } from '@jinri/shared';
import { AppException } from '../../common/errors/app.exception';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { type AuthUser, scopePaths } from '../auth/auth-user';
import { JournalsRepository } from './journals.repository';
import { INSIDERS } from './plan-access';
import { assertDate, PlansService } from './plans.service';

/** The roles whose grants cover other officials' plans (an official's covers her own only). */
const GRANTS_OVER_OTHERS = INSIDERS.filter((role) => role !== 'official');

/**
 * For the demo only (DEMO_LOGIN=1): lets a visitor see tomorrow's plans published without waiting
 * for 08:00, within the persona's own scope. Refused (404) everywhere else, like the demo login.
 */
@Injectable()
export class DemoPublisher {
  constructor(
    private readonly plans: PlansService,
    private readonly repository: JournalsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Publishes the submitted plans dated on or before `date` of the officials in the caller's scope
   * only: their own as an official, and those holding a post in the subtree of their clerk,
   * supervisor or admin grants (the persona's town, never the whole county unless it is theirs).
   */
  async publish(user: AuthUser, date: string): Promise<DemoPublishResponse> {
    if (!this.config.auth.demoLogin) throw new AppException('AUTH.DEMO_LOGIN_DISABLED');
    assertDate(date);
    const officialIds = new Set<number>();
    if (user.officialId !== undefined && user.roles.includes('official')) officialIds.add(user.officialId);
    for (const path of scopePaths(user, GRANTS_OVER_OTHERS)) {
      for (const official of await this.repository.findOfficialsInSubtree(path))
        officialIds.add(official.officialId);
    }
    if (officialIds.size === 0) throw new AppException('AUTH.OUT_OF_SCOPE');
    return { published: await this.plans.publishDue(date, [...officialIds]) };
  }
}
