import { fieldType, fitSubscribeValue } from './subscribe-values';

describe('fitSubscribeValue', () => {
  it('cuts a thing to 20 characters with an ellipsis', () => {
    const sut = fitSubscribeValue('thing', '关于魏庄村变压器烧坏导致全村停电三天的紧急反映');
    expect(Array.from(sut)).toHaveLength(20);
    expect(sut.endsWith('…')).toBe(true);
  });

  it('leaves a short thing alone and squeezes whitespace', () => {
    expect(fitSubscribeValue('thing', '  明日计划\n未提交 ')).toBe('明日计划 未提交');
  });

  it('counts characters, not UTF-16 units, so an emoji is not split', () => {
    const sut = fitSubscribeValue('thing', '👍'.repeat(25));
    expect(Array.from(sut)).toHaveLength(20);
    expect(sut).not.toContain('\ud83d\u2026');
  });

  it('keeps only Chinese characters in a phrase, at most 5', () => {
    expect(fitSubscribeValue('phrase', '已回复 (ok)')).toBe('已回复');
    expect(fitSubscribeValue('phrase', '正在处理中请稍候')).toBe('正在处理中');
  });

  it('keeps a character_string printable ASCII, at most 32', () => {
    expect(fitSubscribeValue('character_string', 'GD-2026 1121 中 0001')).toBe('GD-202611210001');
    expect(fitSubscribeValue('character_string', 'x'.repeat(40))).toHaveLength(32);
  });

  it('allows 10 Chinese or 20 Latin characters in a name', () => {
    expect(fitSubscribeValue('name', '欧阳诸葛司马上官皇甫尉迟')).toHaveLength(10);
    expect(fitSubscribeValue('name', 'Alexander Hamilton Jr')).toHaveLength(20);
  });
});

describe('fieldType', () => {
  it('strips the trailing number of a template key', () => {
    expect(fieldType('thing12')).toBe('thing');
    expect(fieldType('character_string3')).toBe('character_string');
  });
});
