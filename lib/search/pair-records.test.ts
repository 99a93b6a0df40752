/**
 * The pinyin line the index step (lib/search/pair-records.ts) gives each pair record: read off the
 * words' glossed readings, one syllable per Han character, lined up with the record's `zh`.
 */
import { describe, expect, it } from 'vitest';
import { sampleMeta } from '../../tests/fixtures/meta';
import type { BuiltDoc, Pair, Word, ZhBlock } from '../model';
import { pairRecords, pairRecordsWithoutPinyin } from './pair-records';
import { findPinyin } from './pinyin';

const word = (simplified: string, pinyin: string, original = simplified): Word => ({
  original,
  simplified,
  pinyin,
  key: null,
});

function block(words: Word[]): ZhBlock {
  const original = words.map((w) => w.original).join('');
  const simplified = words.map((w) => w.simplified).join('');
  return { kind: 'paragraph', text: original, original, simplified, sentences: [{ original, simplified, words }] };
}

function doc(zh: ZhBlock[], pairs: Array<[number[], number[]]>): BuiltDoc {
  const en = [{ kind: 'paragraph' as const, text: 'English.', sentences: ['English.'] }];
  const pairList: Pair[] = pairs.map(([z, e], id) => ({
    id,
    zh: z,
    en: e,
    confidence: 1,
    unaligned: false,
    lowConfidence: false,
    sentences: [],
  }));
  return {
    meta: sampleMeta('pinyin'),
    zh,
    en,
    pairs: pairList,
    stats: {
      blocks: 0,
      enBlocks: 0,
      sentences: 0,
      enSentences: 0,
      words: 0,
      characters: 0,
      pairs: 0,
      aligned: 0,
      unaligned: 0,
      lowConfidence: 0,
      translated: 0,
      warnings: 0,
    },
    dropped: [],
    warnings: [],
  };
}

describe('pair records', () => {
  it('carry the toneless pinyin of their Chinese, runs cut at punctuation and between blocks', () => {
    const first = block([word('中俄', 'Zhōng É'), word('合作', 'hé zuò'), word('，', ''), word('行长', 'háng zhǎng')]);
    const second = block([word('一点儿', 'yī diǎn r'), word('G20', '')]);
    const [record] = pairRecords(doc([first, second], [[[0, 1], [0]]]));
    expect(record?.zh).toBe('中俄合作，行长\n一点儿G20');
    expect(record?.pinyin).toBe('zhong e he zuo|hang zhang|yi dian er');
  });

  it('line up with the simplified text of a traditional document, for highlighting', () => {
    const trad = block([word('关系', 'guān xi', '關係'), word('稳定', 'wěn dìng', '穩定')]);
    const [record] = pairRecords(doc([trad], [[[0], [0]]]));
    expect(record?.zhOriginal).toBe('關係穩定');
    const found = findPinyin(record?.zh ?? '', record?.pinyin, ['guan', 'xi']);
    expect(found.map((r) => record?.zh.slice(r.start, r.end))).toEqual(['关系']);
  });

  it('mark a character whose reading does not line up as unread, and leave out a line with no reading', () => {
    const odd = block([word('合作', 'hé'), word('伙伴', 'huǒ bàn')]);
    expect(pairRecords(doc([odd], [[[0], [0]]]))[0]?.pinyin).toBe('? ? huo ban');
    const unread = block([word('𠀀', '')]);
    expect(pairRecords(doc([unread], [[[0], [0]]]))[0]).not.toHaveProperty('pinyin');
  });

  it('without their pinyin line are the same records, the line left out', () => {
    const trad = block([word('关系', 'guān xi', '關係'), word('稳定', 'wěn dìng', '穩定')]);
    const plain = block([word('中俄', 'Zhōng É'), word('合作', 'hé zuò')]);
    const built = doc(
      [trad, plain],
      [
        [[0], [0]],
        [[1], []],
      ],
    );
    const without = pairRecordsWithoutPinyin(built);
    expect(without.every((r) => !('pinyin' in r))).toBe(true);
    expect(without).toEqual(pairRecords(built).map(({ pinyin: _pinyin, ...rest }) => rest));
    expect(without[0]?.zhOriginal).toBe('關係穩定');
  });
});
