import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { User } from '../auth/user.entity';
import { WechatModule } from '../wechat/wechat.module';
import { NotificationsController } from './notifications.controller';
import { OutboxDispatcherJob } from './outbox-dispatcher.job';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxService } from './outbox.service';

/** Subscribe messages through an outbox table: enqueued with the change, sent with retries. */
@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessage, User]), WechatModule],
  controllers: [NotificationsController],
  providers: [OutboxService, OutboxDispatcherJob],
  exports: [OutboxService],
})
export class NotificationsModule {}
