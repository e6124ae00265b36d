import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { WechatApiError, WechatUnavailableError } from './wechat.errors';

interface WechatBody {
  errcode?: number;
  errmsg?: string;
}

/**
 * Plain HTTP to the WeChat server API at WECHAT_API_BASE, with a timeout. Returns the JSON body;
 * throws WechatApiError for a non-zero errcode and WechatUnavailableError for timeouts, network
 * errors, 5xx and anything that is not JSON. Never logs parameters (they carry codes and secrets).
 */
@Injectable()
export class WechatHttp {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async call<T>(
    api: string,
    options: { method: 'GET' | 'POST'; query?: Record<string, string>; body?: unknown },
  ): Promise<T> {
    const url = new URL(`${this.config.wechat.apiBase}${api}`);
    for (const [name, value] of Object.entries(options.query ?? {})) url.searchParams.set(name, value);
    let response: Response;
    try {
      response = await fetch(url, {
        method: options.method,
        headers: options.body === undefined ? undefined : { 'content-type': 'application/json' },
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(this.config.wechat.timeoutMs),
      });
    } catch (error) {
      const name = (error as Error).name;
      throw new WechatUnavailableError(
        api,
        name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network',
      );
    }
    if (response.status >= 500) throw new WechatUnavailableError(api, `http ${response.status}`);
    let body: T & WechatBody;
    try {
      body = (await response.json()) as T & WechatBody;
    } catch {
      throw new WechatUnavailableError(api, 'not json');
    }
    if (body.errcode !== undefined && body.errcode !== 0) {
      throw new WechatApiError(body.errcode, body.errmsg ?? '', api);
    }
    return body;
  }
}
