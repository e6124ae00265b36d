import type { TicketFigures, TicketState } from '@jinri/shared';
import { isOpen } from './ticket-state';

/** What the figures need of one ticket. */
export interface FigureRow {
  status: TicketState;
  createdAt: Date;
  ackDueAt: Date;
  dueAt: Date;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
  ratingSatisfied: boolean | null;
}

const HOUR = 3_600_000;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(value * 10) / 10;
}

const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);

/**
 * 响应率: acknowledged in time, among tickets whose acknowledgement was due (or done).
 * 解决率: resolved (or closed after resolution) and not rated unsatisfied, among tickets that are
 *   resolved or past their resolution deadline — "resolved but not satisfied" never counts.
 * 满意率: satisfied among rated. Withdrawn and hidden tickets count nowhere.
 */
export function ticketFigures(rows: FigureRow[], now: Date): TicketFigures {
  const counted = rows.filter((r) => r.status !== 'withdrawn' && r.status !== 'hidden');
  const ackDue = counted.filter((r) => r.acknowledgedAt !== null || r.ackDueAt <= now);
  const ackInTime = ackDue.filter((r) => r.acknowledgedAt !== null && r.acknowledgedAt <= r.ackDueAt);
  const resolveDue = counted.filter((r) => r.resolvedAt !== null || r.dueAt <= now);
  const solved = resolveDue.filter(
    (r) => r.resolvedAt !== null && r.ratingSatisfied !== false && !isOpen(r.status),
  );
  const rated = counted.filter((r) => r.ratingSatisfied !== null);
  return {
    total: counted.length,
    responseRate: rate(ackInTime.length, ackDue.length),
    resolutionRate: rate(solved.length, resolveDue.length),
    satisfactionRate: rate(rated.filter((r) => r.ratingSatisfied).length, rated.length),
    medianHoursToAcknowledge: median(
      counted
        .filter((r) => r.acknowledgedAt)
        .map((r) => (r.acknowledgedAt!.getTime() - r.createdAt.getTime()) / HOUR),
    ),
    medianHoursToResolve: median(
      counted
        .filter((r) => r.resolvedAt)
        .map((r) => (r.resolvedAt!.getTime() - r.createdAt.getTime()) / HOUR),
    ),
    open: counted.filter((r) => isOpen(r.status)).length,
    overdue: counted.filter((r) => isOpen(r.status) && r.dueAt <= now).length,
  };
}
