import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { TodayPlan, TodayResponse } from '@jinri/shared';
import { CLOCK, type Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app.exception';
import { localDate } from '../../common/time/local-time';
import { CalendarService } from '../calendar/calendar.service';
import { CacheVersionService } from '../cache/cache-version.service';
import { dayStatus } from './day-status';
import { JournalsRepository } from './journals.repository';
import { CurrentFlags } from '../rankings/current-flags';
import { assertDate, JOURNALS_CACHE, PlansService } from './plans.service';

export interface CachedToday {
  etag: string;
  body: Buffer;
  /** The same body gzip-compressed once, for clients that accept it (Chinese JSON shrinks ~6×). */
  gzip: Buffer;
}

const MAX_CACHED = 1000;
/** Half a second: another instance's change is on this one's fast path within a second, rebuild included. */
const VERSION_POLL_MS = 500;

/**
 * GET /today: the published plans of a unit's subtree for a date, built once per journals version
 * and served from memory (with a strong ETag) until a publication, revision, update or leave
 * decision bumps the version — on any instance.
 */
@Injectable()
export class TodayService implements OnModuleInit, OnModuleDestroy {
  private readonly cache = new Map<string, CachedToday & { version: number }>();
  /**
   * The journals version as last read from the database (-1: unknown). The HTTP fast path serves a
   * cached page only when it was built at this version; it is re-read every half second, so a change on
   * another instance reaches this one's fast path within a second (this instance's own changes at once).
   */
  private knownVersion = -1;
  /** Pages served by peek() (the HTTP fast path), for tests and metrics. */
  fastHits = 0;
  private stopWatching: (() => void) | null = null;

  constructor(
    private readonly repository: JournalsRepository,
    private readonly plans: PlansService,
    private readonly versions: CacheVersionService,
    private readonly calendars: CalendarService,
    private readonly flags: CurrentFlags,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.stopWatching = this.versions.watch(
      [JOURNALS_CACHE],
      async () => {
        this.knownVersion = await this.versions.current(JOURNALS_CACHE);
      },
      () => {
        this.knownVersion = -1;
      },
      VERSION_POLL_MS,
    );
  }

  onModuleDestroy(): void {
    this.stopWatching?.();
  }

  /** A cached page that is still current, without touching the database; null to take the full path. */
  peek(unitId: number, date?: string): CachedToday | null {
    const hit = this.cache.get(`${unitId}|${date ?? localDate(this.clock.now())}`);
    if (!hit || this.knownVersion < 0 || hit.version !== this.knownVersion) return null;
    this.fastHits += 1;
    return hit;
  }

  async today(unitId: number, date?: string): Promise<CachedToday> {
    const day = date ?? localDate(this.clock.now());
    assertDate(day);
    const version = await this.versions.current(JOURNALS_CACHE);
    this.knownVersion = version;
    const key = `${unitId}|${day}`;
    const hit = this.cache.get(key);
    if (hit && hit.version === version) return hit;
    const body = Buffer.from(JSON.stringify(await this.build(unitId, day)));
    const entry = {
      version,
      body,
      gzip: gzipSync(body, { level: 6 }),
      etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
    };
    if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, entry);
    return entry;
  }

  async build(unitId: number, date: string): Promise<TodayResponse> {
    const unit = await this.repository.findUnit(unitId);
    if (!unit) throw new AppException('DIRECTORY.UNIT_NOT_FOUND');
    const officials = await this.repository.findOfficialsInSubtree(unit.path, date);
    const ids = officials.map((o) => o.officialId);
    const [published, leaves] = await Promise.all([
      this.repository.findPlansOn(ids, date, ['published']),
      this.repository.findApprovedLeavesOn(ids, date),
    ]);
    const views = new Map((await this.plans.views(published, false)).map((v) => [v.officialId, v]));
    const onLeave = new Set(leaves.map((l) => l.officialId));
    const calendar = await this.calendars.calendar();
    const day = { date, ...calendar.day(date), nextWorkday: calendar.nextWorkday(date) };
    const plans: TodayPlan[] = officials.map((o) => {
      const plan = views.get(o.officialId);
      const status = dayStatus(day.isWorkday, onLeave.has(o.officialId), plan !== undefined);
      return {
        official: { id: o.officialId, name: o.name, post: o.title, unit: { id: o.unitId, name: o.unitName } },
        status,
        entries: status === 'published' ? plan!.entries : [],
        ...(status === 'published' && plan!.drawn ? { drawn: plan!.drawn } : {}),
      };
    });
    const flag = (await this.flags.of([unit.id])).get(unit.id) ?? null;
    return { date, day, unit: { id: unit.id, name: unit.name, kind: unit.kind }, plans, flag };
  }
}
