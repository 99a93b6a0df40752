import { describe, expect, it } from 'vitest';
import {
  MAX_TERM_CODE_POINTS,
  chineseQueryTerms,
  chineseTerms,
  encodeChinese,
  encodeEnglish,
  englishWords,
  foldForMatching,
  hanCharacters,
  stemWord,
  toSimplified,
} from './encode';

describe('toSimplified', () => {
  it('converts traditional to mainland simplified', () => {
    expect(toSimplified('關係')).toBe('关系');
    expect(toSimplified('習近平同俄羅斯總統普京')).toBe('习近平同俄罗斯总统普京');
  });

  it('keeps vocabulary (no twp rewriting) and Extension-B characters', () => {
    expect(toSimplified('建立核心文件')).toBe('建立核心文件');
    expect(toSimplified('𠀀𠀁')).toBe('𠀀𠀁');
  });
});

describe('encodeChinese', () => {
  it('emits overlapping bigrams of a Han run', () => {
    expect(encodeChinese('战略协作')).toEqual(['战略', '略协', '协作']);
  });

  it('emits a lone character for a one-character run', () => {
    expect(encodeChinese('合，作')).toEqual(['合', '作']);
  });

  it('normalises traditional input first', () => {
    expect(encodeChinese('關係')).toEqual(['关系']);
  });

  it('emits Latin and digit runs as lowercase words, folding full-width forms', () => {
    expect(encodeChinese('G20峰会在Ｂｅｉｊｉｎｇ举行')).toEqual(['g20', '峰会', '会在', 'beijing', '举行']);
    expect(encodeChinese('２０２６年')).toEqual(['2026', '年']);
  });

  it('works on code points: an Extension-B character is one character', () => {
    expect(encodeChinese('𠀀')).toEqual(['𠀀']);
    expect(encodeChinese('𠀀𠀁')).toEqual(['𠀀𠀁']);
    expect(encodeChinese('a𠀀b')).toEqual(['a', '𠀀', 'b']);
  });

  it('ignores variation selectors', () => {
    expect(encodeChinese('诸葛\u{E0100}亮')).toEqual(['诸葛', '葛亮']);
  });

  it('cuts very long letter runs instead of losing them', () => {
    const long = 'x'.repeat(5000);
    const terms = encodeChinese(`${long}中国`);
    expect(terms[0]).toBe('x'.repeat(MAX_TERM_CODE_POINTS));
    expect(terms[1]).toBe('中国');
  });

  it('gives nothing for punctuation, whitespace and empty text', () => {
    expect(encodeChinese('')).toEqual([]);
    expect(encodeChinese('，。！ \n<>*\\')).toEqual([]);
  });
});

describe('chineseTerms', () => {
  it('does not convert (the input is already simplified)', () => {
    // t→cn turns a lone 乾 into 干; a simplified text that keeps 乾 must be indexed as written.
    expect(toSimplified('乾')).toBe('干');
    expect(chineseTerms('乾卦')).toEqual(['乾卦']);
  });
});

describe('chineseQueryTerms', () => {
  it('uses every bigram of a Han run', () => {
    expect(chineseQueryTerms('合作伙伴')).toEqual(['合作', '作伙', '伙伴']);
  });

  it('gives nothing certain for a lone character or an unbounded word', () => {
    expect(chineseQueryTerms('合')).toBeNull();
    expect(chineseQueryTerms('g20')).toBeNull();
  });

  it('keeps a lone character or word only when both neighbours are in the term', () => {
    // "20" may be the tail of "g20" in a text; between two Han characters it is a whole word.
    expect(chineseQueryTerms('20峰会')).toEqual(['峰会']);
    expect(chineseQueryTerms('在20国')).toEqual(['20']);
    // 在 at the edge of the term may sit inside a longer run (现在20国), indexed only as 现在.
    expect(chineseQueryTerms('在')).toBeNull();
    expect(chineseQueryTerms('a合b')).toEqual(['合']);
  });

  it('gives bigrams and bounded words that the index holds for every text containing the term', () => {
    for (const q of ['合作伙伴', '在20国', 'a合b', '𠀀𠀁', 'ＡＢ合作']) {
      const terms = chineseQueryTerms(foldForMatching(q).text) ?? [];
      for (const text of [q, `前${q}后`, `x${q}y`]) {
        const indexed = new Set(chineseTerms(text));
        for (const t of terms) expect(indexed.has(t), `${t} of ${q} in ${text}`).toBe(true);
      }
    }
  });
});

describe('hanCharacters', () => {
  it('gives every Han character, folded, once per occurrence', () => {
    expect(hanCharacters('合作，合\u{E0100}力 G20 𠀀')).toEqual(['合', '作', '合', '力', '𠀀']);
  });
});

describe('foldForMatching', () => {
  it('returns the text itself when there is nothing to fold', () => {
    expect(foldForMatching('合作 abc')).toEqual({ text: '合作 abc', origin: null });
  });

  it('maps folded offsets back to the source', () => {
    const source = 'G\uFE0F合\u{E0100}作Ｘ';
    const folded = foldForMatching(source);
    expect(folded.text).toBe('g合作x');
    expect(folded.origin).toEqual([0, 2, 5, 6, 7]);
  });

  it('keeps a letter whose lowercase is longer', () => {
    expect(foldForMatching('İ').text).toBe('İ');
  });
});

describe('encodeEnglish', () => {
  it('lowercases and stems words', () => {
    expect(encodeEnglish('Strategic COOPERATION, cooperating!')).toEqual(['strateg', 'cooper', 'cooper']);
    expect(stemWord('cooperate')).toBe(stemWord('cooperation'));
  });

  it('splits at apostrophes and hyphens, keeps digits', () => {
    expect(englishWords("China's state-owned G20").map((w) => w.word)).toEqual(['china', 's', 'state', 'owned', 'g20']);
  });

  it('reports source offsets', () => {
    expect(englishWords('  Xi   Jinping')).toEqual([
      { start: 2, end: 4, word: 'xi' },
      { start: 7, end: 14, word: 'jinping' },
    ]);
  });

  it('treats __proto__ and constructor as words', () => {
    expect(encodeEnglish('__proto__ constructor')).toEqual(['proto', 'constructor']);
  });

  it('keeps a long word whole for matching, cut for the index', () => {
    const long = 'ab'.repeat(100);
    expect(stemWord(long)).toBe(long);
    expect(encodeEnglish(long)).toEqual([long.slice(0, MAX_TERM_CODE_POINTS)]);
  });
});
