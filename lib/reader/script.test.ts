import { Converter } from 'opencc-js/cn2t';
import { describe, expect, it } from 'vitest';
import { convertPairs } from './script';
import { wordParts, type ViewPair, type ViewWord } from './view';

const pair = (words: ViewWord[]): ViewPair => ({
  id: 0,
  zh: [{ kind: 'paragraph', sentences: [[0, words]] }],
  en: [],
  confidence: 1,
  unaligned: false,
  lowConfidence: false,
});
const wordsOf = (p: ViewPair) => p.zh[0]!.sentences[0]![1];

describe('convertPairs', () => {
  const tw = Converter({ from: 'cn', to: 'tw' });
  const hk = Converter({ from: 'cn', to: 'hk' });

  it('draws simplified words in traditional characters, keeping their simplified form, key and reading', () => {
    const [converted] = convertPairs(
      [
        pair([
          ['两国', 'liǎng guó', 3],
          ['关系', 'guān xì', 3],
          '，',
          ['发展', 'fā zhǎn', 2],
          ['不断', 'bù duàn', 4, '', ''],
        ]),
      ],
      tw,
    );
    const words = wordsOf(converted!);
    expect(words.map((w) => (typeof w === 'string' ? w : wordParts(w).original))).toEqual([
      '兩國',
      '關係',
      '，',
      '發展',
      '不斷',
    ]);
    expect(words.map((w) => (typeof w === 'string' ? w : wordParts(w).simplified))).toEqual([
      '两国',
      '关系',
      '，',
      '发展',
      '不断',
    ]);
    expect(typeof words[4] === 'string' ? null : wordParts(words[4]!).key).toBeNull();
    expect(typeof words[0] === 'string' ? null : wordParts(words[0]!)).toMatchObject({
      pinyin: 'liǎng guó',
      hsk: 3,
      key: '两国',
    });
  });

  it('converts a sentence whole, so phrases pick the right character, and follows the HK standard when asked', () => {
    const [converted] = convertPairs(
      [
        pair([
          ['头发', 'tóu fa', 0],
          ['里', 'lǐ', 1],
        ]),
      ],
      tw,
    );
    expect(wordsOf(converted!).map((w) => (typeof w === 'string' ? w : w[0]))).toEqual(['頭髮', '裡']);
    // The two standards differ: 裡 and 說 in Taiwan, 裏 and 説 in Hong Kong.
    const [inHk] = convertPairs(
      [
        pair([
          ['里', 'lǐ', 1],
          ['说', 'shuō', 1],
        ]),
      ],
      hk,
    );
    expect(wordsOf(inHk!).map((w) => (typeof w === 'string' ? w : w[0]))).toEqual(['裏', '説']);
  });

  it('leaves a traditional word drawn from its simplified form, and an identity conversion changes nothing', () => {
    const words: ViewWord[] = [
      ['報道', 'bào dào', 0, '报道'],
      ['中', 'zhōng', 1],
    ];
    expect(convertPairs([pair(words)], (t) => t)).toEqual([
      pair([
        ['报道', 'bào dào', 0],
        ['中', 'zhōng', 1],
      ]),
    ]);
  });
});
