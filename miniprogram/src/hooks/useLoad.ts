import { useCallback, useEffect, useRef, useState } from 'react';

import { toApiError, type ApiError } from '../api/request';

/**
 * What a page shows for one GET:
 * - loading: nothing to show yet (first load, or 重试 after an error);
 * - error: it failed and there is nothing earlier to show;
 * - ok: data, possibly from earlier in this run while a fresh copy loads (`updating`), or after
 *   a refresh failed (`staleError`: say so, offer 重试, keep showing what we have).
 */
export type LoadView<T> =
  | { kind: 'loading' }
  | { kind: 'error'; error: ApiError }
  | { kind: 'ok'; data: T; updating: boolean; staleError: ApiError | null; loadedAt: number };

type Settled<T> =
  { key: string; ok: true; data: T; at: number } | { key: string; ok: false; error: ApiError };

interface Cached {
  data: unknown;
  at: number;
}

/** Answers kept for this run of the app, so switching back (a day, a town) shows at once. */
const cache = new Map<string, Cached>();
const MAX_CACHED = 40;

function remember(key: string, data: unknown, at: number): void {
  cache.delete(key);
  cache.set(key, { data, at });
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value as string);
}

export interface Load<T> {
  view: LoadView<T>;
  /** Loads again, keeping what is shown (pull-down refresh, returning to the page). */
  refresh: () => Promise<void>;
  /** After an error: show the spinner and try again. */
  retry: () => void;
}

/**
 * Loads `fetcher()` whenever `key` changes (null: wait). `key` names the data app-wide (e.g.
 * "today|3|2026-11-24"): answers are cached under it for the life of the app and shown at once
 * next time while a fresh copy loads. Late answers for an earlier key are ignored.
 */
export function useLoad<T>(key: string | null, fetcher: () => Promise<T>): Load<T> {
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const latest = useRef(0);
  const fetcherRef = useRef(fetcher);
  useEffect(() => {
    fetcherRef.current = fetcher;
  });

  const run = useCallback((k: string): Promise<void> => {
    const seq = ++latest.current;
    return fetcherRef.current().then(
      (data) => {
        const at = Date.now();
        remember(k, data, at);
        if (seq === latest.current) setSettled({ key: k, ok: true, data, at });
      },
      (error: unknown) => {
        if (seq === latest.current) setSettled({ key: k, ok: false, error: toApiError(error) });
      },
    );
  }, []);

  useEffect(() => {
    if (key !== null) void run(key);
  }, [key, run]);

  const refresh = useCallback((): Promise<void> => {
    if (key === null) return Promise.resolve();
    setRefreshing(true);
    return run(key).finally(() => setRefreshing(false));
  }, [key, run]);

  const retry = useCallback(() => {
    if (key === null) return;
    setSettled(null);
    void run(key);
  }, [key, run]);

  let view: LoadView<T>;
  const own = settled?.key === key ? settled : null;
  const cached = key === null ? undefined : cache.get(key);
  if (own?.ok) {
    view = { kind: 'ok', data: own.data, updating: refreshing, staleError: null, loadedAt: own.at };
  } else if (own && cached) {
    view = {
      kind: 'ok',
      data: cached.data as T,
      updating: refreshing,
      staleError: own.error,
      loadedAt: cached.at,
    };
  } else if (own) {
    view = { kind: 'error', error: own.error };
  } else if (cached) {
    // Not answered yet for this key (or 重试 under way): show the earlier copy meanwhile.
    view = { kind: 'ok', data: cached.data as T, updating: true, staleError: null, loadedAt: cached.at };
  } else {
    view = { kind: 'loading' };
  }

  return { view, refresh, retry };
}
