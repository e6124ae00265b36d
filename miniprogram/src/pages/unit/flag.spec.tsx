import { beforeEach, describe, expect, it } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import type { TodayResponse, UnitChildrenResponse } from '@jinri/shared';

import { setRouterParams, taro } from '@test/taro';
import { clearLoadCache } from '@/hooks/useLoad';
import UnitPage from './index';

const flagged: UnitChildrenResponse = {
  unit: { id: 11, name: '城关镇', kind: 'town', parentId: 1 },
  ancestors: [{ id: 1, name: '清河县', kind: 'county', parentId: null }],
  children: [
    {
      id: 101,
      name: '石桥村',
      kind: 'village',
      parentId: 11,
      childCount: 0,
      flag: {
        color: 'yellow',
        period: 'week',
        from: '2026-11-30',
        to: '2026-12-06',
        awardedAt: '2026-12-07T02:00:00.000Z',
      },
    },
    { id: 102, name: '东关村', kind: 'village', parentId: 11, childCount: 0 },
  ],
  flag: {
    color: 'red',
    period: 'quarter',
    from: '2026-07-01',
    to: '2026-09-30',
    awardedAt: '2026-10-08T02:00:00.000Z',
  },
};

const today: TodayResponse = {
  date: '2026-12-09',
  day: { date: '2026-12-09', isWorkday: true, name: null, nextWorkday: '2026-12-10' },
  unit: { id: 11, name: '城关镇', kind: 'town' },
  plans: [],
};

function serve(units: UnitChildrenResponse) {
  taro.request.mockImplementation(((options: { url: string }) => {
    const data = options.url.includes('/today') ? today : units;
    return Promise.resolve({ statusCode: 200, data, header: {} });
  }) as never);
}

beforeEach(() => {
  clearLoadCache();
  setRouterParams({ id: '11' });
});

describe('the unit page’s flags', () => {
  it('shows the unit’s current flag under its name and a child’s in its tile, in words', async () => {
    serve(flagged);
    render(<UnitPage />);
    const badge = await screen.findByTestId('unit-flag');
    expect(badge.textContent).toContain('红旗单位（2026年第三季度）');
    const children = screen.getAllByTestId('unit-child');
    expect(children[0]!.querySelector('[data-testid="unit-child-flag"]')!.textContent).toContain('黄旗');
    expect(children[1]!.querySelector('[data-testid="unit-child-flag"]')).toBeNull();
  });

  it('shows no badge when there is no flag', async () => {
    const { flag: _none, ...plain } = flagged;
    serve({ ...plain, children: plain.children.map(({ flag: _f, ...c }) => c) });
    render(<UnitPage />);
    await screen.findByTestId('unit-name');
    expect(screen.queryByTestId('unit-flag')).toBeNull();
    expect(screen.queryByTestId('unit-child-flag')).toBeNull();
  });
});
