import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WechatAccessToken } from './wechat-access-token.entity';
import { WechatClient } from './wechat.client';
import { WechatHttp } from './wechat-http';
import { WechatMessageLog } from './wechat-message-log.entity';
import { WechatTokenService } from './wechat-token.service';

/** Real clients of the WeChat server API at WECHAT_API_BASE (a local stub in tests). */
@Module({
  imports: [TypeOrmModule.forFeature([WechatAccessToken, WechatMessageLog])],
  providers: [WechatHttp, WechatTokenService, WechatClient],
  exports: [WechatClient, WechatTokenService],
})
export class WechatModule {}
