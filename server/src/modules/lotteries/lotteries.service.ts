import { Injectable, Logger } from '@nestjs/common';
import {
  type LotteryCandidateView,
  type LotteryListResponse,
  type LotterySummary,
  type LotteryView,
  LOTTERY_ALGORITHM,
  LOTTERY_RULES,
} from '@jinri/shared';
import { AppException } from '../../common/errors/app.exception';
import { addDays, atLocal } from '../../common/time/local-time';
import { CacheVersionService } from '../cache/cache-version.service';
import { JournalsRepository } from '../journals/journals.repository';
import { JOURNALS_CACHE } from '../journals/plans.service';
import { LotteriesRepository, type County } from './lotteries.repository';
import type { LotteryCandidate } from './lottery-candidate.entity';
import {
  ALGORITHM_VERSION,
  candidateKey,
  canonicalOrder,
  commitmentOf,
  drawLottery,
  isoWeekLabel,
  newSeed,
} from './lottery-draw';
import type { Lottery } from './lottery.entity';

/** A published plan of the week as the candidate list freezes it. */
export interface FrozenCandidate {
  planId: number;
  date: string;
  officialId: number;
  officialName: string;
  unitName: string;
}

/** When a week's seed is revealed: the Monday after it, at LOTTERY_RULES.revealTime, local time. */
export function revealDueAt(weekStart: string): Date {
  return atLocal(addDays(weekStart, 7), LOTTERY_RULES.revealTime);
}

/**
 * 抽签晒: commits each county's week (a fresh secret seed, its SHA-256 public), reveals it once the
 * week is over (the published plans of the week frozen as candidates, the seed answered, the draw
 * recorded), and answers the public lists. The time is always passed in (the job's clock, or the
 * demo's past times), so every step is dated when it happened.
 */
@Injectable()
export class LotteriesService {
  private readonly logger = new Logger('Lotteries');

  constructor(
    private readonly repository: LotteriesRepository,
    private readonly journals: JournalsRepository,
    private readonly cache: CacheVersionService,
  ) {}

  counties(): Promise<County[]> {
    return this.repository.findCounties();
  }

  /**
   * Commits the week starting `weekStart` for the given counties (all when omitted), at `now`; a
   * county whose week is committed already is left alone. Returns the lotteries created.
   */
  async commitWeek(weekStart: string, now: Date, counties?: County[]): Promise<Lottery[]> {
    // A commitment after the week ended could be chosen knowing the candidates: never made.
    if (now.getTime() >= atLocal(addDays(weekStart, 7), '00:00').getTime()) return [];
    const created: Lottery[] = [];
    for (const county of counties ?? (await this.counties())) {
      const seed = newSeed();
      const lottery = await this.repository
        .transaction((manager) =>
          this.repository.insertCommitted(manager, {
            unitId: county.id,
            weekStart,
            weekEnd: addDays(weekStart, 6),
            drawSize: LOTTERY_RULES.drawSize,
            algorithm: ALGORITHM_VERSION,
            commitment: commitmentOf(seed),
            seed,
            state: 'committed',
            committedAt: now,
            revealDueAt: revealDueAt(weekStart),
            revealedAt: null,
            drawnAt: null,
            candidateCount: null,
          }),
        )
        .catch((error: unknown) => {
          // The unique (unit, week) key: another instance committed the same week first.
          this.logger.warn({ unitId: county.id, weekStart, err: error }, 'lottery commitment skipped');
          return null;
        });
      if (lottery) created.push(lottery);
    }
    return created;
  }

  /** Lotteries whose reveal time has come and that are not drawn yet. */
  dueForReveal(now: Date): Promise<Lottery[]> {
    return this.repository.findDueForReveal(now);
  }

  /**
   * Reveals and draws one lottery at `now` (not before its reveal time): freezes the week's published
   * plans of the county as candidates, draws, and records both steps; bumps the journals cache so the
   * today pages show the 抽中 marks. Does nothing to a lottery already drawn.
   */
  async reveal(lottery: Lottery, now: Date): Promise<{ drawn: number; candidates: number } | null> {
    if (lottery.state !== 'committed' || now.getTime() < lottery.revealDueAt.getTime()) return null;
    const county = (await this.counties()).find((c) => c.id === lottery.unitId);
    const candidates = county ? await this.candidatesOf(county, lottery.weekStart) : [];
    const draw = drawLottery(
      lottery.seed,
      candidates.map((c) => candidateKey(c)),
      lottery.drawSize,
    );
    const byKey = new Map(draw.map((d) => [d.key, d]));
    return this.repository.transaction(async (manager) => {
      if (!(await this.repository.markDrawn(manager, lottery.id, now, candidates.length))) return null;
      await this.repository.insertCandidates(
        manager,
        candidates.map((c, position) => {
          const drawn = byKey.get(candidateKey(c));
          return {
            lotteryId: lottery.id,
            dayPlanId: c.planId,
            position,
            date: c.date,
            officialId: c.officialId,
            officialName: c.officialName,
            unitName: c.unitName,
            drawnRank: drawn?.rank ?? null,
            drawHash: drawn?.hash ?? null,
          };
        }),
      );
      await this.repository.recordEvent(manager, lottery.id, 'revealed', now);
      await this.repository.recordEvent(manager, lottery.id, 'drawn', now);
      if (draw.length > 0) await this.cache.bump(JOURNALS_CACHE, manager);
      return { drawn: draw.length, candidates: candidates.length };
    });
  }

  /**
   * The candidate list: every plan published in the week by an official holding a post in the county
   * on that date (named after the primary post's unit then), in the canonical order.
   */
  async candidatesOf(county: County, weekStart: string): Promise<FrozenCandidate[]> {
    const all: FrozenCandidate[] = [];
    for (let i = 0; i < 7; i++) {
      const date = addDays(weekStart, i);
      const officials = await this.journals.findOfficialsInSubtree(county.path, date);
      const byId = new Map(officials.map((o) => [o.officialId, o]));
      const plans = await this.journals.findPlansOn([...byId.keys()], date, ['published']);
      for (const plan of plans) {
        const official = byId.get(plan.officialId)!;
        all.push({
          planId: plan.id,
          date,
          officialId: plan.officialId,
          officialName: official.name,
          unitName: official.unitName,
        });
      }
    }
    return canonicalOrder(all);
  }

  async list(unitId: number | undefined, page = 1): Promise<LotteryListResponse> {
    const pageSize = LOTTERY_RULES.pageSize;
    const [rows, total] = await this.repository.findPage(unitId, page, pageSize);
    const units = new Map(
      (await this.repository.findUnits([...new Set(rows.map((r) => r.unitId))])).map((u) => [u.id, u]),
    );
    return { items: rows.map((r) => summary(r, units.get(r.unitId)?.name ?? '')), total, page, pageSize };
  }

  /** One lottery: the seed, candidates and result only once revealed. */
  async view(id: number): Promise<LotteryView> {
    const lottery = await this.repository.findById(id);
    if (!lottery) throw new AppException('LOTTERY.NOT_FOUND');
    const [units, events] = await Promise.all([
      this.repository.findUnits([lottery.unitId]),
      this.repository.findEvents(id),
    ]);
    const revealed = lottery.state === 'drawn';
    const candidates = revealed ? await this.repository.findCandidates(id) : [];
    return {
      ...summary(lottery, units[0]?.name ?? ''),
      algorithm: { version: lottery.algorithm, description: LOTTERY_ALGORITHM.description },
      seed: revealed ? lottery.seed : null,
      drawnAt: lottery.drawnAt?.toISOString() ?? null,
      candidates: candidates.map(candidateView),
      drawn: candidates
        .filter((c) => c.drawnRank !== null)
        .sort((a, b) => a.drawnRank! - b.drawnRank!)
        .map((c) => ({ ...candidateView(c), rank: c.drawnRank!, hash: c.drawHash! })),
      events: events.map((e) => ({ action: e.action, at: e.at.toISOString() })),
    };
  }
}

function summary(lottery: Lottery, unitName: string): LotterySummary {
  return {
    id: lottery.id,
    unit: { id: lottery.unitId, name: unitName },
    week: { start: lottery.weekStart, end: lottery.weekEnd, label: isoWeekLabel(lottery.weekStart) },
    state: lottery.state,
    drawSize: lottery.drawSize,
    commitment: lottery.commitment,
    committedAt: lottery.committedAt.toISOString(),
    revealDueAt: lottery.revealDueAt.toISOString(),
    revealedAt: lottery.revealedAt?.toISOString() ?? null,
    candidateCount: lottery.candidateCount,
  };
}

function candidateView(c: LotteryCandidate): LotteryCandidateView {
  return {
    key: candidateKey({ planId: c.dayPlanId, date: c.date, officialId: c.officialId }),
    planId: c.dayPlanId,
    date: c.date,
    official: { id: c.officialId, name: c.officialName },
    unitName: c.unitName,
  };
}
