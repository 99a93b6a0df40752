import { describe, expect, it } from 'vitest';
import { parseCedict } from '../dictionary/cedict';
import type { BuiltDoc, GlossaryEntry, Word } from '../model';
import { glossFile, headwordsIn } from './gloss-file';

const dict = parseCedict(
  [
    '睦鄰 睦邻 [mu4 lin2] /good neighbour/',
    '友好 友好 [you3 hao3] /friendly/',
    '睦鄰友好 睦邻友好 [mu4 lin2 you3 hao3] /good-neighbourly friendship/',
    '合作 合作 [he2 zuo4] /to cooperate/',
    '條約 条约 [tiao2 yue1] /treaty/',
    '好時 好时 [hao3 shi2] /(spurious across a word boundary, but a headword)/',
    '時期 时期 [shi2 qi1] /period/',
    '睦 睦 [mu4] /amicable/',
    '好 好 [hao3] /good/',
    '中俄 中俄 [Zhong1 E2] /China-Russia/',
    'DNA DNA [D N A] /DNA/',
  ].join('\n'),
);

const word = (simplified: string, key: string | null = simplified): Word => ({
  original: simplified,
  simplified,
  pinyin: '',
  key,
});

/** A document of one sentence, as the gloss file reads it (only its Chinese sentences). */
function docOf(words: Word[]): BuiltDoc {
  const simplified = words.map((w) => w.simplified).join('');
  return { zh: [{ sentences: [{ original: simplified, simplified, words }] }] } as unknown as BuiltDoc;
}

describe('headwordsIn', () => {
  it('finds every headword of two or more characters, nested and across word boundaries', () => {
    expect([...headwordsIn('睦邻友好时期', dict)].sort()).toEqual(['友好', '好时', '时期', '睦邻', '睦邻友好'].sort());
  });
  it('leaves out single characters and headwords without a Han character', () => {
    expect([...headwordsIn('DNA睦', dict)]).toEqual([]);
  });
  it('counts code points', () => {
    expect([...headwordsIn('𠀀合作𠀀', dict)]).toEqual(['合作']);
  });
});

describe('glossFile', () => {
  const doc = docOf([word('睦邻友好'), word('时期'), word('合作'), word('条约')]);
  const terms = [{ term: '中俄' }] as GlossaryEntry[];
  const gloss = glossFile([doc], terms, dict);

  it('holds the segmented words, their characters, glossary terms and every headword in a sentence', () => {
    for (const w of ['睦邻友好', '合作', '条约', '时期', '睦', '好', '中俄', '睦邻', '友好', '好时'])
      expect(gloss[w], w).toBeDefined();
    expect(gloss['好时']?.[0]?.senses[0]).toMatch(/spurious/);
  });
  it('is sorted, so a re-ingest writes the same bytes', () => {
    const keys = Object.keys(gloss);
    expect(keys).toEqual([...keys].sort());
    expect(JSON.stringify(glossFile([doc], terms, dict))).toBe(JSON.stringify(gloss));
  });
});
