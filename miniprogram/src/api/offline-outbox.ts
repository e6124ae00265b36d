/**
 * Comments written without a network (issue #15): kept on the phone in an outbox and sent when the
 * network returns, with the Idempotency-Key they were written with, so a comment that did arrive
 * before the network dropped is never made twice (the server answers the same ticket again).
 *
 * States: pending (待发送) → sending (发送中) → sent (已发送) | failed (发送失败: the server refused
 * it, its message kept; the resident edits or deletes it). A send that gets no answer goes back to
 * pending and is tried again later. Nothing is ever dropped without the resident's say, except sent
 * items a day after they were sent (they are in 我的留言 by then).
 *
 * Items belong to the resident who wrote them (`ownerId`) and are sent only while that person is
 * signed in. offline.ts calls `flushOutbox()` when the network returns, the app shows again, or the
 * resident signs in; 我的留言 and the compose page read the items with `useOutbox()`.
 */
import Taro from '@tarojs/taro';
import type { TicketCreated, TicketCreateRequest } from '@jinri/shared';

import { isNetworkError, toApiError } from './request';
import { createTicket, type TicketTargetRef } from './tickets.api';

export type OutboxState = 'pending' | 'sending' | 'sent' | 'failed';

export interface OutboxPhoto {
  id: string;
  url: string;
  thumbUrl: string;
}

export interface OutboxItem {
  /** The Idempotency-Key: the item's id, sent with every attempt. */
  key: string;
  ownerId: number;
  body: TicketCreateRequest;
  /** What it is about, for the list ("石桥村 李明"); may be empty. */
  label: string;
  /** The photos (already uploaded: their ids are in `body`), to show them again when editing. */
  photos: OutboxPhoto[];
  createdAt: number;
  state: OutboxState;
  /** failed: the server's message, fit to show. */
  error?: string;
  /** sent: the ticket made. */
  ticketId?: number;
  sentAt?: number;
}

const STORAGE_KEY = 'jinri.tickets.outbox';
/** More than this many kept: the oldest sent ones go first; unsent ones are never dropped. */
const MAX_ITEMS = 30;
const SENT_KEPT_MS = 24 * 60 * 60_000;

// --- storage ------------------------------------------------------------------------------

function isItem(v: unknown): v is OutboxItem {
  const i = v as OutboxItem | null;
  return (
    !!i &&
    typeof i.key === 'string' &&
    typeof i.ownerId === 'number' &&
    !!i.body &&
    typeof i.body === 'object' &&
    typeof i.body.content === 'string' &&
    typeof i.label === 'string' &&
    Array.isArray(i.photos) &&
    typeof i.createdAt === 'number' &&
    ['pending', 'sending', 'sent', 'failed'].includes(i.state)
  );
}

function read(): OutboxItem[] {
  let raw: unknown;
  try {
    raw = Taro.getStorageSync(STORAGE_KEY);
  } catch {
    return [];
  }
  if (typeof raw !== 'string' || raw === '') return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter(isItem) : [];
  } catch {
    return [];
  }
}

const listeners = new Set<() => void>();

function write(items: OutboxItem[]): void {
  try {
    if (items.length) Taro.setStorageSync(STORAGE_KEY, JSON.stringify(items));
    else Taro.removeStorageSync(STORAGE_KEY);
  } catch {
    // Storage full: nothing better to do; the item stays in memory for the listeners below.
  }
  snapshot = items;
  for (const listener of [...listeners]) listener();
}

function update(key: string, patch: Partial<OutboxItem>): OutboxItem | null {
  const items = read();
  const at = items.findIndex((i) => i.key === key);
  if (at < 0) return null;
  const next = { ...items[at]!, ...patch };
  items[at] = next;
  write(items);
  return next;
}

/** Drops sent items after a day, and the oldest sent ones when there are too many. */
function prune(items: OutboxItem[], now: number): OutboxItem[] {
  let kept = items.filter((i) => i.state !== 'sent' || now - (i.sentAt ?? i.createdAt) < SENT_KEPT_MS);
  while (kept.length > MAX_ITEMS) {
    const oldestSent = kept.findIndex((i) => i.state === 'sent');
    if (oldestSent < 0) break;
    kept = kept.filter((_, n) => n !== oldestSent);
  }
  return kept;
}

// --- reading ------------------------------------------------------------------------------

let snapshot: OutboxItem[] | undefined;

/** Every item (all owners), oldest first. The same array until something changes. */
export function getOutbox(): OutboxItem[] {
  snapshot ??= read();
  return snapshot;
}

/** Calls `listener` after every change; returns the unsubscribe function. */
export function subscribeOutbox(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Forgets the in-memory copy (tests: storage was reset under it). */
export function reloadOutbox(): void {
  snapshot = read();
  for (const listener of [...listeners]) listener();
}

// --- changing -----------------------------------------------------------------------------

/**
 * Keeps a comment that could not be sent (no network), to be sent by `flushOutbox()` with the same
 * key. A second call with the same key replaces the first (the same comment, sent again).
 */
export function enqueueComment(input: {
  key: string;
  ownerId: number;
  body: TicketCreateRequest;
  label: string;
  photos?: OutboxPhoto[];
  now?: number;
}): OutboxItem {
  const now = input.now ?? Date.now();
  const item: OutboxItem = {
    key: input.key,
    ownerId: input.ownerId,
    body: input.body,
    label: input.label,
    photos: input.photos ?? [],
    createdAt: now,
    state: 'pending',
  };
  write(prune([...read().filter((i) => i.key !== input.key), item], now));
  return item;
}

/** Deletes an item (the resident confirmed; or after taking it back into the compose page). */
export function removeFromOutbox(key: string): void {
  write(read().filter((i) => i.key !== key));
}

/** A failed item sent again as it is (say, after a passing refusal such as 429). */
export function retryOutboxItem(key: string): void {
  update(key, { state: 'pending', error: undefined });
}

/** What the outbox item's target is (to open the compose page for it again). */
export function outboxTarget(item: OutboxItem): TicketTargetRef | null {
  const b = item.body;
  if (typeof b.planEntryId === 'number') return { planEntryId: b.planEntryId };
  if (typeof b.officialId === 'number') return { officialId: b.officialId };
  if (typeof b.matterId === 'number') return { matterId: b.matterId };
  return null;
}

// --- sending ------------------------------------------------------------------------------

export type OutboxSender = (body: TicketCreateRequest, key: string) => Promise<TicketCreated>;

let flushing: Promise<number> | null = null;

/**
 * Sends the pending items of `ownerId`, one at a time, oldest first; stops at the first that gets
 * no answer (the network is still down). Concurrent calls share one run. Resolves with how many
 * were sent. An item left 'sending' by a closed app counts as pending.
 */
export function flushOutbox(ownerId: number, send: OutboxSender = createTicket): Promise<number> {
  flushing ??= doFlush(ownerId, send).finally(() => {
    flushing = null;
  });
  return flushing;
}

async function doFlush(ownerId: number, send: OutboxSender): Promise<number> {
  let sent = 0;
  const due = read().filter((i) => i.ownerId === ownerId && (i.state === 'pending' || i.state === 'sending'));
  for (const item of due) {
    update(item.key, { state: 'sending' });
    try {
      const created = await send(item.body, item.key);
      update(item.key, { state: 'sent', ticketId: created.id, sentAt: Date.now(), error: undefined });
      sent++;
    } catch (err) {
      const error = toApiError(err);
      if (isNetworkError(error) || error.status === 0 || error.status >= 500) {
        // No answer (or the server is down for now): try again when the network returns.
        update(item.key, { state: 'pending' });
        break;
      }
      if (error.status === 401) {
        // Not signed in any more: keep it for when the resident signs in again.
        update(item.key, { state: 'pending' });
        break;
      }
      // Refused (too short, risky words, too many…): keep the text and say why.
      update(item.key, { state: 'failed', error: error.message });
    }
  }
  if (sent) write(prune(read(), Date.now()));
  return sent;
}

/** How many items of `ownerId` still wait to be sent. */
export function pendingCount(ownerId: number): number {
  return getOutbox().filter((i) => i.ownerId === ownerId && (i.state === 'pending' || i.state === 'sending'))
    .length;
}
