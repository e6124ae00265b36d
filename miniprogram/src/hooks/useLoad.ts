import { useCallback, useEffect, useRef, useState } from 'react';

import { offlineSavedAt } from '../api/offline-cache';
import { toApiError, type ApiError } from '../api/request';

/**
 * THE loader of the mini-program: every page that shows what one GET answers uses it (lists a
 * page at a time use usePaged, built on it).
 *
 * What a page shows:
 * - loading: nothing to show yet (first load, no key yet, or 重试 after an error);
 * - error: it failed and there is nothing earlier to show;
 * - ok: data, possibly from earlier while a fresh copy loads (`updating`), or after a refresh
 *   failed (`staleError`: say so, offer 重试, keep showing what we have).
 */
export type LoadView<T> =
  | { kind: 'loading' }
  | { kind: 'error'; error: ApiError }
  | { kind: 'ok'; data: T; updating: boolean; staleError: ApiError | null; loadedAt: number };

export interface LoadOptions {
  /**
   * true (default): answers are kept for this run of the app under `key` and shown at once next
   * time (switching back to a day, a town) while a fresh copy loads. false: every visit starts
   * from the spinner (forms that edit what they load).
   */
  cache?: boolean;
}

export interface Load<T> {
  view: LoadView<T>;
  /** Loads again, keeping what is shown (pull-down refresh, returning to the page). */
  refresh: () => Promise<void>;
  /** After an error: show the spinner and try again. */
  retry: () => void;
  /** Replaces the data shown (a save answered with the new version). */
  setData: (data: T) => void;
}

/** What settled for a key: the last data (kept when a refresh fails) and the last error. */
interface Settled<T> {
  key: string;
  data: { value: T; at: number } | null;
  error: ApiError | null;
}

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

/** Forgets every kept answer (tests; signing out does not need it: keys name the user). */
export function clearLoadCache(): void {
  cache.clear();
}

/**
 * Loads `fetcher()` whenever `key` changes (null: wait, shown as loading). `key` names the data
 * app-wide (e.g. "today|3|2026-11-24"), so it must change whenever what `fetcher` asks for changes;
 * the latest `fetcher` is used. Late answers (for an earlier key, or from before a refresh or
 * 重试) are ignored.
 */
export function useLoad<T>(
  key: string | null,
  fetcher: () => Promise<T>,
  options: LoadOptions = {},
): Load<T> {
  const useCache = options.cache ?? true;
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const latest = useRef(0);
  const fetcherRef = useRef(fetcher);
  useEffect(() => {
    fetcherRef.current = fetcher;
  });

  const run = useCallback(
    (k: string): Promise<void> => {
      const seq = ++latest.current;
      return fetcherRef.current().then(
        (value) => {
          // An offline copy (src/api/offline-cache.ts) is as fresh as when it was saved.
          const at = offlineSavedAt(value) ?? Date.now();
          if (useCache) remember(k, value, at);
          if (seq === latest.current) setSettled({ key: k, data: { value, at }, error: null });
        },
        (error: unknown) => {
          if (seq !== latest.current) return;
          // A failed refresh keeps what was shown.
          setSettled((prev) => ({
            key: k,
            data: prev?.key === k ? prev.data : null,
            error: toApiError(error),
          }));
        },
      );
    },
    [useCache],
  );

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

  const setData = useCallback(
    (value: T) => {
      if (key === null) return;
      const at = Date.now();
      if (useCache) remember(key, value, at);
      setSettled({ key, data: { value, at }, error: null });
    },
    [key, useCache],
  );

  let view: LoadView<T>;
  const own = settled?.key === key ? settled : null;
  const cached = key === null || !useCache ? undefined : cache.get(key);
  const earlier = own?.data ?? (cached ? { value: cached.data as T, at: cached.at } : null);
  if (own && !own.error && own.data) {
    view = {
      kind: 'ok',
      data: own.data.value,
      updating: refreshing,
      staleError: null,
      loadedAt: own.data.at,
    };
  } else if (own?.error && earlier) {
    view = {
      kind: 'ok',
      data: earlier.value,
      updating: refreshing,
      staleError: own.error,
      loadedAt: earlier.at,
    };
  } else if (own?.error) {
    view = { kind: 'error', error: own.error };
  } else if (earlier) {
    // Not answered yet for this key (or 重试 under way): show the earlier copy meanwhile.
    view = { kind: 'ok', data: earlier.value, updating: true, staleError: null, loadedAt: earlier.at };
  } else {
    view = { kind: 'loading' };
  }

  return { view, refresh, retry, setData };
}
