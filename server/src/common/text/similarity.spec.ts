import { comparable, dice, normalizeForComparison, plainText, similarity } from './similarity';

describe('normalizeForComparison', () => {
  it('drops whitespace, punctuation of both widths and emoji', () => {
    const sut = normalizeForComparison(' 到魏庄村， 调度拆迁工作。（东片）!? 🚜 ');
    expect(sut).toBe('到魏庄村调度拆迁工作东片');
  });

  it('unifies full-width letters and digits with half-width ones, in lower case', () => {
    expect(normalizeForComparison('ＧＤＰ分析会')).toBe(normalizeForComparison('gdp分析会'));
    expect(normalizeForComparison('检查１２号地块')).toBe(normalizeForComparison('检查12号地块'));
  });

  it('replaces every run of digits with a single 0, keeping the words around it', () => {
    expect(normalizeForComparison('核实3户，走访12户')).toBe('核实0户走访0户');
    expect(normalizeForComparison('3.5公里')).toBe('0公里');
  });

  it('gives the same text when applied twice', () => {
    const once = normalizeForComparison('检查１号地块，ABC公司！');
    expect(normalizeForComparison(once)).toBe(once);
  });
});

describe('similarity', () => {
  it('is 1 for identical texts, and for texts equal once normalised', () => {
    expect(similarity('检查魏庄村拆迁项目', '检查魏庄村拆迁项目')).toBe(1);
    expect(similarity('检查1号地块', '检查 2 号地块。')).toBe(1);
    expect(similarity('', '')).toBe(1);
  });

  it('is 0 for texts with no pair of characters in common, or when one is empty', () => {
    expect(similarity('调度拆迁', '核查危房')).toBe(0);
    expect(similarity('调度拆迁', '')).toBe(0);
    expect(similarity('村', '镇')).toBe(0);
  });

  it('is the Dice coefficient of character bigrams', () => {
    // 9 bigrams each, 7 shared: 2 × 7 / 18.
    expect(similarity('到魏庄村调度拆迁工作', '到魏庄村调度拆除工作')).toBeCloseTo(14 / 18, 10);
  });

  it('counts repeated bigrams only as often as both texts have them', () => {
    // "哈哈哈" has the bigram 哈哈 twice, "哈哈" once: 2 × 1 / 3.
    expect(similarity('哈哈哈', '哈哈')).toBeCloseTo(2 / 3, 10);
  });

  it('is symmetric and stays between 0 and 1', () => {
    const texts = ['到魏庄村调度拆迁工作', '检查魏庄村拆迁项目进度', '开会', '村', '', 'ABC公司'];
    for (const a of texts) {
      for (const b of texts) {
        const sut = similarity(a, b);
        expect(sut).toBe(similarity(b, a));
        expect(sut).toBeGreaterThanOrEqual(0);
        expect(sut).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('plainText', () => {
  it('keeps letters and digits only, half width and in lower case', () => {
    expect(plainText(' ＧＤＰ 分析会，12 号！')).toBe('gdp分析会12号');
  });
});

describe('dice', () => {
  it('scores prepared texts as similarity scores the raw ones', () => {
    const a = '到魏庄村调度拆迁工作';
    const b = '到魏庄村调度拆除工作';
    expect(dice(comparable(a), comparable(b))).toBe(similarity(a, b));
  });

  it('counts a one-character text as its own single gram', () => {
    const sut = comparable('村');
    expect(sut).toMatchObject({ normalized: '村', length: 1, size: 1 });
    expect(dice(sut, comparable('村'))).toBe(1);
  });
});

describe('plainText', () => {
  const slow = (text: string) =>
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '');

  it('reads every character it does not normalise as NFKC would', () => {
    const ranges: Array<[number, number]> = [
      [0x20, 0x7e],
      [0x2010, 0x2027],
      [0x3000, 0x303f],
      [0x4e00, 0x9fff],
      [0xff01, 0xff5e],
    ];
    const differ: string[] = [];
    for (const [from, to] of ranges)
      for (let code = from; code <= to; code++) {
        const text = `甲${String.fromCharCode(code)}B`;
        if (plainText(text) !== slow(text)) differ.push(code.toString(16));
      }
    expect(differ).toEqual([]);
  });

  it('still normalises full-width letters and the Hangzhou numerals NFKC turns into ideographs', () => {
    expect(plainText('ＧＤＰ〸')).toBe('gdp十');
  });
});

describe('normalizeForComparison', () => {
  const slow = (text: string) =>
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '')
      .replace(/\p{Nd}+/gu, '0');

  it('reads every character of its one-pass path as the regular expressions do', () => {
    const ranges: Array<[number, number]> = [
      [0x09, 0x0d],
      [0x20, 0x7e],
      [0x2010, 0x2027],
      [0x3000, 0x303f],
      [0x4e00, 0x9fff],
      [0xff01, 0xff5e],
    ];
    const differ: string[] = [];
    for (const [from, to] of ranges)
      for (let code = from; code <= to; code++) {
        for (const text of [`甲${String.fromCharCode(code)}B7`, `1${String.fromCharCode(code)}2`]) {
          if (normalizeForComparison(text) !== slow(text)) differ.push(code.toString(16));
        }
      }
    expect(differ).toEqual([]);
  });

  it('joins digits across removed punctuation into one run, as the two-step rule does', () => {
    expect(normalizeForComparison('第1-2项，共 3 4 户')).toBe(slow('第1-2项，共 3 4 户'));
    expect(normalizeForComparison('第1-2项')).toBe('第0项');
  });

  it('prepares texts with characters outside the basic plane as code points', () => {
    const sut = comparable('走访𠀀户');
    expect(sut.length).toBe(4);
    expect(sut.size).toBe(3);
    expect(dice(sut, comparable('走访𠀀户'))).toBe(1);
  });
});
