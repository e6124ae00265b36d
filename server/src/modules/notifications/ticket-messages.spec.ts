import {
  assigneeMessages,
  digestMessages,
  dueMessages,
  formatTime,
  residentMessages,
  ticketPage,
} from './ticket-messages';

const ticket = { id: 12, queryCode: 'ABCD2345', dueAt: new Date('2026-11-20T09:30:00Z'), authorUserId: 7 };

describe('ticket messages', () => {
  it('formats a time as minutes in Asia/Shanghai', () => {
    const sut = formatTime(new Date('2026-11-20T06:30:45Z'));
    expect(sut).toBe('2026-11-20 14:30');
  });

  it('opens the ticket page with the ticket id', () => {
    expect(ticketPage(12)).toBe('packages/tickets/detail/index?id=12');
  });

  it('tells each user of an assignee about the new ticket with its text, time and 查询码', () => {
    const sut = assigneeMessages([3, 4], ticket, '路灯坏了', new Date('2026-11-16T02:00:00Z'));
    expect(sut).toEqual(
      [3, 4].map((userId) => ({
        userId,
        purpose: 'ticketNew',
        ticketId: 12,
        page: 'packages/tickets/detail/index?id=12',
        values: { thing1: '路灯坏了', time2: '2026-11-16 10:00', character_string3: 'ABCD2345' },
      })),
    );
  });

  it('tells the author once and each follower as a followed comment', () => {
    const sut = residentMessages(
      ticket,
      [9, 7],
      '干部已答复您的留言',
      '已答复',
      new Date('2026-11-16T02:00:00Z'),
    );
    expect(sut.map((m) => [m.userId, m.values.thing1])).toEqual([
      [7, '干部已答复您的留言'],
      [9, '您关注的留言：干部已答复您的留言'],
    ]);
    expect(sut[0]).toMatchObject({
      purpose: 'ticketReply',
      ticketId: 12,
      page: 'packages/tickets/detail/index?id=12',
      values: { phrase2: '已答复', time3: '2026-11-16 10:00' },
    });
  });

  it('gives a deadline message the resolution deadline and the 查询码', () => {
    const sut = dueMessages([5], ticket, '工单明天到期，请及时办理');
    expect(sut).toEqual([
      {
        userId: 5,
        purpose: 'ticketDue',
        ticketId: 12,
        page: 'packages/tickets/detail/index?id=12',
        values: { thing1: '工单明天到期，请及时办理', time2: '2026-11-20 17:30', thing3: '查询码 ABCD2345' },
      },
    ]);
  });

  it('sends the digest to the staff inbox with the open and overdue counts', () => {
    const sut = digestMessages([5], 4, 1);
    expect(sut).toEqual([
      {
        userId: 5,
        purpose: 'ticketDigest',
        page: 'packages/staff/inbox/index',
        values: { thing1: '您有待办的群众留言', number2: '4', number3: '1' },
      },
    ]);
  });

  it('sends nothing when nobody is to be told', () => {
    expect(dueMessages([], ticket, '工单已超期')).toEqual([]);
  });
});
