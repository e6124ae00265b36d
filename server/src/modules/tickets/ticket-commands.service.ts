import { Inject, Injectable } from '@nestjs/common';
import type {
  TicketAssignRequest,
  TicketExtensionDecision,
  TicketExtensionRequest,
  TicketFollowState,
  TicketModerateRequest,
  TicketRateRequest,
  TicketReplyRequest,
  TicketResolveRequest,
  TicketState,
  TicketTransferRequest,
  TicketView,
  TicketWithdrawRequest,
} from '@jinri/shared';
import type { EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app.exception';
import { chineseDate, localDate } from '../../common/time/local-time';
import type { AuthUser } from '../auth/auth-user';
import { CalendarService } from '../calendar/calendar.service';
import { type OutgoingMessage, OutboxService } from '../notifications/outbox.service';
import { assigneeMessages, dueMessages, residentMessages } from '../notifications/ticket-messages';
import { UploadsService } from '../uploads/uploads.service';
import { actorLabel, assertMayChange, mayAssignTo, type Relation, relationOf } from './ticket-access';
import { extendDeadline, ticketDeadlines, workingDeadline } from './ticket-deadlines';
import { TicketQueriesService } from './ticket-queries.service';
import { reviewOutcome } from './ticket-reports';
import { TicketReportsService } from './ticket-reports.service';
import { TicketRouter } from './ticket-router';
import { nextState, type TicketCommand } from './ticket-state';
import { isPublic } from './ticket-view';
import type { Ticket } from './ticket.entity';
import { type NewEvent, type TicketPatch, TicketsRepository } from './tickets.repository';

/** One change: the command (for the state machine), the patch, the event, the messages. */
interface Change {
  command?: TicketCommand;
  eventType: NewEvent['type'];
  note?: string | null;
  patch?: TicketPatch;
  messages?: (ticket: Ticket, to: TicketState) => Promise<OutgoingMessage[]>;
  /** Further writes of the same change, in its transaction (the reports a review covers). */
  also?: (manager: EntityManager) => Promise<void>;
}

/**
 * The state changes of a ticket, each through `change()`: optimistic locking, an append-only event
 * for each, notifications through the outbox. Following a public ticket too.
 */
@Injectable()
export class TicketCommandsService {
  constructor(
    private readonly repository: TicketsRepository,
    private readonly queries: TicketQueriesService,
    private readonly router: TicketRouter,
    private readonly calendars: CalendarService,
    private readonly outbox: OutboxService,
    private readonly uploads: UploadsService,
    private readonly reports: TicketReportsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async acknowledge(user: AuthUser, id: number, version: number): Promise<TicketView> {
    return this.change(
      user,
      id,
      version,
      (r) => r.assignee,
      () => ({
        command: 'acknowledge',
        eventType: 'acknowledged',
        patch: {},
      }),
    );
  }

  async reply(user: AuthUser, id: number, input: TicketReplyRequest): Promise<TicketView> {
    const content = input.content.trim();
    return this.change(
      user,
      id,
      input.version,
      (r) => r.assignee,
      (ticket) => ({
        command: 'reply',
        eventType: 'replied',
        note: content,
        patch: { reply: content },
        messages: async () => this.residentMessages(ticket, '干部已答复您的留言', '已答复'),
      }),
    );
  }

  async resolve(user: AuthUser, id: number, input: TicketResolveRequest): Promise<TicketView> {
    const note = input.note.trim();
    const photoIds = input.photoIds ?? [];
    if (photoIds.length > 0) await this.uploads.ownedBy(user.userId, photoIds);
    return this.change(
      user,
      id,
      input.version,
      (r) => r.assignee,
      (ticket) => ({
        command: 'resolve',
        eventType: 'resolved',
        note,
        patch: { resolution: note, resolutionPhotoIds: photoIds, resolvedAt: this.clock.now() },
        messages: async () => this.residentMessages(ticket, '留言已解决，待您评价', '已解决'),
      }),
    );
  }

  async transfer(user: AuthUser, id: number, input: TicketTransferRequest): Promise<TicketView> {
    const reason = requireReason(input.reason);
    const handOver = await this.handOver(input.officialId, input.unitId);
    return this.change(
      user,
      id,
      input.version,
      (r) => r.assignee || r.desk,
      (ticket) => {
        if (
          handOver.destination.officialId !== null &&
          handOver.destination.officialId === ticket.assigneeOfficialId
        )
          throw new AppException('TICKET.ASSIGNEE_INVALID', '不能转办给当前承办人');
        return {
          command: 'transfer',
          eventType: 'transferred',
          note: `转给${handOver.destination.label}：${reason}`,
          // A pending extension was asked by the previous assignee: it lapses.
          patch: {
            ...handOver.patch,
            extensionStatus: ticket.extensionStatus === 'pending' ? null : ticket.extensionStatus,
          },
          messages: async () => handOver.messages(ticket),
        };
      },
    );
  }

  /**
   * The desk hands a ticket to an official of its own jurisdiction (whose head post lies in the
   * subtree of the caller's supervisor or admin grant): an official of another town answers like a
   * missing one. A transfer, unlike this, may name anyone: it is how a ticket sent to the wrong town
   * leaves it, and gives the sender nothing over the new assignee.
   */
  async assign(user: AuthUser, id: number, input: TicketAssignRequest): Promise<TicketView> {
    const handOver = await this.handOver(input.officialId, undefined);
    if (!mayAssignTo(user, handOver.destination.unit.path))
      throw new AppException('DIRECTORY.OFFICIAL_NOT_FOUND');
    return this.change(
      user,
      id,
      input.version,
      (r) => r.desk,
      (ticket) => ({
        command: 'assign',
        eventType: 'assigned',
        note: `分派给${handOver.destination.label}${input.note ? `：${input.note.trim()}` : ''}`,
        patch: handOver.patch,
        messages: async () => handOver.messages(ticket),
      }),
    );
  }

  /**
   * A new assignee (transfer or assignment): the ticket moves to them with a fresh acknowledgement
   * deadline (the resolution deadline keeps running), and they are told.
   */
  private async handOver(officialId: number | undefined, unitId: number | undefined) {
    const destination = await this.router.destination(officialId, unitId);
    const now = this.clock.now();
    const calendar = await this.calendars.calendar();
    return {
      destination,
      patch: {
        assigneeOfficialId: destination.officialId,
        assigneeUnitId: destination.unit.id,
        ackDueAt: workingDeadline(calendar, now, 1),
      } satisfies TicketPatch,
      messages: async (ticket: Ticket) =>
        assigneeMessages(
          await this.repository.findAssigneeUserIds(destination.officialId, destination.unit.path),
          ticket,
          ticket.content,
          now,
        ),
    };
  }

  async requestExtension(user: AuthUser, id: number, input: TicketExtensionRequest): Promise<TicketView> {
    const reason = requireReason(input.reason);
    return this.change(
      user,
      id,
      input.version,
      (r) => r.assignee,
      (ticket) => {
        if (
          ticket.extensionStatus !== null ||
          ticket.dueAt <= this.clock.now() ||
          !['acknowledged', 'replied'].includes(ticket.status)
        )
          throw new AppException('TICKET.EXTENSION_NOT_ALLOWED');
        return {
          eventType: 'extension_requested',
          note: `申请延期 ${input.days} 个工作日：${reason}`,
          patch: { extensionStatus: 'pending', extensionReason: reason, extensionDays: input.days },
          messages: async () => this.supervisorMessages(ticket, `延期申请：${reason}`),
        };
      },
    );
  }

  async decideExtension(user: AuthUser, id: number, input: TicketExtensionDecision): Promise<TicketView> {
    const calendar = await this.calendars.calendar();
    return this.change(
      user,
      id,
      input.version,
      (r) => r.desk,
      (ticket) => {
        if (ticket.extensionStatus !== 'pending')
          throw new AppException('TICKET.EXTENSION_NOT_ALLOWED', '没有待审批的延期申请');
        const dueAt = extendDeadline(calendar, ticket.dueAt, ticket.extensionDays ?? 0);
        return {
          eventType: input.approve ? 'extension_approved' : 'extension_rejected',
          note:
            input.note?.trim() || (input.approve ? `办理期限延至 ${chineseDate(localDate(dueAt))}` : null),
          patch: input.approve
            ? { extensionStatus: 'approved', dueAt, remindedAt: null }
            : { extensionStatus: 'rejected' },
        };
      },
    );
  }

  async rate(user: AuthUser, id: number, input: TicketRateRequest): Promise<TicketView> {
    const reason = input.satisfied ? null : requireReason(input.reason);
    const now = this.clock.now();
    const calendar = await this.calendars.calendar();
    return this.change(
      user,
      id,
      input.version,
      (r) => r.author,
      (ticket) => {
        const reopens = !input.satisfied && ticket.reopenCount < 1;
        const rule = this.router.ruleOf(ticket.matter);
        return {
          command: input.satisfied ? 'rate_satisfied' : 'rate_unsatisfied',
          eventType: input.satisfied ? 'rated' : reopens ? 'reopened' : 'rated',
          note: input.satisfied ? '满意' : `不满意：${reason}`,
          patch: {
            ratingSatisfied: input.satisfied,
            ratingReason: reason,
            ratedAt: now,
            ...(reopens
              ? {
                  reopenCount: ticket.reopenCount + 1,
                  ...ticketDeadlines(calendar, now, rule),
                  remindedAt: null,
                  escalatedAt: null,
                  extensionStatus: null,
                }
              : { closedAt: now }),
          },
          messages: async (t) => [
            ...(input.satisfied ? [] : await this.supervisorMessages(t, `群众不满意：${reason}`)),
            ...(reopens && t.assigneeOfficialId
              ? assigneeMessages(
                  await this.repository.findAssigneeUserIds(t.assigneeOfficialId, ''),
                  t,
                  `重新办理：${reason}`,
                  now,
                )
              : []),
          ],
        };
      },
    );
  }

  async withdraw(user: AuthUser, id: number, input: TicketWithdrawRequest): Promise<TicketView> {
    return this.change(
      user,
      id,
      input.version,
      (r) => r.author,
      () => ({
        command: 'withdraw',
        eventType: 'withdrawn',
        note: input.reason?.trim() || null,
        patch: { closedAt: this.clock.now() },
      }),
    );
  }

  async moderate(user: AuthUser, id: number, input: TicketModerateRequest): Promise<TicketView> {
    const current = await this.repository.findById(id);
    const reported = current ? await this.reports.heldTargets(current) : [];
    // Held after 举报: restore (approve) or keep hidden (hide) what the reports held; the ticket goes on.
    if (reported.length > 0)
      return this.change(
        user,
        id,
        input.version,
        (r) => r.desk,
        () => {
          const outcome = reviewOutcome(reported, input.decision === 'approve');
          return {
            eventType: outcome.eventType,
            note: [outcome.summary, input.note?.trim()].filter(Boolean).join('：'),
            patch: outcome.patch,
            also: (manager) => this.reports.markReviewed(manager, id, reported),
          };
        },
      );
    return this.change(
      user,
      id,
      input.version,
      (r) => r.desk,
      (ticket) => {
        if (input.decision === 'approve') {
          if (ticket.moderation !== 'held')
            throw new AppException('TICKET.INVALID_TRANSITION', '该留言无需审核');
          return {
            eventType: 'approved',
            note: input.note?.trim() || null,
            patch: { moderation: 'approved', reviewDueAt: null },
          };
        }
        return {
          command: 'hide',
          eventType: 'hidden',
          note: input.note?.trim() || null,
          patch: { moderation: 'hidden', reviewDueAt: null, closedAt: this.clock.now() },
        };
      },
    );
  }

  /** Follow a public ticket on the same matter ("关注它"): its reply and result reach the follower too. */
  async follow(user: AuthUser, id: number): Promise<TicketFollowState> {
    const ticket = await this.repository.findById(id);
    if (!ticket || !isPublic(ticket)) throw new AppException('TICKET.NOT_FOUND');
    if (ticket.status === 'closed')
      throw new AppException('TICKET.INVALID_TRANSITION', '该留言已解决，无需关注');
    if (ticket.authorUserId !== user.userId) await this.repository.follow(id, user.userId);
    return { following: true, followers: await this.repository.countFollowers(id) };
  }

  async unfollow(user: AuthUser, id: number): Promise<TicketFollowState> {
    await this.repository.unfollow(id, user.userId);
    return { following: false, followers: await this.repository.countFollowers(id) };
  }

  /**
   * Applies one change under the optimistic lock: loads the ticket, checks who may do it, moves the
   * state by the table, and writes the patch, the event and the messages in one transaction.
   */
  private async change(
    user: AuthUser,
    id: number,
    version: number,
    allowed: (relation: Relation) => boolean,
    build: (ticket: Ticket) => Change,
  ): Promise<TicketView> {
    const ticket = await this.repository.findById(id);
    if (!ticket) throw new AppException('TICKET.NOT_FOUND');
    const relation = relationOf(user, ticket);
    assertMayChange(relation, allowed);
    if (ticket.version !== version) throw new AppException('TICKET.VERSION_CONFLICT');
    const change = build(ticket);
    const to = change.command
      ? nextState(change.command, ticket.status, { reopenCount: ticket.reopenCount })
      : ticket.status;
    if (to === null) throw new AppException('TICKET.INVALID_TRANSITION');
    const now = this.clock.now();
    const patch: TicketPatch = { ...change.patch, status: to, updatedAt: now };
    if (change.command === 'acknowledge' && ticket.acknowledgedAt === null) patch.acknowledgedAt = now;
    if (to === 'closed' && !patch.closedAt) patch.closedAt = now;
    const signedAs = actorLabel(user, ticket, relation);
    // Read before the transaction: a query on another pooled connection while the transaction holds
    // one could exhaust the pool under load (every request waiting for a second).
    const messages = change.messages ? await change.messages({ ...ticket, ...patch } as Ticket, to) : [];
    await this.repository.transaction(async (manager: EntityManager) => {
      if (!(await this.repository.updateIfVersion(manager, id, version, patch)))
        throw new AppException('TICKET.VERSION_CONFLICT');
      await this.repository.insertEvent(manager, id, {
        type: change.eventType,
        fromStatus: ticket.status,
        toStatus: to,
        actorUserId: user.userId,
        actorLabel: signedAs,
        note: change.note ?? null,
        createdAt: now,
      } as NewEvent);
      await this.outbox.enqueue(manager, messages);
      if (change.also) await change.also(manager);
    });
    const saved = (await this.repository.findById(id))!;
    return this.queries.view(saved, relationOf(user, saved));
  }

  /** The author, and the residents who follow the ticket (while it is public). */
  private async residentMessages(ticket: Ticket, what: string, phrase: string): Promise<OutgoingMessage[]> {
    const followers = isPublic(ticket) ? await this.repository.findFollowerUserIds(ticket.id) : [];
    return residentMessages(ticket, followers, what, phrase, this.clock.now());
  }

  private async supervisorMessages(ticket: Ticket, what: string): Promise<OutgoingMessage[]> {
    const userIds = await this.repository.findSupervisorUserIds(ticket.assigneeUnit?.path ?? '');
    return dueMessages(userIds, ticket, what);
  }
}

function requireReason(reason: string | undefined): string {
  const text = reason?.trim() ?? '';
  if (!text) throw new AppException('TICKET.REASON_REQUIRED');
  return text;
}
