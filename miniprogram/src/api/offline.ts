/**
 * Offline wiring (issue #15), started once at launch by `initOffline()` (app.ts):
 *
 * - tells the offline copy (offline-cache.ts) who is signed in, so a logout or another person
 *   signing in forgets what was kept;
 * - follows the network (weapp: Taro.onNetworkStatusChange; H5: the online/offline events) for
 *   `useOnline()`, and sends the outbox (offline-outbox.ts) when the network returns, when the app
 *   shows again, when the resident signs in, and every so often while something waits (a phone can
 *   say "online" on a signal too weak to carry a request).
 */
import Taro from '@tarojs/taro';
import { useSyncExternalStore } from 'react';

import { setOfflineOwner } from './offline-cache';
import { flushOutbox, getOutbox, pendingCount, subscribeOutbox, type OutboxItem } from './offline-outbox';
import { getSession, subscribe as subscribeSession, type Session } from './session';

/** While items wait and the network seems up: try again this often. */
const RETRY_MS = 30_000;

// --- network ------------------------------------------------------------------------------

let online = true;
const networkListeners = new Set<() => void>();

function setOnline(value: boolean): void {
  if (value === online) return;
  online = value;
  for (const listener of [...networkListeners]) listener();
  if (value) void sendOutbox();
}

/** Whether the phone says it has a network (it may still be too weak to answer). */
export function isOnline(): boolean {
  return online;
}

function subscribeNetwork(listener: () => void): () => void {
  networkListeners.add(listener);
  return () => {
    networkListeners.delete(listener);
  };
}

/** Re-renders when the network comes or goes. */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribeNetwork, isOnline, isOnline);
}

// --- outbox -------------------------------------------------------------------------------

/** The signed-in resident's outbox items, oldest first (re-renders on every change). */
export function useOutbox(ownerId: number | null): OutboxItem[] {
  const all = useSyncExternalStore(subscribeOutbox, getOutbox, getOutbox);
  return ownerId === null ? [] : all.filter((i) => i.ownerId === ownerId);
}

let retryTimer: ReturnType<typeof setTimeout> | null = null;

/** Sends what waits for the signed-in person; schedules another try while something still waits. */
export async function sendOutbox(): Promise<void> {
  const { status, user } = getSession();
  if (status !== 'signedIn' || !user) return;
  if (pendingCount(user.id) === 0) return;
  try {
    await flushOutbox(user.id);
  } finally {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    if (pendingCount(user.id) > 0) {
      retryTimer = setTimeout(() => {
        retryTimer = null;
        if (online) void sendOutbox();
      }, RETRY_MS);
    }
  }
}

// --- session ------------------------------------------------------------------------------

function ownerOf(session: Session) {
  if (session.status !== 'signedIn' || !session.user) return null;
  return { id: session.user.id, residentOnly: session.user.roles.every((r) => r === 'resident') };
}

let lastUserId: number | null | undefined;

function onSession(): void {
  const session = getSession();
  if (session.status === 'pending') return;
  setOfflineOwner(ownerOf(session));
  const userId = session.user?.id ?? null;
  if (userId !== lastUserId) {
    lastUserId = userId;
    if (userId !== null) void sendOutbox();
  }
}

// --- launch -------------------------------------------------------------------------------

let initialized = false;

/** Call once at launch, after initSession(). */
export function initOffline(): void {
  if (initialized) return;
  initialized = true;
  onSession();
  subscribeSession(onSession);
  if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined') {
    online = typeof navigator === 'undefined' || navigator.onLine !== false;
    window.addEventListener('online', () => setOnline(true));
    window.addEventListener('offline', () => setOnline(false));
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') void sendOutbox();
    });
  } else {
    Taro.onNetworkStatusChange((res) => setOnline(res.isConnected));
    Taro.getNetworkType().then(
      (res) => setOnline(res.networkType !== 'none'),
      () => undefined,
    );
    Taro.onAppShow(() => void sendOutbox());
  }
}
