/**
 * The one HTTP client of the mini-program. Every API call goes through `request()`.
 *
 * - Base URL: H5 is served by the API server itself, so it calls the same origin (`/api/v1`);
 *   weapp calls `process.env.TARO_APP_API_BASE` (set at build time, see config/index.ts).
 * - Owns the access token (kept in Taro storage) and sends it as `Authorization: Bearer …`.
 * - On 401 it calls the relogin handler registered with `setReloginHandler()` once, then retries
 *   the request once.
 * - Every failure becomes an `ApiError` with a stable `code` from @jinri/shared; a request that
 *   never reached the server has status 0 (`isNetworkError()`), so a form can keep its draft.
 * - Extra headers (`headers`, e.g. an Idempotency-Key) are passed through as given; every request
 *   carries X-Device-Id, a random id kept in storage (`getDeviceId()`).
 * - Files go through the same wrapper: `upload()` (multipart, one `file` field) and `download()`
 *   share the token, the one relogin on 401 and the error mapping with `request()`.
 * - GETs of the resident pages keep their last good answer on the phone (offline-cache.ts); when
 *   such a GET gets no answer at all it resolves with that copy, marked (`offlineSavedAt(data)`),
 *   instead of rejecting. A 4xx/5xx answer is never replaced by the copy.
 * - It never shows UI: pages decide about toasts and navigation.
 */
import Taro from '@tarojs/taro';
import {
  API_PREFIX,
  DEVICE_ID_HEADER,
  DEVICE_ID_PATTERN,
  ErrorCodes,
  isErrorCode,
  type ApiErrorBody,
  type ErrorCode,
} from '@jinri/shared';

import {
  receiveFile,
  sendFile,
  type DownloadedFile,
  type MultipartFile,
  type RawResponse,
} from './file-transport';
import {
  getOfflineOwner,
  isOfflineCacheable,
  readOfflineAnswer,
  saveOfflineAnswer,
  type OfflineOwner,
} from './offline-cache';

export type { DownloadedFile, MultipartFile } from './file-transport';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type QueryScalar = string | number | boolean | null | undefined;
export type Query = Record<string, QueryScalar | readonly QueryScalar[]>;

export interface RequestOptions {
  method?: HttpMethod;
  /** Path below the API base, e.g. '/health'. */
  path: string;
  /** JSON body. */
  data?: unknown;
  /** Query string parameters; null/undefined are left out, arrays repeat the key. */
  query?: Query;
  /**
   * true (default): send the access token if there is one, and on 401 relogin once and retry.
   * false: never send the token and never relogin (public endpoints, the login call itself).
   */
  auth?: boolean;
  /** Milliseconds before the request is abandoned as a network failure. */
  timeoutMs?: number;
  /**
   * Extra request headers, e.g. `Idempotency-Key`. They cannot replace the ones the wrapper owns
   * (Accept, Content-Type, Authorization, X-Device-Id), and are sent again unchanged on the retry
   * after a relogin.
   */
  headers?: Record<string, string>;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const NETWORK_ERROR_MESSAGE = '网络不好，请检查网络后点“重试”';
const TOKEN_STORAGE_KEY = 'jinri.accessToken';

export const API_BASE: string =
  process.env.TARO_ENV === 'h5'
    ? `/${API_PREFIX}`
    : (process.env.TARO_APP_API_BASE || 'http://localhost:3000/api/v1').replace(/\/+$/, '');

/** A failed API call. Switch on `code`; `message` is Chinese text fit to show a person. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ErrorCode;
  /** HTTP status; 0 when the server was never reached. */
  readonly status: number;
  readonly details: unknown;
  /** The server's request id, to quote when reporting a problem. */
  readonly requestId: string | undefined;
  /**
   * The code exactly as the server sent it. Equals `code` unless the server sent a code this build
   * does not know yet (then `code` is derived from the HTTP status). Compare with `hasCode()`.
   */
  readonly serverCode: string;

  constructor(init: {
    code: ErrorCode;
    status: number;
    message?: string;
    details?: unknown;
    requestId?: string;
    serverCode?: string;
  }) {
    super(init.message || ErrorCodes[init.code].message);
    // Keep `instanceof` working when classes are compiled down to ES5.
    Object.setPrototypeOf(this, new.target.prototype);
    this.code = init.code;
    this.status = init.status;
    this.details = init.details;
    this.requestId = init.requestId;
    this.serverCode = init.serverCode ?? init.code;
  }

  /** True when the server answered with this code, known to @jinri/shared yet or not. */
  hasCode(code: string): boolean {
    return this.serverCode === code;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/**
 * True when the server was never reached (offline, DNS, timeout): the request may or may not have
 * arrived, so a form keeps what was typed and retries later (with the same idempotency key).
 */
export function isNetworkError(error: unknown): boolean {
  return isApiError(error) && error.status === 0 && error.code === 'COMMON.UNAVAILABLE';
}

/** Any thrown value as an ApiError (unknown errors become COMMON.INTERNAL). */
export function toApiError(error: unknown): ApiError {
  if (isApiError(error)) return error;
  return new ApiError({ code: 'COMMON.INTERNAL', status: 0 });
}

// --- access token -------------------------------------------------------------------------

let accessToken: string | null | undefined; // undefined: not read from storage yet

export function getAccessToken(): string | null {
  if (accessToken === undefined) {
    try {
      const stored: unknown = Taro.getStorageSync(TOKEN_STORAGE_KEY);
      accessToken = typeof stored === 'string' && stored !== '' ? stored : null;
    } catch {
      accessToken = null;
    }
  }
  return accessToken;
}

export function setAccessToken(token: string | null): void {
  accessToken = token;
  try {
    if (token) Taro.setStorageSync(TOKEN_STORAGE_KEY, token);
    else Taro.removeStorageSync(TOKEN_STORAGE_KEY);
  } catch {
    // Storage full or unavailable: the token still lives in memory for this session.
  }
}

// --- device id ----------------------------------------------------------------------------

const DEVICE_ID_STORAGE_KEY = 'jinri.deviceId';
let deviceId: string | undefined;

/**
 * A random id made once and kept in storage, sent as X-Device-Id with every request so the server
 * can brake guessing per device too. Not a secret and not an identity (the user can clear it).
 */
export function getDeviceId(): string {
  if (deviceId !== undefined) return deviceId;
  try {
    const stored: unknown = Taro.getStorageSync(DEVICE_ID_STORAGE_KEY);
    if (typeof stored === 'string' && DEVICE_ID_PATTERN.test(stored)) return (deviceId = stored);
  } catch {
    // Storage unavailable: a new id for this session below.
  }
  let fresh = `d${Date.now().toString(36)}`;
  while (fresh.length < 32) fresh += Math.random().toString(36).slice(2);
  deviceId = fresh.slice(0, 32);
  try {
    Taro.setStorageSync(DEVICE_ID_STORAGE_KEY, deviceId);
  } catch {
    // Kept in memory for this session.
  }
  return deviceId;
}

// --- relogin hook -------------------------------------------------------------------------

/**
 * Logs in again after a 401. Resolve with the new token (or call setAccessToken yourself and
 * resolve with nothing); reject if logging in is not possible.
 */
export type ReloginHandler = () => Promise<string | null | void>;

let reloginHandler: ReloginHandler | null = null;
let reloginInFlight: Promise<void> | null = null;

/** Registered by the identity feature. Pass null to unregister. */
export function setReloginHandler(handler: ReloginHandler | null): void {
  reloginHandler = handler;
}

/** Runs the relogin handler; concurrent 401s share one attempt. */
function relogin(handler: ReloginHandler): Promise<void> {
  reloginInFlight ??= handler()
    .then((token) => {
      if (typeof token === 'string' && token !== '') setAccessToken(token);
    })
    .finally(() => {
      reloginInFlight = null;
    });
  return reloginInFlight;
}

// --- request ------------------------------------------------------------------------------

export function buildUrl(path: string, query?: Query): string {
  const url = `${API_BASE}${path.startsWith('/') ? path : `/${path}`}`;
  if (!query) return url;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    const values: readonly QueryScalar[] = Array.isArray(value) ? value : [value as QueryScalar];
    for (const v of values) {
      if (v === null || v === undefined) continue;
      parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(v))}`);
    }
  }
  return parts.length ? `${url}${url.includes('?') ? '&' : '?'}${parts.join('&')}` : url;
}

function headerValue(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers as Record<string, unknown>)) {
    if (key.toLowerCase() === wanted && typeof value === 'string') return value;
  }
  return undefined;
}

function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'COMMON.BAD_REQUEST';
    case 401:
      return 'COMMON.UNAUTHORIZED';
    case 403:
      return 'COMMON.FORBIDDEN';
    case 404:
      return 'COMMON.NOT_FOUND';
    case 405:
      return 'COMMON.METHOD_NOT_ALLOWED';
    case 409:
      return 'COMMON.CONFLICT';
    case 413:
      return 'COMMON.PAYLOAD_TOO_LARGE';
    case 415:
      return 'COMMON.UNSUPPORTED_MEDIA_TYPE';
    case 429:
      return 'COMMON.RATE_LIMITED';
    case 502:
    case 503:
    case 504:
      return 'COMMON.UNAVAILABLE';
    default:
      return status >= 500 ? 'COMMON.INTERNAL' : 'COMMON.BAD_REQUEST';
  }
}

/** Turns a non-2xx response into an ApiError, trusting the body when it is a proper error body. */
function errorFromResponse(status: number, body: unknown, headers: unknown): ApiError {
  const headerRequestId = headerValue(headers, 'x-request-id');
  if (body && typeof body === 'object' && isErrorCode((body as { code?: unknown }).code)) {
    const b = body as Partial<ApiErrorBody> & { code: ErrorCode };
    return new ApiError({
      code: b.code,
      status,
      message: typeof b.message === 'string' ? b.message : undefined,
      details: b.details,
      requestId: typeof b.requestId === 'string' ? b.requestId : headerRequestId,
    });
  }
  // A code this build does not know yet (a newer server): classify by status, but keep the server's
  // own message, which is written for a person, and its raw code for callers that need it.
  if (body && typeof body === 'object' && typeof (body as { code?: unknown }).code === 'string') {
    const b = body as { code: string; message?: unknown; details?: unknown; requestId?: unknown };
    return new ApiError({
      code: codeForStatus(status),
      status,
      message: typeof b.message === 'string' ? b.message : undefined,
      details: b.details,
      requestId: typeof b.requestId === 'string' ? b.requestId : headerRequestId,
      serverCode: b.code,
    });
  }
  // Not our server's error body (a proxy, a gateway page...): classify by status.
  return new ApiError({ code: codeForStatus(status), status, requestId: headerRequestId });
}

/** Headers the wrapper sets itself; a caller's `headers` never replace them. */
const OWN_HEADERS = new Set(['accept', 'content-type', 'authorization', DEVICE_ID_HEADER.toLowerCase()]);

function extraHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (!OWN_HEADERS.has(name.toLowerCase())) out[name] = value;
  }
  return out;
}

async function send(options: RequestOptions, withToken: boolean): Promise<RawResponse> {
  const method = options.method ?? 'GET';
  const header: Record<string, string> = {
    ...extraHeaders(options.headers),
    Accept: 'application/json',
    [DEVICE_ID_HEADER]: getDeviceId(),
  };
  if (options.data !== undefined) header['Content-Type'] = 'application/json';
  const token = withToken ? getAccessToken() : null;
  if (token) header.Authorization = `Bearer ${token}`;

  try {
    const res = await Taro.request({
      url: buildUrl(options.path, options.query),
      method,
      data: options.data as TaroGeneral.IAnyObject | undefined,
      header,
      dataType: 'json',
      responseType: 'text',
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
    return { statusCode: res.statusCode, data: res.data, header: res.header };
  } catch (error) {
    // Taro.request rejects only when no HTTP response arrived: offline, DNS, TLS, timeout.
    return rethrowAsNetworkError(error);
  }
}

/** A call that got no HTTP answer (offline, DNS, TLS, timeout) as the ApiError with status 0. */
function rethrowAsNetworkError(cause: unknown): never {
  throw new ApiError({
    code: 'COMMON.UNAVAILABLE',
    status: 0,
    message: NETWORK_ERROR_MESSAGE,
    details: { cause: (cause as { errMsg?: string } | undefined)?.errMsg ?? String(cause) },
  });
}

function isHtml(res: RawResponse): boolean {
  return (headerValue(res.header, 'content-type') ?? '').includes('text/html');
}

/**
 * Calls the API and resolves with the parsed JSON body (undefined for 204).
 * Rejects with ApiError, never anything else.
 */
export async function request<T>(options: RequestOptions): Promise<T> {
  const offline = offlineCopyFor(options);
  let res: RawResponse;
  try {
    res = await withRelogin((withToken) => send(options, withToken), options.auth ?? true);
  } catch (error) {
    // No answer at all (never a 4xx/5xx): a resident page shows its last good copy, marked.
    const kept = offline && isNetworkError(error) ? readOfflineAnswer<T>(offline.url) : null;
    if (kept) return kept.body;
    throw error;
  }
  if (res.statusCode >= 200 && res.statusCode < 300) {
    // An HTML page where JSON was expected: a misrouted request (e.g. an SPA fallback).
    if (isHtml(res)) throw new ApiError({ code: 'COMMON.UNAVAILABLE', status: res.statusCode });
    if (offline && res.statusCode === 200) saveOfflineAnswer(offline.url, res.data, offline.owner);
    return (res.statusCode === 204 ? undefined : res.data) as T;
  }
  throw errorFromResponse(res.statusCode, res.data, res.header);
}

/**
 * An answer that did not come through request() (H5's first screen, read from index.html: boot.ts)
 * kept as the offline copy of the GET `options` describes, exactly as if request() had fetched it.
 * Returns `body`.
 */
export function keepAnswer<T>(options: RequestOptions, body: T): T {
  const offline = offlineCopyFor(options);
  if (offline) saveOfflineAnswer(offline.url, body, offline.owner);
  return body;
}

/**
 * The offline copy's URL and owner when this GET is one of a resident page (offline-cache.ts),
 * decided before it is sent: who is signed in and whether the token goes along.
 */
function offlineCopyFor(options: RequestOptions): { url: string; owner: OfflineOwner | null } | null {
  const withToken = (options.auth ?? true) && !!getAccessToken();
  const owner = getOfflineOwner();
  if (!isOfflineCacheable(options.method ?? 'GET', options.path, withToken, owner)) return null;
  return { url: buildUrl(options.path, options.query), owner };
}

/**
 * Sends with the token (when `auth`); on 401 forgets the token, lets the relogin handler log in
 * once and sends again. Shared by request(), upload() and download().
 */
async function withRelogin<R extends RawResponse>(
  sendOnce: (withToken: boolean) => Promise<R>,
  auth: boolean,
): Promise<R> {
  let res = await sendOnce(auth);
  if (res.statusCode === 401 && auth) {
    const handler = reloginHandler;
    if (getAccessToken()) setAccessToken(null); // the token we sent is no good
    if (handler) {
      try {
        await relogin(handler);
      } catch (error) {
        throw isApiError(error) ? error : errorFromResponse(res.statusCode, parseBody(res.data), res.header);
      }
      res = await sendOnce(true);
    }
  }
  return res;
}

// --- files --------------------------------------------------------------------------------

export interface UploadOptions {
  /** Path below the API base, e.g. '/uploads'. */
  path: string;
  query?: Query;
  file: MultipartFile;
}

/** A text body that is JSON, parsed (uploadFile and fetch hand over text); anything else as is. */
function parseBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  if (body === '') return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

/** Upload answers are JSON; a download's Accept is left to the platform. */
function fileHeaders(withToken: boolean, json: boolean): Record<string, string> {
  const token = withToken ? getAccessToken() : null;
  return {
    ...(json ? { Accept: 'application/json' } : {}),
    [DEVICE_ID_HEADER]: getDeviceId(),
    ...(token ? { Authorization: `Bearer ${token}` } : {}),
  };
}

/**
 * POST a file as multipart (`file` field) and resolve with the parsed JSON answer. Same token,
 * relogin and ApiError as request().
 */
export async function upload<T>(options: UploadOptions): Promise<T> {
  if (process.env.TARO_ENV === 'h5' && !options.file.blob) {
    throw new ApiError({ code: 'COMMON.BAD_REQUEST', status: 0, message: '请重新选择文件' });
  }
  const url = buildUrl(options.path, options.query);
  const res = await withRelogin(
    (withToken) => sendFile(url, options.file, fileHeaders(withToken, true)).catch(rethrowAsNetworkError),
    true,
  );
  const body = parseBody(res.data);
  if (res.statusCode >= 200 && res.statusCode < 300) return body as T;
  throw errorFromResponse(res.statusCode, body, res.header);
}

/** GET a file (a spreadsheet) with the token. Same relogin and ApiError as request(). */
export async function download(options: { path: string; query?: Query }): Promise<DownloadedFile> {
  const url = buildUrl(options.path, options.query);
  const res = await withRelogin(
    (withToken) => receiveFile(url, fileHeaders(withToken, false)).catch(rethrowAsNetworkError),
    true,
  );
  if (res.file) return res.file;
  throw errorFromResponse(res.statusCode, parseBody(res.data), res.header);
}
