import type { SubscribeTemplates } from '@jinri/shared';
import { request } from './request';

/** GET /notifications/templates — the subscribe-message template ids to ask users to accept (public). */
export function getSubscribeTemplates(): Promise<SubscribeTemplates> {
  return request<SubscribeTemplates>({ path: '/notifications/templates', auth: false });
}
