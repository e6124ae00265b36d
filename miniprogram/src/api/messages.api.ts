/** The in-app message centre (消息): the signed-in user's own messages, fed by the notification outbox. */
import type {
  InAppMessagePage,
  MarkMessagesReadRequest,
  MarkMessagesReadResponse,
  UnreadCount,
} from '@jinri/shared';
import { request } from './request';

/** GET /me/messages?page= — newest first, with the unread count. */
export function getMessages(page = 1): Promise<InAppMessagePage> {
  return request<InAppMessagePage>({ path: '/me/messages', query: { page } });
}

/** GET /me/messages/unread-count — for the 消息 badge on 我的. */
export function getUnreadCount(): Promise<UnreadCount> {
  return request<UnreadCount>({ path: '/me/messages/unread-count' });
}

/** POST /me/messages/read — some messages (ids) or all of them. */
export function markMessagesRead(body: MarkMessagesReadRequest): Promise<MarkMessagesReadResponse> {
  return request<MarkMessagesReadResponse>({ method: 'POST', path: '/me/messages/read', data: body });
}
