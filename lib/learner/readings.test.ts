import { describe, expect, it } from 'vitest';
import { charReadings, joinSyllables, toneOf, zhuyinOf } from './readings';

describe('toneOf', () => {
  it('reads the tone from the mark, neutral without one', () => {
    expect(['mā', 'má', 'mǎ', 'mà', 'ma'].map(toneOf)).toEqual([1, 2, 3, 4, 5]);
    expect(toneOf('lǜ')).toBe(4);
    expect(toneOf('lǚ')).toBe(3);
    expect(toneOf('Zhōng')).toBe(1);
  });
});

describe('charReadings', () => {
  it('puts one syllable over each character', () => {
    expect(charReadings('合作', 'hé zuò')).toEqual([
      { char: '合', syllable: 'hé', tone: 2 },
      { char: '作', syllable: 'zuò', tone: 4 },
    ]);
  });

  it('skips non-Han characters and the Latin letters CEDICT spells out', () => {
    expect(charReadings('卡拉OK', 'kǎ lā O K').map((r) => r.syllable)).toEqual(['kǎ', 'lā', '', '']);
  });

  it('gives no readings rather than misplaced ones when the counts differ', () => {
    expect(charReadings('一点儿', 'yī diǎn').every((r) => r.syllable === '' && r.tone === 0)).toBe(true);
  });

  it('treats a supplementary-plane character as one character', () => {
    expect(charReadings('𠀀', 'qiū')).toEqual([{ char: '𠀀', syllable: 'qiū', tone: 1 }]);
  });
});

describe('zhuyinOf', () => {
  it('converts syllables, with ü and the neutral tone', () => {
    expect(zhuyinOf('zuò')).toBe('ㄗㄨㄛˋ');
    expect(zhuyinOf('lǜ')).toBe('ㄌㄩˋ');
    expect(zhuyinOf('de')).toBe('ㄉㄜ˙');
    expect(zhuyinOf('Zhōng')).toBe('ㄓㄨㄥ');
    expect(zhuyinOf('r')).toBe('ㄦ˙');
  });
});

describe('joinSyllables', () => {
  it("joins a word's syllables, with an apostrophe before a, o and e", () => {
    expect(joinSyllables(['liǎng', 'guó'])).toBe('liǎngguó');
    expect(joinSyllables(['Xī', 'ān'])).toBe("Xī'ān");
    expect(joinSyllables(['tiān', 'ān', 'mén'])).toBe("tiān'ānmén");
    expect(joinSyllables(['Ōu', 'zhōu'])).toBe('Ōuzhōu');
    // Parts of names are written apart.
    expect(joinSyllables(['Xí', 'Jìn', 'píng'])).toBe('Xí Jìnpíng');
    expect(joinSyllables(['Rén', 'mín', 'Dà', 'huì', 'táng'])).toBe('Rénmín Dàhuìtáng');
    expect(joinSyllables(['Zhōng', 'É', 'guān', 'xì'])).toBe('Zhōng Éguānxì');
    expect(joinSyllables([])).toBe('');
  });
});
