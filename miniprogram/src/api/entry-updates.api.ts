/** 一日三晒: the updates an official posts on today's plan entries (EntryUpdate). */
import type { EntryUpdateInput, EntryUpdateView } from '@jinri/shared';

import { request } from './request';

/** POST /entries/:id/updates (today's entries only: 400 ENTRY.NOT_TODAY otherwise). */
export function postEntryUpdate(entryId: number, body: EntryUpdateInput): Promise<EntryUpdateView> {
  return request<EntryUpdateView>({ method: 'POST', path: `/entries/${entryId}/updates`, data: body });
}
