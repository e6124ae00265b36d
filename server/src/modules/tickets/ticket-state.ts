import type { ModerationStatus, TicketState } from '@jinri/shared';

/**
 * The closed loop as a table (after the 12345 hotline: 受理 → 派单 → 办理 → 回访 → 办结). A command
 * is allowed only from the states listed; anything else is `TICKET.INVALID_TRANSITION`.
 * Commands that do not move the state (moderation approval, extensions, reminders) are not here.
 */
export type TicketCommand =
  | 'assign'
  | 'acknowledge'
  | 'reply'
  | 'resolve'
  | 'transfer'
  | 'rate_satisfied'
  | 'rate_unsatisfied'
  | 'auto_close'
  | 'withdraw'
  | 'hide';

/** States in which the ticket still waits on the official or the supervisor. */
export const OPEN_STATES: readonly TicketState[] = [
  'submitted',
  'assigned',
  'acknowledged',
  'replied',
  'transferred',
  'reopened',
];

/** States that end the loop; nothing moves out of them. */
export const FINAL_STATES: readonly TicketState[] = ['closed', 'withdrawn', 'hidden'];

/**
 * Public (the list under a profile, Open311, similar tickets, following) only when the author
 * allowed it, a supervisor approved its publication, and it was neither withdrawn nor hidden.
 */
export const PUBLIC_MODERATION: readonly ModerationStatus[] = ['approved'];
export const NEVER_PUBLIC: readonly TicketState[] = ['withdrawn', 'hidden'];

/** Waiting for the assignee to acknowledge (the first deadline runs). */
export const AWAITING_ACK: readonly TicketState[] = ['assigned', 'transferred', 'reopened'];

const FROM: Record<Exclude<TicketCommand, 'rate_unsatisfied'>, readonly TicketState[]> = {
  // A supervisor assigns a queued or bounced ticket (or re-assigns a disputed one).
  assign: ['submitted', 'assigned', 'transferred', 'reopened'],
  acknowledge: AWAITING_ACK,
  reply: ['acknowledged', 'replied'],
  resolve: ['acknowledged', 'replied'],
  transfer: ['assigned', 'acknowledged', 'replied', 'transferred', 'reopened'],
  rate_satisfied: ['resolved'],
  auto_close: ['resolved'],
  withdraw: OPEN_STATES,
  hide: [...OPEN_STATES, 'resolved'],
};

const TO: Record<Exclude<TicketCommand, 'rate_unsatisfied'>, TicketState> = {
  assign: 'assigned',
  acknowledge: 'acknowledged',
  reply: 'replied',
  resolve: 'resolved',
  transfer: 'transferred',
  rate_satisfied: 'closed',
  auto_close: 'closed',
  withdraw: 'withdrawn',
  hide: 'hidden',
};

/** How many times "not satisfied" reopens a ticket; after that it closes as unsatisfied. */
export const MAX_REOPENS = 1;

/**
 * The state a command leads to from `from`, or null when the command is not allowed there.
 * "Not satisfied" reopens the ticket once; a second "not satisfied" closes it (counted unsatisfied).
 */
export function nextState(
  command: TicketCommand,
  from: TicketState,
  context: { reopenCount: number } = { reopenCount: 0 },
): TicketState | null {
  if (command === 'rate_unsatisfied') {
    if (from !== 'resolved') return null;
    return context.reopenCount < MAX_REOPENS ? 'reopened' : 'closed';
  }
  return FROM[command].includes(from) ? TO[command] : null;
}

export function isOpen(state: TicketState): boolean {
  return OPEN_STATES.includes(state);
}
