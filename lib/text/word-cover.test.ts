import { describe, expect, it } from 'vitest';
import { loadCedict, parseCedict } from '../dictionary/cedict';
import { fewestWordCover } from './word-cover';

const cover = (text: string, dict = loadCedict()) => fewestWordCover(Array.from(text), dict);

describe('fewestWordCover', () => {
  it('cuts into the fewest dictionary words, not the greedy longest first match', () => {
    expect(cover('北京人民大会堂')).toEqual(['北京', '人民大会堂']);
    expect(cover('伙伴关系')).toEqual(['伙伴', '关系']);
  });

  it('prefers the longer first word among cuts of as few pieces, and leaves unknown characters alone', () => {
    const dict = parseCedict(
      ['甲乙 甲乙 [jia3 yi3] /ab/', '乙丙 乙丙 [yi3 bing3] /bc/', '丙 丙 [bing3] /c/', '甲 甲 [jia3] /a/'].join('\n'),
    );
    expect(fewestWordCover(Array.from('甲乙丙'), dict)).toEqual(['甲乙', '丙']);
    expect(fewestWordCover(Array.from('丁甲乙𠀀'), dict)).toEqual(['丁', '甲乙', '𠀀']);
    expect(fewestWordCover([], dict)).toEqual([]);
  });

  it('is lossless (property, 300 random runs over a small alphabet)', () => {
    const dict = loadCedict();
    const alphabet = Array.from('北京人民大会堂中国共产党合作关系伙伴𠀀');
    for (let n = 0; n < 300; n++) {
      const chars = Array.from(
        { length: 1 + ((n * 7) % 13) },
        (_, i) => alphabet[(n * 31 + i * 17) % alphabet.length]!,
      );
      expect(fewestWordCover(chars, dict).join('')).toBe(chars.join(''));
    }
  });
});
