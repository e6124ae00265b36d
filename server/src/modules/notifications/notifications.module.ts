import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { User } from '../auth/user.entity';
import { WechatModule } from '../wechat/wechat.module';
import { InAppMessage } from './in-app-message.entity';
import { InAppMessagesController } from './in-app-messages.controller';
import { InAppMessagesRepository } from './in-app-messages.repository';
import { InAppMessagesService } from './in-app-messages.service';
import { NotificationsController } from './notifications.controller';
import { OutboxDispatcherJob } from './outbox-dispatcher.job';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxRepository } from './outbox.repository';
import { OutboxService } from './outbox.service';

/**
 * Subscribe messages through an outbox table: enqueued with the change, sent with retries; each one
 * also lands in the in-app message centre (消息) in the same transaction.
 */
@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessage, InAppMessage, User]), WechatModule],
  controllers: [NotificationsController, InAppMessagesController],
  providers: [
    OutboxRepository,
    OutboxService,
    OutboxDispatcherJob,
    InAppMessagesRepository,
    InAppMessagesService,
  ],
  exports: [OutboxService],
})
export class NotificationsModule {}
