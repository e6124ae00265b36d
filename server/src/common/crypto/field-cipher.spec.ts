import { randomBytes } from 'node:crypto';
import { FieldCipher, lookupHash, maskPhone } from './field-cipher';

const key = (id: string) => ({ id, key: randomBytes(32) });

describe('FieldCipher', () => {
  it('round-trips text and never stores the plaintext', () => {
    const sut = new FieldCipher([key('v1')]);
    const stored = sut.encrypt('13812345678');
    expect(stored).not.toContain('13812345678');
    expect(stored.startsWith('v1.')).toBe(true);
    expect(sut.decrypt(stored)).toBe('13812345678');
  });

  it('uses a fresh IV each time', () => {
    const sut = new FieldCipher([key('v1')]);
    expect(sut.encrypt('x')).not.toBe(sut.encrypt('x'));
  });

  it('decrypts values of an older key after rotation and marks them stale', () => {
    const old = key('v1');
    const before = new FieldCipher([old]).encrypt('13900001111');
    const sut = new FieldCipher([key('v2'), old]);
    expect(sut.decrypt(before)).toBe('13900001111');
    expect(sut.isStale(before)).toBe(true);
    expect(sut.isStale(sut.encrypt('x'))).toBe(false);
  });

  it('refuses a tampered value', () => {
    const sut = new FieldCipher([key('v1')]);
    const [id, iv, tag, body] = sut.encrypt('13812345678').split('.');
    const flipped = Buffer.from(body!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => sut.decrypt([id, iv, tag, flipped.toString('base64url')].join('.'))).toThrow();
  });

  it('refuses a value of an unknown key', () => {
    const other = new FieldCipher([key('v9')]).encrypt('x');
    expect(() => new FieldCipher([key('v1')]).decrypt(other)).toThrow(/unknown key "v9"/);
  });
});

describe('maskPhone', () => {
  it('keeps the first 3 and last 4 digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('138****5678');
  });
});

describe('lookupHash', () => {
  it('is stable and not the input', () => {
    expect(lookupHash('o6_bmjrPTlm6_2sgVt7hMZOPfL2M')).toBe(lookupHash('o6_bmjrPTlm6_2sgVt7hMZOPfL2M'));
    expect(lookupHash('a')).not.toBe('a');
  });
});
