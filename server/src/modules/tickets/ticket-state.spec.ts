import { TICKET_STATES, type TicketState } from '@jinri/shared';
import { nextState, type TicketCommand } from './ticket-state';

/** Every allowed transition; every other (command, state) pair must be refused. */
const ALLOWED: Array<[TicketCommand, TicketState, TicketState, number?]> = [
  ['assign', 'submitted', 'assigned'],
  ['assign', 'assigned', 'assigned'],
  ['assign', 'transferred', 'assigned'],
  ['assign', 'reopened', 'assigned'],
  ['acknowledge', 'assigned', 'acknowledged'],
  ['acknowledge', 'transferred', 'acknowledged'],
  ['acknowledge', 'reopened', 'acknowledged'],
  ['reply', 'acknowledged', 'replied'],
  ['reply', 'replied', 'replied'],
  ['resolve', 'acknowledged', 'resolved'],
  ['resolve', 'replied', 'resolved'],
  ['transfer', 'assigned', 'transferred'],
  ['transfer', 'acknowledged', 'transferred'],
  ['transfer', 'replied', 'transferred'],
  ['transfer', 'transferred', 'transferred'],
  ['transfer', 'reopened', 'transferred'],
  ['rate_satisfied', 'resolved', 'closed'],
  ['rate_unsatisfied', 'resolved', 'reopened', 0],
  ['rate_unsatisfied', 'resolved', 'closed', 1],
  ['auto_close', 'resolved', 'closed'],
  ['withdraw', 'submitted', 'withdrawn'],
  ['withdraw', 'assigned', 'withdrawn'],
  ['withdraw', 'acknowledged', 'withdrawn'],
  ['withdraw', 'replied', 'withdrawn'],
  ['withdraw', 'transferred', 'withdrawn'],
  ['withdraw', 'reopened', 'withdrawn'],
  ['hide', 'submitted', 'hidden'],
  ['hide', 'assigned', 'hidden'],
  ['hide', 'acknowledged', 'hidden'],
  ['hide', 'replied', 'hidden'],
  ['hide', 'transferred', 'hidden'],
  ['hide', 'reopened', 'hidden'],
  ['hide', 'resolved', 'hidden'],
];

const COMMANDS: TicketCommand[] = [
  'assign',
  'acknowledge',
  'reply',
  'resolve',
  'transfer',
  'rate_satisfied',
  'rate_unsatisfied',
  'auto_close',
  'withdraw',
  'hide',
];

describe('the ticket state machine', () => {
  it.each(ALLOWED)('allows %s from %s, leading to %s', (command, from, to, reopenCount = 0) => {
    expect(nextState(command, from, { reopenCount })).toBe(to);
  });

  const forbidden = COMMANDS.flatMap((command) =>
    TICKET_STATES.filter((state) => !ALLOWED.some(([c, s]) => c === command && s === state)).map(
      (state) => [command, state] as const,
    ),
  );

  it('refuses every other pair (the table covers all commands × states)', () => {
    expect(forbidden.length + ALLOWED.length - 1).toBe(COMMANDS.length * TICKET_STATES.length);
  });

  it.each(forbidden)('refuses %s from %s', (command, from) => {
    expect(nextState(command, from, { reopenCount: 0 })).toBeNull();
  });

  it('never moves a final state', () => {
    for (const state of ['closed', 'withdrawn', 'hidden'] as const)
      for (const command of COMMANDS) expect(nextState(command, state)).toBeNull();
  });
});
