import { SEARCH_QUERY_MAX_LENGTH, type SearchResponse } from '@jinri/shared';
import { useEffect, useState } from 'react';

import { searchDirectory } from '@/api/find.api';
import { toApiError, type ApiError } from '@/api/request';

/** Wait this long after the last keystroke before asking the server. */
export const SEARCH_DEBOUNCE_MS = 250;
const MAX_CACHED = 30;

export type SearchView =
  | { kind: 'idle' }
  /** `previous`: the last answer, shown (dimmed) until this one arrives. */
  | { kind: 'loading'; previous: SearchResponse | null }
  | { kind: 'error'; error: ApiError }
  | { kind: 'ok'; data: SearchResponse };

type Settled = { key: string; ok: true; data: SearchResponse } | { key: string; ok: false; error: ApiError };

/** Answers of this run, so backspacing to an earlier word shows at once. */
const cache = new Map<string, SearchResponse>();

function remember(key: string, data: SearchResponse): void {
  cache.delete(key);
  cache.set(key, data);
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value as string);
}

/** Requests started so far: only the latest one may settle the view (a late older answer is dropped). */
let sequence = 0;

/** Each matter and official once (React keys are their ids: a repeated id would reuse a stale card). */
export function uniqueMatters(data: SearchResponse): SearchResponse {
  const seen = new Set<number>();
  const seenOfficials = new Set<number>();
  return {
    ...data,
    matters: data.matters.filter((m) => !seen.has(m.id) && seen.add(m.id)),
    officials: data.officials.filter((o) => !seenOfficials.has(o.id) && seenOfficials.add(o.id)),
  };
}

/** The query as sent: spaces folded, at most 50 characters ('' means nothing to search). */
export function normalizeQuery(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, SEARCH_QUERY_MAX_LENGTH);
}

/**
 * Search as you type: debounced, one request per settled word, and answers for an earlier word
 * (or another village) are never shown for the current one.
 */
export function useSearch(
  query: string,
  unitId: number | undefined,
): { view: SearchView; retry: () => void } {
  const q = normalizeQuery(query);
  const key = q ? `${unitId ?? ''}|${q}` : null;
  const [settled, setSettled] = useState<Settled | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (key === null || cache.has(key)) return;
    let current = true;
    const seq = ++sequence;
    const timer = setTimeout(() => {
      searchDirectory(q, unitId).then(
        (data) => {
          // The server echoes the query: an answer for another word is never filed under this one.
          if (data.q !== q) return;
          remember(key, uniqueMatters(data));
          if (current && seq === sequence) setSettled({ key, ok: true, data: uniqueMatters(data) });
        },
        (error: unknown) => {
          if (current && seq === sequence) setSettled({ key, ok: false, error: toApiError(error) });
        },
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      // A newer word (or village) replaced this one: its answer, if it comes, is only cached.
      current = false;
      clearTimeout(timer);
    };
  }, [key, q, unitId, attempt]);

  const retry = () => {
    setSettled(null);
    setAttempt((n) => n + 1);
  };

  let view: SearchView;
  const cached = key === null ? undefined : cache.get(key);
  if (key === null) view = { kind: 'idle' };
  else if (cached) view = { kind: 'ok', data: cached };
  else if (settled?.key === key && !settled.ok) view = { kind: 'error', error: settled.error };
  else view = { kind: 'loading', previous: settled?.ok ? settled.data : null };
  return { view, retry };
}
