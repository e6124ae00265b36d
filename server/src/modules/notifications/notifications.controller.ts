import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { SubscribeTemplates } from '@jinri/shared';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';

/** Which template purposes each kind of user is asked to accept (WeChat allows 3 per request). */
export const SUBSCRIBE_PURPOSES = {
  resident: ['ticketReply'],
  staff: ['ticketNew', 'ticketDue', 'planReminder'],
} as const;

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** The template ids to pass to wx.requestSubscribeMessage (configured with WECHAT_TEMPLATES). */
  @Get('templates')
  templates(): SubscribeTemplates {
    const ids = (purposes: readonly string[]) =>
      purposes.flatMap((p) => (this.config.wechat.templates[p] ? [this.config.wechat.templates[p].id] : []));
    return { resident: ids(SUBSCRIBE_PURPOSES.resident), staff: ids(SUBSCRIBE_PURPOSES.staff) };
  }
}
