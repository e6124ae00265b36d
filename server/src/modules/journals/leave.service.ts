import { Inject, Injectable } from '@nestjs/common';
import type { LeaveRequest, LeaveStatus, LeaveView } from '@jinri/shared';
import { CLOCK, type Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app.exception';
import { daysBetween, isValidDate, localDate } from '../../common/time/local-time';
import { type AuthUser, coversOfficial, scopePaths } from '../auth/auth-user';
import { CacheVersionService } from '../cache/cache-version.service';
import { JournalsRepository } from './journals.repository';
import type { Leave } from './leave.entity';
import { APPROVERS, PlanAccess, WRITERS } from './plan-access';
import { JOURNALS_CACHE } from './plans.service';

export const MAX_LEAVE_DAYS = 60;

/** 请假: requested by the official or a clerk, decided by a supervisor or admin of the unit. */
@Injectable()
export class LeaveService {
  constructor(
    private readonly repository: JournalsRepository,
    private readonly access: PlanAccess,
    private readonly cache: CacheVersionService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async request(user: AuthUser, input: LeaveRequest): Promise<LeaveView> {
    const officialId = input.officialId ?? user.officialId;
    if (officialId === undefined)
      throw new AppException('COMMON.VALIDATION_FAILED', '请选择请假的干部', [
        { field: 'officialId', reasons: ['required'] },
      ]);
    const official = await this.access.official(officialId);
    this.access.assert(user, WRITERS, official);
    if (!isValidDate(input.startDate) || !isValidDate(input.endDate))
      throw new AppException('LEAVE.INVALID_RANGE');
    const length = daysBetween(input.startDate, input.endDate);
    if (length < 0 || length >= MAX_LEAVE_DAYS)
      throw new AppException('LEAVE.INVALID_RANGE', `请假日期有误（最长 ${MAX_LEAVE_DAYS} 天）`);
    if (daysBetween(localDate(this.clock.now()), input.endDate) < 0)
      throw new AppException('LEAVE.INVALID_RANGE', '不能为已过去的日期请假');
    const id = await this.repository.insertLeave({
      officialId,
      startDate: input.startDate,
      endDate: input.endDate,
      reason: input.reason.trim(),
      requestedByUserId: user.userId,
    });
    return this.view((await this.repository.findLeaveById(id))!, true);
  }

  async decide(user: AuthUser, id: number, decision: 'approved' | 'rejected'): Promise<LeaveView> {
    const leave = await this.repository.findLeaveById(id);
    if (!leave) throw new AppException('LEAVE.NOT_FOUND');
    const official = await this.access.official(leave.officialId);
    if (!this.access.can(user, APPROVERS, official)) throw new AppException('LEAVE.NOT_FOUND');
    await this.repository.transaction(async (manager) => {
      if (!(await this.repository.decideLeave(manager, id, decision, user.userId, this.clock.now()))) {
        throw new AppException('LEAVE.ALREADY_DECIDED');
      }
      if (decision === 'approved') await this.cache.bump(JOURNALS_CACHE, manager);
    });
    return this.view((await this.repository.findLeaveById(id))!, true);
  }

  async cancel(user: AuthUser, id: number): Promise<LeaveView> {
    const leave = await this.repository.findLeaveById(id);
    if (!leave) throw new AppException('LEAVE.NOT_FOUND');
    const official = await this.access.official(leave.officialId);
    if (!this.access.can(user, WRITERS, official)) throw new AppException('LEAVE.NOT_FOUND');
    await this.repository.transaction(async (manager) => {
      if (!(await this.repository.decideLeave(manager, id, 'cancelled', user.userId, this.clock.now()))) {
        throw new AppException('LEAVE.ALREADY_DECIDED');
      }
    });
    return this.view((await this.repository.findLeaveById(id))!, true);
  }

  /** Leave in the caller's units (supervisors, admins, clerks) or the caller's own. */
  async list(user: AuthUser, status?: LeaveStatus): Promise<LeaveView[]> {
    const paths = scopePaths(user, ['clerk', 'supervisor', 'admin']);
    const rows = await this.repository.findLeavesInSubtrees(paths, status);
    const own = user.officialId ? await this.repository.findLeavesOfOfficial(user.officialId) : [];
    const all = new Map<number, Leave>(
      [...rows, ...own.filter((l) => !status || l.status === status)].map((l) => [l.id, l]),
    );
    return [...all.values()].sort((a, b) => b.id - a.id).map((l) => this.view(l, true));
  }

  /** The reason is for supervisors and the people who may write the official's journal. */
  view(leave: Leave, withReason: boolean): LeaveView {
    const view: LeaveView = {
      id: leave.id,
      official: { id: leave.officialId, name: leave.official?.name ?? '' },
      startDate: leave.startDate,
      endDate: leave.endDate,
      status: leave.status,
      createdAt: leave.createdAt.toISOString(),
      decidedAt: leave.decidedAt ? leave.decidedAt.toISOString() : null,
    };
    if (withReason) view.reason = leave.reason;
    return view;
  }

  canSeeReason(user: AuthUser | undefined, officialId: number, unitPaths: string[]): boolean {
    return (
      user !== undefined &&
      coversOfficial(user, ['official', 'clerk', 'supervisor', 'admin'], officialId, unitPaths)
    );
  }
}
