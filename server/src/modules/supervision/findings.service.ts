import { Inject, Injectable } from '@nestjs/common';
import {
  APP_PAGES,
  type DecideFindingRequest,
  type ExplainFindingRequest,
  FINDING_KIND_LABELS,
  type FindingDetail,
  type FindingKind,
  type FindingsResponse,
  type FindingState,
  type FindingView,
  SUPERVISION_LIMITS,
} from '@jinri/shared';
import { CLOCK, type Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app.exception';
import { chineseDate, localDate } from '../../common/time/local-time';
import type { AuthUser } from '../auth/auth-user';
import { OutboxService } from '../notifications/outbox.service';
import type { ComplianceFinding } from './compliance-finding.entity';
import { eventView, findingView } from './finding-views';
import { type FindingFilter, FindingsRepository } from './findings.repository';
import { supervisionEvent, SupervisionEventsRepository } from './supervision-events.repository';
import { SupervisionMessages } from './supervision-messages';
import { SupervisionPhotos } from './supervision-photos';
import { SupervisionScope } from './supervision-scope';

export interface FindingQuery {
  unitId?: number;
  from?: string;
  to?: string;
  kind?: FindingKind[];
  state?: FindingState[];
  officialId?: number;
  page?: number;
}

/**
 * The life of a finding: open → explained (申辩 by the official, text and photos, until explainDueAt)
 * → confirmed or dismissed by a supervisor of the scope (a note is required to dismiss). Every step is
 * a conditional update on the version plus its event, in one transaction; a confirmed finding tells
 * the official through the outbox. Nothing is deleted.
 */
@Injectable()
export class FindingsService {
  constructor(
    private readonly findings: FindingsRepository,
    private readonly events: SupervisionEventsRepository,
    private readonly scope: SupervisionScope,
    private readonly photos: SupervisionPhotos,
    private readonly messages: SupervisionMessages,
    private readonly outbox: OutboxService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(user: AuthUser, query: FindingQuery): Promise<FindingsResponse> {
    const filter: FindingFilter = {
      scopePaths: this.scope.paths(user),
      from: query.from,
      to: query.to,
      kinds: query.kind,
      states: query.state,
      officialId: query.officialId,
    };
    if (query.unitId !== undefined) filter.unitPath = (await this.scope.unit(user, query.unitId)).path;
    const page = query.page ?? 1;
    const pageSize = SUPERVISION_LIMITS.pageSize;
    const { rows, total } = await this.findings.findPage(filter, page, pageSize);
    return { findings: await this.views(rows), total, page, pageSize };
  }

  /** One finding with its history: for supervisors and admins of its unit, and the official concerned. */
  async get(user: AuthUser, id: number): Promise<FindingDetail> {
    const finding = await this.findings.findById(id);
    if (!finding || !(user.officialId === finding.officialId || this.scope.covers(user, finding.unit.path)))
      throw new AppException('FINDING.NOT_FOUND');
    const [view] = await this.views([finding]);
    const events = await this.events.findFor('finding', id);
    return { ...view!, events: events.map(eventView) };
  }

  /** The caller's own findings as an official (their workbench), newest first. */
  async mine(user: AuthUser, limit = 100): Promise<FindingView[]> {
    if (!user.officialId) return [];
    return this.views(await this.findings.findOfOfficial(user.officialId, limit));
  }

  /** 申辩: the official concerned, once, before explainDueAt. */
  async explain(user: AuthUser, id: number, input: ExplainFindingRequest): Promise<FindingDetail> {
    const finding = await this.findings.findById(id);
    if (!finding || user.officialId !== finding.officialId) throw new AppException('FINDING.NOT_FOUND');
    if (finding.state !== 'open') throw new AppException('FINDING.INVALID_TRANSITION');
    const now = this.clock.now();
    if (now.getTime() > finding.explainDueAt.getTime()) throw new AppException('FINDING.EXPLAIN_CLOSED');
    const photoIds = await this.photos.owned(user.userId, input.photoIds);
    const text = input.text.trim();
    await this.findings.transaction(async (manager) => {
      const moved = await this.findings.transition(manager, id, finding.version, ['open'], {
        state: 'explained',
        explanation: text,
        explanationPhotoIds: photoIds,
        explainedAt: now,
      });
      if (!moved) throw new AppException('FINDING.VERSION_CONFLICT');
      await this.events.record(manager, [
        supervisionEvent('finding', id, 'explained', 'open', 'explained', user.userId, '本人', text),
      ]);
    });
    return this.get(user, id);
  }

  async confirm(user: AuthUser, id: number, input: DecideFindingRequest): Promise<FindingDetail> {
    return this.decide(user, id, 'confirmed', input);
  }

  async dismiss(user: AuthUser, id: number, input: DecideFindingRequest): Promise<FindingDetail> {
    if (!input.note?.trim())
      throw new AppException('COMMON.VALIDATION_FAILED', '撤销督查记录须写明理由', [
        { field: 'note', reasons: ['required to dismiss'] },
      ]);
    return this.decide(user, id, 'dismissed', input);
  }

  private async decide(
    user: AuthUser,
    id: number,
    to: 'confirmed' | 'dismissed',
    input: DecideFindingRequest,
  ): Promise<FindingDetail> {
    const finding = await this.visible(user, id);
    if (finding.state !== 'open' && finding.state !== 'explained')
      throw new AppException('FINDING.INVALID_TRANSITION');
    if (finding.version !== input.version) throw new AppException('FINDING.VERSION_CONFLICT');
    const note = input.note?.trim() || null;
    const now = this.clock.now();
    const outgoing =
      to === 'confirmed'
        ? await this.messages.build([
            {
              officialId: finding.officialId,
              what: `${FINDING_KIND_LABELS[finding.kind]}（${chineseDate(finding.date)}）已认定`,
              time: localDate(now),
              next: '请查看督查记录并整改',
              page: `${APP_PAGES.supervisionMine}?findingId=${id}`,
            },
          ])
        : [];
    await this.findings.transaction(async (manager) => {
      const moved = await this.findings.transition(manager, id, input.version, ['open', 'explained'], {
        state: to,
        decidedByUserId: user.userId,
        decidedAt: now,
        decisionNote: note,
      });
      if (!moved) throw new AppException('FINDING.VERSION_CONFLICT');
      await this.events.record(manager, [
        supervisionEvent('finding', id, to, finding.state, to, user.userId, '督查室', note),
      ]);
      await this.outbox.enqueue(manager, outgoing);
    });
    return this.get(user, id);
  }

  /** A finding the caller may read as a supervisor or admin of its unit; else 404. */
  private async visible(user: AuthUser, id: number): Promise<ComplianceFinding> {
    const finding = await this.findings.findById(id);
    if (!finding || !this.scope.covers(user, finding.unit.path)) throw new AppException('FINDING.NOT_FOUND');
    return finding;
  }

  async views(rows: ComplianceFinding[]): Promise<FindingView[]> {
    const [postTitles, notices, photos] = await Promise.all([
      this.findings.findPostTitles([...new Set(rows.map((r) => r.officialId))], localDate(this.clock.now())),
      this.findings.findNoticesOf(rows.map((r) => r.id)),
      this.photos.views(rows.map((r) => r.explanationPhotoIds)),
    ]);
    return rows.map((r) => findingView(r, { postTitles, notices, photos }));
  }
}
