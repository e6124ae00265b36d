import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react';

import { formatClock } from '@/utils/date';
import { FreshLine } from './index';

const LOADED_AT = Date.UTC(2026, 10, 24, 2, 5);

describe('FreshLine', () => {
  it('says when the page was loaded and refreshes on 刷新', () => {
    const onRefresh = jest.fn();
    render(
      <FreshLine
        label="更新于"
        loadedAt={LOADED_AT}
        updating={false}
        staleError={null}
        onRefresh={onRefresh}
        refreshTestId="matter-refresh"
      />,
    );
    expect(screen.getByText(`更新于 ${formatClock(LOADED_AT)}`)).toBeTruthy();
    fireEvent.click(screen.getByTestId('matter-refresh'));
    expect(onRefresh).toHaveBeenCalledTimes(1);
  });

  it('offers no 刷新 while updating', () => {
    render(
      <FreshLine
        label="更新于"
        loadedAt={LOADED_AT}
        updating
        staleError={null}
        onRefresh={() => undefined}
      />,
    );
    expect(screen.getByText('正在更新…')).toBeTruthy();
    expect(screen.queryByText('刷新')).toBeNull();
  });

  it('says when the last refresh failed', () => {
    render(
      <FreshLine
        label="以上去向更新于"
        loadedAt={LOADED_AT}
        updating={false}
        staleError="网络不通"
        onRefresh={() => undefined}
      />,
    );
    expect(screen.getByText(/（更新失败：网络不通）/)).toBeTruthy();
  });
});
