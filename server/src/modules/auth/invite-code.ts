import { createHash, randomBytes } from 'node:crypto';

/** Crockford base32: no I, L, O, U, so codes read aloud or typed on a phone are unambiguous. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const INVITE_CODE_LENGTH = 12;

/** A new 12-character code (60 bits), shown grouped as XXXX-XXXX-XXXX. */
export function generateInviteCode(): string {
  const bytes = randomBytes(INVITE_CODE_LENGTH);
  const code = Array.from(bytes, (b) => ALPHABET[b & 31]).join('');
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/**
 * What the user typed → the canonical code: case, spaces and dashes ignored, and the letters people
 * confuse with digits read as those digits (O → 0, I/L → 1). Null when it cannot be a code.
 */
export function normalizeInviteCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (code.length !== INVITE_CODE_LENGTH || [...code].some((c) => !ALPHABET.includes(c))) return null;
  return code;
}

export function hashInviteCode(canonical: string): string {
  return createHash('sha256').update(`invite:${canonical}`).digest('hex');
}
