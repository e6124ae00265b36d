import { Inject, Injectable } from '@nestjs/common';
import {
  APP_PAGES,
  type DraftNoticeRequest,
  type NoticeDetail,
  type NoticePage,
  type NoticeState,
  type NoticeView,
  SUPERVISION_LIMITS,
  SUPERVISION_RULES,
  type UpdateNoticeRequest,
} from '@jinri/shared';
import { CLOCK, type Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app.exception';
import { daysBetween, localDate } from '../../common/time/local-time';
import type { AuthUser } from '../auth/auth-user';
import { CalendarService } from '../calendar/calendar.service';
import type { OutgoingMessage } from '../notifications/outbox.service';
import { OutboxService } from '../notifications/outbox.service';
import { workingDeadline } from '../tickets/ticket-deadlines';
import type { ComplianceFinding } from './compliance-finding.entity';
import { eventView } from './finding-views';
import { FindingsRepository } from './findings.repository';
import { monthDay, noticeFacts, periodText } from './notice-facts';
import { noticeDocx, noticeFilename } from './notice-docx';
import { noticeNumber } from './notice-number';
import type { Notice } from './notice.entity';
import { isNumberRace, NoticesRepository } from './notices.repository';
import { SelfExaminationsRepository } from './self-examinations.repository';
import { SelfExaminationsService } from './self-examinations.service';
import { supervisionEvent, SupervisionEventsRepository } from './supervision-events.repository';
import { SupervisionMessages } from './supervision-messages';
import { type ScopedUnit, SupervisionScope } from './supervision-scope';

export interface NoticeQuery {
  unitId?: number;
  state?: NoticeState;
  page?: number;
}

/** Attempts at taking the next number when another notice of the county took it first. */
const ISSUE_ATTEMPTS = 5;
/** Stands for the number in messages built before the transaction that takes it. */
const NUMBER_MARK = '{number}';

/**
 * 督察通报: a draft from the confirmed findings of a period and scope (facts grouped by unit and
 * person), edited while a draft, then issued: the next number of the year in the county, the facts
 * frozen, one 书面检查 per official cited (due N working days later) and a message to each. Issued
 * notices never change. Every step is a conditional update on the version plus its event.
 */
@Injectable()
export class NoticesService {
  constructor(
    private readonly notices: NoticesRepository,
    private readonly findings: FindingsRepository,
    private readonly exams: SelfExaminationsRepository,
    private readonly selfExams: SelfExaminationsService,
    private readonly events: SupervisionEventsRepository,
    private readonly scope: SupervisionScope,
    private readonly calendars: CalendarService,
    private readonly messages: SupervisionMessages,
    private readonly outbox: OutboxService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(user: AuthUser, query: NoticeQuery): Promise<NoticePage> {
    const unitPath =
      query.unitId !== undefined ? (await this.scope.unit(user, query.unitId)).path : undefined;
    const page = query.page ?? 1;
    const pageSize = SUPERVISION_LIMITS.pageSize;
    const { rows, total } = await this.notices.findPage(
      { scopePaths: this.scope.paths(user), unitPath, state: query.state },
      page,
      pageSize,
    );
    return { items: await this.views(rows), total, page, pageSize };
  }

  async draft(user: AuthUser, input: DraftNoticeRequest): Promise<NoticeDetail> {
    const unit = await this.scope.unit(user, input.unitId);
    if (input.from > input.to || daysBetween(input.from, input.to) >= SUPERVISION_LIMITS.noticePeriodMaxDays)
      throw new AppException('COMMON.VALIDATION_FAILED', '通报期间有误：开始不晚于结束，且不超过一年', [
        { field: 'to', reasons: [`from ≤ to, at most ${SUPERVISION_LIMITS.noticePeriodMaxDays} days`] },
      ]);
    const cited =
      input.findingIds !== undefined
        ? await this.citable(user, unit, input.findingIds)
        : await this.notices.findUncitedConfirmed(
            unit.path,
            input.from,
            input.to,
            SUPERVISION_LIMITS.noticeFindingsMax,
          );
    if (cited.length === 0) throw new AppException('NOTICE.NO_FINDINGS');
    const now = this.clock.now();
    const today = localDate(now);
    const issuer = issuerOf(unit.name);
    const days = SUPERVISION_RULES.selfExamWorkingDays;
    const period = periodText(input.from, input.to);
    const id = await this.notices.transaction(async (manager) => {
      const noticeId = await this.notices.insert(
        manager,
        {
          unitId: unit.id,
          numberingUnitId: countyRootOf(unit.path),
          year: Number(today.slice(0, 4)),
          periodFrom: input.from,
          periodTo: input.to,
          title: `关于${period}今日工作督查情况的通报`.slice(0, SUPERVISION_LIMITS.titleMax),
          preface:
            `为推动干部“今日工作”日程公开落到实处，${issuer}对${unit.name}${period}日程报送和履职情况进行了督查。` +
            '经核实，部分同志存在日程未按时报送、内容笼统、抽查不在岗等问题。现将有关情况通报如下：',
          facts: await this.facts(cited),
          requirement: requirementText(days),
          selfExamWorkingDays: days,
          issuer,
          createdByUserId: user.userId,
        },
        cited.map((f) => f.id),
      );
      await this.events.record(manager, [
        supervisionEvent(
          'notice',
          noticeId,
          'drafted',
          null,
          'draft',
          user.userId,
          '督查室',
          `引用 ${cited.length} 条督查记录`,
        ),
      ]);
      return noticeId;
    });
    return this.get(user, id);
  }

  /** Supervisors of the notice's unit; an official it cites, once issued. */
  async get(user: AuthUser, id: number): Promise<NoticeDetail> {
    const notice = await this.notices.findById(id);
    if (!notice) throw new AppException('NOTICE.NOT_FOUND');
    const supervisor = this.scope.covers(user, notice.unit.path);
    const cited =
      !supervisor &&
      notice.state === 'issued' &&
      user.officialId !== undefined &&
      (await this.notices.cites(id, user.officialId));
    if (!supervisor && !cited) throw new AppException('NOTICE.NOT_FOUND');
    const [view] = await this.views([notice]);
    const exams = (await this.exams.findOfNotices([id])).filter(
      (e) => supervisor || e.officialId === user.officialId,
    );
    const detail: NoticeDetail = {
      ...view!,
      selfExaminations: await this.selfExams.views(exams),
      events: supervisor ? (await this.events.findFor('notice', id)).map(eventView) : [],
    };
    if (notice.state === 'draft') {
      const year = Number(localDate(this.clock.now()).slice(0, 4));
      detail.nextNumber = noticeNumber(
        year,
        (await this.notices.maxNumber(notice.numberingUnitId, year)) + 1,
      );
    }
    return detail;
  }

  async update(user: AuthUser, id: number, input: UpdateNoticeRequest): Promise<NoticeDetail> {
    const notice = await this.editable(user, id, input.version);
    const changes: Partial<Notice> = {};
    const changed: string[] = [];
    for (const field of ['title', 'preface', 'requirement', 'issuer'] as const) {
      const value = input[field]?.trim();
      if (value !== undefined && value !== notice[field]) {
        changes[field] = value;
        changed.push(FIELD_LABELS[field]);
      }
    }
    if (input.selfExamWorkingDays !== undefined && input.selfExamWorkingDays !== notice.selfExamWorkingDays) {
      changes.selfExamWorkingDays = input.selfExamWorkingDays;
      changed.push('检查期限');
    }
    let findingIds: number[] | undefined;
    if (input.findingIds !== undefined) {
      const unit = { id: notice.unitId, name: notice.unit.name, path: notice.unit.path };
      const cited = await this.citable(user, unit, input.findingIds);
      if (cited.length === 0) throw new AppException('NOTICE.NO_FINDINGS');
      findingIds = cited.map((f) => f.id);
      changes.facts = await this.facts(cited);
      changed.push('引用的督查记录');
    }
    await this.notices.transaction(async (manager) => {
      if (!(await this.notices.updateDraft(manager, id, input.version, changes)))
        throw new AppException('NOTICE.VERSION_CONFLICT');
      if (findingIds) await this.notices.replaceFindings(manager, id, findingIds);
      await this.events.record(manager, [
        supervisionEvent(
          'notice',
          id,
          'edited',
          'draft',
          'draft',
          user.userId,
          '督查室',
          changed.length ? `修改：${changed.join('、')}` : null,
        ),
      ]);
    });
    return this.get(user, id);
  }

  async issue(user: AuthUser, id: number, version: number): Promise<NoticeDetail> {
    const notice = await this.editable(user, id, version);
    const findingIds = (await this.notices.findFindingIds([id])).get(id) ?? [];
    const unit = { id: notice.unitId, name: notice.unit.name, path: notice.unit.path };
    const cited = await this.citable(user, unit, findingIds);
    if (cited.length === 0) throw new AppException('NOTICE.NO_FINDINGS');
    const facts = await this.facts(cited);
    const now = this.clock.now();
    const today = localDate(now);
    const year = Number(today.slice(0, 4));
    const days = notice.selfExamWorkingDays;
    const officials = [...new Map(cited.map((f) => [f.officialId, f])).values()];
    const dueAt = days > 0 ? workingDeadline(await this.calendars.calendar(), now, days) : null;
    const outgoing = await this.messages.build(
      officials.map((f) => ({
        officialId: f.officialId,
        what: dueAt ? `${NUMBER_MARK} 需书面检查` : `${NUMBER_MARK} 通报`,
        time: today,
        next: dueAt ? `请于${monthDay(localDate(dueAt))}前提交` : '请查看通报并整改',
        page: `${APP_PAGES.supervisionMine}?noticeId=${id}`,
      })),
    );
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.notices.transaction(async (manager) => {
          const number = (await this.notices.maxNumber(notice.numberingUnitId, year, manager)) + 1;
          const issued = await this.notices.updateDraft(manager, id, version, {
            state: 'issued',
            year,
            number,
            facts,
            issueDate: today,
            issuedAt: now,
            issuedByUserId: user.userId,
          });
          if (!issued) throw new AppException('NOTICE.VERSION_CONFLICT');
          const exams = dueAt
            ? await this.exams.insert(
                manager,
                officials.map((f) => ({ noticeId: id, officialId: f.officialId, unitId: f.unitId, dueAt })),
              )
            : [];
          const printed = noticeNumber(year, number);
          await this.events.record(manager, [
            supervisionEvent('notice', id, 'issued', 'draft', 'issued', user.userId, '督查室', printed),
            ...exams.map((e) =>
              supervisionEvent('self_exam', e.id, 'created', null, 'pending', user.userId, '督查室', printed),
            ),
          ]);
          await this.outbox.enqueue(manager, withNumber(outgoing, printed));
        });
        break;
      } catch (error) {
        // Another notice of the county took the same number at the same moment: take the next one.
        if (!isNumberRace(error) || attempt >= ISSUE_ATTEMPTS) throw error;
      }
    }
    return this.get(user, id);
  }

  /** The notice as a Word document, with its file name. */
  async docx(user: AuthUser, id: number): Promise<{ filename: string; file: Buffer }> {
    const notice = await this.get(user, id);
    return { filename: noticeFilename(notice), file: await noticeDocx(notice) };
  }

  /** The issued notices citing the caller as an official, newest first. */
  async citing(user: AuthUser, limit = 50): Promise<NoticeView[]> {
    if (!user.officialId) return [];
    return this.views(await this.notices.findIssuedCiting(user.officialId, limit));
  }

  /** A draft of the caller's scope at this version (404 outside, 409 issued or changed). */
  private async editable(user: AuthUser, id: number, version: number): Promise<Notice> {
    const notice = await this.notices.findById(id);
    if (!notice || !this.scope.covers(user, notice.unit.path)) throw new AppException('NOTICE.NOT_FOUND');
    if (notice.state !== 'draft') throw new AppException('NOTICE.ALREADY_ISSUED');
    if (notice.version !== version) throw new AppException('NOTICE.VERSION_CONFLICT');
    return notice;
  }

  /**
   * The findings a notice may cite, checked one by one: each exists, is confirmed, lies in the
   * notice's unit subtree and the caller's scope, and no issued notice cites it yet.
   */
  private async citable(user: AuthUser, unit: ScopedUnit, ids: number[]): Promise<ComplianceFinding[]> {
    const unique = [...new Set(ids)];
    if (unique.length > SUPERVISION_LIMITS.noticeFindingsMax)
      throw new AppException(
        'COMMON.VALIDATION_FAILED',
        `一份通报最多引用 ${SUPERVISION_LIMITS.noticeFindingsMax} 条督查记录`,
        [{ field: 'findingIds', reasons: [`at most ${SUPERVISION_LIMITS.noticeFindingsMax}`] }],
      );
    const found = await this.findings.findByIds(unique);
    const issued = await this.notices.findCitedByIssued(unique);
    const wrong = unique.filter((id) => {
      const f = found.find((x) => x.id === id);
      return (
        !f ||
        f.state !== 'confirmed' ||
        !f.unit.path.startsWith(unit.path) ||
        !this.scope.covers(user, f.unit.path) ||
        issued.has(id)
      );
    });
    if (wrong.length)
      throw new AppException('NOTICE.FINDING_NOT_CONFIRMED', undefined, [
        {
          field: 'findingIds',
          reasons: wrong.map((id) => `finding ${id} is not confirmed, not in scope or already issued`),
        },
      ]);
    return found;
  }

  private async facts(findings: ComplianceFinding[]) {
    const posts = await this.findings.findPostTitles(
      [...new Set(findings.map((f) => f.officialId))],
      localDate(this.clock.now()),
    );
    return noticeFacts(
      findings.map((f) => ({
        id: f.id,
        date: f.date,
        kind: f.kind,
        evidence: f.evidence,
        unit: { id: f.unitId, name: f.unit.name },
        official: { id: f.officialId, name: f.official.name, post: posts.get(f.officialId) ?? '' },
      })),
    );
  }

  private async views(rows: Notice[]): Promise<NoticeView[]> {
    const findingIds = await this.notices.findFindingIds(rows.map((r) => r.id));
    const today = localDate(this.clock.now());
    return rows.map((n) => ({
      id: n.id,
      state: n.state,
      number: n.number !== null ? noticeNumber(n.year, n.number) : null,
      year: n.year,
      unit: { id: n.unitId, name: n.unit.name },
      periodFrom: n.periodFrom,
      periodTo: n.periodTo,
      title: n.title,
      preface: n.preface,
      facts: n.facts,
      requirement: n.requirement,
      selfExamWorkingDays: n.selfExamWorkingDays,
      issuer: n.issuer,
      issueDate: n.issueDate ?? today,
      issuedAt: n.issuedAt?.toISOString() ?? null,
      findingIds: findingIds.get(n.id) ?? [],
      version: n.version,
      createdAt: n.createdAt.toISOString(),
    }));
  }
}

const FIELD_LABELS = { title: '标题', preface: '导语', requirement: '要求', issuer: '落款' } as const;

/** "岚川县" → "中共岚川县委督查室"; a town or department → "中共白石镇委员会督查室". */
export function issuerOf(unitName: string): string {
  const name = /[县市区旗]$/.test(unitName) ? `中共${unitName}委督查室` : `中共${unitName}委员会督查室`;
  return name.slice(0, SUPERVISION_LIMITS.issuerMax);
}

export function requirementText(days: number): string {
  return days > 0
    ? `请被通报的同志于印发之日起${days}个工作日内向县委督查室提交书面检查。`
    : '请被通报的同志认真对照检查，切实整改。';
}

/** The county a unit lies in: the root of its path ("/1/4/17/" → 1), where notices are numbered. */
export function countyRootOf(path: string): number {
  return Number(path.split('/').filter(Boolean)[0]);
}

function withNumber(messages: OutgoingMessage[], printed: string): OutgoingMessage[] {
  return messages.map((m) => ({
    ...m,
    values: Object.fromEntries(
      Object.entries(m.values).map(([k, v]) => [k, v.replace(NUMBER_MARK, printed)]),
    ),
  }));
}
