import { beforeEach, describe, expect, it } from '@jest/globals';
import { act, renderHook, waitFor } from '@testing-library/react';

import { ApiError } from '../api/request';
import { clearLoadCache, useLoad } from './useLoad';
import { usePaged, type PageLike } from './usePaged';

/** A promise the test settles by hand. */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const offline = () => new ApiError({ code: 'COMMON.UNAVAILABLE', status: 0 });

beforeEach(() => {
  clearLoadCache();
});

describe('useLoad', () => {
  it('shows loading, then the data', async () => {
    const answer = deferred<string>();
    const { result } = renderHook(() => useLoad('k1', () => answer.promise));

    expect(result.current.view.kind).toBe('loading');
    await act(async () => answer.resolve('data'));

    expect(result.current.view).toMatchObject({
      kind: 'ok',
      data: 'data',
      updating: false,
      staleError: null,
    });
  });

  it('waits while the key is null', () => {
    let calls = 0;
    const { result } = renderHook(() => useLoad(null, () => Promise.resolve(++calls)));

    expect(result.current.view.kind).toBe('loading');
    expect(calls).toBe(0);
  });

  it('shows a typed error, and 重试 loads again from the spinner', async () => {
    const answers = [deferred<string>(), deferred<string>()];
    let call = 0;
    const { result } = renderHook(() => useLoad('k2', () => answers[call++].promise));

    await act(async () => answers[0].reject(offline()));
    expect(result.current.view).toMatchObject({ kind: 'error', error: { code: 'COMMON.UNAVAILABLE' } });

    act(() => result.current.retry());
    expect(result.current.view.kind).toBe('loading');
    await act(async () => answers[1].resolve('second'));

    expect(result.current.view).toMatchObject({ kind: 'ok', data: 'second' });
  });

  it('turns anything thrown into an ApiError', async () => {
    const { result } = renderHook(() => useLoad('k3', () => Promise.reject(new Error('boom'))));

    await waitFor(() => expect(result.current.view.kind).toBe('error'));
    expect(result.current.view.kind === 'error' && result.current.view.error).toBeInstanceOf(ApiError);
  });

  it('ignores a late answer for an earlier key', async () => {
    const slow = deferred<string>();
    const fast = deferred<string>();
    const { result, rerender } = renderHook(
      ({ k }) => useLoad(k, () => (k === 'town-1' ? slow.promise : fast.promise), { cache: false }),
      { initialProps: { k: 'town-1' } },
    );

    rerender({ k: 'town-2' });
    await act(async () => fast.resolve('town 2'));
    await act(async () => slow.resolve('town 1'));

    expect(result.current.view).toMatchObject({ kind: 'ok', data: 'town 2' });
  });

  it('ignores an answer from before a 重试', async () => {
    const answers = [deferred<string>(), deferred<string>()];
    let call = 0;
    const { result } = renderHook(() => useLoad('k7', () => answers[call++].promise));

    act(() => result.current.retry());
    await act(async () => answers[1].resolve('newer'));
    await act(async () => answers[0].resolve('older'));

    expect(result.current.view).toMatchObject({ kind: 'ok', data: 'newer' });
  });

  it('keeps what it shows when a refresh fails, and says so', async () => {
    const answers = [deferred<string>(), deferred<string>()];
    let call = 0;
    const { result } = renderHook(() => useLoad('k4', () => answers[call++].promise));
    await act(async () => answers[0].resolve('first'));

    let refreshed: Promise<void> = Promise.resolve();
    act(() => {
      refreshed = result.current.refresh();
    });
    expect(result.current.view).toMatchObject({ kind: 'ok', data: 'first', updating: true });
    await act(async () => {
      answers[1].reject(offline());
      await refreshed;
    });

    expect(result.current.view).toMatchObject({
      kind: 'ok',
      data: 'first',
      updating: false,
      staleError: { code: 'COMMON.UNAVAILABLE' },
    });
  });

  it('shows the answer kept from earlier at once next time, while a fresh copy loads', async () => {
    const first = renderHook(() => useLoad('k5', () => Promise.resolve('kept')));
    await waitFor(() => expect(first.result.current.view.kind).toBe('ok'));
    first.unmount();

    const fresh = deferred<string>();
    const { result } = renderHook(() => useLoad('k5', () => fresh.promise));

    expect(result.current.view).toMatchObject({ kind: 'ok', data: 'kept', updating: true });
    await act(async () => fresh.resolve('fresh'));
    expect(result.current.view).toMatchObject({ kind: 'ok', data: 'fresh', updating: false });
  });

  it('starts from the spinner every time with cache: false, and setData replaces the data', async () => {
    const first = renderHook(() => useLoad('k6', () => Promise.resolve('saved'), { cache: false }));
    await waitFor(() => expect(first.result.current.view.kind).toBe('ok'));
    first.unmount();

    const { result } = renderHook(() => useLoad('k6', () => Promise.resolve('again'), { cache: false }));
    expect(result.current.view.kind).toBe('loading');
    await waitFor(() => expect(result.current.view.kind).toBe('ok'));

    act(() => result.current.setData('edited'));
    expect(result.current.view).toMatchObject({ kind: 'ok', data: 'edited' });
  });
});

interface Row {
  id: number;
}

const page = (n: number, ids: number[], total: number): PageLike<Row> => ({
  items: ids.map((id) => ({ id })),
  total,
  page: n,
  pageSize: 2,
});

describe('usePaged', () => {
  it('appends the next page, showing a row that moved between pages once', async () => {
    const pages: Record<number, PageLike<Row>> = { 1: page(1, [1, 2], 4), 2: page(2, [2, 3, 4], 4) };
    const { result } = renderHook(() => usePaged<Row>('list', (n) => Promise.resolve(pages[n])));
    await waitFor(() => expect(result.current.view.kind).toBe('ok'));

    await act(async () => result.current.loadMore());

    expect(result.current.view).toMatchObject({ kind: 'ok', hasMore: false, loadingMore: false });
    expect(result.current.view.kind === 'ok' && result.current.view.items.map((r) => r.id)).toEqual([
      1, 2, 3, 4,
    ]);
  });

  it('drops a next page that answers after a refresh started', async () => {
    const next = deferred<PageLike<Row>>();
    const refreshed = deferred<PageLike<Row>>();
    let firstPages = 0;
    const { result } = renderHook(() =>
      usePaged<Row>('list-2', (n) =>
        n > 1 ? next.promise : firstPages++ === 0 ? Promise.resolve(page(1, [1, 2], 4)) : refreshed.promise,
      ),
    );
    await waitFor(() => expect(result.current.view.kind).toBe('ok'));

    act(() => result.current.loadMore());
    act(() => void result.current.refresh());
    await act(async () => next.resolve(page(2, [3, 4], 4)));

    expect(result.current.view).toMatchObject({ kind: 'ok', updating: true });
    expect(result.current.view.kind === 'ok' && result.current.view.items.map((r) => r.id)).toEqual([1, 2]);
    await act(async () => refreshed.resolve(page(1, [5, 1], 5)));
    expect(result.current.view.kind === 'ok' && result.current.view.items.map((r) => r.id)).toEqual([5, 1]);
  });

  it('keeps the list when the next page fails, with the error beside 加载更多', async () => {
    const { result } = renderHook(() =>
      usePaged<Row>('list-3', (n) =>
        n === 1 ? Promise.resolve(page(1, [1, 2], 4)) : Promise.reject(offline()),
      ),
    );
    await waitFor(() => expect(result.current.view.kind).toBe('ok'));

    await act(async () => result.current.loadMore());

    expect(result.current.view).toMatchObject({
      kind: 'ok',
      hasMore: true,
      moreError: { code: 'COMMON.UNAVAILABLE' },
    });
    expect(result.current.view.kind === 'ok' && result.current.view.items).toHaveLength(2);
  });
});
