import { Inject, Injectable } from '@nestjs/common';
import {
  FINDING_STATES,
  type FindingState,
  type OfficialRecord,
  RECORD_LIMITS,
  type RecordList,
  type RecordViewFormat,
  type RecordViewPage,
} from '@jinri/shared';
import dayjs from 'dayjs';
import { CLOCK, type Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app.exception';
import { PdfService } from '../../common/pdf';
import { addDays, atLocal, daysBetween, isValidDate, localDate } from '../../common/time/local-time';
import type { AuthUser } from '../auth/auth-user';
import { noticeNumber } from '../supervision/notice-number';
import { SUPERVISORS } from '../supervision/supervision-scope';
import { ticketFigures } from '../tickets/ticket-figures';
import { renderRecordPdf } from './record-pdf';
import { type RecordPeriod, RecordsRepository, type RecordUnitRow } from './records.repository';

const VIEWER_FALLBACK_NAME = { supervisor: '督查室', admin: '管理员' } as const;

/** A file to send: its UTF-8 name, an ASCII fallback, and the bytes. */
export interface RecordFile {
  filename: string;
  asciiFilename: string;
  file: Buffer;
}

/**
 * 立体像: one official's record over a period, for the supervisors and admins whose grant covers a unit
 * the official held a post in during the period (else 404, the official's existence not revealed).
 * Every answer records the view first, in the same request.
 */
@Injectable()
export class RecordsService {
  constructor(
    private readonly repository: RecordsRepository,
    private readonly pdf: PdfService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async record(
    user: AuthUser,
    officialId: number,
    query: { from?: string; to?: string },
  ): Promise<OfficialRecord> {
    const { record, view } = await this.load(user, officialId, query);
    await this.repository.recordView({ ...view, format: 'json', createdAt: this.clock.now() });
    return capped(record);
  }

  async pdfFile(
    user: AuthUser,
    officialId: number,
    query: { from?: string; to?: string },
  ): Promise<RecordFile> {
    const { record, view } = await this.load(user, officialId, query);
    const document = this.pdf.create({
      title: `立体像 · ${record.official.name}`,
      subject: `${record.period.from} 至 ${record.period.to}`,
    });
    await this.repository.recordView({ ...view, format: 'pdf', createdAt: this.clock.now() });
    renderRecordPdf(document, record, this.clock.now());
    return {
      filename: `立体像-${record.official.name}-${record.period.from}至${record.period.to}.pdf`,
      asciiFilename: `record-${record.official.id}-${record.period.from}-${record.period.to}.pdf`,
      file: await document.toBuffer(),
    };
  }

  /** Who looked at the signed-in official's record, newest first (name and role only). */
  async viewsOfMine(user: AuthUser, page = 1): Promise<RecordViewPage> {
    if (user.officialId === undefined) throw new AppException('AUTH.ROLE_REQUIRED');
    const pageSize = RECORD_LIMITS.viewsPageSize;
    const [rows, total] = await this.repository.findViewsOf(user.officialId, page, pageSize);
    return {
      items: rows.map((v) => ({
        id: v.id,
        viewerName: v.viewerName,
        viewerRole: v.viewerRole,
        from: String(v.fromDate).slice(0, 10),
        to: String(v.toDate).slice(0, 10),
        format: v.format,
        viewedAt: v.createdAt.toISOString(),
      })),
      total,
      page,
      pageSize,
    };
  }

  private async load(user: AuthUser, officialId: number, query: { from?: string; to?: string }) {
    const period = this.period(query);
    const official = await this.repository.findOfficial(officialId);
    if (!official) throw new AppException('RECORD.NOT_FOUND');
    let units = await this.repository.findUnitsHeldDuring(officialId, period.from, period.to);
    // Held no post in the period: the posts ever held decide who may look.
    if (units.length === 0)
      units = await this.repository.findUnitsHeldDuring(officialId, '0000-01-01', '9999-12-31');
    const viewer = this.viewer(user, units);
    if (!viewer) throw new AppException('RECORD.NOT_FOUND');
    const record = await this.build(official.id, official.name, uniqueUnits(units), period);
    return {
      record,
      view: {
        officialId,
        viewerUserId: user.userId,
        viewerName: await this.viewerName(user, viewer),
        viewerRole: viewer.role,
        fromDate: period.from,
        toDate: period.to,
      },
    };
  }

  /** The caller's grant that covers one of the units (a supervisor's before an admin's), if any. */
  private viewer(user: AuthUser, units: RecordUnitRow[]) {
    const covering = user.grants.filter(
      (g) => SUPERVISORS.includes(g.role) && units.some((u) => u.unitPath.startsWith(g.unitPath)),
    );
    const grant = covering.find((g) => g.role === 'supervisor') ?? covering[0];
    return grant ? { role: grant.role as 'supervisor' | 'admin', officialId: grant.officialId } : null;
  }

  private async viewerName(
    user: AuthUser,
    viewer: { role: 'supervisor' | 'admin'; officialId: number | null },
  ): Promise<string> {
    const officialId = viewer.officialId ?? user.officialId;
    const official = officialId ? await this.repository.findOfficial(officialId) : null;
    return official ? official.name.slice(0, 60) : VIEWER_FALLBACK_NAME[viewer.role];
  }

  private period(query: { from?: string; to?: string }): RecordPeriod {
    const today = localDate(this.clock.now());
    if ((query.from && !isValidDate(query.from)) || (query.to && !isValidDate(query.to)))
      throw new AppException('RECORD.PERIOD_INVALID');
    const to = query.to ?? today;
    const from =
      query.from ??
      dayjs.utc(to).subtract(RECORD_LIMITS.defaultMonths, 'month').add(1, 'day').format('YYYY-MM-DD');
    if (from > to || daysBetween(from, to) + 1 > RECORD_LIMITS.maxDays)
      throw new AppException('RECORD.PERIOD_INVALID');
    return { from, to, start: atLocal(from, '00:00'), end: atLocal(addDays(to, 1), '00:00') };
  }

  /** Everything in the period, oldest first (the PDF's order; the JSON is capped from it). */
  private async build(
    officialId: number,
    name: string,
    units: RecordUnitRow[],
    period: RecordPeriod,
  ): Promise<OfficialRecord> {
    const { from, to } = period;
    const [plans, leaves, reports, findings, spotChecks, notices, exams, tickets, flags] = await Promise.all([
      this.repository.findPlansWithEntries(officialId, from, to),
      this.repository.findLeavesOverlapping(officialId, from, to),
      this.repository.findWeeklyReports(officialId, from, to),
      this.repository.findFindings(officialId, from, to),
      this.repository.findSpotChecks(officialId, from, to),
      this.repository.findIssuedNoticesCiting(officialId, from, to),
      this.repository.findSelfExaminations(officialId, from, to),
      this.repository.findAssignedTickets(officialId, period),
      this.repository.findFlagsOverlapping(
        units.map((u) => u.unitId),
        from,
        to,
      ),
    ]);
    const entries = plans.flatMap((p) => p.entries);
    const [updates, events] = await Promise.all([
      this.repository.findUpdatesOfEntries(entries.map((e) => e.id)),
      this.repository.findFindingEvents(findings.map((f) => f.id)),
    ]);
    const updatesOf = groupBy(updates, (u) => u.planEntryId);
    const eventsOf = groupBy(events, (e) => e.subjectId);
    const byState = Object.fromEntries(FINDING_STATES.map((s) => [s, 0])) as Record<FindingState, number>;
    for (const f of findings) byState[f.state] += 1;
    const lateReports = reports.filter((r) => r.late);
    const latePlans = plans.filter((p) => p.plan.late);
    return {
      official: { id: officialId, name },
      units: units.map((u) => ({ id: u.unitId, name: u.unitName, post: u.postTitle })),
      period: { from, to },
      plans: {
        total: plans.length,
        entries: entries.filter((e) => e.status === 'active').length,
        updates: updates.length,
        photos: updates.reduce((sum, u) => sum + u.photoIds.length, 0),
        late: latePlans.length,
        items: plans.map(({ plan, entries: dayEntries }) => ({
          date: day(plan.date),
          status: plan.status,
          late: plan.late,
          entries: dayEntries.map((e) => ({
            id: e.id,
            startTime: e.startTime,
            endTime: e.endTime,
            period: e.period,
            place: e.place,
            what: e.what,
            withdrawn: e.status === 'withdrawn',
            updates: (updatesOf.get(e.id) ?? []).map((u) => ({
              kind: u.kind,
              text: u.text,
              photoIds: u.photoIds,
              at: u.createdAt.toISOString(),
            })),
          })),
        })),
      },
      leaves: list(
        leaves.map((l) => ({ startDate: day(l.startDate), endDate: day(l.endDate), status: l.status })),
      ),
      lateness: {
        plans: latePlans.length,
        weeklyReports: lateReports.length,
        dates: [
          ...latePlans.map((p) => ({ date: day(p.plan.date), kind: 'plan' as const })),
          ...lateReports.map((r) => ({ date: day(r.weekStart), kind: 'weekly' as const })),
        ].sort((a, b) => a.date.localeCompare(b.date)),
      },
      findings: {
        ...list(
          findings.map((f) => ({
            id: f.id,
            date: day(f.date),
            kind: f.kind,
            state: f.state,
            explanation: f.explanation,
            decisionNote: f.decisionNote,
            events: (eventsOf.get(f.id) ?? []).map((e) => ({
              action: e.action,
              actor: e.actor,
              note: e.note,
              at: e.createdAt.toISOString(),
            })),
          })),
        ),
        byState,
      },
      spotChecks: {
        ...list(
          spotChecks.map((s) => ({
            id: s.id,
            date: day(s.date),
            visitedAt: s.visitedAt.toISOString(),
            found: s.found,
            note: s.note,
            what: s.planEntry.what,
            place: s.planEntry.place,
          })),
        ),
        found: spotChecks.filter((s) => s.found).length,
        absent: spotChecks.filter((s) => !s.found).length,
      },
      notices: list(
        notices.map((n) => ({
          id: n.id,
          title: n.title,
          number: n.number === null ? '' : noticeNumber(n.year, n.number),
          issueDate: day(n.issueDate ?? ''),
        })),
      ),
      selfExaminations: list(
        exams.map((x) => ({
          id: x.id,
          noticeId: x.noticeId,
          state: x.state,
          dueAt: x.dueAt.toISOString(),
          submittedAt: x.submittedAt?.toISOString() ?? null,
        })),
      ),
      tickets: {
        ...list(
          tickets.map((t) => ({
            id: t.id,
            queryCode: t.queryCode,
            category: t.matter?.name ?? (t.targetKind === 'entry' ? '对日程留言' : '对干部留言'),
            status: t.status,
            satisfied: t.ratingSatisfied,
            createdAt: t.createdAt.toISOString(),
            resolvedAt: t.resolvedAt?.toISOString() ?? null,
          })),
        ),
        figures: ticketFigures(tickets, this.clock.now()),
      },
      flags: flags.map((f) => ({
        unitId: f.unitId,
        unitName: f.unit.name,
        color: f.color,
        period: f.award.period,
        from: day(f.award.fromDate),
        to: day(f.award.toDate),
      })),
      weeklyReports: list(
        reports.map((r) => ({
          weekStart: day(r.weekStart),
          late: r.late,
          submittedAt: r.submittedAt.toISOString(),
          results: r.results,
          nextWeekPlan: r.nextWeekPlan,
        })),
      ),
    };
  }
}

/** A date column as YYYY-MM-DD (drivers may hand back a Date or a longer string). */
function day(value: string | Date): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
}

function list<T>(items: T[]): RecordList<T> {
  return { total: items.length, items };
}

function groupBy<T>(items: T[], key: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Each unit once (a person may hold two posts in one unit), primary (lowest rank) first. */
function uniqueUnits(units: RecordUnitRow[]): RecordUnitRow[] {
  const seen = new Set<number>();
  return units.filter((u) => (seen.has(u.unitId) ? false : (seen.add(u.unitId), true)));
}

/** The JSON: each list newest first and at most RECORD_LIMITS.listCap long; totals unchanged. */
export function capped(record: OfficialRecord): OfficialRecord {
  const cap = <T, L extends RecordList<T>>(l: L): L => ({
    ...l,
    items: [...l.items].reverse().slice(0, RECORD_LIMITS.listCap),
  });
  return {
    ...record,
    plans: cap(record.plans),
    leaves: cap(record.leaves),
    findings: cap(record.findings),
    spotChecks: cap(record.spotChecks),
    notices: cap(record.notices),
    selfExaminations: cap(record.selfExaminations),
    tickets: cap(record.tickets),
    weeklyReports: cap(record.weeklyReports),
  };
}

export type { RecordViewFormat };
