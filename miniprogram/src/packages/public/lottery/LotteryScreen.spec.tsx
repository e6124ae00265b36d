import { beforeEach, describe, expect, it } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react';
import type { LotteryCandidateView, LotteryView } from '@jinri/shared';
import { LOTTERY_ALGORITHM } from '@jinri/shared';

import { taro } from '@test/taro';
import { clearLoadCache } from '@/hooks/useLoad';
import { CANDIDATES_STEP, LotteryScreen } from './LotteryScreen';

const candidates: LotteryCandidateView[] = Array.from({ length: 30 }, (_, i) => ({
  key: `${100 + i}:2026-11-${16 + (i % 5)}:${7 + i}`,
  planId: 100 + i,
  date: `2026-11-${16 + (i % 5)}`,
  official: { id: 7 + i, name: `干部${i + 1}` },
  unitName: '城关镇',
}));

const open: LotteryView = {
  id: 3,
  unit: { id: 1, name: '清河县' },
  week: { start: '2026-11-23', end: '2026-11-29', label: '2026-W48' },
  state: 'committed',
  drawSize: 5,
  commitment: 'c0'.repeat(32),
  committedAt: '2026-11-22T16:00:05.000Z',
  revealDueAt: '2026-11-30T01:00:00.000Z',
  revealedAt: null,
  candidateCount: null,
  algorithm: { ...LOTTERY_ALGORITHM },
  seed: null,
  drawnAt: null,
  candidates: [],
  drawn: [],
  events: [{ action: 'committed', at: '2026-11-22T16:00:05.000Z' }],
};

const drawn: LotteryView = {
  ...open,
  state: 'drawn',
  seed: '5e'.repeat(32),
  revealedAt: '2026-11-30T01:00:00.000Z',
  drawnAt: '2026-11-30T01:00:00.000Z',
  candidateCount: 30,
  candidates,
  drawn: [candidates[4]!, candidates[17]!].map((c, i) => ({ ...c, rank: i + 1, hash: `${i}`.repeat(64) })),
};

const COMMAND = /^node docs\/verify-lottery\.mjs https?:\/\/[^/\s]+\/api\/v1\/lotteries\/3$/;

function answer(body: unknown): void {
  taro.request.mockImplementation((() =>
    Promise.resolve({ statusCode: 200, data: body, header: {} })) as never);
}

beforeEach(() => clearLoadCache());

describe('one lottery', () => {
  it('shows the commitment and keeps the seed secret before the reveal', async () => {
    answer(open);
    render(<LotteryScreen id={3} />);
    expect((await screen.findByTestId('lottery-commitment')).textContent).toContain('c0'.repeat(32));
    expect(screen.getByTestId('lottery-pending').textContent).toContain('种子保密中');
    expect(screen.queryByTestId('lottery-seed')).toBeNull();
    expect(screen.queryByTestId('lottery-candidates')).toBeNull();
    // An absolute address, so the command runs anywhere.
    expect(screen.getByTestId('verify-command').textContent).toMatch(COMMAND);
  });

  it('shows the seed, the drawn journals and the candidates a page at a time once revealed', async () => {
    answer(drawn);
    render(<LotteryScreen id={3} />);
    expect((await screen.findByTestId('lottery-seed')).textContent).toContain('5e'.repeat(32));
    const rows = screen.getAllByTestId('drawn-row');
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining('1. 干部5'),
      expect.stringContaining('2. 干部18'),
    ]);
    expect(screen.getByTestId('lottery-candidates').textContent).toContain('共 30 篇');
    expect(screen.getAllByTestId('candidate-row')).toHaveLength(CANDIDATES_STEP);
    fireEvent.click(screen.getByTestId('candidates-more'));
    expect(screen.getAllByTestId('candidate-row')).toHaveLength(30);
    expect(screen.queryByTestId('candidates-more')).toBeNull();
  });

  it("opens the official's days from a drawn journal, and copies the verify command", async () => {
    answer(drawn);
    render(<LotteryScreen id={3} />);
    fireEvent.click((await screen.findAllByTestId('drawn-row'))[1]!);
    expect((taro.navigateTo.mock.calls[0]![0] as unknown as { url: string }).url).toBe(
      '/pages/official/index?id=24',
    );
    fireEvent.click(screen.getByTestId('verify-copy'));
    expect((taro.setClipboardData.mock.calls[0]![0] as unknown as { data: string }).data).toMatch(COMMAND);
  });
});
