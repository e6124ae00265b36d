import { Inject, Injectable } from '@nestjs/common';
import {
  type FlagAward,
  type FlagAwardBatch,
  type FlagProposal,
  type FlagsResponse,
  RATE_KEYS,
  type RankingItem,
  type RankingLevel,
  type RankingPeriod,
  type RankingResponse,
  type RankingSettings,
  type RankingTrendResponse,
  type RankingWeights,
} from '@jinri/shared';
import { CLOCK, type Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app.exception';
import { addDays, atLocal, daysBetween, isValidDate, localDate } from '../../common/time/local-time';
import { type AuthUser, coversUnit } from '../auth/auth-user';
import { CacheVersionService } from '../cache/cache-version.service';
import { CalendarService } from '../calendar/calendar.service';
import { DirectoryRepository } from '../directory/directory.repository';
import type { Unit } from '../directory/unit.entity';
import { JournalsRepository } from '../journals/journals.repository';
import { JOURNALS_CACHE } from '../journals/plans.service';
import { isNumberRace } from '../supervision/notices.repository';
import { supervisionEvent } from '../supervision/supervision-events.repository';
import type { AwardFlagsDto, RankingSettingsDto } from './dto/rankings.dto';
import { RANKING_LIMITS } from './dto/rankings.dto';
import type { FlagAwardRow, FlagAwardUnitRow } from './flag-award.entity';
import {
  composite,
  DEFAULT_FLAG_COUNT,
  DEFAULT_MIN_SAMPLE,
  DEFAULT_WEIGHTS,
  emptyCounts,
  type FixedPeriod,
  isPeriodStart,
  lastPeriods,
  periodContaining,
  proposeFlags,
  rankItems,
  type RateCounts,
  toRates,
} from './ranking';
import { type Counted, type GroupBy, RankingsRepository } from './rankings.repository';

/** Who may read the official level and propose flags: the supervision office and the admins. */
const SUPERVISORS = ['supervisor', 'admin'] as const;

type Period = { from: string; to: string };
/** What is ranked: a child unit (its subtree) or an official; `key` is the unit id or official id. */
type Group = { key: string; id: number; name: string; path?: string; post?: string };
type Measured = { counts: RateCounts; overdue: number; confirmed: number; sample: number };

/**
 * Rankings (issue #14): the seven rates per town, department or official over a period, each with
 * its 95 % Wilson interval; the composite (ranking.ts) ranks by its lower bound; 样本不足 below the
 * jurisdiction's minimum sample. Flags: the ranking proposes, a supervisor of the county awards.
 *
 * Definitions (per official, summed per unit; officials counted in the unit of their primary post on
 * the period's last day, or today if earlier):
 * - submission: working days (work calendar, 调休 included) up to today without approved leave →
 *   plans handed in for them. This denominator is also the `sample` compared with minSample.
 * - onTime: of those plans, handed in by the deadline.
 * - quality: entries of published plans → those not listed by a vague/repeated finding (not dismissed).
 * - weeklyOnTime: weeks starting in the period and over before today, with a working day not on leave
 *   → weekly reports for them not late.
 * - response / resolution / satisfaction / overdue: tickets received in the period by the unit's
 *   subtree (or assigned to the official), as ticket-figures.ts defines them.
 * - confirmedFindings: findings dated in the period, confirmed.
 */
@Injectable()
export class RankingsService {
  constructor(
    private readonly repository: RankingsRepository,
    private readonly journals: JournalsRepository,
    private readonly directory: DirectoryRepository,
    private readonly calendars: CalendarService,
    private readonly cache: CacheVersionService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async rankings(
    user: AuthUser | undefined,
    query: { unitId?: number; level?: RankingLevel; period?: RankingPeriod; from?: string; to?: string },
  ): Promise<RankingResponse> {
    const unit = await this.unitOrRoot(query.unitId);
    const level = query.level ?? 'town';
    if (level === 'official') this.assertSupervises(user, unit.path, SUPERVISORS);
    const today = this.today();
    const period = resolvePeriod(query, today);
    const jurisdiction = await this.jurisdictionOf(unit);
    const settings = await this.settingsOf(jurisdiction);
    const items = await this.rank(unit, level, period, settings);
    return {
      items,
      unit: { id: unit.id, name: unit.name },
      jurisdiction: { id: jurisdiction.id, name: jurisdiction.name },
      period,
      level,
      weights: settings.weights,
      minSample: settings.minSample,
      flagCount: settings.flagCount,
    };
  }

  async trend(query: { unitId: number; period?: FixedPeriod }): Promise<RankingTrendResponse> {
    const unit = await this.unitOrRoot(query.unitId);
    const kind = query.period ?? 'week';
    const today = this.today();
    const periods = lastPeriods(kind, today, RANKING_LIMITS.trendPeriods);
    const settings = await this.settingsOf(await this.jurisdictionOf(unit));
    const officials = await this.journals.findOfficialsInSubtree(unit.path, today);
    const group: Group = { key: String(unit.id), id: unit.id, name: unit.name, path: unit.path };
    const measured = await this.measure(
      'unit',
      unit.path,
      [group],
      officials.map((o) => ({ officialId: o.officialId, group: group.key })),
      periods,
    );
    const perPeriod = measured.get(group.key)!;
    const rates = perPeriod.map((m) => toRates(m.counts));
    return {
      unit: { id: unit.id, name: unit.name },
      period: kind,
      periods,
      series: RATE_KEYS.map((key, k) => ({
        key,
        points: periods.map((p, i) => {
          const { successes, total, value, interval } = rates[i]![k]!;
          return { ...p, successes, total, value, interval };
        }),
      })),
      score: periods.map((p, i) => {
        const { score, interval } = composite(rates[i]!, settings.weights);
        return { ...p, value: score, interval };
      }),
    };
  }

  // -- settings

  async settings(jurisdictionId: number | undefined): Promise<RankingSettings> {
    const jurisdiction = await this.jurisdiction(jurisdictionId);
    return this.settingsOf(jurisdiction);
  }

  async saveSettings(
    user: AuthUser,
    jurisdictionId: number | undefined,
    body: RankingSettingsDto,
  ): Promise<RankingSettings> {
    const jurisdiction = await this.jurisdiction(jurisdictionId);
    this.assertSupervises(user, jurisdiction.path, ['admin']);
    const weights = Object.fromEntries(RATE_KEYS.map((k) => [k, body.weights[k]])) as RankingWeights;
    if (!RATE_KEYS.some((k) => weights[k] > 0)) throw new AppException('RANKING.WEIGHTS_INVALID');
    const before = await this.settingsOf(jurisdiction);
    const name = await this.actorName(user, '管理员');
    await this.repository.saveSettings(
      {
        jurisdictionUnitId: jurisdiction.id,
        weights,
        minSample: body.minSample,
        flagCount: body.flagCount,
        updatedByUserId: user.userId,
        updatedByName: name,
      },
      (id) =>
        supervisionEvent(
          'rank_settings',
          id,
          'updated',
          null,
          null,
          user.userId,
          '管理员',
          JSON.stringify({
            before: { weights: before.weights, minSample: before.minSample, flagCount: before.flagCount },
            after: { weights, minSample: body.minSample, flagCount: body.flagCount },
          }),
        ),
    );
    return this.settingsOf(jurisdiction);
  }

  // -- flags

  async proposal(
    user: AuthUser,
    query: { jurisdictionId?: number; level?: 'town' | 'department'; period?: FixedPeriod; from?: string },
  ): Promise<FlagProposal> {
    const jurisdiction = await this.flagJurisdiction(user, query.jurisdictionId, SUPERVISORS);
    const level = query.level ?? 'town';
    const kind = query.period ?? 'week';
    const today = this.today();
    if (query.from !== undefined && !isValidDate(query.from)) throw new AppException('FLAG.PERIOD_INVALID');
    const period = query.from
      ? periodContaining(kind, query.from)
      : periodContaining(kind, addDays(periodContaining(kind, today).from, -1));
    const settings = await this.settingsOf(jurisdiction);
    const ranking = await this.rank(jurisdiction, level, period, settings);
    const { red, yellow } = proposeFlags(ranking, settings.flagCount);
    const current = await this.repository.findCurrentAwardFor(jurisdiction.id, level, kind, period.from);
    return {
      jurisdiction: { id: jurisdiction.id, name: jurisdiction.name },
      level,
      period: kind,
      ...period,
      flagCount: settings.flagCount,
      red,
      yellow,
      ranking,
      current: current ? (await this.batches([current]))[0]! : null,
    };
  }

  async award(user: AuthUser, body: AwardFlagsDto): Promise<FlagAwardBatch> {
    const jurisdiction = await this.flagJurisdiction(user, body.jurisdictionId, ['supervisor']);
    if (!isValidDate(body.from) || !isPeriodStart(body.period, body.from))
      throw new AppException('FLAG.PERIOD_INVALID');
    const period = periodContaining(body.period, body.from);
    const today = this.today();
    if (period.to >= today) throw new AppException('FLAG.PERIOD_NOT_ENDED');
    const red = [...new Set(body.red)];
    const yellow = [...new Set(body.yellow)];
    const settings = await this.settingsOf(jurisdiction);
    if (red.length > settings.flagCount || yellow.length > settings.flagCount)
      throw new AppException('FLAG.TOO_MANY');
    if (red.some((id) => yellow.includes(id))) throw new AppException('FLAG.BOTH_COLORS');
    const ranking = await this.rank(jurisdiction, body.level, period, settings);
    const ranked = new Map(ranking.filter((i) => i.rank !== null).map((i) => [i.unit!.id, i]));
    if ([...red, ...yellow].some((id) => !ranked.has(id))) throw new AppException('FLAG.UNIT_INVALID');
    const proposal = proposeFlags(ranking, settings.flagCount);
    const proposedRed = new Set(proposal.red.map((f) => f.unit.id));
    const proposedYellow = new Set(proposal.yellow.map((f) => f.unit.id));
    const same = (chosen: number[], proposed: Set<number>) =>
      chosen.length === proposed.size && chosen.every((id) => proposed.has(id));
    const overridden = !same(red, proposedRed) || !same(yellow, proposedYellow);
    const reason = body.reason?.trim() ? body.reason.trim() : null;
    if (overridden && (reason === null || [...reason].length < RANKING_LIMITS.reasonMin))
      throw new AppException('FLAG.REASON_REQUIRED');
    const name = await this.actorName(user, '督查室');
    const now = this.clock.now();
    const names = (ids: number[]) => ids.map((id) => ranked.get(id)!.unit!.name).join('、') || '无';
    try {
      const id = await this.repository.transaction(async (manager) => {
        const prior = await this.repository.findCurrentAwardFor(
          jurisdiction.id,
          body.level,
          body.period,
          period.from,
          manager,
        );
        const newId = await this.repository.recordAward(
          manager,
          {
            jurisdictionUnitId: jurisdiction.id,
            level: body.level,
            period: body.period,
            fromDate: period.from,
            toDate: period.to,
            sequence: (prior?.sequence ?? 0) + 1,
            overridden,
            reason,
            awardedByUserId: user.userId,
            awardedByName: name,
            supersedesId: prior?.id ?? null,
          },
          [
            ...red.map((unitId) => ({
              unitId,
              color: 'red' as const,
              proposed: proposedRed.has(unitId),
              rank: ranked.get(unitId)!.rank,
            })),
            ...yellow.map((unitId) => ({
              unitId,
              color: 'yellow' as const,
              proposed: proposedYellow.has(unitId),
              rank: ranked.get(unitId)!.rank,
            })),
          ],
          now,
        );
        const note = `红旗：${names(red)}；黄旗：${names(yellow)}${overridden ? `；调整理由：${reason}` : ''}`;
        await this.repository.recordEvents(manager, [
          supervisionEvent(
            'flag_award',
            newId,
            overridden ? 'awarded_override' : 'awarded',
            null,
            'awarded',
            user.userId,
            '督查室',
            note,
          ),
          ...(prior
            ? [
                supervisionEvent(
                  'flag_award',
                  prior.id,
                  'superseded',
                  'awarded',
                  'superseded',
                  user.userId,
                  '督查室',
                  `同一期间重新评定（第 ${newId} 号评定）取代本次评定`,
                ),
              ]
            : []),
        ]);
        await this.cache.bump(JOURNALS_CACHE, manager);
        return newId;
      });
      const [row] = await this.repository.findAwardsByIds([id]);
      return (await this.batches([row!]))[0]!;
    } catch (error) {
      if (isNumberRace(error)) throw new AppException('COMMON.CONFLICT');
      throw error;
    }
  }

  async flags(unitId: number | undefined): Promise<FlagsResponse> {
    const unit = await this.unitOrRoot(unitId);
    const children = await this.directory.findChildren(unit.id);
    const ids = [unit.id, ...children.map((c) => c.id)];
    const [current, history] = await Promise.all([
      this.repository.findCurrentFlagsOf(ids),
      this.repository.findFlagHistory(ids, 200),
    ]);
    return {
      unit: { id: unit.id, name: unit.name },
      current: current.map((f) => flagView(f, f.award)).sort((a, b) => order(a) - order(b)),
      history: history.map((f) => flagView(f, f.award)),
    };
  }

  // -- internals

  /** The ranked items of one period, in display order, with current flags for units. */
  private async rank(
    unit: Unit | { id: number; name: string; path: string },
    level: RankingLevel,
    period: Period,
    settings: RankingSettings,
  ): Promise<RankingItem[]> {
    const asOf = period.to < this.today() ? period.to : this.today();
    const officials = await this.journals.findOfficialsInSubtree(unit.path, asOf);
    let groups: Group[];
    let members: Array<{ officialId: number; group: string }>;
    if (level === 'official') {
      groups = officials.map((o) => ({
        key: String(o.officialId),
        id: o.officialId,
        name: o.name,
        post: o.title,
      }));
      members = officials.map((o) => ({ officialId: o.officialId, group: String(o.officialId) }));
    } else {
      const children = (await this.directory.findChildren(unit.id)).filter((c) => c.kind === level);
      groups = children.map((c) => ({ key: String(c.id), id: c.id, name: c.name, path: c.path }));
      members = officials.flatMap((o) => {
        const group = groups.find((g) => o.unitPath.startsWith(g.path!));
        return group ? [{ officialId: o.officialId, group: group.key }] : [];
      });
    }
    if (groups.length === 0) throw new AppException('RANKING.LEVEL_INVALID');
    const measured = await this.measure(
      level === 'official' ? 'official' : 'unit',
      unit.path,
      groups,
      members,
      [period],
    );
    const flags = level === 'official' ? new Map() : await this.currentFlagMap(groups.map((g) => g.id));
    const items = groups.map((g): RankingItem => {
      const m = measured.get(g.key)![0]!;
      const rates = toRates(m.counts);
      const { score, interval } = composite(rates, settings.weights);
      return {
        ...(level === 'official'
          ? { official: { id: g.id, name: g.name, post: g.post ?? '' } }
          : { unit: { id: g.id, name: g.name }, flag: flags.get(g.id) ?? null }),
        rates,
        counts: { overdueTickets: m.overdue, confirmedFindings: m.confirmed },
        score,
        interval,
        scoreInterval: interval,
        sample: m.sample,
        rank: null,
        insufficient: false,
      };
    });
    const ranked = rankItems(items, settings.minSample, (i) => (i.unit ?? i.official)!.name);
    for (const item of ranked) item.scoreInterval = item.interval;
    return ranked;
  }

  /** Counts per group and period (see the class comment for the definitions). */
  private async measure(
    by: 'official' | 'unit',
    unitPath: string,
    groups: Group[],
    members: Array<{ officialId: number; group: string }>,
    periods: Period[],
  ): Promise<Map<string, Measured[]>> {
    const today = this.today();
    const now = this.clock.now();
    const calendar = await this.calendars.calendar();
    const from = periods[0]!.from;
    const to = periods[periods.length - 1]!.to;
    const starts = periods.map((p) => p.from);
    const ids = members.map((m) => m.officialId);
    const result = new Map(
      groups.map((g) => [
        g.key,
        periods.map((): Measured => ({ counts: emptyCounts(), overdue: 0, confirmed: 0, sample: 0 })),
      ]),
    );
    const leaves = await this.journals.findApprovedLeavesBetween(ids, from, to);
    const onLeave = new Map<number, Array<{ start: string; end: string }>>();
    for (const l of leaves)
      onLeave.set(l.officialId, [
        ...(onLeave.get(l.officialId) ?? []),
        { start: String(l.startDate).slice(0, 10), end: String(l.endDate).slice(0, 10) },
      ]);
    const workdays: string[][] = periods.map((p) => {
      const days: string[] = [];
      for (let d = p.from; d <= p.to && d <= today; d = addDays(d, 1))
        if (calendar.isWorkday(d)) days.push(d);
      return days;
    });
    const owedWeeks = new Set<string>();
    for (const m of members) {
      const leave = onLeave.get(m.officialId) ?? [];
      const free = (d: string) => !leave.some((l) => l.start <= d && d <= l.end);
      periods.forEach((p, i) => {
        const slot = result.get(m.group)![i]!;
        const owed = workdays[i]!.filter(free).length;
        slot.counts.submission.total += owed;
        slot.sample += owed;
        for (let monday = firstMonday(p.from); monday <= p.to; monday = addDays(monday, 7)) {
          if (addDays(monday, 6) >= today) continue;
          let worked = false;
          for (let k = 0; k < 7 && !worked; k += 1) {
            const d = addDays(monday, k);
            worked = calendar.isWorkday(d) && free(d);
          }
          if (!worked) continue;
          slot.counts.weeklyOnTime.total += 1;
          owedWeeks.add(monday);
        }
      });
    }
    const groupOfOfficial = new Map(members.map((m) => [String(m.officialId), m.group]));
    const groupOfPath = (path: string) => groups.find((g) => g.path && path.startsWith(g.path))?.key;
    const keyOf = (row: Counted<string>) =>
      by === 'official' ? groupOfOfficial.get(row.key) : groupOfPath(row.key);
    const slotOf = (row: Counted<string>, viaOfficial: boolean) => {
      const group = viaOfficial ? groupOfOfficial.get(row.key) : keyOf(row);
      return group === undefined || !(row.bucket >= 0) ? undefined : result.get(group)?.[row.bucket];
    };
    const owedDates = [...new Set(workdays.flat())];
    const group: GroupBy = by === 'official' ? { by, officialIds: ids } : { by, unitPath };
    const [plans, entries, flagged, weekly, tickets, findings] = await Promise.all([
      this.repository.countPlans(ids, owedDates, starts),
      this.repository.countEntries(ids, from, to, starts),
      this.repository.countFlaggedEntries(ids, from, to, starts),
      this.repository.countWeeklyOnTime(ids, [...owedWeeks], starts),
      by === 'official' && ids.length === 0
        ? Promise.resolve([])
        : this.repository.countTickets(
            group,
            atLocal(from, '00:00'),
            atLocal(addDays(to, 1), '00:00'),
            starts.map((s) => atLocal(s, '00:00')),
            now,
          ),
      by === 'official' && ids.length === 0
        ? Promise.resolve([])
        : this.repository.countConfirmedFindings(group, from, to, starts),
    ]);
    for (const row of plans) {
      const slot = slotOf(row, true);
      if (!slot) continue;
      slot.counts.submission.successes += row.values.submitted;
      slot.counts.onTime.total += row.values.submitted;
      slot.counts.onTime.successes += row.values.onTime;
    }
    for (const row of entries) {
      const slot = slotOf(row, true);
      if (!slot) continue;
      slot.counts.quality.total += row.values.entries;
      slot.counts.quality.successes += row.values.entries;
    }
    for (const row of flagged) {
      const slot = slotOf(row, true);
      if (slot) slot.counts.quality.successes -= row.values.flagged;
    }
    for (const row of weekly) {
      const slot = slotOf(row, true);
      if (slot) slot.counts.weeklyOnTime.successes += row.values.onTime;
    }
    for (const row of tickets) {
      const slot = slotOf(row, false);
      if (!slot) continue;
      slot.counts.response.total += row.values.ackDue;
      slot.counts.response.successes += row.values.ackInTime;
      slot.counts.resolution.total += row.values.resolveDue;
      slot.counts.resolution.successes += row.values.solved;
      slot.counts.satisfaction.total += row.values.rated;
      slot.counts.satisfaction.successes += row.values.satisfied;
      slot.overdue += row.values.overdue;
    }
    for (const row of findings) {
      const slot = slotOf(row, false);
      if (slot) slot.confirmed += row.values.confirmed;
    }
    for (const slots of result.values())
      for (const slot of slots) {
        const q = slot.counts.quality;
        q.successes = Math.max(0, Math.min(q.successes, q.total));
      }
    return result;
  }

  private async currentFlagMap(unitIds: number[]) {
    const rows = await this.repository.findCurrentFlagsOf(unitIds);
    return new Map(rows.map((r) => [r.unitId, r.color]));
  }

  private async batches(rows: FlagAwardRow[]): Promise<FlagAwardBatch[]> {
    const units = await this.repository.findAwardUnits(rows.map((r) => r.id));
    return rows.map((a) => ({
      id: a.id,
      jurisdiction: { id: a.jurisdictionUnitId, name: a.jurisdiction?.name ?? '' },
      level: a.level,
      period: a.period,
      from: dateOf(a.fromDate),
      to: dateOf(a.toDate),
      flags: units.filter((u) => u.awardId === a.id).map((u) => flagView(u, a)),
      overridden: Boolean(a.overridden),
      reason: a.reason,
      awardedBy: a.awardedByName,
      awardedAt: a.createdAt.toISOString(),
      supersedesId: a.supersedesId,
      supersededAt: a.supersededAt ? a.supersededAt.toISOString() : null,
    }));
  }

  private async settingsOf(jurisdiction: { id: number; name: string }): Promise<RankingSettings> {
    const row = await this.repository.findSettings(jurisdiction.id);
    return {
      jurisdiction: { id: jurisdiction.id, name: jurisdiction.name },
      weights: row ? { ...DEFAULT_WEIGHTS, ...row.weights } : { ...DEFAULT_WEIGHTS },
      minSample: row?.minSample ?? DEFAULT_MIN_SAMPLE,
      flagCount: row?.flagCount ?? DEFAULT_FLAG_COUNT,
      updatedAt: row ? row.updatedAt.toISOString() : null,
      updatedBy: row?.updatedByName ?? null,
    };
  }

  private async unitOrRoot(unitId: number | undefined): Promise<Unit> {
    const unit =
      unitId === undefined ? await this.directory.findRootUnit() : await this.directory.findUnitById(unitId);
    if (!unit) throw new AppException('DIRECTORY.UNIT_NOT_FOUND');
    return unit;
  }

  /** The county a unit belongs to (its outermost county ancestor, or the root of its tree). */
  private async jurisdictionOf(unit: Unit): Promise<Unit> {
    const ids = unit.path.split('/').filter(Boolean).map(Number);
    const ancestors = await this.directory.findUnitsByIds(ids);
    const byId = new Map(ancestors.map((u) => [u.id, u]));
    const chain = ids.map((id) => byId.get(id)).filter((u): u is Unit => u !== undefined);
    return chain.find((u) => u.kind === 'county') ?? chain[0] ?? unit;
  }

  /** A settings or flags command's county: the one named (which must be a county) or the root. */
  private async jurisdiction(jurisdictionId: number | undefined): Promise<Unit> {
    const unit = await this.unitOrRoot(jurisdictionId);
    if (unit.kind !== 'county') throw new AppException('RANKING.NOT_JURISDICTION');
    return unit;
  }

  /**
   * A flags command's county. Flags are awarded county-wide, so a unit under a county stands for
   * its county (the flags page of a supervisor whose grant is on a town sends that town). A caller
   * whose grants lie under the county but do not cover it is told so (FLAG.COUNTY_ONLY); a caller of
   * another county is out of scope.
   */
  private async flagJurisdiction(
    user: AuthUser,
    unitId: number | undefined,
    roles: ReadonlyArray<'supervisor' | 'admin'>,
  ): Promise<Unit> {
    const unit = await this.unitOrRoot(unitId);
    const county = unit.kind === 'county' ? unit : await this.jurisdictionOf(unit);
    if (county.kind !== 'county') throw new AppException('RANKING.NOT_JURISDICTION');
    if (
      user.roles.some((r) => (roles as readonly string[]).includes(r)) &&
      !coversUnit(user, roles, county.path) &&
      user.grants.some(
        (g) => (roles as readonly string[]).includes(g.role) && g.unitPath.startsWith(county.path),
      )
    )
      throw new AppException('FLAG.COUNTY_ONLY');
    this.assertSupervises(user, county.path, roles);
    return county;
  }

  private assertSupervises(
    user: AuthUser | undefined,
    path: string,
    roles: ReadonlyArray<'supervisor' | 'admin'>,
  ) {
    if (!user) throw new AppException('COMMON.UNAUTHORIZED');
    if (!user.roles.some((r) => (roles as readonly string[]).includes(r)))
      throw new AppException('AUTH.ROLE_REQUIRED');
    if (!coversUnit(user, roles, path)) throw new AppException('AUTH.OUT_OF_SCOPE');
  }

  private async actorName(user: AuthUser, fallback: string): Promise<string> {
    if (user.officialId === undefined) return fallback;
    const official = await this.directory.findOfficialById(user.officialId);
    return official ? official.name.slice(0, 60) : fallback;
  }

  private today(): string {
    return localDate(this.clock.now());
  }
}

/** The period of a ranking query: custom from/to, or the week/month/quarter containing `from` (or today). */
export function resolvePeriod(
  query: { period?: RankingPeriod; from?: string; to?: string },
  today: string,
): { kind: RankingPeriod; from: string; to: string } {
  const kind = query.period ?? (query.from !== undefined && query.to !== undefined ? 'custom' : 'week');
  if (kind === 'custom') {
    const { from, to } = query;
    if (
      from === undefined ||
      to === undefined ||
      !isValidDate(from) ||
      !isValidDate(to) ||
      from > to ||
      daysBetween(from, to) >= RANKING_LIMITS.customDaysMax
    )
      throw new AppException('RANKING.PERIOD_INVALID');
    return { kind, from, to };
  }
  const date = query.from ?? today;
  if (!isValidDate(date)) throw new AppException('RANKING.PERIOD_INVALID');
  return { kind, ...periodContaining(kind, date) };
}

function firstMonday(date: string): string {
  let d = date;
  while (new Date(`${d}T00:00:00Z`).getUTCDay() !== 1) d = addDays(d, 1);
  return d;
}

function dateOf(value: string | Date): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

function order(flag: FlagAward): number {
  return flag.color === 'red' ? 0 : 1;
}

export function flagView(row: FlagAwardUnitRow, award: FlagAwardRow): FlagAward {
  return {
    id: row.id,
    awardId: award.id,
    unit: { id: row.unitId, name: row.unit?.name ?? '' },
    color: row.color,
    level: award.level,
    period: award.period,
    from: dateOf(award.fromDate),
    to: dateOf(award.toDate),
    proposed: Boolean(row.proposed),
    overridden: Boolean(award.overridden),
    reason: award.reason,
    awardedBy: award.awardedByName,
    awardedAt: award.createdAt.toISOString(),
    supersededAt: award.supersededAt ? award.supersededAt.toISOString() : null,
  };
}
