import { Inject, Injectable } from '@nestjs/common';
import type { MatterPinView, MatterSummaryWithCount } from '@jinri/shared';
import { CLOCK, type Clock } from '../../../common/clock';
import { AppException } from '../../../common/errors/app.exception';
import { addDays, localDate } from '../../../common/time/local-time';
import { type AuthUser, coversUnit } from '../../auth/auth-user';
import { MatterDemand, innermostCounty } from './matter-demand.service';
import { DEMAND_DAYS, type PopularCandidate, rankPopular } from './popular-matters';
import { PopularMattersRepository } from './popular-matters.repository';

/**
 * The popular matters of a county (大家常办的事): the admin's pins, then what its residents asked
 * about over the last DEMAND_DAYS days, then the cold-start defaults (popular-matters.ts).
 */
@Injectable()
export class PopularMattersService {
  constructor(
    private readonly repository: PopularMattersRepository,
    private readonly demand: MatterDemand,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * The list for the county at `countyPath` among `candidates` (the matters its search index holds).
   * This instance's pending counts are added first, so what it counted shows at once.
   */
  async list(countyPath: string, candidates: readonly PopularCandidate[]): Promise<MatterSummaryWithCount[]> {
    const countyUnitId = unitIdOf(countyPath);
    let pins: Array<{ matterId: number; rank: number }> = [];
    let demand: Awaited<ReturnType<PopularMattersRepository['findDemandSince']>> = [];
    if (countyUnitId !== null) {
      await this.demand.flush();
      const since = addDays(localDate(this.clock.now()), 1 - DEMAND_DAYS);
      const [pinRows, demandRows] = await Promise.all([
        this.repository.findPins(countyUnitId),
        this.repository.findDemandSince(countyUnitId, since),
      ]);
      pins = pinRows.map((p) => ({ matterId: p.matterId, rank: p.pinnedRank }));
      demand = demandRows;
    }
    return rankPopular({ candidates, pins, demand }).map((m) => ({
      id: m.id,
      name: m.name,
      category: m.category,
    }));
  }

  /**
   * Pins a matter for the county holding its department (rank 1 first), or removes the pin (null).
   * Scoped like the other admin matter routes: the department must lie in the admin's subtree.
   */
  async pin(admin: AuthUser, matterId: number, rank: number | null): Promise<MatterPinView> {
    const department = (await this.repository.findDepartmentPaths([matterId])).get(matterId);
    if (!department || !coversUnit(admin, ['admin'], department))
      throw new AppException('COMMON.NOT_FOUND', '找不到该事项');
    const county = innermostCounty(await this.repository.findCounties(), department);
    if (!county) throw new AppException('COMMON.VALIDATION_FAILED', '该事项不属于任何县（市、区），无法置顶');
    if (rank === null) await this.repository.deletePin(county.id, matterId);
    else await this.repository.savePin(county.id, matterId, rank, admin.userId);
    return { matterId, countyUnitId: county.id, rank };
  }
}

/** The unit id at the end of a materialised path ("/1/4/" → 4); null for the root "/". */
function unitIdOf(path: string): number | null {
  const last = path.split('/').filter(Boolean).at(-1);
  return last === undefined ? null : Number(last);
}
