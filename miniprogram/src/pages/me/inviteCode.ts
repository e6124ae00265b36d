/**
 * Invite codes: 12 characters of Crockford base32 (0-9, A-Z without I, L, O, U), shown as
 * XXXX-XXXX-XXXX. People type them with dashes, spaces, lowercase or full-width characters (a
 * Chinese input method); the server normalises too, this is for what the person sees.
 */
export const INVITE_CODE_LENGTH = 12;
const GROUP = 4;

/** Full-width ASCII (ＡＢＣ１２３－) to half-width. */
function toHalfWidth(input: string): string {
  return input.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * The bare code: uppercase letters and digits only, at most 12. I and L read as 1, O as 0
 * (Crockford's rule: codes never contain them, so this only fixes misreadings).
 */
export function normalizeInviteCode(input: string): string {
  return toHalfWidth(input)
    .toUpperCase()
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0')
    .replace(/[^0-9A-Z]/g, '')
    .slice(0, INVITE_CODE_LENGTH);
}

/** 'ABCD2345EFGH' → 'ABCD-2345-EFGH' (also partial codes: 'ABCD23' → 'ABCD-23'). */
export function formatInviteCode(code: string): string {
  const groups: string[] = [];
  for (let i = 0; i < code.length; i += GROUP) groups.push(code.slice(i, i + GROUP));
  return groups.join('-');
}
