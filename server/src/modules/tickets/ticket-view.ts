import type {
  PublicTicket,
  TicketAssignee,
  TicketEventView,
  TicketStatusView,
  TicketSummary,
  TicketTarget,
} from '@jinri/shared';
import type { TicketEvent } from './ticket-event.entity';
import { publicAnswer } from './ticket-reports';
import { isOpen, NEVER_PUBLIC, PUBLIC_MODERATION } from './ticket-state';
import type { Ticket } from './ticket.entity';

export type PostLookup = Map<number, { title: string }>;

export function targetOf(ticket: Ticket): TicketTarget {
  return {
    kind: ticket.targetKind,
    entry: ticket.planEntry
      ? {
          id: ticket.planEntry.id,
          what: ticket.planEntry.what,
          date: String(ticket.planEntry.dayPlan?.date ?? '').slice(0, 10),
        }
      : null,
    official: ticket.official ? { id: ticket.official.id, name: ticket.official.name } : null,
    matter: ticket.matter ? { id: ticket.matter.id, name: ticket.matter.name } : null,
  };
}

export function assigneeOf(ticket: Ticket, posts: PostLookup): TicketAssignee {
  const unit = { id: ticket.assigneeUnitId, name: ticket.assigneeUnit?.name ?? '' };
  if (!ticket.assigneeOfficialId) return { kind: 'queue', official: null, unit };
  return {
    kind: 'official',
    official: {
      id: ticket.assigneeOfficialId,
      name: ticket.assigneeOfficial?.name ?? '',
      post: posts.get(ticket.assigneeOfficialId)?.title ?? '',
    },
    unit,
  };
}

/** Past the deadline that applies now: acknowledgement until acknowledged, then resolution. */
export function isOverdue(ticket: Ticket, now: Date): boolean {
  if (!isOpen(ticket.status)) return false;
  if (ticket.dueAt <= now) return true;
  return ticket.acknowledgedAt === null && ticket.ackDueAt <= now;
}

export function summaryOf(ticket: Ticket, posts: PostLookup, now: Date): TicketSummary {
  return {
    id: ticket.id,
    queryCode: ticket.queryCode,
    status: ticket.status,
    excerpt: [...ticket.content].slice(0, 60).join(''),
    target: targetOf(ticket),
    assignee: assigneeOf(ticket, posts),
    ackDueAt: ticket.ackDueAt.toISOString(),
    dueAt: ticket.dueAt.toISOString(),
    overdue: isOverdue(ticket, now),
    escalated: ticket.escalatedAt !== null,
    moderation: ticket.moderation,
    reviewDueAt: ticket.reviewDueAt?.toISOString() ?? null,
    reviewOverdue: isReviewOverdue(ticket, now),
    createdAt: ticket.createdAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
  };
}

/** Held for the publication review past its deadline (and neither withdrawn nor hidden). */
export function isReviewOverdue(ticket: Ticket, now: Date): boolean {
  return (
    ticket.moderation === 'held' &&
    ticket.reviewDueAt !== null &&
    ticket.reviewDueAt <= now &&
    !NEVER_PUBLIC.includes(ticket.status)
  );
}

export function eventView(event: TicketEvent): TicketEventView {
  return {
    id: event.id,
    type: event.type,
    from: event.fromStatus,
    to: event.toStatus,
    actor: event.actorLabel,
    note: event.note,
    at: event.createdAt.toISOString(),
  };
}

/** Public only when the author allowed it and a supervisor approved it; never contact data. */
export function isPublic(ticket: Ticket): boolean {
  return (
    ticket.publicAllowed &&
    PUBLIC_MODERATION.includes(ticket.moderation) &&
    !NEVER_PUBLIC.includes(ticket.status)
  );
}

export function publicOf(ticket: Ticket): PublicTicket {
  return {
    id: ticket.id,
    status: ticket.status,
    content: ticket.content,
    author: ticket.authorLabel,
    target: targetOf(ticket),
    ...publicAnswer(ticket),
    createdAt: ticket.createdAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
  };
}

/** What anyone with the query code sees: the status and the steps, without notes or content. */
export function statusOf(
  ticket: Ticket,
  events: TicketEvent[],
  posts: PostLookup,
  now: Date,
): TicketStatusView {
  return {
    queryCode: ticket.queryCode,
    status: ticket.status,
    target: targetOf(ticket),
    assignee: assigneeOf(ticket, posts),
    dueAt: ticket.dueAt.toISOString(),
    overdue: isOverdue(ticket, now),
    createdAt: ticket.createdAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
    events: events.map((e) => {
      const { note: _note, ...rest } = eventView(e);
      return rest;
    }),
  };
}

/** "王" → "王**"; the author label shown publicly: "金乡街道 村民 王**". */
export function authorLabel(placeName: string | null, name: string | undefined): string {
  const surname = name ? [...name.trim()][0] : undefined;
  return [placeName, '村民', surname ? `${surname}**` : null].filter(Boolean).join(' ');
}
