import { describe, expect, it } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import { TICKET_STATE_LABELS, TICKET_STATES, type TicketState } from '@jinri/shared';

import { readerOf, RESIDENT_TICKET_STATE_LABELS, ticketStateLabelFor } from '@/utils/tickets';
import { EventList } from '@/packages/tickets/common/EventList';
import { TicketStatusChip } from './index';

/** Every state, as a resident reads it (issue #15: plain words). */
const RESIDENT_WORDS: Record<TicketState, string> = {
  submitted: '已受理',
  assigned: '已受理',
  transferred: '已受理',
  acknowledged: '处理中',
  reopened: '处理中',
  replied: '已答复',
  resolved: '已解决',
  closed: '已解决',
  withdrawn: '已撤回',
  hidden: '已屏蔽',
};

describe('ticket states in a resident’s words', () => {
  it('names every state with one of the plain words', () => {
    expect(RESIDENT_TICKET_STATE_LABELS).toEqual(RESIDENT_WORDS);
    for (const state of TICKET_STATES)
      expect(ticketStateLabelFor(state, 'resident')).toBe(RESIDENT_WORDS[state]);
  });

  it('asks the author to rate a resolved ticket (待您评价), and only the author', () => {
    expect(ticketStateLabelFor('resolved', 'author')).toBe('待您评价');
    expect(ticketStateLabelFor('resolved', 'resident')).toBe('已解决');
    expect(ticketStateLabelFor('closed', 'author')).toBe('已解决');
    expect(ticketStateLabelFor('replied', 'author')).toBe('已答复');
  });

  it('leaves the staff their working terms', () => {
    for (const state of TICKET_STATES)
      expect(ticketStateLabelFor(state, 'staff')).toBe(TICKET_STATE_LABELS[state]);
  });

  it('reads a user with a staff role as staff, anyone else as the author', () => {
    expect(readerOf(['resident'])).toBe('author');
    expect(readerOf([])).toBe('author');
    expect(readerOf(['resident', 'official'])).toBe('staff');
    expect(readerOf(['supervisor'])).toBe('staff');
  });

  it('draws the chip in the reader’s words, keeping the state for tests and colour', () => {
    const { rerender } = render(<TicketStatusChip status="resolved" reader="author" />);
    const chip = screen.getByTestId('ticket-status');
    expect(chip.textContent).toBe('待您评价');
    expect(chip.getAttribute('data-status')).toBe('resolved');
    rerender(<TicketStatusChip status="acknowledged" reader="resident" />);
    expect(screen.getByTestId('ticket-status').textContent).toBe('处理中');
    rerender(<TicketStatusChip status="submitted" />);
    expect(screen.getByTestId('ticket-status').textContent).toBe(TICKET_STATE_LABELS.submitted);
  });

  it('tells a resident the history’s states in the same words, never 待您评价', () => {
    render(
      <EventList
        reader="author"
        events={[
          {
            id: 1,
            type: 'acknowledged',
            from: 'assigned',
            to: 'acknowledged',
            actor: '张三（干部）',
            at: '2026-12-01T02:00:00Z',
          },
          {
            id: 2,
            type: 'resolved',
            from: 'acknowledged',
            to: 'resolved',
            actor: '张三（干部）',
            at: '2026-12-02T02:00:00Z',
          },
        ]}
      />,
    );
    const text = screen.getByTestId('ticket-events').textContent ?? '';
    expect(text).toContain('状态：已解决');
    expect(text).toContain('状态：处理中');
    expect(text).not.toContain('待您评价');
  });
});
