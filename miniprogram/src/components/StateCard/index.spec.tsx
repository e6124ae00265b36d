import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react';

import { ApiError } from '@/api/request';
import { EmptyState } from '../EmptyState';
import { ListStates, NotFoundCard } from './index';

const states = (view: Parameters<typeof ListStates>[0]['view'], onRetry: () => void = () => undefined) =>
  render(
    <ListStates
      view={view}
      loadingText="正在读取…"
      errorTitle="读取失败"
      onRetry={onRetry}
      emptyTestId="things-empty"
    >
      <EmptyState title="还没有内容" />
    </ListStates>,
  );

describe('ListStates', () => {
  it('shows the loading card while the list loads', () => {
    states({ kind: 'loading' });
    expect(screen.getByTestId('loading-card').textContent).toContain('正在读取…');
  });

  it('shows a failed load with its message and retries on 重试', () => {
    const onRetry = jest.fn();
    states(
      { kind: 'error', error: new ApiError({ code: 'COMMON.UNAVAILABLE', status: 0, message: '网络不通' }) },
      onRetry,
    );
    expect(screen.getByTestId('error-card').textContent).toContain('网络不通');
    fireEvent.click(screen.getByText('重试'));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('shows the empty card for a loaded list with no rows, from useLoad or usePaged', () => {
    const loaded = states({ kind: 'ok', data: [] });
    expect(screen.getByTestId('things-empty').textContent).toContain('还没有内容');
    loaded.unmount();
    states({ kind: 'ok', items: [] });
    expect(screen.getByTestId('things-empty').textContent).toContain('还没有内容');
  });

  it('shows nothing once there are rows', () => {
    const { container } = states({ kind: 'ok', items: [1] });
    expect(container.textContent).toBe('');
  });
});

describe('NotFoundCard', () => {
  it('says what was not found and goes back on 返回', () => {
    const onBack = jest.fn();
    render(
      <NotFoundCard title="没有找到这个单位" description="可能已调整。" onBack={onBack} testId="missing" />,
    );
    expect(screen.getByTestId('missing').textContent).toContain('没有找到这个单位');
    fireEvent.click(screen.getByText('返回'));
    expect(onBack).toHaveBeenCalledTimes(1);
  });
});
