import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { fieldType, fitSubscribeValue } from './subscribe-values';
import { WechatApiError, WECHAT_TOKEN_CODES } from './wechat.errors';
import { WechatHttp } from './wechat-http';
import { WechatMessageLog, type WechatMessageStatus } from './wechat-message-log.entity';
import { WechatTokenService } from './wechat-token.service';

export interface WechatSession {
  openid: string;
  unionid?: string;
}

export type SecuritySuggest = 'pass' | 'review' | 'risky';

export interface SecurityVerdict {
  suggest: SecuritySuggest;
  /** 100 normal, 10001 ad, 20001 politics, 20002 porn, 20003 abuse, 20006 illegal, 21000 other. */
  label: number;
}

export interface SubscribeResult {
  status: WechatMessageStatus;
  errcode: number;
  /** Worth trying again later (WeChat busy or unreachable); false for 43101 and bad requests. */
  retryable: boolean;
}

/**
 * The WeChat server APIs the product uses: login (jscode2session), phone numbers, subscribe
 * messages and content security. Calls that need an access_token renew it once on 40001/42001.
 */
@Injectable()
export class WechatClient {
  private readonly logger = new Logger('WechatClient');

  constructor(
    private readonly http: WechatHttp,
    private readonly tokens: WechatTokenService,
    @InjectRepository(WechatMessageLog) private readonly messageLog: Repository<WechatMessageLog>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Exchanges a wx.login code. The session_key is dropped here and never leaves this method. */
  async code2Session(code: string): Promise<WechatSession> {
    const body = await this.http.call<{ openid: string; unionid?: string; session_key?: string }>(
      '/sns/jscode2session',
      {
        method: 'GET',
        query: {
          appid: this.config.wechat.appId,
          secret: this.config.wechat.secret,
          js_code: code,
          grant_type: 'authorization_code',
        },
      },
    );
    return body.unionid ? { openid: body.openid, unionid: body.unionid } : { openid: body.openid };
  }

  /** The phone number behind a getPhoneNumber button code (mainland numbers without +86). */
  async getPhoneNumber(code: string): Promise<string> {
    const body = await this.withToken<{ phone_info: { purePhoneNumber: string } }>(
      '/wxa/business/getuserphonenumber',
      { code },
    );
    return body.phone_info.purePhoneNumber;
  }

  /** Content security check v2 (scene 2 = comments). */
  async msgSecCheck(openid: string, content: string, scene = 2): Promise<SecurityVerdict> {
    const body = await this.withToken<{ result: { suggest: SecuritySuggest; label: number } }>(
      '/wxa/msg_sec_check',
      {
        content,
        version: 2,
        scene,
        openid,
      },
    );
    return { suggest: body.result.suggest, label: Number(body.result.label) };
  }

  /**
   * Sends a subscribe message for a configured purpose, fitting each value to its field type.
   * Every attempt is logged; 43101 (the user has no subscription left) is final, not retried.
   */
  async sendSubscribeMessage(
    userId: number,
    openid: string,
    purpose: string,
    values: Record<string, string>,
    page?: string,
  ): Promise<SubscribeResult> {
    const template = this.config.wechat.templates[purpose];
    if (!template) throw new Error(`No subscribe template configured for "${purpose}"`);
    const data: Record<string, { value: string }> = {};
    for (const [key, type] of Object.entries(template.fields)) {
      data[key] = { value: fitSubscribeValue(type || fieldType(key), values[key] ?? '') };
    }
    let result: SubscribeResult;
    try {
      await this.withToken('/cgi-bin/message/subscribe/send', {
        touser: openid,
        template_id: template.id,
        page: page ?? template.page,
        data,
        miniprogram_state: this.config.wechat.miniprogramState,
        lang: 'zh_CN',
      });
      result = { status: 'sent', errcode: 0, retryable: false };
    } catch (error) {
      if (error instanceof WechatApiError) {
        result =
          error.errcode === 43101
            ? { status: 'no_subscription', errcode: 43101, retryable: false }
            : error.errcode === -1 || error.errcode === 45009
              ? { status: 'failed', errcode: error.errcode, retryable: true }
              : { status: 'rejected', errcode: error.errcode, retryable: false };
      } else {
        result = { status: 'failed', errcode: -1, retryable: true };
      }
      this.logger.warn(
        { purpose, errcode: result.errcode, status: result.status },
        'subscribe message not sent',
      );
    }
    await this.messageLog.insert({ userId, purpose, status: result.status, errcode: result.errcode });
    return result;
  }

  private async withToken<T>(api: string, body: unknown): Promise<T> {
    const token = await this.tokens.getAccessToken();
    try {
      return await this.http.call<T>(api, {
        method: 'POST',
        query: { access_token: token },
        body,
      });
    } catch (error) {
      if (!(error instanceof WechatApiError) || !WECHAT_TOKEN_CODES.has(error.errcode)) throw error;
      const renewed = await this.tokens.renewAfterRejection(token);
      return this.http.call<T>(api, {
        method: 'POST',
        query: { access_token: renewed },
        body,
      });
    }
  }
}
