import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DayPlan } from '../journals/day-plan.entity';
import { EntryUpdate } from '../journals/entry-update.entity';
import { Leave } from '../journals/leave.entity';
import { PlanEntry } from '../journals/plan-entry.entity';
import { WeeklyReport } from '../journals/weekly-report.entity';
import { Membership } from '../directory/membership.entity';
import { Official } from '../directory/official.entity';
import { FlagAwardUnitRow } from '../rankings/flag-award.entity';
import { ComplianceFinding } from '../supervision/compliance-finding.entity';
import { NoticeFinding } from '../supervision/notice-finding.entity';
import { Notice } from '../supervision/notice.entity';
import { SelfExamination } from '../supervision/self-examination.entity';
import { SpotCheck } from '../supervision/spot-check.entity';
import { SupervisionEvent } from '../supervision/supervision-event.entity';
import { Ticket } from '../tickets/ticket.entity';
import { RecordView } from './record-view.entity';

/** A period of local dates, both ends included, and the instants that bound it. */
export interface RecordPeriod {
  from: string;
  to: string;
  /** Local midnight starting `from`. */
  start: Date;
  /** Local midnight after `to`. */
  end: Date;
}

/** A post the official held during the period, with its unit. */
export interface RecordUnitRow {
  unitId: number;
  unitName: string;
  unitPath: string;
  postTitle: string;
  postRank: number;
  postId: number;
}

/** The named reads of one official's record over a period, and the log of who viewed it. */
@Injectable()
export class RecordsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findOfficial(id: number): Promise<Official | null> {
    return this.dataSource.getRepository(Official).findOne({ where: { id } });
  }

  /** The posts (and their units) the official held on some day of the period. */
  async findUnitsHeldDuring(officialId: number, from: string, to: string): Promise<RecordUnitRow[]> {
    const rows = await this.dataSource
      .getRepository(Membership)
      .createQueryBuilder('m')
      .innerJoin('m.post', 'p')
      .innerJoin('p.unit', 'u')
      .select([
        'u.id AS "unitId"',
        'u.name AS "unitName"',
        'u.path AS "unitPath"',
        'p.title AS "postTitle"',
        'p.rank AS "postRank"',
        'p.id AS "postId"',
      ])
      .where('m.officialId = :officialId', { officialId })
      .andWhere('m.startDate <= :to', { to })
      .andWhere('(m.endDate IS NULL OR m.endDate >= :from)', { from })
      .orderBy('p.rank', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .getRawMany<RecordUnitRow>();
    return rows.map((r) => ({
      ...r,
      unitId: Number(r.unitId),
      postRank: Number(r.postRank),
      postId: Number(r.postId),
    }));
  }

  /** Day plans handed in (not drafts) with their entries, oldest first. */
  async findPlansWithEntries(
    officialId: number,
    from: string,
    to: string,
  ): Promise<Array<{ plan: DayPlan; entries: PlanEntry[] }>> {
    const plans = await this.dataSource
      .getRepository(DayPlan)
      .createQueryBuilder('d')
      .where('d.officialId = :officialId', { officialId })
      .andWhere('d.date BETWEEN :from AND :to', { from, to })
      .andWhere("d.status <> 'draft'")
      .orderBy('d.date', 'ASC')
      .getMany();
    if (plans.length === 0) return [];
    const entries = await this.dataSource
      .getRepository(PlanEntry)
      .createQueryBuilder('e')
      .where('e.dayPlanId IN (:...ids)', { ids: plans.map((p) => p.id) })
      .orderBy('e.dayPlanId', 'ASC')
      .addOrderBy('e.position', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .getMany();
    const byPlan = new Map<number, PlanEntry[]>();
    for (const entry of entries) byPlan.set(entry.dayPlanId, [...(byPlan.get(entry.dayPlanId) ?? []), entry]);
    return plans.map((plan) => ({ plan, entries: byPlan.get(plan.id) ?? [] }));
  }

  /** 一日三晒 updates of these entries, oldest first. */
  findUpdatesOfEntries(entryIds: number[]): Promise<EntryUpdate[]> {
    if (entryIds.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(EntryUpdate)
      .createQueryBuilder('x')
      .where('x.planEntryId IN (:...entryIds)', { entryIds })
      .orderBy('x.createdAt', 'ASC')
      .addOrderBy('x.id', 'ASC')
      .getMany();
  }

  /** Leave overlapping the period (pending and approved), oldest first. */
  findLeavesOverlapping(officialId: number, from: string, to: string): Promise<Leave[]> {
    return this.dataSource
      .getRepository(Leave)
      .createQueryBuilder('l')
      .where('l.officialId = :officialId', { officialId })
      .andWhere('l.startDate <= :to AND l.endDate >= :from', { from, to })
      .andWhere("l.status IN ('pending', 'approved')")
      .orderBy('l.startDate', 'ASC')
      .addOrderBy('l.id', 'ASC')
      .getMany();
  }

  /** Weekly reports of weeks starting in the period, oldest first. */
  findWeeklyReports(officialId: number, from: string, to: string): Promise<WeeklyReport[]> {
    return this.dataSource
      .getRepository(WeeklyReport)
      .createQueryBuilder('w')
      .where('w.officialId = :officialId', { officialId })
      .andWhere('w.weekStart BETWEEN :from AND :to', { from, to })
      .orderBy('w.weekStart', 'ASC')
      .getMany();
  }

  /** Findings dated in the period, oldest first. */
  findFindings(officialId: number, from: string, to: string): Promise<ComplianceFinding[]> {
    return this.dataSource
      .getRepository(ComplianceFinding)
      .createQueryBuilder('f')
      .where('f.officialId = :officialId', { officialId })
      .andWhere('f.date BETWEEN :from AND :to', { from, to })
      .orderBy('f.date', 'ASC')
      .addOrderBy('f.id', 'ASC')
      .getMany();
  }

  /** The events of these findings, in order. */
  findFindingEvents(findingIds: number[]): Promise<SupervisionEvent[]> {
    if (findingIds.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(SupervisionEvent)
      .createQueryBuilder('v')
      .where("v.subjectType = 'finding'")
      .andWhere('v.subjectId IN (:...findingIds)', { findingIds })
      .orderBy('v.subjectId', 'ASC')
      .addOrderBy('v.id', 'ASC')
      .getMany();
  }

  /** Spot checks of the official's entries in the period, with the entry, oldest first. */
  findSpotChecks(officialId: number, from: string, to: string): Promise<SpotCheck[]> {
    return this.dataSource
      .getRepository(SpotCheck)
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.planEntry', 'e')
      .where('s.officialId = :officialId', { officialId })
      .andWhere('s.date BETWEEN :from AND :to', { from, to })
      .orderBy('s.visitedAt', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .getMany();
  }

  /** Issued notices issued in the period that cite one of the official's findings. */
  findIssuedNoticesCiting(officialId: number, from: string, to: string): Promise<Notice[]> {
    return this.dataSource
      .getRepository(Notice)
      .createQueryBuilder('n')
      .where("n.state = 'issued'")
      .andWhere('n.issueDate BETWEEN :from AND :to', { from, to })
      .andWhere(
        (qb) =>
          'n.id IN ' +
          qb
            .subQuery()
            .select('nf.noticeId')
            .from(NoticeFinding, 'nf')
            .innerJoin(ComplianceFinding, 'f', 'f.id = nf.findingId')
            .where('f.officialId = :officialId')
            .getQuery(),
        { officialId },
      )
      .orderBy('n.issueDate', 'ASC')
      .addOrderBy('n.id', 'ASC')
      .getMany();
  }

  /** Self-examinations required of the official by notices issued in the period, oldest first. */
  findSelfExaminations(officialId: number, from: string, to: string): Promise<SelfExamination[]> {
    return this.dataSource
      .getRepository(SelfExamination)
      .createQueryBuilder('x')
      .innerJoin('x.notice', 'n')
      .where('x.officialId = :officialId', { officialId })
      .andWhere('n.issueDate BETWEEN :from AND :to', { from, to })
      .orderBy('x.dueAt', 'ASC')
      .addOrderBy('x.id', 'ASC')
      .getMany();
  }

  /**
   * Tickets assigned to the official that residents sent in the period, with the matter's name only
   * (never the author, the contact or the content), oldest first.
   */
  findAssignedTickets(officialId: number, period: RecordPeriod): Promise<Ticket[]> {
    return this.dataSource
      .getRepository(Ticket)
      .createQueryBuilder('t')
      .leftJoin('t.matter', 'm')
      .select([
        't.id',
        't.queryCode',
        't.targetKind',
        't.status',
        't.createdAt',
        't.ackDueAt',
        't.dueAt',
        't.acknowledgedAt',
        't.resolvedAt',
        't.ratingSatisfied',
        'm.id',
        'm.name',
      ])
      .where('t.assigneeOfficialId = :officialId', { officialId })
      .andWhere('t.createdAt >= :start AND t.createdAt < :end', { start: period.start, end: period.end })
      .orderBy('t.createdAt', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .getMany();
  }

  /** Flags (in force, not superseded) of these units in award periods overlapping the period. */
  findFlagsOverlapping(unitIds: number[], from: string, to: string): Promise<FlagAwardUnitRow[]> {
    if (unitIds.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(FlagAwardUnitRow)
      .createQueryBuilder('f')
      .innerJoinAndSelect('f.award', 'a')
      .innerJoinAndSelect('f.unit', 'u')
      .where('f.unitId IN (:...unitIds)', { unitIds })
      .andWhere('a.supersededAt IS NULL')
      .andWhere('a.fromDate <= :to AND a.toDate >= :from', { from, to })
      .orderBy('a.fromDate', 'ASC')
      .addOrderBy('f.id', 'ASC')
      .getMany();
  }

  /** Appends a view, at `createdAt` (the app's clock). */
  recordView(view: Omit<RecordView, 'id' | 'official' | 'viewer'>): Promise<RecordView> {
    return this.dataSource.getRepository(RecordView).save(Object.assign(new RecordView(), view));
  }

  /** Views of the official's record, newest first. */
  findViewsOf(officialId: number, page: number, pageSize: number): Promise<[RecordView[], number]> {
    return this.dataSource
      .getRepository(RecordView)
      .createQueryBuilder('v')
      .where('v.officialId = :officialId', { officialId })
      .orderBy('v.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
  }
}
