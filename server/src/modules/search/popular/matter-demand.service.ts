import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { CLOCK, type Clock } from '../../../common/clock';
import { localDate } from '../../../common/time/local-time';
import { retryOnContention } from '../../../database/contention';
import { type DemandDelta, PopularMattersRepository } from './popular-matters.repository';

export type DemandKind = 'searches' | 'opens' | 'comments';

/** How often an instance adds its counts to the table. */
const FLUSH_MS = 10_000;
/** Rows per statement (6 parameters each, well under SQLite's and MySQL's limits). */
const CHUNK = 100;

interface Pending {
  matterId: number;
  /** The resident's unit, or null: the county of the matter's department. */
  unitPath: string | null;
  day: string;
  counts: Record<DemandKind, number>;
}

/**
 * Counts what residents ask about (the popular matters' signal) without a write on the request's
 * path: record() only adds to memory; every FLUSH_MS (and before the popular list is read, and at
 * shutdown) the counts go to matter_demand_daily in one upsert per 100 rows. A count belongs to the
 * county of the resident's unit when the request names one, else to the county of the matter's
 * department; a count that falls in no county is dropped. A crash loses at most FLUSH_MS of counts.
 */
@Injectable()
export class MatterDemand implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(MatterDemand.name);
  private pending = new Map<string, Pending>();
  private flushing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly repository: PopularMattersRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush().catch(() => undefined), FLUSH_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush().catch(() => undefined);
  }

  /** One search whose top hit was the matter, one open of its page, or one comment on it. */
  record(kind: DemandKind, matterId: number, unitPath: string | null): void {
    const day = localDate(this.clock.now());
    const key = `${day}|${matterId}|${unitPath ?? ''}`;
    const entry = this.pending.get(key) ?? {
      matterId,
      unitPath,
      day,
      counts: { searches: 0, opens: 0, comments: 0 },
    };
    entry.counts[kind] += 1;
    this.pending.set(key, entry);
  }

  /** A new ticket on a matter (tickets call this once the ticket is created, never on a replay). */
  recordComment(matterId: number, unitPath: string | null): void {
    this.record('comments', matterId, unitPath);
  }

  /** Adds what this instance counted so far; flushes run one after the other. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.write());
    return this.flushing;
  }

  private async write(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    try {
      const deltas = await this.resolve(batch);
      for (let i = 0; i < deltas.length; i += CHUNK) {
        const chunk = deltas.slice(i, i + CHUNK);
        await retryOnContention(() => this.repository.addDemand(chunk));
      }
    } catch (error) {
      this.logger.warn(`popular matters: ${batch.length} counts not added: ${String(error)}`);
    }
  }

  /** The county of each count (the innermost county containing its unit), summed per row key. */
  private async resolve(batch: Pending[]): Promise<DemandDelta[]> {
    const counties = await this.repository.findCounties();
    const departments = await this.repository.findDepartmentPaths([
      ...new Set(batch.filter((p) => p.unitPath === null).map((p) => p.matterId)),
    ]);
    const rows = new Map<string, DemandDelta>();
    for (const p of batch) {
      const path = p.unitPath ?? departments.get(p.matterId);
      const county = path ? innermostCounty(counties, path) : null;
      if (!county) continue;
      const key = `${county.id}|${p.matterId}|${p.day}`;
      const row = rows.get(key) ?? {
        countyUnitId: county.id,
        matterId: p.matterId,
        day: p.day,
        searches: 0,
        opens: 0,
        comments: 0,
      };
      row.searches += p.counts.searches;
      row.opens += p.counts.opens;
      row.comments += p.counts.comments;
      rows.set(key, row);
    }
    return [...rows.values()];
  }
}

/** The innermost county whose subtree holds the unit at `path` (a province root may also be a county). */
export function innermostCounty<T extends { path: string }>(counties: readonly T[], path: string): T | null {
  let best: T | null = null;
  for (const c of counties) if (path.startsWith(c.path) && c.path.length > (best?.path.length ?? 0)) best = c;
  return best;
}
