import { describe, expect, it } from 'vitest';
import { englishTokens } from './english';
import { chineseNumbers, parseChineseNumeral } from './features';

describe('numbers as anchors', () => {
  it('reads Chinese numerals', () => {
    expect(parseChineseNumeral('二〇二四')).toBe(2024);
    expect(parseChineseNumeral('三十五')).toBe(35);
    expect(parseChineseNumeral('两千亿')).toBe(2e11);
    expect(chineseNumbers('贸易额4300多亿美元，增长三十五个百分点')).toEqual(
      expect.arrayContaining(['430000000000', '35']),
    );
  });

  it('scales digits by the myriad unit after them, and English digits by their scale word', () => {
    expect(chineseNumbers('达到2000亿美元')).toEqual(['200000000000']);
    expect(chineseNumbers('1.2万人')).toEqual(['12000']);
    expect(englishTokens('reached 200 billion dollars').numbers).toEqual(['200000000000']);
    expect(englishTokens('12,000 people and 1.5 million more').numbers).toEqual(['12000', '1500000']);
    expect(englishTokens('a thousand years').numbers).toEqual(['1000']);
  });
});

describe('section numbers and footnote markers', () => {
  it('reads Roman numerals, but a lone I only as a whole heading', () => {
    expect(englishTokens('II').numbers).toEqual(['2']);
    expect(englishTokens('Chapter XIV').numbers).toEqual(['14']);
    expect(englishTokens('I').numbers).toEqual(['1']);
    expect(englishTokens('I think so.').numbers).toEqual([]);
  });

  it('reads a Chinese heading that is only a numeral, and circled numbers on both sides', () => {
    expect(chineseNumbers('一')).toEqual(['1']);
    expect(chineseNumbers('（三）')).toEqual(['3']);
    expect(chineseNumbers('一定要看')).toEqual([]);
    expect(chineseNumbers('②同上。')).toEqual(['2']);
    expect(englishTokens('② Ibid.').numbers).toEqual(['2']);
  });
});
