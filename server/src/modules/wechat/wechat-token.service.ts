import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CLOCK, type Clock } from '../../common/clock';
import { FIELD_CIPHER, type FieldCipher } from '../../common/crypto/field-cipher';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { WechatAccessToken } from './wechat-access-token.entity';
import { WechatHttp } from './wechat-http';

/** Renew this long before WeChat's expiry, so no call goes out with a token about to lapse. */
export const RENEW_BEFORE_MS = 5 * 60 * 1000;

interface StableTokenBody {
  access_token: string;
  expires_in: number;
}

/**
 * The mini-program's access_token through /cgi-bin/stable_token, cached in the database so every
 * server instance uses the same one. stable_token (without force_refresh) returns the token that is
 * current at WeChat, so two instances renewing at once get the same value, not two competing ones.
 */
@Injectable()
export class WechatTokenService {
  private readonly logger = new Logger('WechatToken');
  private inflight: Promise<string> | null = null;

  constructor(
    private readonly http: WechatHttp,
    @InjectRepository(WechatAccessToken) private readonly tokens: Repository<WechatAccessToken>,
    @Inject(FIELD_CIPHER) private readonly cipher: FieldCipher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async getAccessToken(): Promise<string> {
    const cached = await this.tokens.findOneBy({ appId: this.config.wechat.appId });
    if (cached && cached.expiresAt.getTime() - this.clock.now().getTime() > RENEW_BEFORE_MS) {
      return this.cipher.decrypt(cached.tokenEnc);
    }
    return this.fetchOnce(false);
  }

  /**
   * Called when WeChat rejected `rejected` as expired/invalid (40001/42001). If another instance has
   * stored a newer token meanwhile, use it; otherwise ask WeChat, forcing a new token only when it
   * still hands out the rejected one.
   */
  async renewAfterRejection(rejected: string): Promise<string> {
    const cached = await this.tokens.findOneBy({ appId: this.config.wechat.appId });
    if (cached) {
      const stored = this.cipher.decrypt(cached.tokenEnc);
      if (stored !== rejected && cached.expiresAt.getTime() > this.clock.now().getTime()) return stored;
    }
    const fresh = await this.fetchOnce(false);
    return fresh !== rejected ? fresh : this.fetchOnce(true);
  }

  private fetchOnce(forceRefresh: boolean): Promise<string> {
    // Concurrent callers in this process share one request.
    if (!this.inflight) {
      this.inflight = this.fetch(forceRefresh).finally(() => {
        this.inflight = null;
      });
    }
    return this.inflight;
  }

  private async fetch(forceRefresh: boolean): Promise<string> {
    const body = await this.http.call<StableTokenBody>('/cgi-bin/stable_token', {
      method: 'POST',
      body: {
        grant_type: 'client_credential',
        appid: this.config.wechat.appId,
        secret: this.config.wechat.secret,
        force_refresh: forceRefresh,
      },
    });
    const now = this.clock.now();
    const row = {
      appId: this.config.wechat.appId,
      tokenEnc: this.cipher.encrypt(body.access_token),
      expiresAt: new Date(now.getTime() + body.expires_in * 1000),
      fetchedAt: now,
    };
    await this.tokens.upsert(row, ['appId']);
    this.logger.log({ forceRefresh, expiresIn: body.expires_in }, 'fetched a WeChat access_token');
    return body.access_token;
  }
}
