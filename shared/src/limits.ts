/**
 * Limits and formats both sides enforce: the server's DTOs validate them, the mini-program's forms
 * and calls stop at them. Change them here and both follow.
 */

/** A day plan: at most this many entries (the editor, the clerk's batch page, the DTOs). */
export const PLAN_MAX_ENTRIES = 20;
/** Plan entry texts, in characters. */
export const PLAN_WHAT_MAX_LENGTH = 200;
export const PLAN_PLACE_MAX_LENGTH = 100;
export const PLAN_KIND_MAX_LENGTH = 32;
export const PLAN_MEETING_NAME_MAX_LENGTH = 50;

/** GET /search?q=: longer queries are refused (400); the mini-program cuts them to this. */
export const SEARCH_QUERY_MAX_LENGTH = 50;

/** The `Idempotency-Key` header of a create: 16–64 letters, digits, "_" or "-" (a UUID qualifies). */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
