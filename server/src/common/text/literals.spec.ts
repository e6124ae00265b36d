import { mulberry32 } from '../random';
import { Literals } from './literals';

/** What Literals replaces: one alternation, longest word first, then in code-unit order. */
function alternation(words: string[]): RegExp {
  const list = [...new Set(words)].sort((x, y) => y.length - x.length || (x < y ? -1 : x > y ? 1 : 0));
  return new RegExp(list.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gu');
}

describe('Literals', () => {
  const words = ['工作', '日常工作', '日常', '处理', '处理日常事务', '会议', '会议室', '下村', '村'];

  it('finds the longest word at the leftmost position, without overlaps', () => {
    const sut = new Literals(words);
    expect(sut.spans('处理日常事务和会议室工作')).toEqual([
      [0, 6],
      [7, 10],
      [10, 12],
    ]);
  });

  it('splits a text as String.prototype.split with the alternation does', () => {
    const sut = new Literals(words);
    const text = '到村里处理日常工作，下村开会议';
    expect(sut.split(text)).toEqual(text.split(alternation(words)));
  });

  it('matches as the alternation matches on random texts of the words and other characters', () => {
    const random = mulberry32(7);
    const alphabet = [...words, '到', '魏', '庄', '事', '务', '日', '常', 'a', '1'];
    const sut = new Literals(words);
    const pattern = alternation(words);
    const differ: string[] = [];
    for (let n = 0; n < 2000; n++) {
      let text = '';
      const length = 1 + Math.floor(random() * 8);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      const expected = Array.from(text.matchAll(pattern), (m) => [m.index, m.index + m[0].length]);
      if (JSON.stringify(sut.spans(text)) !== JSON.stringify(expected)) differ.push(text);
      if (JSON.stringify(sut.split(text)) !== JSON.stringify(text.split(pattern))) differ.push(text);
    }
    expect(differ).toEqual([]);
  });

  it('matches nothing when the list is empty', () => {
    const sut = new Literals([]);
    expect(sut.spans('日常工作')).toEqual([]);
    expect(sut.split('日常工作')).toEqual(['日常工作']);
  });
});
