import { createHmac } from 'node:crypto';
import { addressHash } from './client-address';

describe('addressHash', () => {
  it('is the HMAC-SHA256 of the address under the secret, in hex', () => {
    const sut = addressHash('203.0.113.7', 'secret');
    expect(sut).toBe(createHmac('sha256', 'secret').update('203.0.113.7').digest('hex'));
  });

  it('never contains the address itself', () => {
    expect(addressHash('203.0.113.7', 'secret')).not.toContain('203.0.113.7');
  });

  it('differs between secrets, so a leaked table cannot be matched without the key', () => {
    expect(addressHash('203.0.113.7', 'a')).not.toBe(addressHash('203.0.113.7', 'b'));
  });

  it('is null when the address is unknown', () => {
    expect(addressHash(undefined, 'secret')).toBeNull();
  });
});
