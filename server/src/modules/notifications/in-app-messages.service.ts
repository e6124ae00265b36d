import { Inject, Injectable } from '@nestjs/common';
import {
  MESSAGE_LIMITS,
  type InAppMessagePage,
  type InAppMessageView,
  type MarkMessagesReadResponse,
  type UnreadCount,
} from '@jinri/shared';
import { CLOCK, type Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app.exception';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import type { AuthUser } from '../auth/auth-user';
import type { InAppMessage } from './in-app-message.entity';
import { InAppMessagesRepository } from './in-app-messages.repository';

const DAY = 86_400_000;

/** The caller's own in-app messages (消息): list, unread count, mark read. Nobody sees another's. */
@Injectable()
export class InAppMessagesService {
  constructor(
    private readonly repository: InAppMessagesRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(user: AuthUser, page: number): Promise<InAppMessagePage> {
    const pageSize = MESSAGE_LIMITS.pageSize;
    const [[rows, total], unread] = await Promise.all([
      this.repository.findPageOfUser(user.userId, (page - 1) * pageSize, pageSize),
      this.repository.countUnreadOfUser(user.userId),
    ]);
    return { items: rows.map(view), total, page, pageSize, unread };
  }

  async unreadCount(user: AuthUser): Promise<UnreadCount> {
    return { unread: await this.repository.countUnreadOfUser(user.userId) };
  }

  async markRead(
    user: AuthUser,
    input: { ids?: number[]; all?: boolean },
  ): Promise<MarkMessagesReadResponse> {
    const ids = input.all === true ? 'all' : input.ids;
    if (ids === undefined) throw new AppException('COMMON.VALIDATION_FAILED', '请指定要标记为已读的消息');
    const marked = await this.repository.markRead(user.userId, ids, this.clock.now());
    return { marked, unread: await this.repository.countUnreadOfUser(user.userId) };
  }

  /**
   * Drops messages older than the retention limit (idempotent: instances may run it together). A
   * message quotes its comment, so it never outlives the ticket's own personal-data retention
   * (TICKET_RETENTION_DAYS counts from the ticket's end, which is after the message was written).
   */
  purge(): Promise<number> {
    const days = Math.min(MESSAGE_LIMITS.retentionDays, this.config.tickets.retentionDays);
    return this.repository.deleteCreatedBefore(new Date(this.clock.now().getTime() - days * DAY));
  }
}

function view(m: InAppMessage): InAppMessageView {
  return {
    id: m.id,
    kind: m.kind,
    title: m.title,
    body: m.body,
    page: m.page,
    createdAt: m.createdAt.toISOString(),
    readAt: m.readAt?.toISOString() ?? null,
  };
}
