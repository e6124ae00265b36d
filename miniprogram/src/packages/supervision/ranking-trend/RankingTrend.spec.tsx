import { beforeEach, describe, expect, it } from '@jest/globals';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { RATE_KEYS, type RankingTrendResponse } from '@jinri/shared';

import { taro } from '@test/taro';
import { clearLoadCache } from '@/hooks/useLoad';
import { axisLabel, bandGeometry } from './band';
import { RankingTrend } from './RankingTrend';

const periods = Array.from({ length: 12 }, (_, i) => {
  const day = new Date(Date.UTC(2026, 8, 21 + i * 7));
  const end = new Date(day.getTime() + 6 * 86_400_000);
  return { from: day.toISOString().slice(0, 10), to: end.toISOString().slice(0, 10) };
});

function points(empty: number[] = []) {
  return periods.map((p, i) =>
    empty.includes(i)
      ? { ...p, successes: 0, total: 0, value: null, interval: null }
      : { ...p, successes: 8 + (i % 3), total: 10, value: 0.8, interval: { low: 0.5, high: 0.95 } },
  );
}

const trend: RankingTrendResponse = {
  unit: { id: 12, name: '东河镇' },
  period: 'week',
  periods,
  series: RATE_KEYS.map((key) => ({ key, points: points(key === 'satisfaction' ? [10, 11] : []) })),
  score: periods.map((p) => ({ ...p, value: 0.75, interval: { low: 0.6, high: 0.85 } })),
};

function answer(...answers: Array<[number, unknown]>): string[] {
  const asked: string[] = [];
  taro.request.mockImplementation(((options: { url: string }) => {
    asked.push(decodeURIComponent(options.url));
    const next = answers.shift();
    if (!next) throw new Error(`unexpected request ${options.url}`);
    return Promise.resolve({ statusCode: next[0], data: next[1], header: {} });
  }) as never);
  return asked;
}

beforeEach(() => clearLoadCache());

describe('a unit’s trend', () => {
  it('draws each rate over 12 periods with its interval as a band behind the value', async () => {
    const asked = answer([200, trend]);
    render(<RankingTrend unitId={12} unitName="东河镇" />);
    const charts = await screen.findAllByTestId('trend-chart');
    expect(asked[0]).toContain('/rankings/trend?unitId=12&period=week');
    // The composite first, then the seven rates.
    expect(charts.map((c) => c.getAttribute('data-rate'))).toEqual(['score', ...RATE_KEYS]);
    const submission = charts[1]!;
    expect(submission.querySelectorAll('[data-testid="trend-slot"]')).toHaveLength(12);
    const band = submission.querySelector('[data-testid="trend-band"]') as HTMLElement;
    // Interval 50%–95%: from 5 % below the top, 45 % high; the value 80 % at 20 % from the top.
    expect(band.style.top).toBe('5%');
    expect(band.style.height).toBe('45%');
    expect((submission.querySelector('[data-testid="trend-dot"]') as HTMLElement).style.top).toBe('20%');
    expect(submission.querySelector('[data-testid="trend-latest"]')!.textContent).toBe('80%（区间 50%–95%）');
    expect(submission.querySelector('[data-testid="trend-slot"]')!.getAttribute('aria-label')).toBe(
      '9月21日–27日 80%，95% 区间 50%–95%，8/10',
    );
  });

  it('leaves a period without data empty, and says so', async () => {
    answer([200, trend]);
    render(<RankingTrend unitId={12} />);
    const satisfaction = (await screen.findAllByTestId('trend-chart')).find(
      (c) => c.getAttribute('data-rate') === 'satisfaction',
    )!;
    expect(satisfaction.querySelectorAll('[data-testid="trend-band"]')).toHaveLength(10);
    const slots = satisfaction.querySelectorAll('[data-testid="trend-slot"]');
    expect(slots[11]!.getAttribute('aria-label')).toContain('无数据');
  });

  it('asks again by month', async () => {
    const asked = answer([200, trend], [200, { ...trend, period: 'month' }]);
    render(<RankingTrend unitId={12} />);
    await screen.findAllByTestId('trend-chart');
    fireEvent.click(screen.getAllByTestId('trend-period-option')[1]!);
    await waitFor(() => expect(asked).toHaveLength(2));
    expect(asked[1]).toContain('period=month');
  });

  it('shows an error card with 重试', async () => {
    answer([404, { code: 'UNIT.NOT_FOUND', message: '找不到该单位' }]);
    render(<RankingTrend unitId={999} />);
    expect((await screen.findByTestId('error-card')).textContent).toContain('趋势读取失败');
  });
});

describe('the band geometry', () => {
  it('is a sliver for a point interval and nothing without one', () => {
    expect(bandGeometry({ value: 1, interval: { low: 1, high: 1 } })).toEqual({ top: 0, height: 1, dot: 0 });
    expect(bandGeometry({ value: null, interval: null })).toBeNull();
    expect(axisLabel('quarter', '2026-10-01')).toBe('Q4');
    expect(axisLabel('month', '2026-02-01')).toBe('2月');
  });
});
