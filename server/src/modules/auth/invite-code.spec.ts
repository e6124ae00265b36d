import { generateInviteCode, hashInviteCode, normalizeInviteCode } from './invite-code';

describe('invite codes', () => {
  it('are generated as XXXX-XXXX-XXXX in Crockford base32', () => {
    const sut = generateInviteCode();
    expect(sut).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it('are not repeated across many draws', () => {
    const codes = new Set(Array.from({ length: 2000 }, generateInviteCode));
    expect(codes.size).toBe(2000);
  });

  it('normalise what people type: lower case, spaces, dashes, O for 0, I or L for 1', () => {
    expect(normalizeInviteCode('ab12-cd34-ef56')).toBe('AB12CD34EF56');
    expect(normalizeInviteCode(' ab12 cd34 ef56 ')).toBe('AB12CD34EF56');
    expect(normalizeInviteCode('OB1L-CD34-EF5I')).toBe('0B11CD34EF51');
  });

  it('reject input that cannot be a code', () => {
    expect(normalizeInviteCode('short')).toBeNull();
    expect(normalizeInviteCode('AB12-CD34-EF5U')).toBeNull();
    expect(normalizeInviteCode('中文中文中文中文中文中文')).toBeNull();
  });

  it('hash the canonical form, so typing variants match one stored hash', () => {
    expect(hashInviteCode(normalizeInviteCode('ab12-cd34-ef56')!)).toBe(
      hashInviteCode(normalizeInviteCode('AB12CD34EF56')!),
    );
    expect(hashInviteCode('AB12CD34EF56')).not.toContain('AB12');
  });
});
