import { Inject, Injectable } from '@nestjs/common';
import type {
  InboxFilter,
  MyTickets,
  Page,
  PublicTicket,
  TicketFigures,
  TicketInbox,
  TicketStatusView,
  TicketView,
} from '@jinri/shared';
import { CLOCK, type Clock } from '../../common/clock';
import { FIELD_CIPHER, type FieldCipher, maskPhone } from '../../common/crypto/field-cipher';
import { AppException } from '../../common/errors/app.exception';
import { AttemptLimiter } from '../../common/rate/attempt-limiter';
import { localDate } from '../../common/time/local-time';
import type { AuthUser } from '../auth/auth-user';
import { CalendarService } from '../calendar/calendar.service';
import { AttemptLimits } from '../limits/attempt-limits.service';
import { photoUrls } from '../journals/plan-view';
import { UploadsRepository } from '../uploads/uploads.repository';
import {
  actionsFor,
  contactPhoneAccess,
  inboxScope,
  isInvolved,
  type Relation,
  relationOf,
} from './ticket-access';
import { endOfLocalDay, extendDeadline } from './ticket-deadlines';
import type { TicketEvent } from './ticket-event.entity';
import { ticketFigures } from './ticket-figures';
import { TicketInboxRepository } from './ticket-inbox.repository';
import { publicAnswer } from './ticket-reports';
import { TicketReportsService } from './ticket-reports.service';
import { eventView, isPublic, publicOf, statusOf, summaryOf } from './ticket-view';
import type { Ticket } from './ticket.entity';
import { TicketsRepository } from './tickets.repository';

const TEN_MINUTES = 10 * 60_000;
/** 查询码 lookups allowed in 10 minutes (a resident checks a few codes; a village may share one IP). */
export const LOOKUP_LIMITS = { wrongPerIp: 30, wrongPerUser: 10, allPerIp: 300, allPerUser: 60 };
const PAGE_SIZE = 20;
/** 查询码 guessing: wrong codes in 10 minutes per address (NAT is shared) and per user. */
const WRONG_QUERY_CODES = {
  ip: new AttemptLimiter('lookup.wrong.ip', LOOKUP_LIMITS.wrongPerIp, TEN_MINUTES),
  user: new AttemptLimiter('lookup.wrong.user', LOOKUP_LIMITS.wrongPerUser, TEN_MINUTES),
};
/** Every lookup, right or wrong, in 10 minutes per address and per user. */
const QUERY_CODE_LOOKUPS = {
  ip: new AttemptLimiter('lookup.all.ip', LOOKUP_LIMITS.allPerIp, TEN_MINUTES),
  user: new AttemptLimiter('lookup.all.user', LOOKUP_LIMITS.allPerUser, TEN_MINUTES),
};

/** Reading tickets: the lists (mine, inbox, public, followed), one ticket as its caller sees it, figures. */
@Injectable()
export class TicketQueriesService {
  constructor(
    private readonly repository: TicketsRepository,
    private readonly inboxes: TicketInboxRepository,
    private readonly calendars: CalendarService,
    private readonly uploadRows: UploadsRepository,
    private readonly reports: TicketReportsService,
    private readonly limits: AttemptLimits,
    @Inject(FIELD_CIPHER) private readonly cipher: FieldCipher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async mine(user: AuthUser, page: number): Promise<MyTickets> {
    const [[rows, total], toRate] = await Promise.all([
      this.repository.findMine(user.userId, page, PAGE_SIZE),
      this.repository.countToRate(user.userId),
    ]);
    const posts = await this.repository.findAssigneePosts(rows);
    const now = this.clock.now();
    return { items: rows.map((t) => summaryOf(t, posts, now)), total, page, pageSize: PAGE_SIZE, toRate };
  }

  async inbox(user: AuthUser, filter: InboxFilter, page: number): Promise<TicketInbox> {
    const scope = inboxScope(user);
    const now = this.clock.now();
    const [[rows, total], open, overdue, held, heldOverdue, extensions, dueToday] = await Promise.all([
      this.inboxes.findInbox(scope, filter, now, page, PAGE_SIZE),
      this.inboxes.countInbox(scope, 'open', now),
      this.inboxes.countInbox(scope, 'overdue', now),
      this.inboxes.countInbox(scope, 'held', now),
      this.inboxes.countHeldOverdue(scope, now),
      this.inboxes.countInbox(scope, 'extensions', now),
      this.inboxes.countInboxDueBefore(scope, now, endOfLocalDay(localDate(now))),
    ]);
    const posts = await this.repository.findAssigneePosts(rows);
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
    const relation = relationOf(user, ticket);
    if (!isInvolved(relation)) {
      // Anyone signed in sees a public ticket as the public does, with 举报 when it is allowed.
      if (!isPublic(ticket)) throw new AppException('TICKET.NOT_FOUND');
      return this.publicView(user, ticket);
    }
    return this.view(ticket, relation);
  }

  /**
   * GET /tickets/lookup/:queryCode (public). A brake on guessing codes: wrong codes per address and
   * per signed-in user, and all lookups per address and per user; 429 with Retry-After beyond.
   * Counted in the database before the lookup (shared by every instance; see AttemptLimits).
   */
  async lookup(queryCode: string, who: { ip?: string; userId?: number }): Promise<TicketStatusView> {
    const user = who.userId === undefined ? undefined : String(who.userId);
    const attempt = await this.limits.attempt([
      [WRONG_QUERY_CODES.ip, who.ip],
      [WRONG_QUERY_CODES.user, user],
      [QUERY_CODE_LOOKUPS.ip, who.ip],
      [QUERY_CODE_LOOKUPS.user, user],
    ]);
    const wait = attempt.waitSeconds;
    if (wait > 0) throw AppException.rateLimited('COMMON.RATE_LIMITED', wait, '查询太频繁，请稍后再试');
    const ticket = await this.repository.findByQueryCode(queryCode.trim().toUpperCase());
    if (!ticket) throw new AppException('TICKET.NOT_FOUND', '查询码不正确，请核对后重新输入');
    // A right code is not a guess: only the count of all lookups keeps it.
    await attempt.forgive(WRONG_QUERY_CODES.ip, WRONG_QUERY_CODES.user);
    return statusOf(
      ticket,
      await this.repository.findEvents(ticket.id),
      await this.repository.findAssigneePosts([ticket]),
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
    return ticketFigures(await this.inboxes.findFigureRows({ officialId }), this.clock.now());
  }

  async figuresOfUnit(unitId: number): Promise<TicketFigures> {
    const unit = await this.repository.findUnit(unitId);
    if (!unit) throw new AppException('DIRECTORY.UNIT_NOT_FOUND');
    return ticketFigures(await this.inboxes.findFigureRows({ unitPath: unit.path }), this.clock.now());
  }

  async following(user: AuthUser, page: number): Promise<Page<PublicTicket>> {
    const [rows, total] = await this.repository.findFollowed(user.userId, page, PAGE_SIZE);
    return { items: rows.filter(isPublic).map(publicOf), total, page, pageSize: PAGE_SIZE };
  }

  /** The whole ticket as someone involved sees it (the contact phone and the actions by relation). */
  async view(ticket: Ticket, relation: Relation): Promise<TicketView> {
    const now = this.clock.now();
    const [events, posts, photos] = await Promise.all([
      this.repository.findEvents(ticket.id),
      this.repository.findAssigneePosts([ticket]),
      this.uploadRows.findByIds([...ticket.photoIds, ...ticket.resolutionPhotoIds]),
    ]);
    const urls = (ids: string[]) => ids.flatMap((i) => (photos.get(i) ? [photoUrls(photos.get(i)!)] : []));
    const phoneAccess = contactPhoneAccess(relation);
    let contactPhone: string | null = null;
    if (ticket.contactPhoneEnc && phoneAccess) {
      const phone = this.cipher.decrypt(ticket.contactPhoneEnc);
      contactPhone = phoneAccess === 'full' ? phone : maskPhone(phone);
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
      actions: actionsFor(ticket, relation, this.clock.now()),
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
      this.repository.findAssigneePosts([ticket]),
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
}
