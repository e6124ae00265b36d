import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TransactionWriter } from '../../database/batched-transaction';
import type { PendingId, PendingText } from '../../database/insert-statement';
import { CLOCK, type Clock } from '../../common/clock';
import { FIELD_CIPHER, type FieldCipher } from '../../common/crypto/field-cipher';
import { Lifecycle } from '../operations/lifecycle.service';
import { WechatClient } from '../wechat/wechat.client';
import { InAppMessagesRepository } from './in-app-messages.repository';
import { inAppText } from './in-app-text';
import type { OutboxMessage } from './outbox-message.entity';
import { OutboxRepository } from './outbox.repository';

export interface OutgoingMessage {
  userId: number;
  purpose: string;
  values: Record<string, string>;
  /** Pending while the ticket is inserted in the same transaction (assigneeMessages). */
  page?: string | PendingText;
  ticketId?: number | PendingId;
}

/** After this many failed attempts a message is marked failed (about two days of retries). */
export const MAX_ATTEMPTS = 12;
/** How long a dispatcher holds a row it is sending. */
const CLAIM_MS = 60_000;

/** Backoff before attempt n+1: 30 s, 1 min, 2 min … capped at 6 h. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
}

export interface DispatchResult {
  sent: number;
  retried: number;
  dropped: number;
  failed: number;
}

/**
 * The notification outbox: a change enqueues its messages in its own transaction; `dispatch` sends
 * the due ones through WeChat, retrying with backoff when WeChat is busy or unreachable. Rows are
 * claimed with a conditional update, so several instances never send one twice.
 */
@Injectable()
export class OutboxService {
  private readonly logger = new Logger('Outbox');

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly inApp: InAppMessagesRepository,
    private readonly wechat: WechatClient,
    @Inject(FIELD_CIPHER) private readonly cipher: FieldCipher,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly lifecycle: Lifecycle,
  ) {}

  /** Writes the WeChat outbox rows and their in-app copies in the caller's transaction. */
  async enqueue(transaction: EntityManager | TransactionWriter, messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const now = this.clock.now();
    await this.outbox.insert(
      transaction,
      messages.map((m) => ({
        userId: m.userId,
        purpose: m.purpose,
        values: m.values,
        page: m.page ?? null,
        ticketId: m.ticketId ?? null,
        status: 'pending' as const,
        attempts: 0,
        nextAttemptAt: now,
        createdAt: now,
      })),
    );
    // The same messages in the in-app centre (消息), in the same transaction: every client sees them,
    // with or without a WeChat subscription.
    await this.inApp.insert(
      transaction,
      messages.map((m) => ({
        userId: m.userId,
        kind: m.purpose,
        ...inAppText(m.purpose, m.values),
        page: m.page ?? null,
        createdAt: now,
        readAt: null,
      })),
    );
  }

  /** Sends the messages that are due (at most `limit`). */
  async dispatch(limit = 50): Promise<DispatchResult> {
    const now = this.clock.now();
    const due = await this.outbox.findDue(now, limit);
    const result: DispatchResult = { sent: 0, retried: 0, dropped: 0, failed: 0 };
    if (due.length === 0) return result;
    const openids = await this.outbox.findEncryptedOpenids([...new Set(due.map((m) => m.userId))]);
    for (const message of due) {
      // Shutting down: claim nothing more (the rows stay pending for the next instance).
      if (this.lifecycle.draining) break;
      if (!(await this.outbox.claim(message.id, now, new Date(now.getTime() + CLAIM_MS)))) continue;
      const openidEnc = openids.get(message.userId);
      if (!openidEnc) {
        // Demo users and deleted accounts have no WeChat identity: nothing can ever be sent.
        await this.outbox.release(message.id, { status: 'dropped' });
        result.dropped += 1;
        continue;
      }
      const sent = await this.wechat.sendSubscribeMessage(
        message.userId,
        this.cipher.decrypt(openidEnc),
        message.purpose,
        message.values,
        message.page ?? undefined,
      );
      const attempts = message.attempts + 1;
      if (sent.status === 'sent') {
        await this.outbox.release(message.id, {
          status: 'sent',
          attempts,
          sentAt: this.clock.now(),
          lastErrcode: 0,
        });
        result.sent += 1;
      } else if (sent.retryable && attempts < MAX_ATTEMPTS) {
        await this.outbox.release(message.id, {
          attempts,
          lastErrcode: sent.errcode,
          nextAttemptAt: new Date(this.clock.now().getTime() + backoffMs(attempts)),
        });
        result.retried += 1;
      } else {
        const status = sent.status === 'no_subscription' ? 'dropped' : 'failed';
        await this.outbox.release(message.id, { status, attempts, lastErrcode: sent.errcode });
        if (status === 'dropped') result.dropped += 1;
        else result.failed += 1;
      }
    }
    if (result.retried + result.failed > 0) this.logger.warn(result, 'outbox: some messages not sent');
    return result;
  }

  /** For tests and the admin: the messages of a ticket. */
  forTicket(ticketId: number): Promise<OutboxMessage[]> {
    return this.outbox.findOfTicket(ticketId);
  }

  /** Pending messages that are due (a health figure). */
  countDue(): Promise<number> {
    return this.outbox.countDue(this.clock.now());
  }
}
