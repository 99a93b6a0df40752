import { describe, expect, it } from 'vitest';
import type { BuiltDoc, EnBlock, Pair, ZhBlock } from '../model';
import { buildIndexBundle, loadSearcher } from './index';
import { pairRecords } from './pair-records';
import { sampleMeta } from '../../tests/fixtures/meta';

function zhBlock(original: string, simplified = original): ZhBlock {
  return { kind: 'paragraph', text: original, original, simplified, sentences: [] };
}

function enBlock(text: string): EnBlock {
  return { kind: 'paragraph', text, sentences: [text] };
}

function pair(id: number, zh: number[], en: number[]): Pair {
  return {
    id,
    zh,
    en,
    confidence: 1,
    unaligned: zh.length === 0 || en.length === 0,
    lowConfidence: false,
    sentences: [],
  };
}

/** A BuiltDoc with only what the index stage reads filled in meaningfully. */
function builtDoc(id: string, zh: ZhBlock[], en: EnBlock[], pairs: Pair[]): BuiltDoc {
  return {
    meta: sampleMeta(id),
    zh,
    en,
    pairs,
    stats: {
      blocks: zh.length,
      enBlocks: en.length,
      sentences: 0,
      enSentences: 0,
      words: 0,
      characters: 0,
      pairs: pairs.length,
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

const TALKS = builtDoc(
  'talks',
  [zhBlock('中俄合作'), zhBlock('深化務實合作', '深化务实合作'), zhBlock('推进关系'), zhBlock('没有译文')],
  [
    enBlock('China-Russia cooperation'),
    enBlock('Deepen practical cooperation'),
    enBlock('and relations.'),
    enBlock('A lone English line.'),
  ],
  [pair(0, [0], [0]), pair(1, [1, 2], [1, 2]), pair(2, [3], []), pair(3, [], [3])],
);

describe('pairRecords', () => {
  it('makes one record per pair, in order, joining blocks with a newline', () => {
    expect(pairRecords(TALKS)).toEqual([
      { docId: 'talks', pair: 0, zh: '中俄合作', en: 'China-Russia cooperation' },
      {
        docId: 'talks',
        pair: 1,
        zh: '深化务实合作\n推进关系',
        zhOriginal: '深化務實合作\n推进关系',
        en: 'Deepen practical cooperation\nand relations.',
      },
      { docId: 'talks', pair: 2, zh: '没有译文', en: '' },
      { docId: 'talks', pair: 3, zh: '', en: 'A lone English line.' },
    ]);
  });

  it('omits zhOriginal when conversion changed nothing', () => {
    expect(
      pairRecords(TALKS)
        .filter((r) => 'zhOriginal' in r)
        .map((r) => r.pair),
    ).toEqual([1]);
  });

  it('gives nothing for a document without pairs', () => {
    expect(pairRecords(builtDoc('empty', [], [], []))).toEqual([]);
  });

  it('keeps code points as they are', () => {
    const doc = builtDoc(
      'ext-b',
      [zhBlock('𠀀葛\u{E0100}')],
      [enBlock('<img src=x onerror=alert(1)>')],
      [pair(0, [0], [0])],
    );
    expect(pairRecords(doc)).toEqual([
      { docId: 'ext-b', pair: 0, zh: '𠀀葛\u{E0100}', en: '<img src=x onerror=alert(1)>' },
    ]);
  });

  it('fails loudly on a pair pointing outside its document', () => {
    const doc = builtDoc('broken', [zhBlock('一')], [], [pair(0, [0, 5], [])]);
    expect(() => pairRecords(doc)).toThrow(/broken: pair 0 refers to Chinese block 5/);
  });
});

describe('index stage', () => {
  it('builds a bundle that search can load, as run.ts composes it', async () => {
    const other = builtDoc(
      'other',
      [zhBlock('關係穩定', '关系稳定')],
      [enBlock('Stable relations')],
      [pair(0, [0], [0])],
    );
    const bundle = await buildIndexBundle([TALKS, other].flatMap(pairRecords));
    expect(bundle.records).toHaveLength(5);
    const searcher = await loadSearcher(JSON.parse(JSON.stringify(bundle)));
    expect(searcher.search('合作').hits.map((h) => [h.docId, h.pair])).toEqual([
      ['talks', 0],
      ['talks', 1],
    ]);
    expect(searcher.search('關係').hits.map((h) => [h.docId, h.pair])).toEqual([
      ['talks', 1],
      ['other', 0],
    ]);
    expect(searcher.search('relation', { docId: 'other' }).total).toBe(1);
  });
});
