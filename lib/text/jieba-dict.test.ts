import { describe, expect, it } from 'vitest';
import { parseCedict } from '../dictionary/cedict';
import { ADDED_WORD_FREQUENCY, addedWords, jiebaFor } from './jieba-dict';

describe('jiebaFor', () => {
  const dict = parseCedict(
    ['共贏 共赢 [gong4 ying2] /win-win/', '人民 人民 [ren2 min2] /people/', '贏 赢 [ying2] /to win/'].join('\n'),
  );

  it("adds the dictionary's Han headwords of two or more characters that jieba lacks, and only those", () => {
    expect(addedWords(dict)).toEqual([`共赢 ${ADDED_WORD_FREQUENCY}`]);
  });

  it('cuts with the added words, and keeps one instance per dictionary', () => {
    expect(jiebaFor().cut('合作共赢', false)).toEqual(['合作', '共', '赢']);
    expect(jiebaFor(dict).cut('合作共赢', false)).toEqual(['合作', '共赢']);
    expect(jiebaFor(dict)).toBe(jiebaFor(dict));
    expect(jiebaFor()).not.toBe(jiebaFor(dict));
  });
});
