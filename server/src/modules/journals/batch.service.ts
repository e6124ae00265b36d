import { Injectable } from '@nestjs/common';
import type { BatchPlansRequest, BatchPlansView, DayPlanView, PlanEntryInput } from '@jinri/shared';
import { AppException } from '../../common/errors/app.exception';
import { type AuthUser, coversUnit, type StaffRole } from '../auth/auth-user';
import { JournalRulesService } from './journal-rules.service';
import { JournalsRepository, type SubtreeOfficial } from './journals.repository';
import type { SheetContext } from './plan-sheet';
import { parsePlanSheet } from './plan-sheet.parse';
import { buildPlanTemplate } from './plan-sheet.template';
import { assertDate, PlansService } from './plans.service';

export const MAX_SHEET_BYTES = 2 * 1024 * 1024;
const BATCH_READERS: StaffRole[] = ['clerk', 'supervisor', 'admin'];
const BATCH_WRITERS: StaffRole[] = ['clerk', 'admin'];

/** Clerks (信息员) filling one date for every official of a unit: on one screen or from a spreadsheet. */
@Injectable()
export class BatchService {
  constructor(
    private readonly repository: JournalsRepository,
    private readonly plans: PlansService,
    private readonly rules: JournalRulesService,
  ) {}

  /** The officials holding posts in the unit itself (not its sub-units), with their plan for the date. */
  private async officials(user: AuthUser, unitId: number, roles: StaffRole[]) {
    const unit = await this.repository.findUnit(unitId);
    if (!unit || !coversUnit(user, roles, unit.path)) throw new AppException('DIRECTORY.UNIT_NOT_FOUND');
    const officials = (await this.repository.findOfficialsInSubtree(unit.path)).filter(
      (o) => o.unitId === unit.id,
    );
    return { unit, officials };
  }

  async view(user: AuthUser, unitId: number, date: string): Promise<BatchPlansView> {
    assertDate(date);
    const { unit, officials } = await this.officials(user, unitId, BATCH_READERS);
    return this.build(unit, officials, date);
  }

  private async build(
    unit: { id: number; name: string },
    officials: SubtreeOfficial[],
    date: string,
  ): Promise<BatchPlansView> {
    const ids = officials.map((o) => o.officialId);
    const [plans, leaves] = await Promise.all([
      this.repository.findPlansOn(ids, date, ['draft', 'submitted', 'published']),
      this.repository.findApprovedLeavesOn(ids, date),
    ]);
    const views = new Map((await this.plans.views(plans, false)).map((v) => [v.officialId, v]));
    const onLeave = new Set(leaves.map((l) => l.officialId));
    return {
      date,
      unit: { id: unit.id, name: unit.name },
      officials: officials.map((o) => ({
        id: o.officialId,
        name: o.name,
        post: o.title,
        plan: views.get(o.officialId) ?? null,
        onLeave: onLeave.has(o.officialId),
      })),
    };
  }

  async save(user: AuthUser, unitId: number, request: BatchPlansRequest): Promise<BatchPlansView> {
    assertDate(request.date);
    const { unit, officials } = await this.officials(user, unitId, BATCH_WRITERS);
    const members = new Set(officials.map((o) => o.officialId));
    const strangers = request.plans.filter((p) => !members.has(p.officialId));
    if (strangers.length > 0) {
      throw new AppException(
        'PLAN.INVALID_ENTRY',
        '有干部不属于本单位',
        strangers.map((p) => ({
          field: `plans.${request.plans.indexOf(p)}.officialId`,
          reasons: ['不属于本单位'],
        })),
      );
    }
    await this.plans.saveMany(
      user,
      request.date,
      request.plans.map((p) => ({
        officialId: p.officialId,
        request: { entries: p.entries, version: p.version },
      })),
      { allowEmpty: true },
    );
    return this.build(unit, officials, request.date);
  }

  async template(user: AuthUser, unitId: number, date: string): Promise<{ filename: string; file: Buffer }> {
    assertDate(date);
    const { unit, officials } = await this.officials(user, unitId, BATCH_WRITERS);
    const context = await this.context(unit, officials, date);
    const current = await this.build(unit, officials, date);
    const existing = new Map<number, PlanEntryInput[]>(
      current.officials.filter((o) => o.plan).map((o) => [o.id, toInputs(o.plan!)]),
    );
    return {
      filename: `明日计划-${unit.name}-${date}.xlsx`,
      file: await buildPlanTemplate(context, existing),
    };
  }

  /** Applies an uploaded sheet: every row must be valid, or nothing is written. */
  async import(
    user: AuthUser,
    unitId: number,
    date: string,
    file: Buffer | undefined,
  ): Promise<BatchPlansView> {
    assertDate(date);
    // The unit's scope first: a unit of another town is refused whatever the upload.
    const { unit, officials } = await this.officials(user, unitId, BATCH_WRITERS);
    if (!file || file.length === 0)
      throw new AppException('COMMON.VALIDATION_FAILED', '请选择要上传的表格', [
        { field: 'file', reasons: ['required'] },
      ]);
    if (file.length > MAX_SHEET_BYTES)
      throw new AppException('COMMON.PAYLOAD_TOO_LARGE', '表格太大（最大 2MB）');
    const parsed = await parsePlanSheet(file, await this.context(unit, officials, date));
    if (!parsed.ok) throw new AppException('PLAN.SHEET_INVALID', undefined, parsed.errors);
    await this.plans.saveMany(
      user,
      date,
      parsed.plans.map((p) => ({ officialId: p.officialId, request: { entries: p.entries } })),
      { ignoreVersion: true, allowEmpty: true },
    );
    return this.build(unit, officials, date);
  }

  private async context(
    unit: { name: string; path: string },
    officials: SubtreeOfficial[],
    date: string,
  ): Promise<SheetContext> {
    const rules = await this.rules.forUnitPath(unit.path);
    return {
      unitName: unit.name,
      date,
      officials: officials.map((o) => ({ id: o.officialId, name: o.name, post: o.title })),
      kinds: rules.entryKinds,
      meetingNames: rules.meetingNames,
    };
  }
}

function toInputs(plan: DayPlanView): PlanEntryInput[] {
  return plan.entries.map((e) => ({
    id: e.id,
    startTime: e.startTime,
    endTime: e.endTime,
    period: e.period,
    place: e.place,
    what: e.what,
    kind: e.kind,
    meetingName: e.meetingName,
  }));
}
