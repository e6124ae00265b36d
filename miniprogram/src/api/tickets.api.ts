/**
 * Ticket (工单) endpoints: a resident's comment on a published plan entry, an official or a matter,
 * tracked until the resident is satisfied. One function per call, no state; pages decide about
 * toasts and navigation.
 *
 * - Residents: create (with an Idempotency-Key, so a retry after a dropped network never makes a
 *   second ticket), 我的留言, one ticket, rate, withdraw.
 * - Staff: the inbox and the actions. Every action body carries the `version` the caller saw; a
 *   stale one answers 409 TICKET.VERSION_CONFLICT (reload the ticket and show the message).
 * - Public (no token, like the other public reads in journals.api.ts): similar tickets, lookup by
 *   查询码, public tickets of a target, and the 办理情况 figures of an official or a unit.
 */
import type {
  InboxFilter,
  MyTickets,
  Page,
  PublicTicket,
  SimilarTicket,
  TicketAssignRequest,
  TicketCreated,
  TicketCreateRequest,
  TicketExtensionDecision,
  TicketExtensionRequest,
  TicketFigures,
  TicketFollowState,
  TicketInbox,
  TicketModerateRequest,
  TicketRateRequest,
  TicketReportRequest,
  TicketReportResult,
  TicketReplyRequest,
  TicketResolveRequest,
  TicketStatusView,
  TicketTransferRequest,
  TicketVersioned,
  TicketView,
  TicketWithdrawRequest,
} from '@jinri/shared';

import { request } from './request';

/** What a comment is about: exactly one of a published plan entry, an official, a matter. */
export type TicketTargetRef = { planEntryId: number } | { officialId: number } | { matterId: number };

/** Similar-ticket suggestions are only useful while the person is typing: give up sooner. */
const SIMILAR_TIMEOUT_MS = 8_000;

// --- idempotency --------------------------------------------------------------------------

const KEY_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

function randomPart(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += KEY_ALPHABET[Math.floor(Math.random() * KEY_ALPHABET.length)];
  return out;
}

/**
 * A fresh Idempotency-Key: 16–64 characters of [A-Za-z0-9-_] (IDEMPOTENCY_KEY_PATTERN in
 * @jinri/shared). Make one per draft and send it on every retry of that draft until it succeeds.
 */
export function newIdempotencyKey(): string {
  return `t${Date.now().toString(36)}-${randomPart(12)}-${randomPart(8)}`;
}

// --- residents ----------------------------------------------------------------------------

/**
 * POST /tickets → 201 TicketCreated. Retrying with the same key returns the same ticket; a network
 * failure rejects with status 0 (`isNetworkError`), and the ticket may or may not exist yet.
 */
export function createTicket(body: TicketCreateRequest, idempotencyKey: string): Promise<TicketCreated> {
  return request<TicketCreated>({
    method: 'POST',
    path: '/tickets',
    data: body,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

/**
 * GET /tickets/similar — open public tickets on the same target with near-duplicate text (public).
 * The token goes along when there is one, so the resident's own comments are left out.
 */
export function getSimilarTickets(target: TicketTargetRef, content: string): Promise<SimilarTicket[]> {
  return request<SimilarTicket[]>({
    path: '/tickets/similar',
    query: { ...target, content },
    timeoutMs: SIMILAR_TIMEOUT_MS,
  });
}

/** POST /tickets/:id/follow — follow a public ticket (关注): its reply and result are sent to you too. */
export function followTicket(id: number): Promise<TicketFollowState> {
  return request<TicketFollowState>({ method: 'POST', path: `/tickets/${id}/follow` });
}

/** DELETE /tickets/:id/follow */
export function unfollowTicket(id: number): Promise<TicketFollowState> {
  return request<TicketFollowState>({ method: 'DELETE', path: `/tickets/${id}/follow` });
}

/** GET /tickets/following?page= — public tickets the signed-in resident follows. */
export function getFollowedTickets(page = 1): Promise<Page<PublicTicket>> {
  return request<Page<PublicTicket>>({ path: '/tickets/following', query: { page } });
}

/** GET /tickets/mine?page= — the signed-in resident's own tickets, newest first. */
export function getMyTickets(page = 1): Promise<MyTickets> {
  return request<MyTickets>({ path: '/tickets/mine', query: { page } });
}

/** GET /tickets/:id — for the author, the assignee and the staff in scope (`actions` per viewer). */
export function getTicket(id: number): Promise<TicketView> {
  return request<TicketView>({ path: `/tickets/${id}` });
}

/** "ab12 cd34" → "AB12CD34": what people type (or paste) from a 查询码. */
export function normalizeQueryCode(raw: string): string {
  return raw.replace(/[\s-]/g, '').toUpperCase();
}

/** GET /tickets/lookup/:queryCode — public: the status anyone holding the 查询码 may see. */
export function lookupTicket(queryCode: string): Promise<TicketStatusView> {
  return request<TicketStatusView>({
    path: `/tickets/lookup/${encodeURIComponent(normalizeQueryCode(queryCode))}`,
    auth: false,
  });
}

/** GET /tickets/public?officialId=|planEntryId=|matterId=&page= — public tickets of a target. */
export function getPublicTickets(target: TicketTargetRef, page = 1): Promise<Page<PublicTicket>> {
  return request<Page<PublicTicket>>({
    path: '/tickets/public',
    query: { ...target, page },
    auth: false,
  });
}

function act<T = TicketView>(id: number, action: string, body: TicketVersioned): Promise<T> {
  return request<T>({ method: 'POST', path: `/tickets/${id}/${action}`, data: body });
}

/** POST /tickets/:id/rate — a reason is required when not satisfied (不满意 reopens it once). */
export function rateTicket(id: number, body: TicketRateRequest): Promise<TicketView> {
  return act(id, 'rate', body);
}

/** POST /tickets/:id/withdraw */
export function withdrawTicket(id: number, body: TicketWithdrawRequest): Promise<TicketView> {
  return act(id, 'withdraw', body);
}

/**
 * POST /tickets/:id/report — 举报 a public comment or its answer. Sending it again is harmless (the
 * same report is not counted twice); 429 with Retry-After when one user reports too often.
 */
export function reportTicket(id: number, body: TicketReportRequest): Promise<TicketReportResult> {
  return request<TicketReportResult>({ method: 'POST', path: `/tickets/${id}/report`, data: body });
}

// --- staff --------------------------------------------------------------------------------

/** GET /tickets/inbox?filter=&page= — sorted by urgency (time left), with the counts of every tab. */
export function getInbox(filter: InboxFilter, page = 1): Promise<TicketInbox> {
  return request<TicketInbox>({ path: '/tickets/inbox', query: { filter, page } });
}

export function acknowledgeTicket(id: number, body: TicketVersioned): Promise<TicketView> {
  return act(id, 'acknowledge', body);
}

export function replyTicket(id: number, body: TicketReplyRequest): Promise<TicketView> {
  return act(id, 'reply', body);
}

export function resolveTicket(id: number, body: TicketResolveRequest): Promise<TicketView> {
  return act(id, 'resolve', body);
}

/** To another official (officialId), or back to the supervisor queue of a unit (unitId only). */
export function transferTicket(id: number, body: TicketTransferRequest): Promise<TicketView> {
  return act(id, 'transfer', body);
}

export function assignTicket(id: number, body: TicketAssignRequest): Promise<TicketView> {
  return act(id, 'assign', body);
}

/** POST /tickets/:id/extension — once per ticket, 1–10 working days, before the deadline. */
export function requestExtension(id: number, body: TicketExtensionRequest): Promise<TicketView> {
  return act(id, 'extension', body);
}

export function decideExtension(id: number, body: TicketExtensionDecision): Promise<TicketView> {
  return act(id, 'extension/decide', body);
}

/** Held comments: approve (public) or hide. */
export function moderateTicket(id: number, body: TicketModerateRequest): Promise<TicketView> {
  return act(id, 'moderate', body);
}

// --- figures ------------------------------------------------------------------------------

/** GET /officials/:id/ticket-figures — 响应率, 解决率, 满意率 (0–1, null without tickets). */
export function getOfficialTicketFigures(officialId: number): Promise<TicketFigures> {
  return request<TicketFigures>({ path: `/officials/${officialId}/ticket-figures`, auth: false });
}

/** GET /units/:id/ticket-figures */
export function getUnitTicketFigures(unitId: number): Promise<TicketFigures> {
  return request<TicketFigures>({ path: `/units/${unitId}/ticket-figures`, auth: false });
}
