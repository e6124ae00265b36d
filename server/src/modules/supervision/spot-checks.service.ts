import { Inject, Injectable } from '@nestjs/common';
import {
  APP_PAGES,
  type FindingEvidence,
  type Page,
  type SpotCheckCandidate,
  type SpotCheckRequest,
  type SpotCheckSampleRequest,
  type SpotCheckSampleView,
  type SpotCheckView,
  SUPERVISION_LIMITS,
  SUPERVISION_RULES,
} from '@jinri/shared';
import { CLOCK, type Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app.exception';
import { localDate, localTime } from '../../common/time/local-time';
import { type AuthUser, coversUnit } from '../auth/auth-user';
import { CalendarService } from '../calendar/calendar.service';
import { DirectoryRepository } from '../directory/directory.repository';
import { JournalsRepository, type SubtreeOfficial } from '../journals/journals.repository';
import type { PlanEntry } from '../journals/plan-entry.entity';
import { OutboxService } from '../notifications/outbox.service';
import { workingDeadline } from '../tickets/ticket-deadlines';
import { FindingsRepository } from './findings.repository';
import { candidateOrder, drawSample, newSeed } from './spot-check-draw';
import {
  candidateView,
  changeBeforeVisit,
  changeReason,
  dayOrder,
  entryInForce,
  plannedTime,
  spotCheckView,
} from './spot-check-views';
import type { SpotCheck } from './spot-check.entity';
import { SpotChecksRepository } from './spot-checks.repository';
import { SupervisionEventsRepository } from './supervision-events.repository';
import { SupervisionMessages } from './supervision-messages';
import { SupervisionPhotos } from './supervision-photos';
import { SUPERVISORS, type ScopedUnit, SupervisionScope } from './supervision-scope';

export interface CandidateQuery {
  unitId?: number;
  placeUnitId?: number;
  q?: string;
}

export interface SpotCheckQuery {
  unitId?: number;
  from?: string;
  to?: string;
  page?: number;
}

/**
 * 抽查: the supervision office visits the places today's published entries name. Candidates are the
 * scope's entries of today; a sample is a recorded, reproducible draw of them (spot-check-draw.ts);
 * a check records the visit, and when nobody was found it opens an `absent` finding, unless the
 * official had changed or withdrawn that entry before the visit (then the check says why not).
 * Every record is written with its SupervisionEvent in one transaction; nothing is changed later.
 */
@Injectable()
export class SpotChecksService {
  constructor(
    private readonly checks: SpotChecksRepository,
    private readonly findings: FindingsRepository,
    private readonly journals: JournalsRepository,
    private readonly directory: DirectoryRepository,
    private readonly events: SupervisionEventsRepository,
    private readonly scope: SupervisionScope,
    private readonly photos: SupervisionPhotos,
    private readonly messages: SupervisionMessages,
    private readonly outbox: OutboxService,
    private readonly calendars: CalendarService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Today's published, active entries of the officials holding a post in the unit's subtree. */
  async candidates(user: AuthUser, query: CandidateQuery): Promise<SpotCheckCandidate[]> {
    const unit = await this.scope.unit(user, query.unitId);
    return this.candidatesOf(unit, localDate(this.clock.now()), query);
  }

  /** Draws `size` of today's candidates (with the place filter) and records the draw. */
  async sample(user: AuthUser, input: SpotCheckSampleRequest): Promise<SpotCheckSampleView> {
    const unit = await this.scope.unit(user, input.unitId);
    const date = localDate(this.clock.now());
    const candidates = await this.candidatesOf(unit, date, { placeUnitId: input.placeUnitId });
    if (candidates.length === 0) throw new AppException('SPOT_CHECK.NO_CANDIDATES');
    const seed = input.seed ?? newSeed();
    const candidateIds = candidateOrder(candidates.map((c) => c.entryId));
    const pickedIds = drawSample(candidateIds, seed, input.size);
    const id = await this.checks.transaction(async (manager) => {
      const sampleId = await this.checks.insertSample(manager, {
        unitId: unit.id,
        date,
        placeUnitId: input.placeUnitId ?? null,
        seed,
        size: input.size,
        candidateIds,
        pickedIds,
        drawnByUserId: user.userId,
      });
      await this.events.record(manager, [
        {
          subjectType: 'sample',
          subjectId: sampleId,
          action: 'drawn',
          fromState: null,
          toState: null,
          actorUserId: user.userId,
          actor: '督查室',
          note: `种子 ${seed}：从 ${candidateIds.length} 条中抽取 ${pickedIds.length} 条`,
        },
      ]);
      return sampleId;
    });
    return this.getSample(user, id);
  }

  /** A recorded sample, for supervisors and admins of its unit (404 elsewhere). */
  async getSample(user: AuthUser, id: number): Promise<SpotCheckSampleView> {
    const sample = await this.checks.findSample(id);
    if (!sample || !this.scope.covers(user, sample.unit.path)) throw new AppException('SPOT_CHECK.NOT_FOUND');
    const byId = new Map(
      (await this.entryViews(await this.checks.findEntries(sample.pickedIds), sample.unit, sample.date)).map(
        (c) => [c.entryId, c],
      ),
    );
    return {
      id: sample.id,
      date: sample.date,
      unit: { id: sample.unit.id, name: sample.unit.name },
      seed: sample.seed,
      candidateIds: sample.candidateIds,
      picked: sample.pickedIds.flatMap((entryId) => byId.get(entryId) ?? []),
      drawnAt: sample.createdAt.toISOString(),
    };
  }

  /**
   * Records a visit to the place of an entry of today's published plan of an official in the
   * caller's scope. Nobody found opens an `absent` finding (the official may explain within
   * SUPERVISION_RULES.explainWorkingDays and is told), unless the entry was changed or withdrawn
   * before the visit.
   */
  async record(user: AuthUser, input: SpotCheckRequest): Promise<SpotCheckView> {
    const now = this.clock.now();
    const today = localDate(now);
    const entry = await this.checks.findEntry(input.entryId);
    const plan = entry?.dayPlan;
    if (!entry || !plan || plan.status !== 'published') throw new AppException('SPOT_CHECK.ENTRY_NOT_FOUND');
    // The official's posts today (not the entry's place) decide the scope; the check belongs to
    // the head-most of them the caller covers.
    const posts = await this.directory.findCurrentPosts(plan.officialId, today);
    const post = posts.find((p) => coversUnit(user, SUPERVISORS, p.unitPath));
    if (!post) throw new AppException('SPOT_CHECK.ENTRY_NOT_FOUND');
    if (plan.date !== today) throw new AppException('SPOT_CHECK.NOT_TODAY');
    const visitedAt = new Date(input.visitedAt);
    if (
      Number.isNaN(visitedAt.getTime()) ||
      localDate(visitedAt) !== today ||
      visitedAt.getTime() > now.getTime()
    )
      throw new AppException('SPOT_CHECK.VISIT_TIME_INVALID');
    if (input.sampleId !== undefined) {
      const sample = await this.checks.findSample(input.sampleId);
      if (!sample || !this.scope.covers(user, sample.unit.path))
        throw new AppException('SPOT_CHECK.NOT_FOUND');
      if (!sample.pickedIds.includes(entry.id)) throw new AppException('SPOT_CHECK.NOT_IN_SAMPLE');
    }
    const photoIds = await this.photos.owned(user.userId, input.photoIds);
    const note = input.note.trim();

    const revisions = await this.checks.findRevisions(plan.id);
    const change = input.found ? null : changeBeforeVisit(revisions, entry, visitedAt);
    const noFindingReason = change ? changeReason(change) : null;
    const absent = !input.found && !change;
    const planned = entryInForce(revisions, entry, visitedAt);
    const explainDueAt = workingDeadline(
      await this.calendars.calendar(),
      now,
      SUPERVISION_RULES.explainWorkingDays,
    );
    const outgoing = absent
      ? await this.messages.build([
          {
            officialId: plan.officialId,
            what: '抽查未见到人 待申辩',
            time: `${today} ${localTime(visitedAt)}`,
            next: '可在1个工作日内申辩',
            page: APP_PAGES.supervisionMine,
          },
        ])
      : [];

    const id = await this.checks.transaction(async (manager) => {
      const checkId = await this.checks.insertCheck(manager, {
        planEntryId: entry.id,
        officialId: plan.officialId,
        unitId: post.unitId,
        date: today,
        visitedAt,
        found: input.found,
        note,
        photoIds,
        location: input.location ?? null,
        sampleId: input.sampleId ?? null,
        noFindingReason,
        checkedByUserId: user.userId,
      });
      await this.events.record(manager, [
        {
          subjectType: 'spot_check',
          subjectId: checkId,
          action: 'visited',
          fromState: null,
          toState: null,
          actorUserId: user.userId,
          actor: '督查室',
          note: input.found ? `在岗：${note}` : `未见到人：${note}`,
        },
      ]);
      if (!absent) return checkId;
      const evidence: FindingEvidence = {
        kind: 'absent',
        spotCheckId: checkId,
        entryId: entry.id,
        what: planned.what,
        place: planned.place,
        planned: plannedTime(planned),
        visitedAt: visitedAt.toISOString(),
        note,
      };
      const [finding] = await this.findings.record(
        manager,
        [
          {
            officialId: plan.officialId,
            unitId: post.unitId,
            date: plan.date,
            kind: 'absent',
            subject: `spot:${checkId}`,
            evidence,
            explainDueAt,
          },
        ],
        { actorUserId: user.userId, actor: '督查室', note: `抽查未见到人（${localTime(visitedAt)}）` },
      );
      if (finding) {
        await this.checks.setFinding(manager, checkId, finding.id);
        await this.outbox.enqueue(
          manager,
          outgoing.map((m) => ({ ...m, page: `${APP_PAGES.supervisionMine}?findingId=${finding.id}` })),
        );
      }
      return checkId;
    });
    return this.get(user, id);
  }

  async list(user: AuthUser, query: SpotCheckQuery): Promise<Page<SpotCheckView>> {
    const unitPath =
      query.unitId !== undefined ? (await this.scope.unit(user, query.unitId)).path : undefined;
    const page = query.page ?? 1;
    const pageSize = SUPERVISION_LIMITS.pageSize;
    const { rows, total } = await this.checks.findPage(
      { scopePaths: this.scope.paths(user), unitPath, from: query.from, to: query.to },
      page,
      pageSize,
    );
    return { items: await this.views(rows), total, page, pageSize };
  }

  /** One check, for supervisors and admins of its unit (404 elsewhere). */
  async get(user: AuthUser, id: number): Promise<SpotCheckView> {
    const check = await this.checks.findCheck(id);
    if (!check || !this.scope.covers(user, check.unit.path)) throw new AppException('SPOT_CHECK.NOT_FOUND');
    return (await this.views([check]))[0]!;
  }

  private async views(rows: SpotCheck[]): Promise<SpotCheckView[]> {
    const [posts, photos] = await Promise.all([
      this.findings.findPostTitles([...new Set(rows.map((r) => r.officialId))], localDate(this.clock.now())),
      this.photos.views(rows.map((r) => r.photoIds)),
    ]);
    return rows.map((r) => spotCheckView(r, posts.get(r.officialId) ?? '', photos));
  }

  private async candidatesOf(
    unit: ScopedUnit,
    date: string,
    query: CandidateQuery,
  ): Promise<SpotCheckCandidate[]> {
    const officials = await this.journals.findOfficialsInSubtree(unit.path, date);
    let entries = await this.checks.findPublishedEntries(
      officials.map((o) => o.officialId),
      date,
    );
    if (query.placeUnitId !== undefined) {
      const place = await this.directory.findUnitById(query.placeUnitId);
      if (!place) throw new AppException('DIRECTORY.UNIT_NOT_FOUND');
      entries = entries.filter((e) => e.placeUnit?.path.startsWith(place.path));
    }
    const q = query.q?.trim().toLowerCase();
    if (q)
      entries = entries.filter(
        (e) => e.what.toLowerCase().includes(q) || (e.place ?? '').toLowerCase().includes(q),
      );
    entries.sort((a, b) => dayOrder(a).localeCompare(dayOrder(b)));
    return this.entryViews(entries, unit, date, officials);
  }

  /** Entries as candidates: each official with their primary post in the scope's subtree on `date`. */
  private async entryViews(
    entries: PlanEntry[],
    unit: { path: string },
    date: string,
    known?: SubtreeOfficial[],
  ): Promise<SpotCheckCandidate[]> {
    const officials = new Map(
      (known ?? (await this.journals.findOfficialsInSubtree(unit.path, date))).map((o) => [o.officialId, o]),
    );
    return entries.map((e) => {
      const official = officials.get(e.dayPlan.officialId);
      return candidateView(
        e,
        {
          id: e.dayPlan.officialId,
          name: official?.name ?? e.dayPlan.official?.name ?? '',
          post: official?.title ?? '',
        },
        official ? { id: official.unitId, name: official.unitName } : { id: 0, name: '' },
      );
    });
  }
}
