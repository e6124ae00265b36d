import { useDidShow } from '@tarojs/taro';
import type { DemoPersona, MeResponse } from '@jinri/shared';
import { useEffect, useState } from 'react';

import { getDemoPersonas } from '@/api/auth.api';
import { toApiError, type ApiError } from '@/api/request';
import { getSession, loadMe, type Session } from '@/api/session';

export type MeView =
  | { kind: 'anonymous' }
  /** Logging in (weapp launch). */
  | { kind: 'pending' }
  | { kind: 'loading' }
  | { kind: 'error'; error: ApiError }
  | { kind: 'ok'; me: MeResponse };

/**
 * GET /me for the signed-in user, as a view state. Loads when the user changes (login, persona
 * switch) and quietly again each time the tab is shown (roles may have changed elsewhere).
 */
export function useMeView(session: Session): { view: MeView; retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<{ key: string; error: ApiError } | null>(null);
  const userId = session.status === 'signedIn' ? (session.user?.id ?? null) : null;
  const hasMe = session.me !== null;
  // A failure belongs to one user and one attempt; 重试 or another user starts afresh.
  const key = `${userId ?? '-'}/${attempt}`;

  useEffect(() => {
    if (userId === null || hasMe) return;
    let active = true;
    loadMe().catch((error: unknown) => {
      if (active) setFailure({ key, error: toApiError(error) });
    });
    return () => {
      active = false;
    };
  }, [userId, hasMe, key]);

  useDidShow(() => {
    if (getSession().me) void loadMe().catch(() => undefined);
  });

  const retry = () => setAttempt((n) => n + 1);

  let view: MeView;
  if (session.status === 'pending') view = { kind: 'pending' };
  else if (userId === null) view = { kind: 'anonymous' };
  else if (session.me) view = { kind: 'ok', me: session.me };
  else if (failure?.key === key) view = { kind: 'error', error: failure.error };
  else view = { kind: 'loading' };
  return { view, retry };
}

export type DemoMode = { kind: 'checking' } | { kind: 'off' } | { kind: 'on'; personas: DemoPersona[] };

/** Known for the life of the app once the server answered (demo mode does not change at runtime). */
let demoModeCache: DemoMode | null = null;

/**
 * H5: is the server running the demo (GET /demo/personas answers; 404 when not)? weapp: never.
 */
export function useDemoMode(): DemoMode {
  const [mode, setMode] = useState<DemoMode>(
    () => demoModeCache ?? (process.env.TARO_ENV === 'h5' ? { kind: 'checking' } : { kind: 'off' }),
  );

  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || demoModeCache) return;
    let active = true;
    getDemoPersonas().then(
      (personas) => {
        demoModeCache =
          Array.isArray(personas) && personas.length > 0 ? { kind: 'on', personas } : { kind: 'off' };
        if (active) setMode(demoModeCache);
      },
      (error: unknown) => {
        // 404: demo off for good. Anything else (offline): off for now, asked again next mount.
        if (toApiError(error).status === 404) demoModeCache = { kind: 'off' };
        if (active) setMode({ kind: 'off' });
      },
    );
    return () => {
      active = false;
    };
  }, []);

  return mode;
}
