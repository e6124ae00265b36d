/**
 * Who is signed in, and how to sign in again.
 *
 * - The access token lives in the request wrapper (request.ts); the refresh token, the signed-in
 *   user and (H5 demo) the chosen persona live here, all in Taro storage so a restart keeps them.
 * - weapp: `initSession()` at launch logs in silently with `Taro.login()` → POST /auth/wechat.
 *   Everyone is a resident by default; the user id is what later tickets attach to.
 * - H5: anonymous unless the server runs the demo (DEMO_LOGIN=1) and a persona was chosen.
 * - On a 401 the request wrapper calls `relogin()`: refresh token first, then a new WeChat login
 *   (weapp) or the remembered demo persona (H5); if nothing works the session is cleared.
 * - An explicit 退出登录 is respected: weapp does not log in silently again until the person taps
 *   登录 (stored, so it survives a restart).
 * - Pages read the session with `useSession()` (src/hooks/useSession.ts) and re-render on change.
 */
import Taro from '@tarojs/taro';
import type { AuthTokens, DemoPersona, MeResponse, MeUser, Role } from '@jinri/shared';

import {
  getMe,
  postBindPhone,
  postDemoLogin,
  postLogout,
  postRedeemInvite,
  postRefresh,
  postWechatLogin,
} from './auth.api';
import { ApiError, getAccessToken, setAccessToken, setReloginHandler, toApiError } from './request';

const REFRESH_TOKEN_KEY = 'jinri.refreshToken';
const USER_KEY = 'jinri.user';
const PERSONA_KEY = 'jinri.demoPersona';
const LOGGED_OUT_KEY = 'jinri.loggedOut';

/** Silent launch login (weapp): retry once after this long when WeChat or the network is down. */
const SILENT_LOGIN_RETRY_MS = 5_000;

export type SessionStatus = 'anonymous' | 'pending' | 'signedIn';

export interface Session {
  /** pending: a login is under way and nobody is signed in yet. */
  status: SessionStatus;
  user: MeUser | null;
  /** The last GET /me answer for `user`; null until loaded. */
  me: MeResponse | null;
  /** H5 demo: the persona we logged in as (relogin repeats it). */
  persona: DemoPersona | null;
}

// --- storage ------------------------------------------------------------------------------

function readRaw(key: string): unknown {
  try {
    return Taro.getStorageSync(key);
  } catch {
    return undefined;
  }
}

function readString(key: string): string | null {
  const raw = readRaw(key);
  return typeof raw === 'string' && raw !== '' ? raw : null;
}

function readJson<T>(key: string, isValid: (value: unknown) => value is T): T | null {
  const raw = readString(key);
  if (raw === null) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return isValid(value) ? value : null;
  } catch {
    return null;
  }
}

/** Strings are stored as they are, anything else as JSON; null removes the key. */
function write(key: string, value: unknown): void {
  try {
    if (value === null || value === undefined) Taro.removeStorageSync(key);
    else Taro.setStorageSync(key, typeof value === 'string' ? value : JSON.stringify(value));
  } catch {
    // Storage full or unavailable: the value still lives in memory for this run.
  }
}

const isUser = (v: unknown): v is MeUser =>
  !!v && typeof v === 'object' && typeof (v as MeUser).id === 'number' && Array.isArray((v as MeUser).roles);
const isPersona = (v: unknown): v is DemoPersona =>
  !!v &&
  typeof v === 'object' &&
  typeof (v as DemoPersona).role === 'string' &&
  typeof (v as DemoPersona).label === 'string';

// --- state --------------------------------------------------------------------------------

let refreshToken: string | null = null;
let state: Session | undefined; // undefined: not read from storage yet
const listeners = new Set<() => void>();
/**
 * Bumped by every explicit change of identity (login button, persona switch, logout). A login or
 * refresh that started before a bump must not overwrite what the person chose since.
 */
let epoch = 0;

function load(): Session {
  refreshToken = readString(REFRESH_TOKEN_KEY);
  const user = readJson(USER_KEY, isUser);
  const persona = process.env.TARO_ENV === 'h5' ? readJson(PERSONA_KEY, isPersona) : null;
  const hasToken = !!getAccessToken() || !!refreshToken;
  if (user && hasToken) return { status: 'signedIn', user, me: null, persona };
  return { status: 'anonymous', user: null, me: null, persona: null };
}

/** The current session; a new object after every change (safe for useSyncExternalStore). */
export function getSession(): Session {
  state ??= load();
  return state;
}

/** Calls `listener` after every change; returns the unsubscribe function. */
export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function update(patch: Partial<Session>): void {
  state = { ...getSession(), ...patch };
  if ('user' in patch) write(USER_KEY, patch.user);
  if ('persona' in patch) write(PERSONA_KEY, patch.persona);
  for (const listener of [...listeners]) listener();
}

function setRefreshToken(token: string | null): void {
  refreshToken = token;
  write(REFRESH_TOKEN_KEY, token);
}

function getRefreshToken(): string | null {
  getSession(); // reads storage on first use
  return refreshToken;
}

function isLoggedOut(): boolean {
  return readString(LOGGED_OUT_KEY) === '1';
}

function setLoggedOut(value: boolean): void {
  write(LOGGED_OUT_KEY, value ? '1' : null);
}

/** Stores fresh tokens. `me` is kept only while the user stays the same and `keepMe` is set. */
function applyTokens(tokens: AuthTokens, keepMe: boolean, extra: Partial<Session> = {}): void {
  setAccessToken(tokens.accessToken);
  setRefreshToken(tokens.refreshToken);
  const current = getSession();
  const sameUser = current.user?.id === tokens.user.id;
  update({ status: 'signedIn', user: tokens.user, me: keepMe && sameUser ? current.me : null, ...extra });
}

function clearSession(): void {
  epoch++;
  setAccessToken(null);
  setRefreshToken(null);
  update({ status: 'anonymous', user: null, me: null, persona: null });
}

/** Status 0 (no answer), 5xx, 408, 429: worth trying again later; the session is not at fault. */
function isTransient(error: ApiError): boolean {
  return error.status === 0 || error.status >= 500 || error.status === 408 || error.status === 429;
}

function superseded(): ApiError {
  return new ApiError({ code: 'COMMON.CONFLICT', status: 0, message: '登录状态已变化，请重试' });
}

// --- logins -------------------------------------------------------------------------------

/** weapp: a fresh code from WeChat (valid 5 minutes, single use). */
async function getWechatCode(): Promise<string> {
  try {
    const res = await Taro.login({ timeout: 10_000 });
    if (res.code) return res.code;
  } catch {
    // handled below
  }
  throw new ApiError({
    code: 'AUTH.WECHAT_UNAVAILABLE',
    status: 0,
    message: '微信登录失败，请检查网络后重试',
  });
}

/**
 * weapp: Taro.login → POST /auth/wechat. `explicit` (the person tapped 登录) wins over anything
 * in flight and lifts a previous 退出登录.
 */
export async function loginWithWechat(options: { explicit?: boolean } = {}): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp') {
    throw new ApiError({ code: 'COMMON.BAD_REQUEST', status: 0, message: '请在微信小程序中登录' });
  }
  const started = options.explicit ? ++epoch : epoch;
  const wasAnonymous = getSession().status === 'anonymous';
  if (wasAnonymous) update({ status: 'pending' });
  try {
    const tokens = await postWechatLogin(await getWechatCode());
    if (started !== epoch) throw superseded();
    setLoggedOut(false);
    applyTokens(tokens, true);
  } catch (error) {
    if (wasAnonymous && started === epoch && getSession().status === 'pending') {
      update({ status: 'anonymous' });
    }
    throw toApiError(error);
  }
}

const DEVICE_KEY = 'jinri.demoDeviceKey';

/** H5 demo: a random id kept in this browser, so each visitor has their own demo resident. */
function demoDeviceKey(): string {
  const stored = Taro.getStorageSync<string>(DEVICE_KEY);
  if (typeof stored === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(stored)) return stored;
  const key = `d${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`;
  Taro.setStorageSync(DEVICE_KEY, key);
  return key;
}

/** H5 demo: log in as a persona (POST /auth/demo) and remember it for relogin. */
export async function loginDemo(persona: DemoPersona, options: { explicit?: boolean } = {}): Promise<void> {
  const started = options.explicit === false ? epoch : ++epoch;
  const tokens = await postDemoLogin(
    persona.officialId === undefined
      ? { role: persona.role, deviceKey: demoDeviceKey() }
      : { role: persona.role, officialId: persona.officialId },
  );
  if (started !== epoch) throw superseded();
  applyTokens(tokens, isSamePersona(getSession().persona, persona), { persona });
}

let refreshInFlight: Promise<void> | null = null;

/** POST /auth/refresh. Concurrent calls share one request: a rotated token is only good once. */
export function refresh(): Promise<void> {
  refreshInFlight ??= doRefresh().finally(() => {
    refreshInFlight = null;
  });
  return refreshInFlight;
}

async function doRefresh(): Promise<void> {
  const token = getRefreshToken();
  if (!token) throw new ApiError({ code: 'AUTH.TOKEN_INVALID', status: 401 });
  const started = epoch;
  let tokens: AuthTokens;
  try {
    tokens = await postRefresh(token);
  } catch (error) {
    const apiError = toApiError(error);
    // Refused (not just unreachable): this refresh token is dead; forget it.
    if (!isTransient(apiError) && getRefreshToken() === token) setRefreshToken(null);
    throw apiError;
  }
  if (started !== epoch) throw superseded();
  applyTokens(tokens, true);
}

/** Ends the session here at once, then revokes the refresh token on the server (best effort). */
export async function logout(): Promise<void> {
  const token = getRefreshToken();
  clearSession();
  if (process.env.TARO_ENV === 'weapp') setLoggedOut(true);
  if (token) await postLogout(token).catch(() => undefined);
}

/**
 * The request wrapper's 401 handler. Network trouble is passed on without touching the session
 * (the person is still who they were); only refusals move on to the next way of logging in.
 */
async function relogin(): Promise<void> {
  const hadSession = getSession().status === 'signedIn';
  const attempts: Array<() => Promise<void>> = [];
  if (getRefreshToken()) attempts.push(refresh);
  if (process.env.TARO_ENV === 'weapp' && !isLoggedOut()) attempts.push(() => loginWithWechat());
  const persona = getSession().persona;
  if (process.env.TARO_ENV === 'h5' && persona) {
    attempts.push(() => loginDemo(persona, { explicit: false }));
  }
  for (const attempt of attempts) {
    try {
      await attempt();
      return;
    } catch (error) {
      const apiError = toApiError(error);
      if (isTransient(apiError)) throw apiError;
    }
  }
  if (hadSession) clearSession();
  throw hadSession
    ? new ApiError({ code: 'AUTH.TOKEN_INVALID', status: 401 })
    : new ApiError({ code: 'COMMON.UNAUTHORIZED', status: 401 });
}

let initialized = false;

/** Call once at app launch: registers the 401 handler; weapp logs in silently. */
export function initSession(): void {
  if (initialized) return;
  initialized = true;
  setReloginHandler(relogin);
  if (process.env.TARO_ENV === 'weapp' && getSession().status === 'anonymous' && !isLoggedOut()) {
    void silentLogin(true);
  }
}

async function silentLogin(retry: boolean): Promise<void> {
  try {
    await loginWithWechat();
  } catch (error) {
    // Stay anonymous; 我的 offers a 登录 button. Retry once if WeChat or the network was down.
    // (The wrapper does not expose Retry-After, so the wait is fixed.)
    if (retry && isTransient(toApiError(error))) {
      setTimeout(() => {
        if (getSession().status === 'anonymous' && !isLoggedOut()) void silentLogin(false);
      }, SILENT_LOGIN_RETRY_MS);
    }
  }
}

// --- the signed-in user -------------------------------------------------------------------

function acceptMe(me: MeResponse, started: number): void {
  // Ignore answers that arrive after the person logged out or switched identity.
  if (started !== epoch || getSession().status !== 'signedIn') return;
  update({ me, user: me.user });
}

/** GET /me into the session. */
export async function loadMe(): Promise<MeResponse> {
  const started = epoch;
  const me = await getMe();
  acceptMe(me, started);
  return me;
}

/** POST /me/invites/redeem; the session gets the new roles (and fresh tokens carrying them). */
export async function redeemInvite(code: string): Promise<MeResponse> {
  const started = epoch;
  const me = await postRedeemInvite(code);
  acceptMe(me, started);
  // Tokens may carry the roles: rotate now so the next calls already act with the new ones.
  void refresh().catch(() => undefined);
  return me;
}

/** POST /me/phone with the getPhoneNumber button's code; updates the masked phone shown. */
export async function bindPhone(code: string): Promise<string> {
  const started = epoch;
  const { phoneMasked } = await postBindPhone(code);
  const me = getSession().me;
  if (me?.official && started === epoch) {
    update({ me: { ...me, official: { ...me.official, phoneMasked } } });
  }
  return phoneMasked;
}

// --- helpers ------------------------------------------------------------------------------

/**
 * H5 demo: the persona that still describes the signed-in user, if any. The one we logged in as stops
 * describing them when their roles change under it: a 居民 who redeemed an invite is no longer just a
 * 居民, so the switcher must not say 居民 · 当前.
 */
export function currentPersona(session: Pick<Session, 'status' | 'user' | 'persona'>): DemoPersona | null {
  const { persona, user } = session;
  if (session.status !== 'signedIn' || !persona || !user) return null;
  if (persona.role === 'resident') return user.roles.every((r) => r === 'resident') ? persona : null;
  if (!user.roles.includes(persona.role)) return null;
  if (persona.officialId !== undefined && user.officialId !== persona.officialId) return null;
  return persona;
}

export function isSamePersona(a: DemoPersona | null, b: DemoPersona | null): boolean {
  return !!a && !!b && a.role === b.role && (a.officialId ?? null) === (b.officialId ?? null);
}

export function hasRole(session: Session, role: Role): boolean {
  return !!session.user?.roles.includes(role);
}
