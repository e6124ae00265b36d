/**
 * The day being edited (an official's plan, a unit's plans): loaded per key with the draft kept on
 * the phone; a late answer for another key (the day was switched) is ignored; retry loads again.
 */
import { useEffect, useRef, useState } from 'react';

import { toApiError, type ApiError } from '@/api/request';

export function useDayDoc<D extends { key: string }>(
  key: string,
  load: () => Promise<D>,
  onLoaded: () => void,
) {
  const [attempt, setAttempt] = useState(0);
  const [doc, setDoc] = useState<D | null>(null);
  const [loadError, setLoadError] = useState<{ key: string; error: ApiError } | null>(null);
  const latest = useRef({ load, onLoaded });
  useEffect(() => {
    latest.current = { load, onLoaded };
  });

  useEffect(() => {
    let active = true;
    latest.current.load().then(
      (loaded) => {
        if (!active) return;
        setDoc(loaded);
        latest.current.onLoaded();
      },
      (error: unknown) => {
        if (active) setLoadError({ key: `${key}#${attempt}`, error: toApiError(error) });
      },
    );
    return () => {
      active = false;
    };
  }, [key, attempt]);

  return {
    /** The loaded document of this key, or null while it loads. */
    current: doc && doc.key === key ? doc : null,
    setDoc,
    error: loadError?.key === `${key}#${attempt}` ? loadError.error : null,
    retry: () => setAttempt((n) => n + 1),
  };
}

/** Entry errors after a check or a refused save; editing an entry clears its own. */
export function useEntryErrors<E>() {
  const [errors, setErrors] = useState<Record<string, E>>({});
  const clearError = (entryKey: string) => {
    if (!errors[entryKey]) return;
    const next = { ...errors };
    delete next[entryKey];
    setErrors(next);
  };
  return { errors, setErrors, clearError };
}
