/**
 * The offline copy of what a resident last read (issue #15): the today page, official profiles,
 * matter pages, units and the resident's own comments (我的留言, one ticket).
 *
 * - request.ts keeps the last good answer of every GET whose path is in RULES, per URL, in Taro
 *   storage (weapp: wx storage; H5: localStorage), with the time it was saved.
 * - When such a GET gets no answer at all (offline, DNS, timeout; never on a 4xx/5xx answer), the
 *   wrapper resolves with the kept copy instead of rejecting, and marks the object: pages read
 *   `offlineSavedAt(data)` (components/OfflineBanner shows "离线 · 更新于 HH:mm").
 * - Bounded: at most MAX_ENTRIES answers and MAX_TOTAL_CHARS characters, least recently used out
 *   first; one answer larger than MAX_ENTRY_CHARS is never kept.
 * - Personal data: answers fetched with a token are kept only for a signed-in resident (a person
 *   with no staff role), so what is kept is what that resident sees of their own comments. Staff
 *   views (which may show residents' names and phones) are never kept. Everything is forgotten when
 *   a signed-in person logs out or another person signs in (`setOfflineOwner`).
 */
import Taro from '@tarojs/taro';

/** Who the kept answers belong to; null: nobody signed in (only public answers are kept). */
export interface OfflineOwner {
  id: number;
  /** No staff role: only then are answers fetched with a token kept. */
  residentOnly: boolean;
}

interface Rule {
  pattern: RegExp;
  /** The resident's own data: kept only when fetched with a resident's token. */
  personal: boolean;
}

/** The GETs the resident pages are made of (paths below the API base, without the query). */
const RULES: readonly Rule[] = [
  { pattern: /^\/today$/, personal: false },
  { pattern: /^\/units$/, personal: false },
  { pattern: /^\/units\/\d+\/ticket-figures$/, personal: false },
  { pattern: /^\/officials\/\d+$/, personal: false },
  { pattern: /^\/officials\/\d+\/timeline$/, personal: false },
  { pattern: /^\/officials\/\d+\/ticket-figures$/, personal: false },
  { pattern: /^\/matters\/\d+$/, personal: false },
  { pattern: /^\/matters\/popular$/, personal: false },
  { pattern: /^\/tickets\/public$/, personal: false },
  { pattern: /^\/tickets\/mine$/, personal: true },
  { pattern: /^\/tickets\/\d+$/, personal: true },
];

/**
 * weapp storage allows 1 MB per key and 10 MB in all, counted in UTF-8 bytes (a Chinese character
 * is 3): one answer stays under 1 MB even if all Chinese, and the whole copy under ~4 MB.
 */
export const OFFLINE_LIMITS = {
  maxEntries: 50,
  maxTotalChars: 1_200_000,
  maxEntryChars: 300_000,
} as const;

const INDEX_KEY = 'jinri.offline.index';
const OWNER_KEY = 'jinri.offline.owner';
const ENTRY_PREFIX = 'jinri.offline.r.';

/** One kept answer in the index, most recently used last. */
interface IndexEntry {
  url: string;
  key: string;
  savedAt: number;
  chars: number;
}

// --- storage ------------------------------------------------------------------------------

function readRaw(key: string): unknown {
  try {
    return Taro.getStorageSync(key);
  } catch {
    return undefined;
  }
}

function writeRaw(key: string, value: string | null): boolean {
  try {
    if (value === null) Taro.removeStorageSync(key);
    else Taro.setStorageSync(key, value);
    return true;
  } catch {
    return false; // storage full or unavailable
  }
}

function isIndexEntry(v: unknown): v is IndexEntry {
  const e = v as IndexEntry | null;
  return (
    !!e &&
    typeof e.url === 'string' &&
    typeof e.key === 'string' &&
    typeof e.savedAt === 'number' &&
    typeof e.chars === 'number'
  );
}

function readIndex(): IndexEntry[] {
  const raw = readRaw(INDEX_KEY);
  if (typeof raw !== 'string' || raw === '') return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter(isIndexEntry) : [];
  } catch {
    return [];
  }
}

function writeIndex(index: IndexEntry[]): void {
  writeRaw(INDEX_KEY, index.length ? JSON.stringify(index) : null);
}

/** A short stable storage key for a URL (djb2); the index keeps the URL to tell collisions apart. */
function entryKey(url: string): string {
  let h = 5381;
  for (let i = 0; i < url.length; i++) h = ((h * 33) ^ url.charCodeAt(i)) >>> 0;
  return `${ENTRY_PREFIX}${h.toString(36)}`;
}

// --- owner --------------------------------------------------------------------------------

function encodeOwner(owner: OfflineOwner | null): string {
  return owner ? `${owner.id}:${owner.residentOnly ? 'r' : 's'}` : '';
}

/** The person the kept answers belong to (read from storage, so a restart keeps it). */
export function getOfflineOwner(): OfflineOwner | null {
  const raw = readRaw(OWNER_KEY);
  const match = typeof raw === 'string' ? /^(\d+):([rs])$/.exec(raw) : null;
  return match ? { id: Number(match[1]), residentOnly: match[2] === 'r' } : null;
}

/**
 * Tells the cache who is signed in (the session calls it on every change). A signed-in person
 * logging out, or another person signing in, forgets everything kept; someone signing in where
 * nobody was keeps the public answers (nothing personal was kept for nobody).
 */
export function setOfflineOwner(owner: OfflineOwner | null): void {
  const previous = getOfflineOwner();
  if (previous && previous.id !== owner?.id) clearOfflineCache();
  writeRaw(OWNER_KEY, owner ? encodeOwner(owner) : null);
}

// --- policy -------------------------------------------------------------------------------

/**
 * Whether the answer to this request may be kept: a GET of a resident page, fetched without a
 * token, or with the token of a signed-in resident (`owner.residentOnly`). Personal paths need the
 * resident's token.
 */
export function isOfflineCacheable(
  method: string,
  path: string,
  withToken: boolean,
  owner: OfflineOwner | null = getOfflineOwner(),
): boolean {
  if (method !== 'GET') return false;
  const clean = path.split('?')[0]!.replace(/\/+$/, '');
  const rule = RULES.find((r) => r.pattern.test(clean));
  if (!rule) return false;
  const resident = !!owner && owner.residentOnly;
  if (rule.personal) return withToken && resident;
  return !withToken || resident;
}

// --- marks --------------------------------------------------------------------------------

const marks = new WeakMap<object, number>();

/** When `data` came from the offline copy (not from the server just now): when it was saved. */
export function offlineSavedAt(data: unknown): number | null {
  return data !== null && typeof data === 'object' ? (marks.get(data) ?? null) : null;
}

/** Marks an object as read from the offline copy saved at `savedAt` (tests, the wrapper). */
export function markOffline<T>(data: T, savedAt: number): T {
  if (data !== null && typeof data === 'object') marks.set(data, savedAt);
  return data;
}

// --- keep and read ------------------------------------------------------------------------

/**
 * Keeps `body` as the last good answer for `url`. `ownerAtStart` is who was signed in when the
 * request left: an answer that arrives after the person changed is not kept.
 */
export function saveOfflineAnswer(
  url: string,
  body: unknown,
  ownerAtStart: OfflineOwner | null,
  now: number = Date.now(),
): void {
  if (body === null || typeof body !== 'object') return;
  if (encodeOwner(getOfflineOwner()) !== encodeOwner(ownerAtStart)) return;
  let text: string;
  try {
    text = JSON.stringify({ url, savedAt: now, body });
  } catch {
    return;
  }
  const key = entryKey(url);
  let index = readIndex().filter((e) => e.url !== url && e.key !== key);
  if (text.length > OFFLINE_LIMITS.maxEntryChars) {
    writeRaw(key, null);
    writeIndex(index);
    return;
  }
  const entry: IndexEntry = { url, key, savedAt: now, chars: text.length };
  index = evict([...index, entry]);
  if (!writeRaw(key, text)) {
    // Storage full (other keys too): make room by dropping the oldest half once, then give up.
    index = dropOldest(
      index.filter((e) => e !== entry),
      Math.ceil(index.length / 2),
    );
    if (!writeRaw(key, text)) {
      writeIndex(index);
      return;
    }
    index.push(entry);
  }
  writeIndex(index);
}

/** Drops the least recently used entries until the index fits the limits. */
function evict(index: IndexEntry[]): IndexEntry[] {
  let total = index.reduce((sum, e) => sum + e.chars, 0);
  let drop = 0;
  while (
    index.length - drop > 1 &&
    (index.length - drop > OFFLINE_LIMITS.maxEntries || total > OFFLINE_LIMITS.maxTotalChars)
  ) {
    total -= index[drop]!.chars;
    drop++;
  }
  return dropOldest(index, drop);
}

function dropOldest(index: IndexEntry[], count: number): IndexEntry[] {
  for (const e of index.slice(0, count)) writeRaw(e.key, null);
  return index.slice(count);
}

/** A stored entry, or null when it is missing or not one. */
function parseEntry(raw: unknown): { url: string; savedAt: number; body: object } | null {
  if (typeof raw !== 'string') return null;
  try {
    const v = JSON.parse(raw) as { url?: unknown; savedAt?: unknown; body?: unknown } | null;
    if (!v || typeof v.url !== 'string' || typeof v.savedAt !== 'number') return null;
    if (v.body === null || typeof v.body !== 'object') return null;
    return { url: v.url, savedAt: v.savedAt, body: v.body };
  } catch {
    return null;
  }
}

/** The kept answer for `url` (marked with `offlineSavedAt`), or null. Counts as a use (LRU). */
export function readOfflineAnswer<T = unknown>(url: string): { body: T; savedAt: number } | null {
  const index = readIndex();
  const at = index.findIndex((e) => e.url === url);
  if (at < 0) return null;
  const entry = index[at]!;
  const raw = readRaw(entry.key);
  const parsed = parseEntry(raw);
  if (!parsed || parsed.url !== url) {
    index.splice(at, 1);
    writeIndex(index);
    return null;
  }
  index.splice(at, 1);
  index.push(entry);
  writeIndex(index);
  return { body: markOffline(parsed.body as T, parsed.savedAt), savedAt: parsed.savedAt };
}

/** Forgets every kept answer (logout, another person signing in). */
export function clearOfflineCache(): void {
  for (const e of readIndex()) writeRaw(e.key, null);
  writeIndex([]);
}

/** How many answers are kept (tests, diagnostics). */
export function offlineCacheSize(): number {
  return readIndex().length;
}
