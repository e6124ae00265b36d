import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import type { TodayResponse, UnitChildrenResponse } from '@jinri/shared';

import { taro } from '@test/taro';
import { clearLoadCache } from '@/hooks/useLoad';
import TodayPage from './index';

const units: UnitChildrenResponse = {
  unit: { id: 1, name: '清河县', kind: 'county', parentId: null },
  ancestors: [],
  children: [{ id: 11, name: '城关镇', kind: 'town', parentId: 1, childCount: 3 }],
};

function today(flag?: TodayResponse['flag']): TodayResponse {
  return {
    date: '2026-12-09',
    day: { date: '2026-12-09', isWorkday: true, name: null, nextWorkday: '2026-12-10' },
    unit: { id: 11, name: '城关镇', kind: 'town' },
    plans: [
      {
        official: { id: 5, name: '王强', post: '镇长', unit: { id: 11, name: '城关镇' } },
        status: 'not_published',
        entries: [],
      },
    ],
    ...(flag === undefined ? {} : { flag }),
  };
}

function serve(todayAnswer: TodayResponse) {
  taro.request.mockImplementation(((options: { url: string }) => {
    const data = options.url.includes('/today') ? todayAnswer : units;
    return Promise.resolve({ statusCode: 200, data, header: {} });
  }) as never);
}

// The page's clock on the fixture's day at 10:00 in the county (after the 08:00 publication time,
// whenever the test runs).
beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-12-09T02:00:00Z'));
  clearLoadCache();
});
afterEach(() => {
  jest.restoreAllMocks();
});

describe('the today page’s flag', () => {
  it('shows the unit’s current 红旗 with its period, in words', async () => {
    serve(
      today({
        color: 'red',
        period: 'week',
        from: '2026-11-30',
        to: '2026-12-06',
        awardedAt: '2026-12-07T02:00:00.000Z',
      }),
    );
    render(<TodayPage />);
    const badge = await screen.findByTestId('today-flag');
    expect(badge.textContent).toContain('红旗单位（11月30日–12月6日）');
    expect(badge.getAttribute('data-color')).toBe('red');
  });

  it('shows 黄旗 as 黄旗', async () => {
    serve(
      today({
        color: 'yellow',
        period: 'month',
        from: '2026-11-01',
        to: '2026-11-30',
        awardedAt: '2026-12-01T02:00:00.000Z',
      }),
    );
    render(<TodayPage />);
    expect((await screen.findByTestId('today-flag')).textContent).toContain('黄旗单位（2026年11月）');
  });

  it('shows no badge when the unit holds no flag (or the server does not say)', async () => {
    serve(today());
    render(<TodayPage />);
    await screen.findByTestId('today-summary');
    expect(screen.queryByTestId('today-flag')).toBeNull();
  });
});
