import { Injectable } from '@nestjs/common';
import { DEFAULT_RULES, type TicketAssignee, type TicketCreateRequest } from '@jinri/shared';
import { AppException } from '../../common/errors/app.exception';
import type { Matter } from '../directory/matter.entity';
import { MatterHandlers } from '../directory/matter-handlers.service';
import type { Unit } from '../directory/unit.entity';
import type { TicketTargetKind } from './ticket.entity';
import { type PrimaryPost, TicketsRepository } from './tickets.repository';

export interface DeadlineRule {
  ackWorkingDays: number;
  resolveWorkingDays: number;
}

export interface Route {
  targetKind: TicketTargetKind;
  planEntryId: number | null;
  officialId: number | null;
  matterId: number | null;
  residentUnit: Unit | null;
  /** The town (or unit) shown in the masked author label. */
  residentPlace: string | null;
  assigneeOfficialId: number | null;
  assigneeUnit: { id: number; path: string };
  /** The assignee as the resident sees it (no second read after the insert). */
  assignee: TicketAssignee;
  /** Why it went there (the "assigned" event's note). */
  reason: string;
  /** The users bound to the assignee official (told of the ticket); empty for the queue. */
  assigneeUserIds: number[];
  rule: DeadlineRule;
}

/** Who takes a new ticket, and what the "assigned" event adds about it (代理, leave). */
interface Taker {
  officialId: number;
  post: PrimaryPost;
  /** The users bound to the taker. */
  userIds: number[];
  note: string;
  away: boolean;
}

export interface Destination {
  officialId: number | null;
  unit: { id: number; path: string; name: string };
  label: string;
}

/**
 * Routing: a comment on a plan entry goes to the entry's official; on an official, to that
 * official; on a matter, to the official whose duty covers the resident's village (the most local
 * first); when nobody is found, to the supervisor queue of the resident's town (or the matter's
 * department). Every ticket has exactly one current assignee.
 */
@Injectable()
export class TicketRouter {
  constructor(
    private readonly repository: TicketsRepository,
    private readonly matterHandlers: MatterHandlers,
  ) {}

  ruleOf(matter: Matter | null): DeadlineRule {
    return {
      ackWorkingDays: matter?.ackWorkingDays ?? DEFAULT_RULES.ticketAcknowledgeWorkingDays,
      resolveWorkingDays: matter?.resolveWorkingDays ?? DEFAULT_RULES.ticketResolveWorkingDays,
    };
  }

  async route(input: TicketCreateRequest): Promise<Route> {
    const residentUnit = input.unitId !== undefined ? await this.repository.findUnit(input.unitId) : null;
    if (input.unitId !== undefined && !residentUnit) throw new AppException('DIRECTORY.UNIT_NOT_FOUND');
    const residentPlace = residentUnit ? await this.placeName(residentUnit) : null;
    const base = { residentUnit, residentPlace, planEntryId: null, officialId: null, matterId: null };

    if (input.planEntryId !== undefined) {
      const entry = await this.repository.findPlanEntry(input.planEntryId);
      if (!entry) throw new AppException('ENTRY.NOT_FOUND');
      if (entry.status !== 'active' || entry.dayPlan.status !== 'published')
        throw new AppException('TICKET.TARGET_NOT_PUBLIC');
      const officialId = entry.dayPlan.officialId;
      const matter = entry.matterIds[0] ? await this.repository.findMatter(entry.matterIds[0]) : null;
      return {
        ...base,
        targetKind: 'entry',
        planEntryId: entry.id,
        officialId,
        matterId: matter?.id ?? null,
        ...(await this.toOfficial(officialId, '按日程分派给该日程的干部')),
        rule: this.ruleOf(matter),
      };
    }

    if (input.officialId !== undefined) {
      return {
        ...base,
        targetKind: 'official',
        officialId: input.officialId,
        ...(await this.toOfficial(input.officialId, '分派给被留言的干部')),
        rule: this.ruleOf(null),
      };
    }

    const matter = await this.repository.findMatter(input.matterId!);
    if (!matter) throw new AppException('MATTER.NOT_FOUND');
    const handlers = await this.matterHandlers.handlersOf(matter.id, residentUnit?.path ?? null);
    // The first handler who is at work today, or whose acting deputy is; else the first one at all.
    let taker: Taker | null = null;
    for (const officialId of handlers) {
      const candidate = await this.takerFor(officialId);
      if (candidate && !candidate.away) {
        taker = candidate;
        break;
      }
      taker ??= candidate;
    }
    if (taker)
      return {
        ...base,
        targetKind: 'matter',
        matterId: matter.id,
        assigneeOfficialId: taker.officialId,
        assigneeUnit: { id: taker.post.unitId, path: taker.post.unitPath },
        assignee: officialAssignee(taker.officialId, taker.post),
        assigneeUserIds: taker.userIds,
        reason: `按职责分派给负责“${matter.name}”的干部${taker.note}`,
        rule: this.ruleOf(matter),
      };
    const queue =
      (residentUnit && (await this.townOf(residentUnit))) ??
      (await this.repository.findUnit(matter.departmentId));
    if (!queue) throw new AppException('DIRECTORY.UNIT_NOT_FOUND');
    return {
      ...base,
      targetKind: 'matter',
      matterId: matter.id,
      assigneeOfficialId: null,
      assigneeUnit: { id: queue.id, path: queue.path },
      assignee: { kind: 'queue', official: null, unit: { id: queue.id, name: queue.name } },
      assigneeUserIds: [],
      reason: '未找到负责干部，转督查室分派',
      rule: this.ruleOf(matter),
    };
  }

  /** Where a transfer or an assignment goes: an official, or the supervisor queue of a unit. */
  async destination(officialId: number | undefined, unitId: number | undefined): Promise<Destination> {
    if (officialId !== undefined) {
      const official = await this.repository.findOfficial(officialId);
      const post = (await this.repository.findPrimaryPosts([officialId])).get(officialId);
      if (!official || !post) throw new AppException('TICKET.ASSIGNEE_INVALID');
      return {
        officialId,
        unit: { id: post.unitId, path: post.unitPath, name: post.unitName },
        label: `${official.name}（${post.unitName}${post.title}）`,
      };
    }
    if (unitId !== undefined) {
      const unit = await this.repository.findUnit(unitId);
      if (!unit) throw new AppException('TICKET.ASSIGNEE_INVALID');
      return {
        officialId: null,
        unit: { id: unit.id, path: unit.path, name: unit.name },
        label: `${unit.name}督查室`,
      };
    }
    throw new AppException('TICKET.ASSIGNEE_INVALID', '请选择转办的干部或单位');
  }

  private async toOfficial(officialId: number, reason: string) {
    const taker = await this.takerFor(officialId);
    if (!taker) throw new AppException('DIRECTORY.OFFICIAL_NOT_FOUND');
    return {
      assigneeOfficialId: taker.officialId,
      assigneeUnit: { id: taker.post.unitId, path: taker.post.unitPath },
      assignee: officialAssignee(taker.officialId, taker.post),
      assigneeUserIds: taker.userIds,
      reason: `${reason}${taker.note}`,
    };
  }

  /**
   * Who takes a new ticket meant for an official today: the official; while they are on approved
   * leave, the acting deputy (代理) named by their post, if the deputy holds a post and is not away
   * too; with no such deputy, still the official (`away`: routing may prefer another handler).
   * Null when the official holds no post.
   */
  private async takerFor(officialId: number): Promise<Taker | null> {
    // The official's post, leave and users in one query: the usual case needs nothing more.
    const own = (await this.repository.findTakers([officialId])).get(officialId);
    if (!own) return null;
    const { post, userIds } = own;
    if (!own.onLeave) return { officialId, post, userIds, note: '', away: false };
    const deputies = await this.repository.findActingDeputies(officialId);
    const takers = await this.repository.findTakers(deputies);
    for (const deputy of deputies) {
      const taker = takers.get(deputy);
      if (taker && !taker.onLeave)
        return {
          officialId: deputy,
          post: taker.post,
          userIds: taker.userIds,
          note: `；${post.name}请假，由${taker.post.name}代理`,
          away: false,
        };
    }
    return { officialId, post, userIds, note: `；${post.name}请假中，未指定代理人`, away: true };
  }

  /** A village is shown by its town ("金乡街道"), anything else by its own name. */
  private async placeName(unit: Unit): Promise<string> {
    if (unit.kind === 'village' && unit.parentId) {
      const town = await this.repository.findUnit(unit.parentId);
      if (town) return town.name;
    }
    return unit.name;
  }

  private async townOf(unit: Unit): Promise<Unit | null> {
    if (unit.kind === 'village' && unit.parentId) return this.repository.findUnit(unit.parentId);
    return unit;
  }
}

function officialAssignee(officialId: number, post: PrimaryPost): TicketAssignee {
  return {
    kind: 'official',
    official: { id: officialId, name: post.name, post: post.title },
    unit: { id: post.unitId, name: post.unitName },
  };
}
