import type { Page } from './directory.js';

/** One message in the in-app message centre (消息), newest first. */
export interface InAppMessageView {
  id: number;
  /** ticketNew, ticketReply, ticketDue, ticketDigest … */
  kind: string;
  title: string;
  body: string;
  /** The mini-program page to open, with its query ("packages/tickets/detail/index?id=12"). */
  page: string | null;
  createdAt: string;
  readAt: string | null;
}

/** GET /me/messages?page= — the caller's own messages, newest first, and how many are unread. */
export interface InAppMessagePage extends Page<InAppMessageView> {
  unread: number;
}

/** GET /me/messages/unread-count */
export interface UnreadCount {
  unread: number;
}

/** POST /me/messages/read — some of the caller's messages (ids) or all of them. */
export interface MarkMessagesReadRequest {
  ids?: number[];
  all?: boolean;
}

/** Another user's id is ignored: `marked` counts only the caller's own messages. */
export interface MarkMessagesReadResponse {
  marked: number;
  unread: number;
}

export const MESSAGE_LIMITS = {
  pageSize: 20,
  idsMax: 100,
  retentionDays: 180,
} as const;
