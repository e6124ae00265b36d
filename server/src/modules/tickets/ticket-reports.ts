import {
  TICKET_REPORT_THRESHOLD,
  type ModerationStatus,
  type TicketEventType,
  type TicketReportTarget,
} from '@jinri/shared';

/** The fields of a ticket the 举报 rules read. */
export interface ReportedTicket {
  moderation: ModerationStatus;
  reply: string | null;
  resolution: string | null;
  replyModeration: 'held' | 'hidden' | null;
}

/** 举报 from the same user within an hour, at most (a DB count: the same on every instance). */
export const REPORTS_PER_HOUR = 20;

export const REPORT_TARGET_LABELS: Record<TicketReportTarget, string> = { comment: '留言', reply: '答复' };

/** Hidden pending review once this many different users have reported it (Decidim's rule). */
export function reachesThreshold(distinctReporters: number): boolean {
  return distinctReporters >= TICKET_REPORT_THRESHOLD;
}

/** What of a public ticket can be reported now: the comment, and its answer once there is one shown. */
export function reportableTargets(ticket: ReportedTicket): TicketReportTarget[] {
  const answer = (ticket.reply !== null || ticket.resolution !== null) && ticket.replyModeration === null;
  return answer ? ['comment', 'reply'] : ['comment'];
}

/** The answer as the public sees it: nothing while it is held or hidden after reports. */
export function publicAnswer(ticket: ReportedTicket): { reply: string | null; resolution: string | null } {
  return ticket.replyModeration === null
    ? { reply: ticket.reply, resolution: ticket.resolution }
    : { reply: null, resolution: null };
}

/**
 * What reports hold for review now: the comment when it is held with enough unreviewed reports (a
 * comment held by the word list has none: it was never public), the answer when it is held.
 */
export function heldByReports(ticket: ReportedTicket, pendingComment: number): TicketReportTarget[] {
  const held: TicketReportTarget[] = [];
  if (ticket.moderation === 'held' && reachesThreshold(pendingComment)) held.push('comment');
  if (ticket.replyModeration === 'held') held.push('reply');
  return held;
}

/** The supervisor's review of what reports held: restore (public again) or keep hidden. */
export function reviewOutcome(
  held: readonly TicketReportTarget[],
  restore: boolean,
): {
  eventType: TicketEventType;
  patch: { moderation?: ModerationStatus; replyModeration?: 'hidden' | null; reviewDueAt: null };
  summary: string;
} {
  const patch: { moderation?: ModerationStatus; replyModeration?: 'hidden' | null; reviewDueAt: null } = {
    reviewDueAt: null,
  };
  if (held.includes('comment')) patch.moderation = restore ? 'approved' : 'hidden';
  if (held.includes('reply')) patch.replyModeration = restore ? null : 'hidden';
  const what = held.map((t) => REPORT_TARGET_LABELS[t]).join('和');
  return {
    eventType: restore ? 'report_restored' : 'report_upheld',
    patch,
    summary: restore ? `举报审核：${what}恢复公开` : `举报审核：${what}不予公开`,
  };
}
