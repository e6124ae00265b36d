import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react';

import { ApiError } from '@/api/request';
import type { Paged, PagedView } from '@/hooks/usePaged';
import { PagedMore } from './index';

type Row = { id: number };

function paged(view: PagedView<Row, unknown>, loadMore = jest.fn()): Paged<Row, unknown> {
  return { view, loadMore, refresh: () => Promise.resolve(), retry: () => undefined };
}

const ok = (more: Partial<Extract<PagedView<Row, unknown>, { kind: 'ok' }>>): PagedView<Row, unknown> => ({
  kind: 'ok',
  items: [],
  last: null,
  hasMore: true,
  loadingMore: false,
  moreError: null,
  updating: false,
  ...more,
});

describe('PagedMore', () => {
  it('offers 加载更多 while there are more pages and emits loadMore', () => {
    const loadMore = jest.fn();
    render(<PagedMore list={paged(ok({}), loadMore)} testId="inbox-more" />);
    fireEvent.click(screen.getByTestId('inbox-more'));
    expect(screen.getByTestId('inbox-more').textContent).toBe('加载更多');
    expect(loadMore).toHaveBeenCalledTimes(1);
  });

  it('shows nothing before the first page or after the last', () => {
    const { container, rerender } = render(<PagedMore list={paged({ kind: 'loading' })} />);
    expect(container.textContent).toBe('');
    rerender(<PagedMore list={paged(ok({ hasMore: false }))} />);
    expect(container.textContent).toBe('');
  });

  it('says why the next page failed and offers 重试', () => {
    const error = new ApiError({ code: 'COMMON.UNAVAILABLE', status: 0, message: '网络不通' });
    render(<PagedMore list={paged(ok({ hasMore: false, moreError: error }))} testId="mine-more" />);
    expect(screen.getByText('网络不通')).toBeTruthy();
    expect(screen.getByTestId('mine-more').textContent).toBe('重试');
  });
});
