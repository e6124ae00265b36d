import { beforeEach, describe, expect, it } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react';
import type { LotteryListResponse, LotterySummary } from '@jinri/shared';

import { taro } from '@test/taro';
import { clearLoadCache } from '@/hooks/useLoad';
import { Lotteries } from './Lotteries';

function summary(id: number, over: Partial<LotterySummary>): LotterySummary {
  return {
    id,
    unit: { id: 1, name: '清河县' },
    week: { start: '2026-11-23', end: '2026-11-29', label: '2026-W48' },
    state: 'committed',
    drawSize: 5,
    commitment: 'ab'.repeat(32),
    committedAt: '2026-11-22T16:00:05.000Z',
    revealDueAt: '2026-12-01T01:00:00.000Z',
    revealedAt: null,
    candidateCount: null,
    ...over,
  };
}

const page: LotteryListResponse = {
  items: [
    summary(2, {}),
    summary(1, {
      week: { start: '2026-11-16', end: '2026-11-22', label: '2026-W47' },
      state: 'drawn',
      revealedAt: '2026-11-23T01:00:00.000Z',
      candidateCount: 212,
    }),
  ],
  total: 2,
  page: 1,
  pageSize: 20,
};

function answer(body: unknown, status = 200): string[] {
  const asked: string[] = [];
  taro.request.mockImplementation(((options: { url: string }) => {
    asked.push(decodeURIComponent(options.url));
    return Promise.resolve({ statusCode: status, data: body, header: {} });
  }) as never);
  return asked;
}

beforeEach(() => clearLoadCache());

describe('the 抽签晒 list', () => {
  it('shows the open commitment on top, then the drawn weeks with their counts', async () => {
    const asked = answer(page);
    render(<Lotteries />);
    const rows = await screen.findAllByTestId('lottery-row');
    expect(rows.map((r) => r.getAttribute('data-state'))).toEqual(['committed', 'drawn']);
    expect(rows[0]!.textContent).toContain('2026年第48周');
    expect(rows[0]!.textContent).toContain('已公布承诺，待开签');
    expect(rows[0]!.textContent).toContain('承诺码 abababababab…');
    expect(rows[0]!.textContent).toContain('公开种子并抽签');
    expect(rows[1]!.textContent).toContain('212 篇候选，抽中 5 篇');
    expect(asked[0]).toContain('/lotteries?page=1');
    expect(screen.getByTestId('lotteries-intro').textContent).toContain('承诺码');
  });

  it('opens a lottery when its row is tapped', async () => {
    answer(page);
    render(<Lotteries />);
    fireEvent.click((await screen.findAllByTestId('lottery-row'))[1]!);
    expect((taro.navigateTo.mock.calls[0]![0] as unknown as { url: string }).url).toBe(
      '/packages/public/lottery/index?id=1',
    );
  });

  it('says so when there is no lottery yet', async () => {
    answer({ items: [], total: 0, page: 1, pageSize: 20 });
    render(<Lotteries />);
    expect((await screen.findByTestId('lotteries-empty')).textContent).toContain('还没有抽签');
  });
});
