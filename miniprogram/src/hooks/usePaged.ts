import { useCallback, useEffect, useRef, useState } from 'react';

import { toApiError, type ApiError } from '../api/request';

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

type Settled<T, R> =
  { key: string; ok: true; items: T[]; last: R } | { key: string; ok: false; error: ApiError };

export interface Paged<T, R> {
  view: PagedView<T, R>;
  /** The next page, appended (ignored while one is loading or when there is none). */
  loadMore: () => void;
  /** Loads the first page again, keeping the list shown until it answers (returning to the page). */
  refresh: () => Promise<void>;
  /** After an error: show the spinner and try again. */
  retry: () => void;
}

/**
 * A list loaded a page at a time ("加载更多"). Loads page 1 whenever `key` changes (null: wait);
 * late answers for an earlier key, or from before a refresh, are ignored. Items are told apart by
 * `id`, so a row that moved between pages is not shown twice.
 */
export function usePaged<T extends { id: number }, R extends PageLike<T> = PageLike<T>>(
  key: string | null,
  fetchPage: (page: number) => Promise<R>,
): Paged<T, R> {
  const [settled, setSettled] = useState<Settled<T, R> | null>(null);
  const [more, setMore] = useState<{ key: string; loading: boolean; error: ApiError | null } | null>(null);
  const [updating, setUpdating] = useState(false);
  const seq = useRef(0);
  const fetchRef = useRef(fetchPage);
  useEffect(() => {
    fetchRef.current = fetchPage;
  });

  const loadFirst = useCallback((k: string): Promise<void> => {
    const mine = ++seq.current;
    return fetchRef.current(1).then(
      (res) => {
        if (mine !== seq.current) return;
        setSettled({ key: k, ok: true, items: res.items, last: res });
        setMore(null);
      },
      (error: unknown) => {
        if (mine !== seq.current) return;
        setSettled((prev) =>
          // A failed refresh keeps the list; only a first load shows the error.
          prev && prev.key === k && prev.ok ? prev : { key: k, ok: false, error: toApiError(error) },
        );
      },
    );
  }, []);

  useEffect(() => {
    if (key !== null) void loadFirst(key);
  }, [key, loadFirst]);

  const refresh = useCallback((): Promise<void> => {
    if (key === null) return Promise.resolve();
    setUpdating(true);
    return loadFirst(key).finally(() => setUpdating(false));
  }, [key, loadFirst]);

  const retry = useCallback(() => {
    if (key === null) return;
    setSettled(null);
    void loadFirst(key);
  }, [key, loadFirst]);

  const current = settled && settled.key === key ? settled : null;
  const loadingMore = !!more && more.key === key && more.loading;

  const loadMore = useCallback(() => {
    if (key === null || !current?.ok || loadingMore) return;
    const { items, last } = current;
    if (items.length >= last.total || last.items.length === 0) return;
    const mine = seq.current;
    setMore({ key, loading: true, error: null });
    fetchRef.current(last.page + 1).then(
      (res) => {
        if (mine !== seq.current) return; // a refresh started meanwhile: its page 1 wins
        setSettled((prev) => {
          if (!prev || prev.key !== key || !prev.ok) return prev;
          const seen = new Set(prev.items.map((item) => item.id));
          return {
            key,
            ok: true,
            items: [...prev.items, ...res.items.filter((i) => !seen.has(i.id))],
            last: res,
          };
        });
        setMore(null);
      },
      (error: unknown) => {
        if (mine === seq.current) setMore({ key, loading: false, error: toApiError(error) });
      },
    );
  }, [key, current, loadingMore]);

  let view: PagedView<T, R>;
  if (!current) view = { kind: 'loading' };
  else if (!current.ok) view = { kind: 'error', error: current.error };
  else
    view = {
      kind: 'ok',
      items: current.items,
      last: current.last,
      hasMore: current.items.length < current.last.total && current.last.items.length > 0,
      loadingMore,
      moreError: more && more.key === key ? more.error : null,
      updating,
    };

  return { view, loadMore, refresh, retry };
}
