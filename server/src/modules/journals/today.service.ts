import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { TodayPlan, TodayResponse } from '@jinri/shared';
import { CLOCK, type Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app.exception';
import { localDate } from '../../common/time/local-time';
import { CacheVersionService } from '../jobs/cache-version.service';
import { JournalsRepository } from './journals.repository';
import { assertDate, JOURNALS_CACHE, PlansService } from './plans.service';

export interface CachedToday {
  etag: string;
  body: string;
}

const MAX_CACHED = 1000;

/**
 * GET /today: the published plans of a unit's subtree for a date, built once per journals version
 * and served from memory (with a strong ETag) until a publication, revision, update or leave
 * decision bumps the version — on any instance.
 */
@Injectable()
export class TodayService {
  private readonly cache = new Map<string, CachedToday & { version: number }>();

  constructor(
    private readonly repository: JournalsRepository,
    private readonly plans: PlansService,
    private readonly versions: CacheVersionService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async today(unitId: number, date?: string): Promise<CachedToday> {
    const day = date ?? localDate(this.clock.now());
    assertDate(day);
    const version = await this.versions.current(JOURNALS_CACHE);
    const key = `${unitId}|${day}`;
    const hit = this.cache.get(key);
    if (hit && hit.version === version) return hit;
    const body = JSON.stringify(await this.build(unitId, day));
    const entry = { version, body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
    if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, entry);
    return entry;
  }

  async build(unitId: number, date: string): Promise<TodayResponse> {
    const unit = await this.repository.findUnit(unitId);
    if (!unit) throw new AppException('DIRECTORY.UNIT_NOT_FOUND');
    const officials = await this.repository.findOfficialsInSubtree(unit.path);
    const ids = officials.map((o) => o.officialId);
    const [published, leaves] = await Promise.all([
      this.repository.findPlansOn(ids, date, ['published']),
      this.repository.findApprovedLeavesOn(ids, date),
    ]);
    const views = new Map((await this.plans.views(published, false)).map((v) => [v.officialId, v]));
    const onLeave = new Set(leaves.map((l) => l.officialId));
    const plans: TodayPlan[] = officials.map((o) => {
      const plan = views.get(o.officialId);
      return {
        official: { id: o.officialId, name: o.name, post: o.title, unit: { id: o.unitId, name: o.unitName } },
        status: onLeave.has(o.officialId) ? 'on_leave' : plan ? 'published' : 'not_published',
        entries: onLeave.has(o.officialId) ? [] : (plan?.entries ?? []),
      };
    });
    return { date, unit: { id: unit.id, name: unit.name, kind: unit.kind }, plans };
  }
}
