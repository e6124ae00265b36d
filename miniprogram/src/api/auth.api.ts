/**
 * Identity endpoints, one function per call. No state here: src/api/session.ts owns the tokens
 * and the signed-in user, and is what pages should use for logging in and out.
 */
import type { AuthTokens, BindPhoneResponse, DemoLoginRequest, DemoPersona, MeResponse } from '@jinri/shared';

import { request } from './request';

/** POST /auth/wechat — exchange a `Taro.login()` code for tokens. */
export function postWechatLogin(code: string): Promise<AuthTokens> {
  return request<AuthTokens>({ method: 'POST', path: '/auth/wechat', data: { code }, auth: false });
}

/** POST /auth/demo — only when the server runs with DEMO_LOGIN=1 (404 otherwise). */
export function postDemoLogin(body: DemoLoginRequest): Promise<AuthTokens> {
  return request<AuthTokens>({ method: 'POST', path: '/auth/demo', data: body, auth: false });
}

/** GET /demo/personas — who the demo role switcher can act as; 404 when demo login is off. */
export function getDemoPersonas(): Promise<DemoPersona[]> {
  return request<DemoPersona[]>({ method: 'GET', path: '/demo/personas', auth: false });
}

/** POST /auth/refresh — refresh tokens rotate: the answer carries the one to use next time. */
export function postRefresh(refreshToken: string): Promise<AuthTokens> {
  return request<AuthTokens>({
    method: 'POST',
    path: '/auth/refresh',
    data: { refreshToken },
    auth: false,
  });
}

/** POST /auth/logout — revokes the refresh token (204). */
export function postLogout(refreshToken: string): Promise<void> {
  return request<void>({ method: 'POST', path: '/auth/logout', data: { refreshToken }, auth: false });
}

/** GET /me */
export function getMe(): Promise<MeResponse> {
  return request<MeResponse>({ method: 'GET', path: '/me' });
}

/** POST /me/invites/redeem — the server normalises the code (case, dashes, spaces). */
export function postRedeemInvite(code: string): Promise<MeResponse> {
  return request<MeResponse>({ method: 'POST', path: '/me/invites/redeem', data: { code } });
}

/** POST /me/phone — `code` from the getPhoneNumber button (officials only). */
export function postBindPhone(code: string): Promise<BindPhoneResponse> {
  return request<BindPhoneResponse>({ method: 'POST', path: '/me/phone', data: { code } });
}
