import { Inject, Injectable } from '@nestjs/common';
import {
  APP_PAGES,
  type DecideSelfExamRequest,
  type SelfExamState,
  type SelfExamView,
  type SubmitSelfExamRequest,
  SUPERVISION_LIMITS,
  type SupervisionEventView,
} from '@jinri/shared';
import type { Page } from '@jinri/shared';
import { CLOCK, type Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app.exception';
import { localDate } from '../../common/time/local-time';
import type { AuthUser } from '../auth/auth-user';
import { OutboxService } from '../notifications/outbox.service';
import { eventView } from './finding-views';
import { FindingsRepository } from './findings.repository';
import { noticeNumber } from './notice-number';
import type { SelfExamination } from './self-examination.entity';
import { SelfExaminationsRepository } from './self-examinations.repository';
import { supervisionEvent, SupervisionEventsRepository } from './supervision-events.repository';
import { SupervisionMessages } from './supervision-messages';
import { SupervisionPhotos } from './supervision-photos';
import { SupervisionScope } from './supervision-scope';

export interface SelfExamQuery {
  unitId?: number;
  state?: SelfExamState[];
  page?: number;
}

export type SelfExamDetail = SelfExamView & { events: SupervisionEventView[] };

/**
 * 书面检查: pending → submitted (by the official cited, text and photos) → accepted, or returned
 * with a note (→ submitted again). Every step is a conditional update on the version plus its event,
 * in one transaction; a return tells the official through the outbox.
 */
@Injectable()
export class SelfExaminationsService {
  constructor(
    private readonly exams: SelfExaminationsRepository,
    private readonly findings: FindingsRepository,
    private readonly events: SupervisionEventsRepository,
    private readonly scope: SupervisionScope,
    private readonly photos: SupervisionPhotos,
    private readonly messages: SupervisionMessages,
    private readonly outbox: OutboxService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(user: AuthUser, query: SelfExamQuery): Promise<Page<SelfExamView>> {
    const unitPath =
      query.unitId !== undefined ? (await this.scope.unit(user, query.unitId)).path : undefined;
    const page = query.page ?? 1;
    const pageSize = SUPERVISION_LIMITS.pageSize;
    const { rows, total } = await this.exams.findPage(
      { scopePaths: this.scope.paths(user), unitPath, states: query.state },
      page,
      pageSize,
    );
    return { items: await this.views(rows), total, page, pageSize };
  }

  /** One self-examination with its history: supervisors of its unit, and the official themselves. */
  async get(user: AuthUser, id: number): Promise<SelfExamDetail> {
    const exam = await this.exams.findById(id);
    if (!exam || !(this.isOwn(user, exam) || this.scope.covers(user, exam.unit.path)))
      throw new AppException('SELF_EXAM.NOT_FOUND');
    const [view] = await this.views([exam]);
    const events = await this.events.findFor('self_exam', id);
    return { ...view!, events: events.map(eventView) };
  }

  /** The caller's own, newest first (their workbench). */
  async mine(user: AuthUser, limit = 100): Promise<SelfExamView[]> {
    if (!user.officialId) return [];
    return this.views(await this.exams.findOfOfficial(user.officialId, limit));
  }

  /** The official themselves, while pending or returned (also after the deadline: late beats never). */
  async submit(user: AuthUser, id: number, input: SubmitSelfExamRequest): Promise<SelfExamDetail> {
    const exam = await this.exams.findById(id);
    if (!exam || !this.isOwn(user, exam)) throw new AppException('SELF_EXAM.NOT_FOUND');
    if (exam.state !== 'pending' && exam.state !== 'returned')
      throw new AppException('SELF_EXAM.INVALID_TRANSITION');
    const photoIds = await this.photos.owned(user.userId, input.photoIds);
    const text = input.text.trim();
    const now = this.clock.now();
    await this.exams.transaction(async (manager) => {
      const moved = await this.exams.transition(manager, id, exam.version, ['pending', 'returned'], {
        state: 'submitted',
        text,
        photoIds,
        submittedAt: now,
      });
      if (!moved) throw new AppException('SELF_EXAM.VERSION_CONFLICT');
      await this.events.record(manager, [
        supervisionEvent('self_exam', id, 'submitted', exam.state, 'submitted', user.userId, '本人', null),
      ]);
    });
    return this.get(user, id);
  }

  accept(user: AuthUser, id: number, input: DecideSelfExamRequest): Promise<SelfExamDetail> {
    return this.decide(user, id, 'accepted', input);
  }

  return(user: AuthUser, id: number, input: DecideSelfExamRequest): Promise<SelfExamDetail> {
    if (!input.note?.trim())
      throw new AppException('COMMON.VALIDATION_FAILED', '退回书面检查须写明修改意见', [
        { field: 'note', reasons: ['required to return'] },
      ]);
    return this.decide(user, id, 'returned', input);
  }

  private async decide(
    user: AuthUser,
    id: number,
    to: 'accepted' | 'returned',
    input: DecideSelfExamRequest,
  ): Promise<SelfExamDetail> {
    const exam = await this.exams.findById(id);
    if (!exam || !this.scope.covers(user, exam.unit.path)) throw new AppException('SELF_EXAM.NOT_FOUND');
    if (exam.state !== 'submitted') throw new AppException('SELF_EXAM.INVALID_TRANSITION');
    if (exam.version !== input.version) throw new AppException('SELF_EXAM.VERSION_CONFLICT');
    const note = input.note?.trim() || null;
    const now = this.clock.now();
    const outgoing =
      to === 'returned'
        ? await this.messages.build([
            {
              officialId: exam.officialId,
              what: '书面检查被退回',
              time: localDate(now),
              next: '请按意见修改后重新提交',
              page: `${APP_PAGES.supervisionMine}?selfExamId=${id}`,
            },
          ])
        : [];
    await this.exams.transaction(async (manager) => {
      const moved = await this.exams.transition(manager, id, input.version, ['submitted'], {
        state: to,
        decidedByUserId: user.userId,
        decidedAt: now,
        decisionNote: note,
      });
      if (!moved) throw new AppException('SELF_EXAM.VERSION_CONFLICT');
      await this.events.record(manager, [
        supervisionEvent('self_exam', id, to, 'submitted', to, user.userId, '督查室', note),
      ]);
      await this.outbox.enqueue(manager, outgoing);
    });
    return this.get(user, id);
  }

  private isOwn(user: AuthUser, exam: SelfExamination): boolean {
    return user.officialId !== undefined && user.officialId === exam.officialId;
  }

  /** The views of rows loaded with their notice, official and unit. */
  async views(rows: SelfExamination[]): Promise<SelfExamView[]> {
    const now = this.clock.now();
    const [postTitles, photos] = await Promise.all([
      this.findings.findPostTitles([...new Set(rows.map((r) => r.officialId))], localDate(now)),
      this.photos.views(rows.map((r) => r.photoIds)),
    ]);
    return rows.map((r) => ({
      id: r.id,
      notice: {
        id: r.noticeId,
        number: r.notice.number !== null ? noticeNumber(r.notice.year, r.notice.number) : null,
        title: r.notice.title,
      },
      official: { id: r.officialId, name: r.official.name, post: postTitles.get(r.officialId) ?? '' },
      state: r.state,
      dueAt: r.dueAt.toISOString(),
      text: r.text,
      photos: photos(r.photoIds),
      submittedAt: r.submittedAt?.toISOString() ?? null,
      decisionNote: r.decisionNote,
      decidedAt: r.decidedAt?.toISOString() ?? null,
      overdue: (r.state === 'pending' || r.state === 'returned') && r.dueAt.getTime() < now.getTime(),
      version: r.version,
    }));
  }
}
