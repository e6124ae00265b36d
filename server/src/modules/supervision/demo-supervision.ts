import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { FindingEvidence, FindingKind } from '@jinri/shared';
import { DataSource, type EntityManager, MoreThan } from 'typeorm';
import { CLOCK, type Clock } from '../../common/clock';
import { addDays, atLocal, localDate, weekStart } from '../../common/time/local-time';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { retriedTransaction } from '../../database/contention';
import { underDemoSeedLease } from '../../database/seed/demo-seed-lease';
import { DEMO_DAYS_BACK } from '../../database/seed/demo-journals';
import { DEMO_OFFICIAL_TITLES } from '../../database/seed/demo-personas';
import { type AuthUser, toAuthUser } from '../auth/auth-user';
import { CalendarService } from '../calendar/calendar.service';
import type { WorkCalendar } from '../calendar/work-calendar';
import { DirectoryRepository } from '../directory/directory.repository';
import { DayPlan } from '../journals/day-plan.entity';
import { PlanEntry } from '../journals/plan-entry.entity';
import { workingDeadline } from '../tickets/ticket-deadlines';
import { ComplianceFinding } from './compliance-finding.entity';
import { FindingsCheckService } from './findings-check.service';
import { FindingsRepository } from './findings.repository';
import { FindingsService } from './findings.service';
import { Notice } from './notice.entity';
import { NoticesService } from './notices.service';
import { SelfExamination } from './self-examination.entity';
import { SpotCheck } from './spot-check.entity';
import { SupervisionEvent } from './supervision-event.entity';

const MINUTE = 60_000;

/** What the supervision office and the officials wrote in the demo's stories (answers that answer). */
const STORIES = {
  repeated: {
    explanation:
      '城东片区拆迁涉及12户，每天都要到现场督促进度，所以几天写得差不多。今后写明当天推进哪几户、解决什么问题。',
    confirm: '连续多日填报同一事项，未写明当天具体进展，认定属实。',
  },
  missing: {
    explanation: '当天临时被抽调到市里参加培训，走得急，忘了报送日程，也没有补请假手续。今后先请假再外出。',
    confirm: '未报送日程且未履行请假手续，认定属实。',
  },
  late: {
    explanation: '当天下午一直在村里调解一起宅基地纠纷，18:30回到单位才补报，有村委会调解记录为证。',
    dismiss: '经核实当天确在村里调解纠纷，有调解记录，不予通报。',
  },
  vague: { confirm: '日程只写“日常工作”，未写明具体事项和地点，认定属实。' },
  waiting: {
    late: '前一天晚上在县里参加项目调度会到19:00，会后才报送，已向分管领导说明。',
    vague: '上午参加镇里的安全生产例会，下午到村里检查冬季防火，日程写得太简单了，已补充说明。',
  },
  absentNote: '10:40 到日程所写地点，未见本人，现场工作人员称其上午未到。',
  foundNote: '在便民服务中心见到本人，正在为群众办理低保复核。',
} as const;

export interface DemoSupervisionResult {
  recorded: number;
  stories: boolean;
}

/**
 * The demo's supervision (SEED_DEMO=1): the morning check run over the demo's past two weeks, so a
 * first start shows findings of every kind, dated when the check would have found them; then, once,
 * the stories a county sees first — explanations confirmed and dismissed, one waiting for a decision,
 * a spot check that did not find the first demo official (left open for the supervisor), one that
 * did, and an issued notice whose written self-examinations are pending. Every step goes through the
 * services (their rules, events and messages) and is then dated in the past, in order.
 */
@Injectable()
export class DemoSupervisionSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoSupervision');

  constructor(
    private readonly checks: FindingsCheckService,
    private readonly findings: FindingsService,
    private readonly findingRows: FindingsRepository,
    private readonly notices: NoticesService,
    private readonly directory: DirectoryRepository,
    private readonly calendars: CalendarService,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.seedDemo !== 'full') return;
    const started = Date.now();
    const result = await underDemoSeedLease(this.dataSource, () => this.seed());
    this.logger.log({ ...result, ms: Date.now() - started }, 'demo supervision up to date');
  }

  async seed(): Promise<DemoSupervisionResult> {
    const now = this.clock.now();
    const today = localDate(now);
    const calendar = await this.calendars.calendar();
    const before = await this.lastFindingId();
    for (let date = addDays(today, -DEMO_DAYS_BACK); date <= today; date = addDays(date, 1)) {
      if (calendar.isWorkday(date) && now >= atLocal(date, '08:00')) await this.checks.runDaily(date);
    }
    await this.checks.runWeekly(addDays(weekStart(today), -7));
    await this.checks.runTicketOverdue(now);
    const fresh = await this.dataSource.getRepository(ComplianceFinding).find({
      where: { id: MoreThan(before) },
      order: { date: 'ASC', id: 'ASC' },
    });
    const stories = before === 0 && fresh.length > 0 && (await this.noticeCount()) === 0;
    if (stories) await this.tell(fresh, now, calendar);
    await retriedTransaction(this.dataSource, (manager) => this.backdate(manager, fresh, now, calendar));
    return { recorded: fresh.length, stories };
  }

  /** The stories, through the services, at the current time (backdate() dates them afterwards). */
  private async tell(fresh: ComplianceFinding[], now: Date, calendar: WorkCalendar): Promise<void> {
    const root = await this.directory.findRootUnit();
    if (!root) return;
    const office = toAuthUser(0, true, [
      { id: 0, role: 'supervisor', unitId: root.id, unitPath: root.path, officialId: null },
    ]);
    const today = localDate(now);
    // Findings old enough for a decision and a notice before today.
    const settled = fresh.filter((f) => f.date <= calendar.addWorkingDays(today, -4) && f.subject === '');
    const oldest = (kind: FindingKind, skip = 0) => settled.filter((f) => f.kind === kind)[skip];
    const confirmed: number[] = [];
    const story = async (
      finding: ComplianceFinding | undefined,
      explanation: string | null,
      decision: { to: 'confirm' | 'dismiss'; note: string } | null,
    ) => {
      if (!finding) return;
      let version = finding.version;
      if (explanation) {
        const official = await this.officialUser(finding.officialId);
        if (!official) return;
        version = (await this.findings.explain(official, finding.id, { text: explanation })).version;
      }
      if (!decision) return;
      if (decision.to === 'confirm') {
        await this.findings.confirm(office, finding.id, { version, note: decision.note });
        confirmed.push(finding.id);
      } else await this.findings.dismiss(office, finding.id, { version, note: decision.note });
    };
    await story(oldest('repeated'), STORIES.repeated.explanation, {
      to: 'confirm',
      note: STORIES.repeated.confirm,
    });
    await story(oldest('repeated', 1), null, { to: 'confirm', note: STORIES.repeated.confirm });
    await story(oldest('missing'), STORIES.missing.explanation, {
      to: 'confirm',
      note: STORIES.missing.confirm,
    });
    await story(oldest('late'), STORIES.late.explanation, { to: 'dismiss', note: STORIES.late.dismiss });
    await story(oldest('vague'), null, { to: 'confirm', note: STORIES.vague.confirm });
    // The explanation queue: the most recent late or vague finding of a past day, explained in time.
    const recent = fresh
      .filter((f) => (f.kind === 'late' || f.kind === 'vague') && f.date < today && f.subject === '')
      .at(-1);
    if (recent && !confirmed.includes(recent.id) && recent.id !== oldest('late')?.id)
      await story(recent, STORIES.waiting[recent.kind as 'late' | 'vague'], null);
    await this.spotChecks(today, calendar, now);
    if (confirmed.length === 0) return;
    const cited = await this.findingRows.findByIds(confirmed);
    const draft = await this.notices.draft(office, {
      unitId: root.id,
      from: cited[0]!.date,
      to: cited.at(-1)!.date,
      findingIds: confirmed,
    });
    await this.notices.issue(office, draft.id, draft.version);
  }

  /**
   * On the last working day before today: the first demo official was not where the plan said (an
   * `absent` finding, left open for the supervisor), and the civil-affairs assistant was.
   */
  private async spotChecks(today: string, calendar: WorkCalendar, now: Date): Promise<void> {
    const day = calendar.previousWorkday(today);
    const [head] = await this.directory.findOfficialsByPostTitle(DEMO_OFFICIAL_TITLES[0]!, 1);
    const [assistant] = await this.directory.findOfficialsByPostTitle(DEMO_OFFICIAL_TITLES[1]!, 1);
    const visits: Array<{ officialId: number; found: boolean }> = [];
    if (head) visits.push({ officialId: head.officialId, found: false });
    if (assistant) visits.push({ officialId: assistant.officialId, found: true });
    for (const visit of visits) {
      const entry = await this.firstEntryWithPlace(visit.officialId, day);
      if (!entry) continue;
      const posts = await this.directory.findCurrentPosts(visit.officialId);
      if (posts.length === 0) continue;
      const visitedAt = new Date(atLocal(day, entry.startTime ?? '09:00').getTime() + 40 * MINUTE);
      await retriedTransaction(this.dataSource, async (manager) => {
        const check = await manager.getRepository(SpotCheck).save(
          Object.assign(new SpotCheck(), {
            planEntryId: entry.id,
            officialId: visit.officialId,
            unitId: posts[0]!.unitId,
            date: day,
            visitedAt,
            found: visit.found,
            note: visit.found ? STORIES.foundNote : STORIES.absentNote,
            photoIds: [],
            location: null,
            sampleId: null,
            findingId: null,
            noFindingReason: null,
            checkedByUserId: 0,
            createdAt: visitedAt,
          }),
        );
        const events: Array<Partial<SupervisionEvent>> = [
          {
            subjectType: 'spot_check',
            subjectId: check.id,
            action: 'visited',
            toState: visit.found ? 'found' : 'not_found',
            actor: '督查室',
            note: check.note,
            createdAt: visitedAt,
          },
        ];
        if (!visit.found) {
          const foundAt = new Date(visitedAt.getTime() + 30 * MINUTE);
          const evidence: FindingEvidence = {
            kind: 'absent',
            spotCheckId: check.id,
            entryId: entry.id,
            what: entry.what,
            place: entry.place,
            planned: [entry.startTime, entry.endTime].filter(Boolean).join('–') || '全天',
            visitedAt: visitedAt.toISOString(),
            note: check.note,
          };
          const [finding] = await this.findingRows.record(
            manager,
            [
              {
                officialId: visit.officialId,
                unitId: posts[0]!.unitId,
                date: day,
                kind: 'absent',
                subject: `spot:${check.id}`,
                evidence,
                explainDueAt: workingDeadline(calendar, foundAt, 1),
              },
            ],
            { actorUserId: null, actor: '系统', note: `抽查 #${check.id}` },
          );
          if (finding) {
            const at = foundAt < now ? foundAt : now;
            await manager.getRepository(SpotCheck).update(check.id, { findingId: finding.id });
            await manager.getRepository(ComplianceFinding).update(finding.id, { createdAt: at });
            await manager
              .getRepository(SupervisionEvent)
              .update({ subjectType: 'finding', subjectId: finding.id }, { createdAt: at });
          }
        }
        await manager.getRepository(SupervisionEvent).insert(events);
      });
    }
  }

  /**
   * Dates what this start recorded when the check would have: a day's findings at 08:05 of the day,
   * a week's at 12:05 on its Sunday, an overdue ticket an hour after its deadline; explanations that
   * afternoon, decisions the next working day at 10:00, the notice on the last working day at 16:00.
   */
  private async backdate(
    manager: EntityManager,
    fresh: ComplianceFinding[],
    now: Date,
    calendar: WorkCalendar,
  ): Promise<void> {
    const past = (at: Date) => (at < now ? at : new Date(now.getTime() - MINUTE));
    const findings = manager.getRepository(ComplianceFinding);
    const events = manager.getRepository(SupervisionEvent);
    for (const f of fresh) {
      const foundAt = past(foundAtOf(f));
      const current = await findings.findOneBy({ id: f.id });
      if (!current) continue;
      const explainedAt = current.explainedAt ? past(new Date(foundAt.getTime() + 5 * 60 * MINUTE)) : null;
      const decidedAt = current.decidedAt
        ? past(atLocal(calendar.addWorkingDays(localDate(foundAt), 1), '10:00'))
        : null;
      await findings.update(f.id, {
        createdAt: foundAt,
        explainDueAt: workingDeadline(calendar, foundAt, 1),
        ...(explainedAt ? { explainedAt } : {}),
        ...(decidedAt ? { decidedAt } : {}),
      });
      const steps = await events.findBy({ subjectType: 'finding', subjectId: f.id });
      for (const step of steps) {
        const at =
          step.action === 'recorded'
            ? foundAt
            : step.action === 'explained'
              ? explainedAt
              : step.action === 'confirmed' || step.action === 'dismissed'
                ? decidedAt
                : null;
        if (at) await events.update(step.id, { createdAt: at });
      }
    }
    const issuedAt = past(atLocal(calendar.previousWorkday(localDate(now)), '16:00'));
    for (const notice of await manager
      .getRepository(Notice)
      .findBy({ state: 'issued', createdByUserId: 0 })) {
      if (notice.issuedAt && notice.issuedAt.getTime() < now.getTime() - 60 * MINUTE) continue;
      const draftedAt = new Date(issuedAt.getTime() - 90 * MINUTE);
      await manager.getRepository(Notice).update(notice.id, {
        createdAt: draftedAt,
        issuedAt,
        issueDate: localDate(issuedAt),
      });
      for (const step of await events.findBy({ subjectType: 'notice', subjectId: notice.id }))
        await events.update(step.id, { createdAt: step.action === 'issued' ? issuedAt : draftedAt });
      for (const exam of await manager.getRepository(SelfExamination).findBy({ noticeId: notice.id })) {
        await manager.getRepository(SelfExamination).update(exam.id, {
          createdAt: issuedAt,
          dueAt: workingDeadline(calendar, issuedAt, notice.selfExamWorkingDays),
        });
        for (const step of await events.findBy({ subjectType: 'self_exam', subjectId: exam.id }))
          await events.update(step.id, { createdAt: issuedAt });
      }
    }
  }

  private async officialUser(officialId: number): Promise<AuthUser | null> {
    const posts = await this.directory.findCurrentPosts(officialId);
    if (posts.length === 0) return null;
    return toAuthUser(0, true, [
      { id: 0, role: 'official', unitId: posts[0]!.unitId, unitPath: posts[0]!.unitPath, officialId },
    ]);
  }

  private async firstEntryWithPlace(officialId: number, date: string): Promise<PlanEntry | null> {
    const plan = await this.dataSource
      .getRepository(DayPlan)
      .findOneBy({ officialId, date, status: 'published' });
    if (!plan) return null;
    const entries = await this.dataSource
      .getRepository(PlanEntry)
      .find({ where: { dayPlanId: plan.id, status: 'active' }, order: { position: 'ASC' } });
    return entries.find((e) => e.place && e.startTime) ?? null;
  }

  private async lastFindingId(): Promise<number> {
    const [last] = await this.dataSource
      .getRepository(ComplianceFinding)
      .find({ select: { id: true }, order: { id: 'DESC' }, take: 1 });
    return last?.id ?? 0;
  }

  private noticeCount(): Promise<number> {
    return this.dataSource.getRepository(Notice).count();
  }
}

/** When the morning check would have recorded a finding. */
function foundAtOf(finding: ComplianceFinding): Date {
  const evidence = finding.evidence;
  if (evidence.kind === 'weekly_missing' || evidence.kind === 'weekly_late')
    return new Date(atLocal(addDays(finding.date, 6), '12:05').getTime());
  if (evidence.kind === 'ticket_overdue') return new Date(Date.parse(evidence.dueAt) + 60 * MINUTE);
  return atLocal(finding.date, '08:05');
}
