import { APP_PAGES } from '@jinri/shared';
import type { PendingId } from '../../database/insert-statement';
import type { OutgoingMessage } from './outbox.service';

/**
 * The texts of the ticket notifications, in one place: the WeChat subscribe-message fields of each
 * purpose, the page a message opens and the time format. The in-app copies are derived from these
 * values (in-app-text.ts).
 */

/** The ticket page of the mini-program (the author's view or the staff's, by who opens it). */
export const TICKET_PAGE = APP_PAGES.ticket;
/** The staff inbox (the morning digest opens it). */
export const STAFF_INBOX_PAGE = APP_PAGES.staffInbox;

/** What a ticket message needs to know of its ticket. */
export interface TicketRef {
  id: number;
  queryCode: string;
  dueAt: Date;
}

// Built once: an Intl.DateTimeFormat is costly to construct and is used for every message.
const TIME_FORMAT = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** "2026-11-20 14:30" in Asia/Shanghai (subscribe-message time fields). */
export function formatTime(at: Date): string {
  return TIME_FORMAT.format(at);
}

/** The ticket page's link up to its id, for a link completed by the database (PendingId.withPrefix). */
const TICKET_PAGE_ID = `${TICKET_PAGE}?id=`;

export function ticketPage(ticketId: number): string {
  return `${TICKET_PAGE_ID}${ticketId}`;
}

/**
 * A new ticket (or one handed over, or reopened) for whoever now has to take it. A ticket being
 * inserted in the same transaction gives its pending id (the link is completed with it there).
 */
export function assigneeMessages(
  userIds: number[],
  ticket: { id: number | PendingId; queryCode: string },
  content: string,
  at: Date,
): OutgoingMessage[] {
  const { id } = ticket;
  return userIds.map((userId) => ({
    userId,
    purpose: 'ticketNew',
    ticketId: id,
    page: typeof id === 'number' ? ticketPage(id) : id.withPrefix(TICKET_PAGE_ID),
    values: { thing1: content, time2: formatTime(at), character_string3: ticket.queryCode },
  }));
}

/**
 * The author and the residents who follow the ticket: `what` happened (`phrase`, e.g. 已答复). A
 * follower reads it as "您关注的留言：…"; the author appears once even when following too.
 */
export function residentMessages(
  ticket: { id: number; authorUserId: number },
  followerUserIds: number[],
  what: string,
  phrase: string,
  at: Date,
): OutgoingMessage[] {
  const userIds = [ticket.authorUserId, ...followerUserIds.filter((u) => u !== ticket.authorUserId)];
  return userIds.map((userId) => ({
    userId,
    purpose: 'ticketReply',
    ticketId: ticket.id,
    page: ticketPage(ticket.id),
    values: {
      thing1: userId === ticket.authorUserId ? what : `您关注的留言：${what}`,
      phrase2: phrase,
      time3: formatTime(at),
    },
  }));
}

/**
 * A ticket's deadline matters (reminder, escalation, extension request, dissatisfaction): `what`,
 * with the resolution deadline and the 查询码, for supervisors or the assignee.
 */
export function dueMessages(userIds: number[], ticket: TicketRef, what: string): OutgoingMessage[] {
  return userIds.map((userId) => ({
    userId,
    purpose: 'ticketDue',
    ticketId: ticket.id,
    page: ticketPage(ticket.id),
    values: { thing1: what, time2: formatTime(ticket.dueAt), thing3: `查询码 ${ticket.queryCode}` },
  }));
}

/** The morning digest of an official with several open tickets. */
export function digestMessages(userIds: number[], open: number, overdue: number): OutgoingMessage[] {
  return userIds.map((userId) => ({
    userId,
    purpose: 'ticketDigest',
    page: STAFF_INBOX_PAGE,
    values: { thing1: '您有待办的群众留言', number2: String(open), number3: String(overdue) },
  }));
}
