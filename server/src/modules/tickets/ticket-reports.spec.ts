import {
  heldByReports,
  publicAnswer,
  reachesThreshold,
  reportableTargets,
  reviewOutcome,
  type ReportedTicket,
} from './ticket-reports';

const publicTicket = (over: Partial<ReportedTicket> = {}): ReportedTicket => ({
  moderation: 'approved',
  reply: null,
  resolution: null,
  replyModeration: null,
  ...over,
});

describe('ticket reports (举报)', () => {
  it('hides at three different reporters and not before', () => {
    expect([1, 2, 3, 4].map(reachesThreshold)).toEqual([false, false, true, true]);
  });

  it('offers the reply only once there is a public answer', () => {
    expect(reportableTargets(publicTicket())).toEqual(['comment']);
    expect(reportableTargets(publicTicket({ reply: '已安排维修' }))).toEqual(['comment', 'reply']);
    expect(reportableTargets(publicTicket({ resolution: '已修好' }))).toEqual(['comment', 'reply']);
    expect(reportableTargets(publicTicket({ reply: '已安排', replyModeration: 'held' }))).toEqual([
      'comment',
    ]);
  });

  it('shows no answer publicly while the answer is held or kept hidden', () => {
    const sut = publicTicket({ reply: '答复', resolution: '结果' });
    expect(publicAnswer(sut)).toEqual({ reply: '答复', resolution: '结果' });
    expect(publicAnswer({ ...sut, replyModeration: 'held' })).toEqual({ reply: null, resolution: null });
    expect(publicAnswer({ ...sut, replyModeration: 'hidden' })).toEqual({ reply: null, resolution: null });
  });

  it('counts a held comment as held by reports only with enough unreviewed reports', () => {
    expect(heldByReports(publicTicket({ moderation: 'held' }), 0)).toEqual([]);
    expect(heldByReports(publicTicket({ moderation: 'held' }), 3)).toEqual(['comment']);
    expect(heldByReports(publicTicket({ replyModeration: 'held' }), 0)).toEqual(['reply']);
  });

  it('restores what was held, or keeps it hidden without ending the ticket', () => {
    expect(reviewOutcome(['comment', 'reply'], true)).toEqual({
      eventType: 'report_restored',
      patch: { moderation: 'approved', replyModeration: null, reviewDueAt: null },
      summary: '举报审核：留言和答复恢复公开',
    });
    expect(reviewOutcome(['reply'], false)).toEqual({
      eventType: 'report_upheld',
      patch: { replyModeration: 'hidden', reviewDueAt: null },
      summary: '举报审核：答复不予公开',
    });
  });
});
