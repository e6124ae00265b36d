import { useCallback, useEffect, useRef, useState } from 'react';

import { toApiError, type ApiError } from '../api/request';
import { useLoad } from './useLoad';

/** The shape of a paged answer (`Page<T>` from @jinri/shared, the ticket inbox…). */
export interface PageLike<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type PagedView<T, R> =
  | { kind: 'loading' }
  | { kind: 'error'; error: ApiError }
  | {
      kind: 'ok';
      items: T[];
      /** The last page answered (its counts, total…). */
      last: R;
      hasMore: boolean;
      /** 加载更多 under way. */
      loadingMore: boolean;
      /** 加载更多 failed: say so next to the button, keep the list. */
      moreError: ApiError | null;
      /** A refresh of the first page is under way (the list stays shown). */
      updating: boolean;
    };

export interface Paged<T, R> {
  view: PagedView<T, R>;
  /** The next page, appended (ignored while one is loading or when there is none). */
  loadMore: () => void;
  /** Loads the first page again, keeping the list shown until it answers (returning to the page). */
  refresh: () => Promise<void>;
  /** After an error: show the spinner and try again. */
  retry: () => void;
}

const NO_ITEMS: never[] = [];

/** The pages after the first, appended to one answer of the first page. */
interface More<T, R> {
  first: R;
  items: T[];
  last: R;
  loading: boolean;
  error: ApiError | null;
}

/**
 * A list loaded a page at a time ("加载更多"), on top of useLoad: page 1 is a load like any other
 * (not kept across visits); the next pages are appended to the page 1 they followed, so a new
 * page 1 (a refresh, another key) starts the list over. A next page that answers after a refresh
 * or 重试 started is dropped. Items are told apart by `id`, so a row that moved between pages is
 * not shown twice.
 */
export function usePaged<T extends { id: number }, R extends PageLike<T> = PageLike<T>>(
  key: string | null,
  fetchPage: (page: number) => Promise<R>,
): Paged<T, R> {
  const first = useLoad<R>(key, () => fetchPage(1), { cache: false });
  const [more, setMore] = useState<More<T, R> | null>(null);
  /** Bumped by refresh and 重试: a next page asked for before then is dropped. */
  const generation = useRef(0);
  const fetchRef = useRef(fetchPage);
  useEffect(() => {
    fetchRef.current = fetchPage;
  });

  const base = first.view.kind === 'ok' ? first.view.data : null;
  const current = more && base && more.first === base ? more : null;
  const items = base ? (current ? current.items : base.items) : (NO_ITEMS as T[]);
  const last = current ? current.last : base;
  const hasMore = !!last && items.length < last.total && last.items.length > 0;
  const loadingMore = !!current?.loading;

  const loadMore = useCallback(() => {
    if (!base || !last || !hasMore || loadingMore) return;
    const mine = generation.current;
    setMore({ first: base, items, last, loading: true, error: null });
    fetchRef.current(last.page + 1).then(
      (res) => {
        if (mine !== generation.current) return; // a refresh started meanwhile: its page 1 wins
        setMore((prev) => {
          if (!prev || prev.first !== base) return prev;
          const seen = new Set(prev.items.map((item) => item.id));
          const added = res.items.filter((item) => !seen.has(item.id));
          return { first: base, items: [...prev.items, ...added], last: res, loading: false, error: null };
        });
      },
      (error: unknown) => {
        if (mine !== generation.current) return;
        setMore((prev) =>
          prev && prev.first === base ? { ...prev, loading: false, error: toApiError(error) } : prev,
        );
      },
    );
  }, [base, last, items, hasMore, loadingMore]);

  const { refresh: refreshFirst, retry: retryFirst } = first;
  const refresh = useCallback((): Promise<void> => {
    generation.current += 1;
    return refreshFirst();
  }, [refreshFirst]);
  const retry = useCallback(() => {
    generation.current += 1;
    retryFirst();
  }, [retryFirst]);

  let view: PagedView<T, R>;
  if (first.view.kind !== 'ok' || !last)
    view = first.view.kind === 'error' ? first.view : { kind: 'loading' };
  else
    view = {
      kind: 'ok',
      items,
      last,
      hasMore,
      loadingMore,
      moreError: current?.error ?? null,
      updating: first.view.updating,
    };

  return { view, loadMore, refresh, retry };
}
