/**
 * WeChat subscribe messages: a user receives a notice only for templates they accepted, and the
 * accept dialog opens only inside a tap. So the ids are fetched early, and `askSubscribe` is
 * called first thing in the tap handler (before any await). Only the weapp build has the dialog.
 */
import Taro from '@tarojs/taro';
import type { SubscribeTemplates } from '@jinri/shared';

import { getSubscribeTemplates } from '../api/notifications.api';

let cached: SubscribeTemplates | null = null;
let loading = false;

const supported = () => process.env.TARO_ENV === 'weapp';

/** Loads the template ids once (call when a page that will ask opens). */
export function prefetchSubscribeTemplates(): void {
  if (!supported() || cached || loading) return;
  loading = true;
  getSubscribeTemplates()
    .then((templates) => {
      cached = templates;
    })
    .catch(() => undefined)
    .finally(() => {
      loading = false;
    });
}

/**
 * Opens WeChat's "allow notices" dialog for the templates of this kind of user (at most 3). Never
 * throws and never blocks the action: a refusal only means no WeChat notice; the ticket's page
 * still shows every change. Resolves to the template ids the user accepted.
 */
export function askSubscribe(kind: keyof SubscribeTemplates): Promise<string[]> {
  if (!supported() || !cached || cached[kind].length === 0) return Promise.resolve([]);
  const tmplIds = cached[kind].slice(0, 3);
  return Taro.requestSubscribeMessage({ tmplIds, entityIds: [] })
    .then((result) => tmplIds.filter((id) => (result as unknown as Record<string, unknown>)[id] === 'accept'))
    .catch(() => []);
}

/** Whether this build can ask at all (the H5 build cannot). */
export function canAskSubscribe(): boolean {
  return supported();
}
