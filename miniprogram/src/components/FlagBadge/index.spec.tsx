import { describe, expect, it } from '@jest/globals';
import { render, screen } from '@testing-library/react';

import { FlagBadge, flagPeriodText, rangeText } from './index';

describe('FlagBadge', () => {
  it('says 红旗 or 黄旗 in words, not only in colour', () => {
    render(
      <>
        <FlagBadge color="red" testId="red" />
        <FlagBadge color="yellow" testId="yellow" />
      </>,
    );
    expect(screen.getByTestId('red').textContent).toContain('红旗');
    expect(screen.getByTestId('red').getAttribute('data-color')).toBe('red');
    expect(screen.getByTestId('yellow').textContent).toContain('黄旗');
    expect(screen.getByTestId('yellow').className).toContain('flag-badge--yellow');
  });

  it('names the period the flag was awarded for', () => {
    render(<FlagBadge color="red" period={{ period: 'month', from: '2026-11-01', to: '2026-11-30' }} />);
    expect(screen.getByTestId('flag-badge').textContent).toContain('红旗单位（2026年11月）');
    expect(screen.getByTestId('flag-badge').getAttribute('aria-label')).toBe('2026年11月红旗');
  });
});

describe('flagPeriodText', () => {
  it('reads a week, a month and a quarter the way people say them', () => {
    expect(flagPeriodText('week', '2026-11-30', '2026-12-06')).toBe('11月30日–12月6日');
    expect(flagPeriodText('week', '2026-12-07', '2026-12-13')).toBe('12月7日–13日');
    expect(flagPeriodText('month', '2026-02-01', '2026-02-28')).toBe('2026年2月');
    expect(flagPeriodText('quarter', '2026-10-01', '2026-12-31')).toBe('2026年第四季度');
    expect(rangeText('2025-12-29', '2026-01-04')).toBe('2025年12月29日–2026年1月4日');
  });
});
