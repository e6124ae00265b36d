import { createHash, createHmac, randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  type InboxFilter,
  type MyTickets,
  type Page,
  type PublicTicket,
  type SimilarTicket,
  type TicketAction,
  type TicketAssignRequest,
  type TicketCreated,
  type TicketCreateRequest,
  type TicketExtensionDecision,
  type TicketExtensionRequest,
  type TicketFigures,
  type TicketFollowState,
  type TicketInbox,
  type TicketModerateRequest,
  type TicketRateRequest,
  type TicketReplyRequest,
  type TicketResolveRequest,
  type TicketState,
  type TicketStatusView,
  type TicketTransferRequest,
  type TicketView,
  type TicketWithdrawRequest,
} from '@jinri/shared';
import type { EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '../../common/clock';
import { FIELD_CIPHER, type FieldCipher, maskPhone } from '../../common/crypto/field-cipher';
import { AppException } from '../../common/errors/app.exception';
import { AttemptLimiter, failAll, waitSeconds } from '../../common/rate/attempt-limiter';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { type AuthUser, coversUnit } from '../auth/auth-user';
import { CalendarService } from '../calendar/calendar.service';
import { similarity } from '../../common/text/similarity';
import { type OutgoingMessage, OutboxService } from '../notifications/outbox.service';
import { UploadsRepository } from '../uploads/uploads.repository';
import { UploadsService } from '../uploads/uploads.service';
import { photoUrls } from '../journals/plan-view';
import { ModerationService } from './moderation.service';
import { normalizeForMatching } from './sensitive-words';
import { endOfLocalDay, extendDeadline, ticketDeadlines, workingDeadline } from './ticket-deadlines';
import { chineseDate, localDate } from '../../common/time/local-time';
import type { TicketEvent } from './ticket-event.entity';
import { ticketFigures } from './ticket-figures';
import { publicAnswer, reviewOutcome } from './ticket-reports';
import { TicketReportsService } from './ticket-reports.service';
import { nextState, type TicketCommand } from './ticket-state';
import {
  authorLabel,
  eventView,
  isPublic,
  type PostLookup,
  publicOf,
  statusOf,
  summaryOf,
} from './ticket-view';
import type { Ticket } from './ticket.entity';
import { type NewEvent, type TicketPatch, TicketsRepository } from './tickets.repository';
import { TicketRouter } from './ticket-router';

const QUERY_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const TEN_MINUTES = 10 * 60_000;
/** 查询码 lookups allowed in 10 minutes (a resident checks a few codes; a village may share one IP). */
export const LOOKUP_LIMITS = { wrongPerIp: 30, wrongPerUser: 10, allPerIp: 300, allPerUser: 60 };
const DAY = 24 * 3_600_000;
const PAGE_SIZE = 20;
/** Near-duplicate text (Dice over bigrams) for "已有人反映过类似问题". */
const SIMILAR_THRESHOLD = 0.5;
const STAFF_DESK = ['supervisor', 'admin'] as const;
const INBOX_PAGE = 'packages/tickets/detail/index';

export const KEY_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

/** The caller's relation to a ticket. */
interface Relation {
  author: boolean;
  assignee: boolean;
  desk: boolean;
  admin: boolean;
}

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
 * The closed loop: submission (idempotent, moderated, routed, rate-limited), the state changes
 * (optimistic locking, an append-only event for each), notifications through the outbox.
 */
@Injectable()
export class TicketsService {
  /** 查询码 guessing: wrong codes in 10 minutes per address (NAT is shared) and per user. */
  private readonly wrongQueryCodes = {
    ip: new AttemptLimiter(LOOKUP_LIMITS.wrongPerIp, TEN_MINUTES, () => this.clock.now().getTime()),
    user: new AttemptLimiter(LOOKUP_LIMITS.wrongPerUser, TEN_MINUTES, () => this.clock.now().getTime()),
  };
  /** Every lookup, right or wrong, in 10 minutes per address and per user. */
  private readonly queryCodeLookups = {
    ip: new AttemptLimiter(LOOKUP_LIMITS.allPerIp, TEN_MINUTES, () => this.clock.now().getTime()),
    user: new AttemptLimiter(LOOKUP_LIMITS.allPerUser, TEN_MINUTES, () => this.clock.now().getTime()),
  };

  constructor(
    private readonly repository: TicketsRepository,
    private readonly router: TicketRouter,
    private readonly moderation: ModerationService,
    private readonly calendars: CalendarService,
    private readonly outbox: OutboxService,
    private readonly uploads: UploadsService,
    private readonly uploadRows: UploadsRepository,
    private readonly reports: TicketReportsService,
    @Inject(FIELD_CIPHER) private readonly cipher: FieldCipher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  // ── Submission ──────────────────────────────────────────────────────────────────────────────

  /** POST /tickets. `replayed` is true when the key was seen before (the same ticket comes back). */
  async create(
    user: AuthUser,
    input: TicketCreateRequest,
    idempotencyKey: string | undefined,
    ip: string | undefined,
  ): Promise<{ created: TicketCreated; replayed: boolean }> {
    if (!idempotencyKey || !KEY_PATTERN.test(idempotencyKey))
      throw new AppException('TICKET.IDEMPOTENCY_KEY_REQUIRED');
    const requestHash = sha256(JSON.stringify(canonical(input)));
    const targets = [input.planEntryId, input.officialId, input.matterId].filter((v) => v !== undefined);
    if (targets.length !== 1) throw new AppException('TICKET.TARGET_REQUIRED');
    const content = input.content.trim();
    const now = this.clock.now();
    const ipHash = ip ? createHmac('sha256', this.config.auth.jwtSecret).update(ip).digest('hex') : null;
    // The duplicate check compares the text as the word list sees it: "路灯坏了" = "路灯 坏了。".
    const contentHash = sha256(normalizeForMatching(content) || content.replace(/\s+/g, ''));
    // One query tells a retry (the key is known: the same ticket again) from a new comment, and
    // checks the author's limits; a retry more than a day later meets the unique index instead.
    const since = new Date(now.getTime() - TEN_MINUTES);
    const [author, byIp] = await Promise.all([
      this.repository.findAuthorActivity(
        user.userId,
        contentHash,
        idempotencyKey,
        since,
        new Date(now.getTime() - DAY),
      ),
      ipHash
        ? this.repository.countByIpSince(ipHash, since, this.config.tickets.ratePerIp)
        : Promise.resolve(0),
    ]);
    if (author.keyedTicketId !== null) {
      const previous = (await this.repository.findById(author.keyedTicketId))!;
      return { created: await this.replay(previous, requestHash), replayed: true };
    }
    if (author.duplicate) throw new AppException('TICKET.DUPLICATE');
    if (author.recent >= this.config.tickets.ratePerUser || byIp >= this.config.tickets.ratePerIp)
      throw AppException.rateLimited('TICKET.RATE_LIMITED', TEN_MINUTES / 1000);

    const route = await this.router.route(input);
    const photoIds = input.photoIds ?? [];
    if (photoIds.length > 0) await this.uploads.ownedBy(user.userId, photoIds);
    const verdict = await this.moderation.check(
      await this.repository.findOpenidEnc(user.userId),
      content,
      route.assigneeUnit.path,
    );
    const calendar = await this.calendars.calendar();
    const { ackDueAt, dueAt } = ticketDeadlines(calendar, now, route.rule);
    // A listed word sends the comment to the supervision office's queue, not to the official.
    const assigneeOfficialId = verdict.toDesk ? null : route.assigneeOfficialId;
    const assignee = verdict.toDesk
      ? { kind: 'queue' as const, official: null, unit: route.assignee.unit }
      : route.assignee;
    const status: TicketState = assigneeOfficialId ? 'assigned' : 'submitted';
    // Nothing is public before a supervisor approves it: whatever may become public, or was
    // flagged, waits in the 待审核 queue for a working-day limit; a private, clean comment does not.
    const moderation = verdict.moderation === 'held' || input.publicAllowed ? 'held' : 'passed';
    const reviewDueAt =
      moderation === 'held' ? workingDeadline(calendar, now, this.config.tickets.reviewWorkingDays) : null;
    const queryCode = randomCode();
    const ticket: Partial<Ticket> = {
      queryCode,
      authorUserId: user.userId,
      idempotencyKey,
      requestHash,
      targetKind: route.targetKind,
      planEntryId: route.planEntryId,
      officialId: route.officialId,
      matterId: route.matterId,
      unitId: route.residentUnit?.id ?? null,
      content,
      photoIds,
      publicAllowed: input.publicAllowed,
      authorLabel: authorLabel(route.residentPlace, input.authorName),
      contactPhoneEnc: input.contactPhone ? this.cipher.encrypt(input.contactPhone) : null,
      ipHash,
      contentHash,
      status,
      moderation,
      reviewDueAt,
      assigneeOfficialId,
      assigneeUnitId: route.assigneeUnit.id,
      ackDueAt,
      dueAt,
      resolutionPhotoIds: [],
      reopenCount: 0,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    const events: NewEvent[] = [
      {
        type: 'submitted',
        fromStatus: null,
        toStatus: 'submitted',
        actorUserId: user.userId,
        actorLabel: '村民',
        note: verdict.reason,
        createdAt: now,
      } as NewEvent,
    ];
    if (assigneeOfficialId)
      events.push({
        type: 'assigned',
        fromStatus: 'submitted',
        toStatus: 'assigned',
        actorUserId: null,
        actorLabel: '系统',
        note: route.reason,
        createdAt: now,
      } as NewEvent);
    // Recipients are read before the transaction: a query on another pooled connection while the
    // transaction holds one could exhaust the pool under load (every request waiting for a second).
    const recipients = await this.newTicketRecipients(assigneeOfficialId, route.assigneeUnit.path);
    let id: number;
    try {
      id = await this.repository.transaction(async (manager) => {
        const newId = await this.repository.insertTicket(manager, ticket, events);
        await this.outbox.enqueue(manager, newTicketMessages(recipients, newId, content, queryCode, now));
        return newId;
      });
    } catch (error) {
      // The same key raced in from a retry: the other request's ticket is the answer.
      const raced = await this.repository.findByIdempotencyKey(user.userId, idempotencyKey);
      if (raced) return { created: await this.replay(raced, requestHash), replayed: true };
      throw error;
    }
    return {
      created: {
        id,
        queryCode,
        status,
        assignee,
        dueAt: dueAt.toISOString(),
        ackDueAt: ackDueAt.toISOString(),
        moderation,
      },
      replayed: false,
    };
  }

  private async replay(ticket: Ticket, requestHash: string): Promise<TicketCreated> {
    if (ticket.requestHash !== requestHash) throw new AppException('TICKET.IDEMPOTENCY_KEY_REUSED');
    return this.createdView((await this.repository.findById(ticket.id))!);
  }

  private async createdView(ticket: Ticket): Promise<TicketCreated> {
    const summary = summaryOf(ticket, await this.posts([ticket]), this.clock.now());
    return {
      id: ticket.id,
      queryCode: ticket.queryCode,
      status: ticket.status,
      assignee: summary.assignee,
      dueAt: summary.dueAt,
      ackDueAt: summary.ackDueAt,
      moderation: ticket.moderation,
    };
  }

  private newTicketRecipients(officialId: number | null, unitPath: string): Promise<number[]> {
    return officialId
      ? this.repository.findUserIdsOfOfficial(officialId)
      : this.repository.findSupervisorUserIds(unitPath);
  }

  private async messagesForAssignee(
    ticketId: number,
    officialId: number | null,
    unitPath: string,
    content: string,
    queryCode: string,
    now: Date,
  ): Promise<OutgoingMessage[]> {
    return newTicketMessages(
      await this.newTicketRecipients(officialId, unitPath),
      ticketId,
      content,
      queryCode,
      now,
    );
  }

  /**
   * Open public tickets on the same target whose text is close to `content`; never the caller's own
   * (a resident is not offered their own comment as someone else's).
   */
  async similar(
    target: { planEntryId?: number; officialId?: number; matterId?: number },
    content: string,
    userId?: number,
  ): Promise<SimilarTicket[]> {
    if (!target.planEntryId && !target.officialId && !target.matterId)
      throw new AppException('TICKET.TARGET_REQUIRED');
    const candidates = await this.repository.findOpenOnTarget(target, 200);
    return candidates
      .filter((t) => userId === undefined || t.authorUserId !== userId)
      .map((t) => ({ t, score: similarity(t.content, content) }))
      .filter((x) => x.score >= SIMILAR_THRESHOLD)
      .sort((a, b) => b.score - a.score)
      .slice(0, 3)
      .map(({ t, score }) => ({
        id: t.id,
        status: t.status,
        excerpt: [...t.content].slice(0, 60).join(''),
        createdAt: t.createdAt.toISOString(),
        similarity: Math.round(score * 100) / 100,
      }));
  }

  // ── Reading ────────────────────────────────────────────────────────────────────────────────

  async mine(user: AuthUser, page: number): Promise<MyTickets> {
    const [[rows, total], toRate] = await Promise.all([
      this.repository.findMine(user.userId, page, PAGE_SIZE),
      this.repository.countToRate(user.userId),
    ]);
    const posts = await this.posts(rows);
    const now = this.clock.now();
    return { items: rows.map((t) => summaryOf(t, posts, now)), total, page, pageSize: PAGE_SIZE, toRate };
  }

  async inbox(user: AuthUser, filter: InboxFilter, page: number): Promise<TicketInbox> {
    const scope = {
      officialId: user.officialId,
      paths: [
        ...new Set(
          user.grants
            .filter((g) => (STAFF_DESK as readonly string[]).includes(g.role))
            .map((g) => g.unitPath),
        ),
      ],
    };
    const now = this.clock.now();
    const [[rows, total], open, overdue, held, heldOverdue, extensions, dueToday] = await Promise.all([
      this.repository.findInbox(scope, filter, now, page, PAGE_SIZE),
      this.repository.countInbox(scope, 'open', now),
      this.repository.countInbox(scope, 'overdue', now),
      this.repository.countInbox(scope, 'held', now),
      this.repository.countHeldOverdue(scope, now),
      this.repository.countInbox(scope, 'extensions', now),
      this.repository.countInboxDueBefore(scope, now, endOfLocalDay(localDate(now))),
    ]);
    const posts = await this.posts(rows);
    const items = rows.map((t) => summaryOf(t, posts, now));
    return {
      items,
      counts: {
        open,
        overdue,
        held,
        heldOverdue,
        extensions,
        dueToday,
      },
      total,
      page,
      pageSize: PAGE_SIZE,
    };
  }

  async get(user: AuthUser, id: number): Promise<TicketView> {
    const ticket = await this.repository.findById(id);
    if (!ticket) throw new AppException('TICKET.NOT_FOUND');
    const relation = this.relation(user, ticket);
    if (!relation.author && !relation.assignee && !relation.desk) {
      // Anyone signed in sees a public ticket as the public does, with 举报 when it is allowed.
      if (!isPublic(ticket)) throw new AppException('TICKET.NOT_FOUND');
      return this.publicView(user, ticket);
    }
    return this.view(ticket, relation);
  }

  /**
   * GET /tickets/lookup/:queryCode (public). A brake on guessing codes: wrong codes per address and
   * per signed-in user, and all lookups per address and per user; 429 with Retry-After beyond.
   */
  async lookup(queryCode: string, who: { ip?: string; userId?: number }): Promise<TicketStatusView> {
    const asker = (limiters: { ip: AttemptLimiter; user: AttemptLimiter }) =>
      [
        [limiters.ip, who.ip],
        [limiters.user, who.userId === undefined ? undefined : String(who.userId)],
      ] as const;
    const wrong = asker(this.wrongQueryCodes);
    const all = asker(this.queryCodeLookups);
    const wait = waitSeconds([...wrong, ...all]);
    if (wait > 0) throw AppException.rateLimited('COMMON.RATE_LIMITED', wait, '查询太频繁，请稍后再试');
    failAll(all);
    const ticket = await this.repository.findByQueryCode(queryCode.trim().toUpperCase());
    if (!ticket) {
      failAll(wrong);
      throw new AppException('TICKET.NOT_FOUND', '查询码不正确，请核对后重新输入');
    }
    return statusOf(
      ticket,
      await this.repository.findEvents(ticket.id),
      await this.posts([ticket]),
      this.clock.now(),
    );
  }

  async publicTickets(
    target: { planEntryId?: number; officialId?: number; matterId?: number },
    page: number,
  ): Promise<Page<PublicTicket>> {
    const [rows, total] = await this.repository.findPublic(target, page, PAGE_SIZE);
    return { items: rows.map(publicOf), total, page, pageSize: PAGE_SIZE };
  }

  async figuresOfOfficial(officialId: number): Promise<TicketFigures> {
    return ticketFigures(await this.repository.findFigureRows({ officialId }), this.clock.now());
  }

  async figuresOfUnit(unitId: number): Promise<TicketFigures> {
    const unit = await this.repository.findUnit(unitId);
    if (!unit) throw new AppException('DIRECTORY.UNIT_NOT_FOUND');
    return ticketFigures(await this.repository.findFigureRows({ unitPath: unit.path }), this.clock.now());
  }

  /** Follow a public ticket on the same matter ("关注它"): its reply and result reach the follower too. */
  async follow(user: AuthUser, id: number): Promise<TicketFollowState> {
    const ticket = await this.repository.findById(id);
    if (!ticket || !isPublic(ticket)) throw new AppException('TICKET.NOT_FOUND');
    if (ticket.status === 'closed')
      throw new AppException('TICKET.INVALID_TRANSITION', '该留言已办结，无需关注');
    if (ticket.authorUserId !== user.userId) await this.repository.follow(id, user.userId);
    return { following: true, followers: await this.repository.countFollowers(id) };
  }

  async unfollow(user: AuthUser, id: number): Promise<TicketFollowState> {
    await this.repository.unfollow(id, user.userId);
    return { following: false, followers: await this.repository.countFollowers(id) };
  }

  async following(user: AuthUser, page: number): Promise<Page<PublicTicket>> {
    const [rows, total] = await this.repository.findFollowed(user.userId, page, PAGE_SIZE);
    return { items: rows.filter(isPublic).map(publicOf), total, page, pageSize: PAGE_SIZE };
  }

  // ── Changes ────────────────────────────────────────────────────────────────────────────────

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
        messages: async () => this.residentMessage(ticket, '干部已答复您的留言', '已答复'),
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
        messages: async () => this.residentMessage(ticket, '留言已办结，请评价是否满意', '已办结'),
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
    if (!coversUnit(user, ['supervisor', 'admin'], handOver.destination.unit.path))
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
      messages: (ticket: Ticket) =>
        this.messagesForAssignee(
          ticket.id,
          destination.officialId,
          destination.unit.path,
          ticket.content,
          ticket.queryCode,
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
              ? await this.messagesForAssignee(
                  t.id,
                  t.assigneeOfficialId,
                  '',
                  `重新办理：${reason}`,
                  t.queryCode,
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
    const relation = this.relation(user, ticket);
    if (!relation.author && !relation.assignee && !relation.desk) throw new AppException('TICKET.NOT_FOUND');
    if (!allowed(relation))
      throw new AppException('AUTH.OUT_OF_SCOPE', '只有承办人、督查人员或留言人本人可以进行此操作');
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
    const actorLabel = this.actorLabel(user, ticket, relation);
    // Read before the transaction (see create): never a second pooled connection inside it.
    const messages = change.messages ? await change.messages({ ...ticket, ...patch } as Ticket, to) : [];
    await this.repository.transaction(async (manager: EntityManager) => {
      if (!(await this.repository.updateIfVersion(manager, id, version, patch)))
        throw new AppException('TICKET.VERSION_CONFLICT');
      await this.repository.insertEvent(manager, id, {
        type: change.eventType,
        fromStatus: ticket.status,
        toStatus: to,
        actorUserId: user.userId,
        actorLabel,
        note: change.note ?? null,
        createdAt: now,
      } as NewEvent);
      await this.outbox.enqueue(manager, messages);
      if (change.also) await change.also(manager);
    });
    const saved = (await this.repository.findById(id))!;
    return this.view(saved, this.relation(user, saved));
  }

  // ── Views and helpers ──────────────────────────────────────────────────────────────────────

  private relation(user: AuthUser, ticket: Ticket): Relation {
    const path = ticket.assigneeUnit.path;
    return {
      author: ticket.authorUserId === user.userId,
      assignee: ticket.assigneeOfficialId !== null && ticket.assigneeOfficialId === user.officialId,
      desk: coversUnit(user, [...STAFF_DESK], path),
      admin: coversUnit(user, ['admin'], path),
    };
  }

  private actorLabel(user: AuthUser, ticket: Ticket, relation: Relation): string {
    if (relation.assignee) return `${ticket.assigneeOfficial?.name ?? ''}（承办干部）`;
    if (relation.desk)
      return coversUnit(user, ['supervisor'], ticket.assigneeUnit.path) ? '督查室' : '管理员';
    return '村民';
  }

  private actions(ticket: Ticket, relation: Relation): TicketAction[] {
    const actions: TicketAction[] = [];
    const can = (command: TicketCommand) =>
      nextState(command, ticket.status, { reopenCount: ticket.reopenCount }) !== null;
    if (relation.assignee) {
      if (can('acknowledge')) actions.push('acknowledge');
      if (can('reply')) actions.push('reply');
      if (can('resolve')) actions.push('resolve');
      if (
        ticket.extensionStatus === null &&
        ['acknowledged', 'replied'].includes(ticket.status) &&
        ticket.dueAt > this.clock.now()
      )
        actions.push('request_extension');
    }
    if ((relation.assignee || relation.desk) && can('transfer')) actions.push('transfer');
    if (relation.desk) {
      if (can('assign')) actions.push('assign');
      if (ticket.extensionStatus === 'pending') actions.push('decide_extension');
      if (ticket.moderation === 'held' || ticket.replyModeration === 'held' || can('hide'))
        actions.push('moderate');
    }
    if (relation.author) {
      if (ticket.status === 'resolved') actions.push('rate');
      if (can('withdraw')) actions.push('withdraw');
    }
    return actions;
  }

  private async view(ticket: Ticket, relation: Relation): Promise<TicketView> {
    const now = this.clock.now();
    const [events, posts, photos] = await Promise.all([
      this.repository.findEvents(ticket.id),
      this.posts([ticket]),
      this.uploadRows.findByIds([...ticket.photoIds, ...ticket.resolutionPhotoIds]),
    ]);
    const urls = (ids: string[]) => ids.flatMap((i) => (photos.get(i) ? [photoUrls(photos.get(i)!)] : []));
    let contactPhone: string | null = null;
    if (ticket.contactPhoneEnc && (relation.assignee || relation.admin)) {
      const phone = this.cipher.decrypt(ticket.contactPhoneEnc);
      contactPhone = relation.admin ? phone : maskPhone(phone);
    }
    const extension = ticket.extensionStatus
      ? {
          status: ticket.extensionStatus,
          reason: ticket.extensionReason ?? '',
          days: ticket.extensionDays ?? 0,
          newDueAt: (ticket.extensionStatus === 'approved'
            ? ticket.dueAt
            : extendDeadline(await this.calendars.calendar(), ticket.dueAt, ticket.extensionDays ?? 0)
          ).toISOString(),
        }
      : null;
    return {
      ...summaryOf(ticket, posts, now),
      content: ticket.content,
      photos: urls(ticket.photoIds),
      publicAllowed: ticket.publicAllowed,
      author: ticket.authorLabel,
      contactPhone,
      reply: ticket.reply,
      resolution: ticket.resolution,
      resolutionPhotos: urls(ticket.resolutionPhotoIds),
      rating:
        ticket.ratingSatisfied === null
          ? null
          : {
              satisfied: ticket.ratingSatisfied,
              reason: ticket.ratingReason,
              at: ticket.ratedAt!.toISOString(),
            },
      reopenCount: ticket.reopenCount,
      extension,
      acknowledgedAt: ticket.acknowledgedAt?.toISOString() ?? null,
      resolvedAt: ticket.resolvedAt?.toISOString() ?? null,
      closedAt: ticket.closedAt?.toISOString() ?? null,
      version: ticket.version,
      actions: this.actions(ticket, relation),
      events: events.map((e: TicketEvent) => eventView(e)),
    };
  }

  /**
   * A public ticket for a signed-in stranger: what the public lists show (the answer only while it
   * is not held after 举报), the steps without notes, no photos or contact; 举报 when allowed.
   */
  private async publicView(user: AuthUser, ticket: Ticket): Promise<TicketView> {
    const [events, posts, viewer] = await Promise.all([
      this.repository.findEvents(ticket.id),
      this.posts([ticket]),
      this.reports.viewerState(user, ticket),
    ]);
    return {
      ...summaryOf(ticket, posts, this.clock.now()),
      // The 查询码 is the author's to share, not the public's.
      queryCode: '',
      content: ticket.content,
      photos: [],
      publicAllowed: ticket.publicAllowed,
      author: ticket.authorLabel,
      contactPhone: null,
      ...publicAnswer(ticket),
      resolutionPhotos: [],
      rating: null,
      reopenCount: ticket.reopenCount,
      extension: null,
      acknowledgedAt: ticket.acknowledgedAt?.toISOString() ?? null,
      resolvedAt: ticket.resolvedAt?.toISOString() ?? null,
      closedAt: ticket.closedAt?.toISOString() ?? null,
      version: ticket.version,
      actions: viewer.canReport ? ['report'] : [],
      events: events.map((e: TicketEvent) => ({ ...eventView(e), note: null })),
      reported: viewer.reported,
    };
  }

  private async posts(tickets: Ticket[]): Promise<PostLookup> {
    return this.repository.findPrimaryPosts(
      tickets.flatMap((t) => (t.assigneeOfficialId ? [t.assigneeOfficialId] : [])),
    );
  }

  /** The author, and the residents who follow the ticket (while it is public). */
  private async residentMessage(ticket: Ticket, what: string, phrase: string): Promise<OutgoingMessage[]> {
    const followers = isPublic(ticket) ? await this.repository.findFollowerUserIds(ticket.id) : [];
    return [ticket.authorUserId, ...followers.filter((u) => u !== ticket.authorUserId)].map((userId) => ({
      userId,
      purpose: 'ticketReply',
      ticketId: ticket.id,
      page: `${INBOX_PAGE}?id=${ticket.id}`,
      values: {
        thing1: userId === ticket.authorUserId ? what : `您关注的留言：${what}`,
        phrase2: phrase,
        time3: formatTime(this.clock.now()),
      },
    }));
  }

  private async supervisorMessages(ticket: Ticket, what: string): Promise<OutgoingMessage[]> {
    const userIds = await this.repository.findSupervisorUserIds(ticket.assigneeUnit?.path ?? '');
    return userIds.map((userId) => ({
      userId,
      purpose: 'ticketDue',
      ticketId: ticket.id,
      page: `${INBOX_PAGE}?id=${ticket.id}`,
      values: { thing1: what, time2: formatTime(ticket.dueAt), thing3: `查询码 ${ticket.queryCode}` },
    }));
  }
}

function newTicketMessages(
  userIds: number[],
  ticketId: number,
  content: string,
  queryCode: string,
  now: Date,
): OutgoingMessage[] {
  return userIds.map((userId) => ({
    userId,
    purpose: 'ticketNew',
    ticketId,
    page: `${INBOX_PAGE}?id=${ticketId}`,
    values: { thing1: content, time2: formatTime(now), character_string3: queryCode },
  }));
}

function requireReason(reason: string | undefined): string {
  const text = reason?.trim() ?? '';
  if (!text) throw new AppException('TICKET.REASON_REQUIRED');
  return text;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The request as it matters for idempotency (key order and missing optionals do not). */
function canonical(input: TicketCreateRequest): unknown {
  return [
    input.planEntryId ?? null,
    input.officialId ?? null,
    input.matterId ?? null,
    input.unitId ?? null,
    input.content.trim(),
    input.photoIds ?? [],
    input.publicAllowed,
    input.contactPhone ?? null,
    input.authorName ?? null,
  ];
}

function randomCode(): string {
  let code = '';
  for (let i = 0; i < 8; i += 1) code += QUERY_CODE_ALPHABET[randomInt(QUERY_CODE_ALPHABET.length)];
  return code;
}

/** "2026-11-20 14:30" in Asia/Shanghai (subscribe-message time fields). */
export function formatTime(at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
}
