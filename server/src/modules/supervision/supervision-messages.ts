import { Injectable } from '@nestjs/common';
import { AuthRepository } from '../auth/auth.repository';
import type { OutgoingMessage } from '../notifications/outbox.service';

/** One supervision message to an official: what happened, the date, what to do next, the page. */
export interface SupervisionMessage {
  officialId: number;
  /** ≤ 20 characters (a WeChat `thing`): "迟报 已认定", "督通字〔2026〕3号 需书面检查". */
  what: string;
  /** YYYY-MM-DD HH:mm or a date, shown as `time2`. */
  time: string;
  /** ≤ 20 characters: "请查看并整改", "请于12月9日前提交书面检查". */
  next: string;
  page: string;
}

/**
 * The messages of the supervision records, through the notification outbox (an in-app message for
 * everyone, a WeChat subscribe message for those who accepted the `supervision` template). Only the
 * official concerned receives them: recipients are the users bound to that official.
 */
@Injectable()
export class SupervisionMessages {
  constructor(private readonly grants: AuthRepository) {}

  /** Read before the transaction that enqueues them (no second pooled connection inside it). */
  async build(messages: SupervisionMessage[]): Promise<OutgoingMessage[]> {
    if (messages.length === 0) return [];
    const recipients = await this.grants.findNotificationRecipients(
      [...new Set(messages.map((m) => m.officialId))],
      [],
    );
    return messages.flatMap((m) =>
      recipients
        .filter((r) => r.officialId === m.officialId)
        .map((r) => ({
          userId: r.userId,
          purpose: 'supervision',
          values: { thing1: m.what, time2: m.time, thing3: m.next },
          page: m.page,
        })),
    );
  }
}
