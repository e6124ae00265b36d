import { Injectable } from '@nestjs/common';
import type { CurrentFlag } from '@jinri/shared';
import { RankingsRepository } from './rankings.repository';

/**
 * The current 红旗 / 黄旗 of units (the last awarded completed period of their county and level), for
 * the public today page and unit pages. Provided (with RankingsRepository) by the modules that show
 * them, so they need not import the rankings module.
 */
@Injectable()
export class CurrentFlags {
  constructor(private readonly repository: RankingsRepository) {}

  async of(unitIds: number[]): Promise<Map<number, CurrentFlag>> {
    const rows = await this.repository.findCurrentFlagsOf([...new Set(unitIds)]);
    return new Map(
      rows.map((r) => [
        r.unitId,
        {
          color: r.color,
          period: r.award.period,
          from: String(r.award.fromDate).slice(0, 10),
          to: String(r.award.toDate).slice(0, 10),
          awardedAt: r.award.createdAt.toISOString(),
        },
      ]),
    );
  }
}
