import { ErrorCodes, errorStatus, isErrorCode } from './errors';

describe('ErrorCodes', () => {
  it('names every code as DOMAIN.REASON in upper snake case', () => {
    for (const code of Object.keys(ErrorCodes)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]*\.[A-Z][A-Z_]*$/);
    }
  });

  it('gives every code a 4xx or 5xx status and a Chinese message', () => {
    for (const [code, { status, message }] of Object.entries(ErrorCodes)) {
      expect([code, status >= 400 && status < 600]).toEqual([code, true]);
      expect([code, /[\u4e00-\u9fa5]/.test(message)]).toEqual([code, true]);
    }
  });

  it('recognises known codes and rejects unknown ones', () => {
    expect(isErrorCode('COMMON.NOT_FOUND')).toBe(true);
    expect(isErrorCode('COMMON.NOPE')).toBe(false);
    expect(isErrorCode('toString')).toBe(false);
    expect(errorStatus('AUTH.WECHAT_UNAVAILABLE')).toBe(503);
  });
});
