import { beforeEach, describe, expect, it } from '@jest/globals';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { FindingDetail, FindingEvidence } from '@jinri/shared';

import { taro } from '@test/taro';
import { clearLoadCache } from '@/hooks/useLoad';
import { Evidence } from './Evidence';
import { FindingScreen } from './FindingScreen';

interface Sent {
  url: string;
  method?: string;
  data?: unknown;
}

function finding(overrides: Partial<FindingDetail> = {}): FindingDetail {
  return {
    id: 7,
    officialId: 25,
    official: { id: 25, name: '张跃', post: '党支部书记' },
    unit: { id: 20, name: '东关社区' },
    date: '2026-12-09',
    kind: 'missing',
    evidence: { kind: 'missing', dueAt: '2026-12-08T10:00:00.000Z', onLeave: false },
    state: 'explained',
    explainDueAt: '2026-12-10T15:59:59.000Z',
    explanation: {
      text: '当天在县里参加防汛会议',
      photos: [{ id: 'p1', url: '/files/p1.jpg', thumbUrl: '/files/p1-thumb.jpg' }],
      at: '2026-12-09T02:00:00.000Z',
    },
    decision: null,
    notice: null,
    createdAt: '2026-12-09T00:30:00.000Z',
    version: 2,
    events: [
      {
        id: 1,
        action: 'recorded',
        fromState: null,
        toState: 'open',
        actor: '系统',
        note: null,
        at: '2026-12-09T00:30:00.000Z',
      },
      {
        id: 2,
        action: 'explained',
        fromState: 'open',
        toState: 'explained',
        actor: '本人',
        note: '当天在县里参加防汛会议',
        at: '2026-12-09T02:00:00.000Z',
      },
    ],
    ...overrides,
  };
}

/** Answers Taro.request in turn (status, body) and records what was sent. */
function answer(...answers: Array<[number, unknown]>): Sent[] {
  const sent: Sent[] = [];
  taro.request.mockImplementation(((options: Sent) => {
    sent.push(options);
    const next = answers.shift();
    if (!next) throw new Error(`unexpected request ${options.method} ${options.url}`);
    return Promise.resolve({ statusCode: next[0], data: next[1], header: {} });
  }) as never);
  return sent;
}

beforeEach(() => clearLoadCache());

describe('one finding for the supervisor', () => {
  it("shows the evidence, the official's explanation with photos, and the history", async () => {
    answer([200, finding()]);
    render(<FindingScreen id={7} />);
    await screen.findByTestId('finding');
    expect(screen.getByTestId('finding-state').textContent).toBe('已申辩');
    expect(screen.getByTestId('explanation-text').textContent).toBe('当天在县里参加防汛会议');
    expect(screen.getAllByTestId('explanation-photo')).toHaveLength(1);
    expect(screen.getAllByTestId('event').map((e) => e.textContent)).toEqual([
      expect.stringContaining('发现问题 · 系统'),
      expect.stringContaining('本人申辩 · 本人'),
    ]);
  });

  it('confirms in one tap with the version shown, and shows the decision', async () => {
    const sent = answer(
      [200, finding()],
      [
        200,
        finding({
          state: 'confirmed',
          version: 3,
          decision: { state: 'confirmed', note: null, at: '2026-12-09T03:00:00.000Z' },
        }),
      ],
    );
    render(<FindingScreen id={7} />);
    fireEvent.click(await screen.findByTestId('finding-confirm'));
    await waitFor(() => expect(screen.getByTestId('finding').getAttribute('data-state')).toBe('confirmed'));
    expect(sent[1]).toMatchObject({ method: 'POST', data: { version: 2 } });
    expect(sent[1]!.url).toMatch(/\/supervision\/findings\/7\/confirm$/);
    expect(screen.getByTestId('decision').textContent).toContain('已认定');
    expect(screen.queryByTestId('finding-confirm')).toBeNull();
  });

  it('asks for a reason before dismissing, then sends it', async () => {
    const sent = answer(
      [200, finding()],
      [
        200,
        finding({
          state: 'dismissed',
          version: 3,
          decision: { state: 'dismissed', note: '有会议通知', at: '2026-12-09T03:00:00.000Z' },
        }),
      ],
    );
    render(<FindingScreen id={7} />);
    fireEvent.click(await screen.findByTestId('finding-dismiss'));
    fireEvent.click(screen.getByTestId('dismiss-submit'));
    expect(screen.getByTestId('dismiss-error').textContent).toContain('请写明撤销的理由');
    expect(sent).toHaveLength(1);

    fireEvent.input(screen.getByTestId('dismiss-note'), {
      detail: { value: ' 有会议通知 ' },
      target: { value: ' 有会议通知 ' },
    });
    fireEvent.click(screen.getByTestId('dismiss-submit'));
    await waitFor(() => expect(screen.getByTestId('finding').getAttribute('data-state')).toBe('dismissed'));
    expect(sent[1]).toMatchObject({ method: 'POST', data: { version: 2, note: '有会议通知' } });
    expect(screen.queryByTestId('dismiss-sheet')).toBeNull();
  });

  it('reloads and says so when someone else decided first (409)', async () => {
    const sent = answer(
      [200, finding()],
      [409, { code: 'FINDING.VERSION_CONFLICT', message: '督查记录已被他人处理，请刷新' }],
      [
        200,
        finding({
          state: 'confirmed',
          version: 3,
          decision: { state: 'confirmed', note: null, at: '2026-12-09T03:00:00.000Z' },
        }),
      ],
    );
    render(<FindingScreen id={7} />);
    fireEvent.click(await screen.findByTestId('finding-confirm'));
    await waitFor(() => expect(screen.getByTestId('finding').getAttribute('data-state')).toBe('confirmed'));
    expect(sent).toHaveLength(3);
    const toasts = taro.showToast.mock.calls.map((call) => (call[0] as unknown as { title: string }).title);
    expect(toasts).toContain('这条记录刚被他人处理，已刷新');
  });

  it('says plainly when the finding is not in the scope', async () => {
    answer([404, { code: 'FINDING.NOT_FOUND', message: '找不到该督查记录' }]);
    render(<FindingScreen id={99} />);
    expect(await screen.findByTestId('finding-not-found')).toBeTruthy();
  });
});

describe('Evidence', () => {
  const cases: Array<[FindingEvidence, string]> = [
    [
      {
        kind: 'late',
        dueAt: '2026-12-08T10:00:00.000Z',
        submittedAt: '2026-12-08T11:05:00.000Z',
        minutesLate: 65,
      },
      '1 小时 5 分钟',
    ],
    [
      {
        kind: 'vague',
        entries: [{ entryId: 1, what: '日常工作', place: null, warnings: ['vague', 'too_short'] }],
      },
      '内容过短',
    ],
    [
      {
        kind: 'repeated',
        entries: [
          {
            entryId: 2,
            what: '走访群众',
            similarTo: [{ date: '2026-12-08', what: '走访群众', similarity: 0.96 }],
          },
        ],
        streakDays: 3,
      },
      '12月8日：“走访群众”（相似度 96%）',
    ],
    [
      {
        kind: 'ticket_overdue',
        ticketId: 5,
        summary: '路灯坏了',
        dueAt: '2026-12-01T10:00:00.000Z',
        state: 'acknowledged',
      },
      '路灯坏了',
    ],
    [
      {
        kind: 'absent',
        spotCheckId: 3,
        entryId: 9,
        what: '调度秋粮收购',
        place: '魏庄村',
        planned: '09:00–11:30',
        visitedAt: '2026-12-09T02:10:00.000Z',
        note: '村委会无人',
      },
      '10:10',
    ],
  ];

  it.each(cases)('renders %# in plain words', (evidence, text) => {
    render(<Evidence evidence={evidence} />);
    expect(screen.getByTestId('evidence').getAttribute('data-kind')).toBe(evidence.kind);
    expect(screen.getByTestId('evidence').textContent).toContain(text);
  });
});
