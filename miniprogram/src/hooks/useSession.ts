import { useSyncExternalStore } from 'react';

import { getSession, subscribe, type Session } from '../api/session';

/**
 * The current session (src/api/session.ts). The component re-renders on login, logout, persona
 * switch and new roles. React's own useSyncExternalStore over the session's subscribe(): no
 * state library.
 */
export function useSession(): Session {
  return useSyncExternalStore(subscribe, getSession, getSession);
}
