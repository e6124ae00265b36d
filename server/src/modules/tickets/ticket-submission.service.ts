import { createHash, randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SimilarTicket, TicketCreated, TicketCreateRequest, TicketState } from '@jinri/shared';
import { CLOCK, type Clock } from '../../common/clock';
import { FIELD_CIPHER, type FieldCipher } from '../../common/crypto/field-cipher';
import { AppException } from '../../common/errors/app.exception';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import type { AuthUser } from '../auth/auth-user';
import { CalendarService } from '../calendar/calendar.service';
import { similarity } from '../../common/text/similarity';
import { assigneeMessages } from '../notifications/ticket-messages';
import { OutboxService } from '../notifications/outbox.service';
import { MatterDemand } from '../search/popular/matter-demand.service';
import { UploadsService } from '../uploads/uploads.service';
import { ModerationService } from './moderation.service';
import { normalizeForMatching } from './sensitive-words';
import { ticketDeadlines, workingDeadline } from './ticket-deadlines';
import { TicketRouter } from './ticket-router';
import { authorLabel, summaryOf } from './ticket-view';
import type { Ticket } from './ticket.entity';
import { type NewEvent, TicketsRepository } from './tickets.repository';

const QUERY_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const TEN_MINUTES = 10 * 60_000;
const DAY = 24 * 3_600_000;
/** Near-duplicate text (Dice over bigrams) for "已有人反映过类似问题". */
const SIMILAR_THRESHOLD = 0.5;

/**
 * A resident's comment becomes a ticket: idempotent (the Idempotency-Key), rate-limited, routed,
 * moderated, with its deadlines, written with its first events and messages in one transaction.
 */
@Injectable()
export class TicketSubmissionService {
  constructor(
    private readonly repository: TicketsRepository,
    private readonly router: TicketRouter,
    private readonly moderation: ModerationService,
    private readonly calendars: CalendarService,
    private readonly outbox: OutboxService,
    private readonly uploads: UploadsService,
    private readonly demand: MatterDemand,
    @Inject(FIELD_CIPHER) private readonly cipher: FieldCipher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * POST /tickets, with the request's validated Idempotency-Key and the keyed hash of its address.
   * `replayed` is true when the key was seen before (the same ticket comes back).
   */
  async create(
    user: AuthUser,
    input: TicketCreateRequest,
    idempotencyKey: string,
    ipHash: string | null,
    channel?: SubmissionChannel,
  ): Promise<{ created: TicketCreated; replayed: boolean }> {
    const requestHash = sha256(JSON.stringify(canonical(input)));
    const targets = [input.planEntryId, input.officialId, input.matterId].filter((v) => v !== undefined);
    if (targets.length !== 1) throw new AppException('TICKET.TARGET_REQUIRED');
    const content = input.content.trim();
    const now = this.clock.now();
    // The duplicate check compares the text as the word list sees it: "路灯坏了" = "路灯 坏了。".
    const contentHash = sha256(normalizeForMatching(content) || content.replace(/\s+/g, ''));
    // One query tells a retry (the key is known: the same ticket again) from a new comment, and
    // checks the author's and the address's limits; a retry more than a day later meets the unique
    // index instead.
    const since = new Date(now.getTime() - TEN_MINUTES);
    const activity = this.repository.findAuthorActivity(
      user.userId,
      contentHash,
      idempotencyKey,
      since,
      new Date(now.getTime() - DAY),
      ipHash ? { hash: ipHash, cap: this.config.tickets.ratePerIp } : null,
    );
    // Routing needs nothing from the author's checks: started in the same tick, its first read goes
    // to the database with the author's as one request (PreparedQueries). Its outcome waits until
    // the checks pass, so a retry, a duplicate or a comment over the limit is answered as before;
    // for those the routing read is wasted, the price of one round trip less for every comment.
    const routing = this.router.route(input).then(
      (route) => ({ route }),
      (error: unknown) => ({ error }),
    );
    const author = await activity;
    if (author.keyedTicketId !== null) {
      const previous = (await this.repository.findById(author.keyedTicketId))!;
      return { created: await this.replay(previous, requestHash), replayed: true };
    }
    if (author.duplicate && !channel?.integrator) throw new AppException('TICKET.DUPLICATE');
    const overLimit =
      author.recent >= this.config.tickets.ratePerUser || author.byIp >= this.config.tickets.ratePerIp;
    if (overLimit && !channel?.integrator)
      throw AppException.rateLimited('TICKET.RATE_LIMITED', TEN_MINUTES / 1000);

    const routed = await routing;
    if ('error' in routed) throw routed.error;
    const { route } = routed;
    const photoIds = input.photoIds ?? [];
    if (photoIds.length > 0) await this.uploads.ownedBy(user.userId, photoIds);
    const verdict = await this.moderation.check(author.openidEnc, content, route.assigneeUnit.path);
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
    // An official's users came with the routing; the queue's supervisors are read here.
    const recipients = assigneeOfficialId
      ? route.assigneeUserIds
      : await this.repository.findSupervisorUserIds(route.assigneeUnit.path);
    let id: number;
    try {
      // The ticket, its events and its messages go as one request on MySQL: the messages carry the
      // ticket's pending id, settled by its INSERT in that request.
      const pending = await this.repository.batchedTransaction(async (writer) => {
        const newId = this.repository.insertTicket(writer, ticket, events);
        if (channel) {
          const manager = await writer.manager();
          await channel.attach(manager, newId.value, ticket);
        }
        await this.outbox.enqueue(
          writer,
          assigneeMessages(recipients, { id: newId, queryCode }, content, now),
        );
        return newId;
      });
      id = pending.value;
    } catch (error) {
      // The same key raced in from a retry: the other request's ticket is the answer.
      const raced = await this.repository.findByIdempotencyKey(user.userId, idempotencyKey);
      if (raced) return { created: await this.replay(raced, requestHash), replayed: true };
      throw error;
    }
    if (route.matterId !== null) this.demand.recordComment(route.matterId, route.residentUnit?.path ?? null);
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

  private async replay(ticket: Ticket, requestHash: string): Promise<TicketCreated> {
    if (ticket.requestHash !== requestHash) throw new AppException('TICKET.IDEMPOTENCY_KEY_REUSED');
    const current = (await this.repository.findById(ticket.id))!;
    const summary = summaryOf(current, await this.repository.findAssigneePosts([current]), this.clock.now());
    return {
      id: current.id,
      queryCode: current.queryCode,
      status: current.status,
      assignee: summary.assignee,
      dueAt: summary.dueAt,
      ackDueAt: summary.ackDueAt,
      moderation: current.moderation,
    };
  }
}

/**
 * Where a comment came from, when not the mini-program (Open311, issue #17): `attach` writes what the
 * channel brought in the ticket's own transaction (throwing rolls the ticket back); an integrator's
 * key has its own limit, so the resident's limits and duplicate check do not apply to it.
 */
export interface SubmissionChannel {
  integrator: boolean;
  attach(manager: EntityManager, ticketId: number, ticket: Partial<Ticket>): Promise<void>;
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
