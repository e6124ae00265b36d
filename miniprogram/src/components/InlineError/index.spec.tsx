import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react';

import { InlineError } from './index';

describe('InlineError', () => {
  it('says what failed as an alert and retries on 重试', () => {
    const onRetry = jest.fn();
    render(<InlineError text="单位列表没有加载出来" onRetry={onRetry} testId="stale-error" />);
    expect(screen.getByRole('alert').getAttribute('data-testid')).toBe('stale-error');
    expect(screen.getByText('单位列表没有加载出来')).toBeTruthy();
    fireEvent.click(screen.getByText('重试'));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('offers no second 重试 while one is under way', () => {
    render(<InlineError text="更新失败，显示的是之前的内容" onRetry={() => undefined} retrying />);
    expect((screen.getByText('重试') as HTMLButtonElement).disabled).toBe(true);
  });
});
