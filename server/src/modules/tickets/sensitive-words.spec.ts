import { normalizeForMatching, SensitiveWordMatcher } from './sensitive-words';

describe('the sensitive-word matcher', () => {
  const sut = new SensitiveWordMatcher([
    { word: '赌博网站', unitPath: '/1/' },
    { word: 'ABC', unitPath: '/1/' },
    { word: '本镇专用词', unitPath: '/1/4/' },
    { word: ' ', unitPath: '/1/' },
  ]);

  it('finds a word written plainly', () => {
    expect(sut.find('这里有人开赌博网站', '/1/4/17/')).toEqual(['赌博网站']);
  });

  it('finds a word split by spaces and punctuation', () => {
    expect(sut.find('有人开 赌-博，网 站', '/1/')).toEqual(['赌博网站']);
  });

  it('finds full-width and differently cased letters', () => {
    expect(sut.find('看看ａｂｃ的广告', '/1/')).toEqual(['ABC']);
  });

  it('applies a town word only inside that town', () => {
    expect(sut.find('本镇专用词', '/1/4/9/')).toEqual(['本镇专用词']);
    expect(sut.find('本镇专用词', '/1/5/')).toEqual([]);
  });

  it('passes an ordinary complaint', () => {
    expect(sut.find('村口的路灯坏了三天，晚上出行不便', '/1/4/')).toEqual([]);
  });

  it('ignores a word that is empty after normalising', () => {
    expect(normalizeForMatching(' ，。 ')).toBe('');
    expect(sut.find('任何内容', '/1/')).toEqual([]);
  });
});
