/**
 * What a resident is writing, kept on the phone until it is sent (src/hooks/useAutosave.ts), one
 * draft per target. The Idempotency-Key is made with the draft and kept with it: every retry of
 * the same draft sends the same key, so a retry after a dropped network never makes a second
 * ticket. Staff drafts (a reply, a resolution note) are kept per ticket the same way.
 */
import { IDEMPOTENCY_KEY_PATTERN, TICKET_LIMITS } from '@jinri/shared';

import { newIdempotencyKey, type TicketTargetRef } from '@/api/tickets.api';
import { isUploadedPhoto, type UploadedPhoto } from '@/components/PhotoField';

const PREFIX = 'jinri.tickets.';

export interface ComposeDraft {
  content: string;
  photos: UploadedPhoto[];
  publicAllowed: boolean;
  contactPhone: string;
  idempotencyKey: string;
}

export function targetKey(target: TicketTargetRef): string {
  if ('planEntryId' in target) return `entry.${target.planEntryId}`;
  if ('officialId' in target) return `official.${target.officialId}`;
  return `matter.${target.matterId}`;
}

export const draftKeys = {
  compose: (target: TicketTargetRef) => `${PREFIX}draft.${targetKey(target)}`,
  reply: (ticketId: number) => `${PREFIX}reply.${ticketId}`,
  resolve: (ticketId: number) => `${PREFIX}resolve.${ticketId}`,
};

export function emptyComposeDraft(): ComposeDraft {
  return {
    content: '',
    photos: [],
    publicAllowed: true,
    contactPhone: '',
    idempotencyKey: newIdempotencyKey(),
  };
}

export function isComposeDraft(v: unknown): v is ComposeDraft {
  const d = v as ComposeDraft | null;
  return (
    !!d &&
    typeof d.content === 'string' &&
    Array.isArray(d.photos) &&
    d.photos.every(isUploadedPhoto) &&
    typeof d.publicAllowed === 'boolean' &&
    typeof d.contactPhone === 'string' &&
    typeof d.idempotencyKey === 'string' &&
    IDEMPOTENCY_KEY_PATTERN.test(d.idempotencyKey)
  );
}

export function isEmptyComposeDraft(d: ComposeDraft): boolean {
  return !d.content.trim() && d.photos.length === 0 && !d.contactPhone.trim();
}

/** A mobile (11 digits from 1) or a landline with its area code (from 0); spaces and dashes ignored. */
export function isPhone(raw: string): boolean {
  const compact = raw.replace(/[\s-]/g, '');
  return /^1\d{10}$/.test(compact) || /^0\d{9,11}$/.test(compact);
}

/** What is wrong with a draft before sending it, or null. */
export function composeProblem(d: ComposeDraft): string | null {
  const length = d.content.trim().length;
  if (length < TICKET_LIMITS.contentMin) {
    return `请至少写 ${TICKET_LIMITS.contentMin} 个字，说清楚是什么事、在哪里`;
  }
  if (length > TICKET_LIMITS.contentMax)
    return `这条留言太长了，请删到 ${TICKET_LIMITS.contentMax} 字以内（现在 ${length} 字）`;
  if (d.contactPhone.trim() && !isPhone(d.contactPhone))
    return '联系电话格式不对，请填写手机号或带区号的座机号';
  return null;
}

export interface ResolveDraft {
  note: string;
  photos: UploadedPhoto[];
}

export function isResolveDraft(v: unknown): v is ResolveDraft {
  const d = v as ResolveDraft | null;
  return !!d && typeof d.note === 'string' && Array.isArray(d.photos) && d.photos.every(isUploadedPhoto);
}

export const isString = (v: unknown): v is string => typeof v === 'string';
