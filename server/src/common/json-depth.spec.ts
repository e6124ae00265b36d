import { jsonDepthExceeds as sut } from './json-depth';

const text = (json: string) => Buffer.from(json);

describe('jsonDepthExceeds', () => {
  it('lets 32 levels through and stops at the 33rd', () => {
    expect(sut(text(`${'['.repeat(32)}${']'.repeat(32)}`))).toBe(false);
    expect(sut(text(`${'['.repeat(33)}${']'.repeat(33)}`))).toBe(true);
  });

  it('counts objects and arrays alike', () => {
    expect(sut(text('{"a":'.repeat(20) + '[[[[[[[[[[[[[[[[' + '1' + ']'.repeat(16) + '}'.repeat(20)))).toBe(
      true,
    );
  });

  it('counts no brackets inside strings, escaped quotes included', () => {
    expect(sut(text(JSON.stringify({ note: '[{'.repeat(100), quoted: '\\"[[[[' + '['.repeat(50) })))).toBe(
      false,
    );
  });

  it('measures depth, not the number of brackets', () => {
    expect(sut(text(`[${'[],'.repeat(1000)}[]]`))).toBe(false);
  });

  it('stops at the limit on a body of nothing but opening brackets', () => {
    expect(sut(text('['.repeat(1_000_000)))).toBe(true);
  });
});
