import type { Role } from '../constants.js';

/** What a client knows about the signed-in user. Never carries an openid or a session key. */
export interface MeUser {
  id: number;
  roles: Role[];
  /** Set when the user is bound to an official (role official). */
  officialId?: number;
}

export interface AuthTokens {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  refreshToken: string;
  user: MeUser;
}

/** POST /auth/wechat */
export interface WechatLoginRequest {
  code: string;
}

/** POST /auth/demo (only when the server runs with DEMO_LOGIN=1) */
export interface DemoLoginRequest {
  role: Role;
  officialId?: number;
  /**
   * A random id the browser keeps, so each demo visitor gets their own resident (their comments and
   * redeemed invites are not shared with every other visitor). Ignored for staff personas.
   */
  deviceKey?: string;
}

/** POST /auth/refresh and POST /auth/logout */
export interface RefreshRequest {
  refreshToken: string;
}

/** One role a user holds, with the unit subtree it covers. */
export interface RoleGrantView {
  id: number;
  role: Exclude<Role, 'resident'>;
  unit: { id: number; name: string } | null;
  official: { id: number; name: string } | null;
  createdAt: string;
}

/** A grant of the caller's that someone else (an admin) revoked. */
export interface RevokedGrantView extends RoleGrantView {
  revokedAt: string;
}

/** GET /me */
export interface MeResponse {
  user: MeUser;
  grants: RoleGrantView[];
  /**
   * The caller's grants an admin revoked in the last 30 days, newest first: how a user whose
   * official binding was revoked (so that another account can be bound) learns about it.
   */
  revokedGrants: RevokedGrantView[];
  official: { id: number; name: string; posts: string[]; phoneMasked: string | null } | null;
  demo: boolean;
}

/** POST /me/invites/redeem */
export interface RedeemInviteRequest {
  code: string;
}

/** POST /me/phone — the code from WeChat's getPhoneNumber button. */
export interface BindPhoneRequest {
  code: string;
}

export interface BindPhoneResponse {
  phoneMasked: string;
}

/** POST /admin/invites */
export interface CreateInviteRequest {
  role: 'official' | 'clerk' | 'supervisor' | 'admin';
  unitId: number;
  officialId?: number;
  /** Hours until the code expires; default 72, at most 720. */
  expiresInHours?: number;
  note?: string;
}

export type InviteStatus = 'pending' | 'redeemed' | 'revoked' | 'expired';

export interface InviteView {
  id: number;
  role: CreateInviteRequest['role'];
  unit: { id: number; name: string };
  official: { id: number; name: string } | null;
  status: InviteStatus;
  expiresAt: string;
  createdAt: string;
  redeemedAt: string | null;
  note: string | null;
}

/** The plain code is returned once, at creation; only its hash is stored. */
export interface CreatedInvite extends InviteView {
  code: string;
}

/** GET /demo/personas — who the H5 role switcher can act as (DEMO_LOGIN only). */
export interface DemoPersona {
  role: Role;
  label: string;
  officialId?: number;
}
