import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { EncryptionKey } from '../../config/app.config';

/**
 * AES-256-GCM for personal data at rest (phone numbers, WeChat openids). A stored value reads
 * `<keyId>.<iv>.<tag>.<ciphertext>` (base64url), so several keys can be live during a rotation:
 * the first configured key encrypts, any configured key decrypts (see docs/security.md).
 */
export class FieldCipher {
  private readonly keys: Map<string, Buffer>;
  private readonly current: EncryptionKey;

  constructor(keys: EncryptionKey[]) {
    if (keys.length === 0) throw new Error('FieldCipher needs at least one encryption key');
    for (const { id, key } of keys) {
      if (key.length !== 32) throw new Error(`Encryption key "${id}" must be 32 bytes`);
    }
    this.keys = new Map(keys.map(({ id, key }) => [id, key]));
    this.current = keys[0]!;
  }

  encrypt(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [
      this.current.id,
      iv.toString('base64url'),
      tag.toString('base64url'),
      body.toString('base64url'),
    ].join('.');
  }

  decrypt(stored: string): string {
    const [keyId, iv, tag, body] = stored.split('.');
    const key = keyId ? this.keys.get(keyId) : undefined;
    if (!key || !iv || !tag || body === undefined)
      throw new Error(`Cannot decrypt: unknown key "${keyId}" or bad format`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }

  /** True when the value was encrypted with an older key and should be re-encrypted. */
  isStale(stored: string): boolean {
    return !stored.startsWith(`${this.current.id}.`);
  }
}

/** A stable, non-reversible lookup key for a high-entropy identifier (an openid). */
export function lookupHash(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** "13812345678" → "138****5678"; anything shorter keeps only its last 2 characters. */
export function maskPhone(phone: string): string {
  const all = phone.replace(/\D/g, '');
  const digits = all.length === 13 && all.startsWith('86') ? all.slice(2) : all;
  if (digits.length >= 7) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return `${'*'.repeat(Math.max(0, digits.length - 2))}${digits.slice(-2)}`;
}

/** Injection token of the app's FieldCipher. */
export const FIELD_CIPHER = Symbol('FIELD_CIPHER');
