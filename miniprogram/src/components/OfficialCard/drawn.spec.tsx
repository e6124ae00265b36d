import { describe, expect, it } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import type { DayPlanView, TimelineDay, TodayPlan } from '@jinri/shared';

import { Timeline } from '../Timeline';
import { OfficialCard } from './index';

const DRAWN = { lotteryId: 4, week: '2026-W47' };

function todayPlan(drawn?: TodayPlan['drawn']): TodayPlan {
  return {
    official: { id: 5, name: '王强', post: '镇长', unit: { id: 11, name: '城关镇' } },
    status: 'published',
    entries: [],
    ...(drawn ? { drawn } : {}),
  };
}

function day(drawn?: DayPlanView['drawn']): TimelineDay {
  const plan: DayPlanView = {
    id: 9,
    officialId: 5,
    date: '2026-11-18',
    status: 'published',
    late: false,
    submittedAt: null,
    publishedAt: '2026-11-18T00:00:00.000Z',
    revision: 0,
    version: 1,
    entries: [],
    ...(drawn ? { drawn } : {}),
  };
  return { date: '2026-11-18', status: 'published', restDay: null, plan, leave: null };
}

describe('the 抽中 mark of a drawn journal', () => {
  it('shows on the today page card of a drawn plan only', () => {
    const { rerender } = render(
      <OfficialCard plan={todayPlan(DRAWN)} date="2026-11-18" dayWord="当日" nowMinutes={null} />,
    );
    expect(screen.getByTestId('drawn-badge').textContent).toBe('抽中');
    rerender(<OfficialCard plan={todayPlan()} date="2026-11-18" dayWord="当日" nowMinutes={null} />);
    expect(screen.queryByTestId('drawn-badge')).toBeNull();
  });

  it("shows on the drawn day of an official's page", () => {
    render(
      <Timeline days={[day(DRAWN), { ...day(), date: '2026-11-17' }]} today="2026-11-25" nowMinutes={null} />,
    );
    expect(screen.getAllByTestId('drawn-badge')).toHaveLength(1);
  });
});
