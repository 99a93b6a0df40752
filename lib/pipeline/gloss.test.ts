import { describe, expect, it } from 'vitest';
import { loadCedict } from '../dictionary/cedict';
import type { Word, ZhSentence } from '../model';
import { collectGlossary, glossSentences } from './gloss';
import { segmentBlock } from '../text/segment';

const dict = loadCedict();

/** Segments and glosses simplified text; returns the glossed words. */
function gloss(text: string): Word[] {
  return glossSentences(segmentBlock(text, text, dict), dict).flatMap((s) => s.words);
}

function wordOf(words: readonly Word[], simplified: string): Word | undefined {
  return words.find((w) => w.simplified === simplified);
}

describe('glossSentences', () => {
  it('reads 合作 as hé zuò and keys it to its headword', () => {
    const word = wordOf(gloss('双方加强合作。'), '合作');
    expect(word).toMatchObject({ pinyin: 'hé zuò', key: '合作' });
  });

  it('uses the word-level reading for polyphones inside words', () => {
    const words = gloss('重庆银行行长说，他长得很高。');
    expect(wordOf(words, '重庆')?.pinyin).toBe('Chóng qìng');
    expect(wordOf(words, '行长')?.pinyin).toBe('háng zhǎng');
  });

  it('reads a single polyphonic character in its sentence', () => {
    const words = gloss('我们都去首都。中国为世界和平作出贡献。');
    expect(wordOf(words, '都')?.pinyin).toBe('dōu');
    expect(wordOf(words, '首都')?.pinyin).toBe('shǒu dū');
    expect(wordOf(words, '中国')?.pinyin).toBe('Zhōng guó');
    expect(wordOf(words, '为')?.pinyin).toBe('wèi');
  });

  it('reads lone structural particles as particles', () => {
    const words = gloss('双方合理地解决了问题，走得更近。天然气进口来源地。');
    const readings = words
      .filter((w) => ['地', '了', '得'].includes(w.simplified))
      .map((w) => [w.simplified, w.pinyin]);
    expect(readings).toEqual([
      ['地', 'de'],
      ['了', 'le'],
      ['得', 'de'],
      ['地', 'dì'],
    ]);
  });

  it('gives citation tones, not tone sandhi, for 一 and 不', () => {
    const words = gloss('一个不对。');
    expect(words.map((w) => [w.simplified, w.pinyin])).toEqual([
      ['一个', 'yī ge'],
      ['不', 'bù'],
      ['对', 'duì'],
      ['。', ''],
    ]);
  });

  it('leaves punctuation, digits and Latin without pinyin or key', () => {
    const words = gloss('2026年，COVID-19和110。');
    for (const token of ['2026', '，', 'COVID-19', '110', '。']) {
      expect(wordOf(words, token)).toMatchObject({ pinyin: '', key: null });
    }
    expect(wordOf(words, '年')).toMatchObject({ pinyin: 'nián', key: '年' });
  });

  it('gives key null to a word CC-CEDICT lacks, with pinyin still read', () => {
    const sentence: ZhSentence = {
      original: '谌贻琴',
      simplified: '谌贻琴',
      words: [{ original: '谌贻琴', simplified: '谌贻琴', pinyin: '', key: null }],
    };
    const [word] = glossSentences([sentence], dict)[0]?.words ?? [];
    expect(dict.has('谌贻琴')).toBe(false);
    expect(word?.key).toBeNull();
    expect(word?.pinyin).toMatch(/^\S+ \S+ \S+$/u);
  });

  it('keys a traditional document to the simplified headword and keeps the original', () => {
    const words = glossSentences(segmentBlock('中俄關係良好。', '中俄关系良好。', dict), dict).flatMap((s) => s.words);
    expect(words[0]).toEqual({
      original: '中俄關係',
      simplified: '中俄关系',
      pinyin: 'Zhōng É guān xì',
      key: '中俄关系',
    });
  });

  it('passes Extension B, emoji and variation selectors through unchanged', () => {
    const text = '𠀀😀葛󠄀亮。';
    const words = gloss(text);
    expect(words.map((w) => w.original).join('')).toBe(text);
    expect(words.map((w) => w.simplified).join('')).toBe(text);
    expect(wordOf(words, '😀')).toMatchObject({ pinyin: '', key: null });
  });

  it('does not change its input', () => {
    const sentences = segmentBlock('双方加强合作。', '双方加强合作。', dict);
    const copy = structuredClone(sentences);
    glossSentences(sentences, dict);
    expect(sentences).toEqual(copy);
  });

  it('treats __proto__ as an ordinary unknown word', () => {
    const sentence: ZhSentence = {
      original: '__proto__',
      simplified: '__proto__',
      words: [{ original: '__proto__', simplified: '__proto__', pinyin: '', key: null }],
    };
    expect(glossSentences([sentence], dict)[0]?.words[0]).toMatchObject({ pinyin: '', key: null });
  });
});

describe('collectGlossary', () => {
  it('holds the entries of every key and of each Han character of the keys', () => {
    const glossary = collectGlossary(gloss('双方加强合作。'), dict);
    for (const headword of ['双方', '加强', '合作', '双', '方', '加', '强', '合', '作']) {
      expect(glossary.get(headword)?.length, headword).toBeGreaterThan(0);
    }
    expect(glossary.get('合作')?.[0]?.pinyin).toBe('hé zuò');
    expect(glossary.has('。')).toBe(false);
  });

  it('holds the parts of a word CC-CEDICT lacks', () => {
    const words: Word[] = [{ original: '睦邻友好合作条约', simplified: '睦邻友好合作条约', pinyin: '', key: null }];
    const glossary = collectGlossary(words, dict);
    expect([...glossary.keys()]).toEqual([
      '睦邻',
      '友好',
      '合作',
      '条约',
      '睦',
      '邻',
      '友',
      '好',
      '合',
      '作',
      '条',
      '约',
    ]);
  });

  it('is safe with prototype names', () => {
    const words: Word[] = [{ original: '__proto__', simplified: '__proto__', pinyin: '', key: null }];
    expect(collectGlossary(words, dict).size).toBe(0);
  });
});
