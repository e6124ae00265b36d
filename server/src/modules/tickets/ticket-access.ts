import type { TicketAction } from '@jinri/shared';
import { AppException } from '../../common/errors/app.exception';
import { type AuthUser, coversUnit } from '../auth/auth-user';
import type { InboxScope } from './ticket-inbox.repository';
import { nextState, type TicketCommand } from './ticket-state';
import type { Ticket } from './ticket.entity';

/**
 * Who may see and act on a ticket, as pure rules: the caller's relation to a ticket (author,
 * assignee, the desk of its unit, an admin there), what that lets them do, and how they are named.
 */

/** The grants that make a "desk": the supervision office's queue and the administrators. */
export const STAFF_DESK = ['supervisor', 'admin'] as const;

/** The caller's relation to a ticket. */
export interface Relation {
  author: boolean;
  assignee: boolean;
  /** A supervisor or admin grant covers the assignee unit. */
  desk: boolean;
  /** An admin grant covers the assignee unit. */
  admin: boolean;
}

/** What the relation rules read of a ticket. */
export type AccessedTicket = Pick<Ticket, 'authorUserId' | 'assigneeOfficialId'> & {
  assigneeUnit: { path: string };
};

/** What the action rules read of a ticket. */
export type ActedTicket = Pick<
  Ticket,
  'status' | 'reopenCount' | 'extensionStatus' | 'dueAt' | 'moderation' | 'replyModeration'
>;

export function relationOf(user: AuthUser, ticket: AccessedTicket): Relation {
  const path = ticket.assigneeUnit.path;
  return {
    author: ticket.authorUserId === user.userId,
    assignee: ticket.assigneeOfficialId !== null && ticket.assigneeOfficialId === user.officialId,
    desk: coversUnit(user, [...STAFF_DESK], path),
    admin: coversUnit(user, ['admin'], path),
  };
}

/** The author, the assignee and the desk see the whole ticket; anyone else at most its public face. */
export function isInvolved(relation: Relation): boolean {
  return relation.author || relation.assignee || relation.desk;
}

/**
 * A change is for the involved only (to anyone else the ticket does not exist), and among them for
 * those `allowed` names.
 */
export function assertMayChange(relation: Relation, allowed: (relation: Relation) => boolean): void {
  if (!isInvolved(relation)) throw new AppException('TICKET.NOT_FOUND');
  if (!allowed(relation))
    throw new AppException('AUTH.OUT_OF_SCOPE', '只有承办人、督查人员或留言人本人可以进行此操作');
}

/**
 * The desk assigns only within its own jurisdiction: an official whose head post lies outside the
 * caller's supervisor or admin subtrees answers like a missing one.
 */
export function mayAssignTo(user: AuthUser, unitPath: string): boolean {
  return coversUnit(user, [...STAFF_DESK], unitPath);
}

/** How a change by the caller is signed in the ticket's history. */
export function actorLabel(
  user: AuthUser,
  ticket: AccessedTicket & { assigneeOfficial?: { name: string } | null },
  relation: Relation,
): string {
  if (relation.assignee) return `${ticket.assigneeOfficial?.name ?? ''}（承办干部）`;
  if (relation.desk) return coversUnit(user, ['supervisor'], ticket.assigneeUnit.path) ? '督查室' : '管理员';
  return '村民';
}

/** The contact phone: in full for an admin, masked for the assignee, hidden from everyone else. */
export function contactPhoneAccess(relation: Relation): 'full' | 'masked' | null {
  if (relation.admin) return 'full';
  return relation.assignee ? 'masked' : null;
}

/** The actions the caller has on a ticket now (the buttons of its page). */
export function actionsFor(ticket: ActedTicket, relation: Relation, now: Date): TicketAction[] {
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
      ticket.dueAt > now
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

/** Whose tickets an inbox lists: the caller's own as an official, and the desks of their grants. */
export function inboxScope(user: AuthUser): InboxScope {
  return {
    officialId: user.officialId,
    paths: [
      ...new Set(
        user.grants.filter((g) => (STAFF_DESK as readonly string[]).includes(g.role)).map((g) => g.unitPath),
      ),
    ],
  };
}
