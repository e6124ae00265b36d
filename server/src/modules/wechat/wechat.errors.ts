/** A WeChat API answer with a non-zero errcode. */
export class WechatApiError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
    readonly api: string,
  ) {
    super(`WeChat ${api} failed: ${errcode} ${errmsg}`);
    this.name = 'WechatApiError';
  }
}

/** WeChat could not be reached, timed out, or answered something that is not its JSON. */
export class WechatUnavailableError extends Error {
  constructor(
    readonly api: string,
    readonly reason: string,
  ) {
    super(`WeChat ${api} unavailable: ${reason}`);
    this.name = 'WechatUnavailableError';
  }
}

/** errcodes that mean "busy, try later" rather than "your request is wrong". */
export const WECHAT_BUSY_CODES = new Set([-1, 45009, 45011]);
/** errcodes that mean the access_token is no longer valid. */
export const WECHAT_TOKEN_CODES = new Set([40001, 40014, 42001]);
