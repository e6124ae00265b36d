import type { TicketState } from '@jinri/shared';
import { type FigureRow, ticketFigures } from './ticket-figures';

const now = new Date('2026-11-20T10:00:00Z');
const h = (hours: number) => new Date(now.getTime() + hours * 3_600_000);

function row(status: TicketState, overrides: Partial<FigureRow> = {}): FigureRow {
  return {
    status,
    createdAt: h(-100),
    ackDueAt: h(-76),
    dueAt: h(-4),
    acknowledgedAt: null,
    resolvedAt: null,
    ratingSatisfied: null,
    ...overrides,
  };
}

describe('ticket figures', () => {
  it('gives null rates and medians without tickets', () => {
    expect(ticketFigures([], now)).toMatchObject({
      total: 0,
      responseRate: null,
      resolutionRate: null,
      satisfactionRate: null,
      medianHoursToAcknowledge: null,
    });
  });

  it('counts a late acknowledgement against the response rate', () => {
    const sut = ticketFigures(
      [
        row('acknowledged', { acknowledgedAt: h(-90) }),
        row('acknowledged', { acknowledgedAt: h(-70) }),
        row('assigned'),
      ],
      now,
    );
    expect(sut.responseRate).toBeCloseTo(1 / 3, 3);
    expect(sut.medianHoursToAcknowledge).toBe(20);
  });

  it('does not count a ticket whose acknowledgement is not yet due', () => {
    const sut = ticketFigures([row('assigned', { ackDueAt: h(5), dueAt: h(50) })], now);
    expect(sut.responseRate).toBeNull();
    expect(sut.open).toBe(1);
    expect(sut.overdue).toBe(0);
  });

  it('never counts "resolved but not satisfied" as solved', () => {
    const resolved = { acknowledgedAt: h(-95), resolvedAt: h(-50) };
    const sut = ticketFigures(
      [
        row('closed', { ...resolved, ratingSatisfied: true }),
        row('closed', { ...resolved, ratingSatisfied: false }),
        row('reopened', { ...resolved, ratingSatisfied: false }),
        row('closed', resolved),
      ],
      now,
    );
    expect(sut.resolutionRate).toBe(0.5);
    expect(sut.satisfactionRate).toBeCloseTo(1 / 3, 3);
    expect(sut.medianHoursToResolve).toBe(50);
  });

  it('counts an unresolved ticket past its deadline as unsolved and overdue', () => {
    const sut = ticketFigures(
      [
        row('acknowledged', { acknowledgedAt: h(-95) }),
        row('closed', { acknowledgedAt: h(-95), resolvedAt: h(-60) }),
      ],
      now,
    );
    expect(sut.resolutionRate).toBe(0.5);
    expect(sut.overdue).toBe(1);
  });

  it('leaves withdrawn and hidden tickets out', () => {
    expect(ticketFigures([row('withdrawn'), row('hidden')], now).total).toBe(0);
  });
});
