import { describe, expect, it } from 'vitest';
import { Aligner } from '../align/aligner';
import { loadCedict } from '../dictionary/cedict';
import type { EnBlock, ZhBlock } from '../model';
import { alignBlocks } from './align';

const aligner = new Aligner(loadCedict());
const zhBlock = (sentences: string[]): ZhBlock => {
  const text = sentences.join('');
  return {
    kind: 'paragraph',
    text,
    original: text,
    simplified: text,
    sentences: sentences.map((s) => ({ original: s, simplified: s, words: [] })),
  };
};
const enBlock = (sentences: string[]): EnBlock => ({ kind: 'paragraph', text: sentences.join(' '), sentences });

// Pairs a paragraph aligner would never make: the English is in the wrong order.
const zh = [
  zhBlock(['两国元首举行会谈。', '双方同意加强合作。']),
  zhBlock(['中俄睦邻友好。']),
  zhBlock(['没有译文。']),
];
const en = [
  enBlock(['Good-neighbourliness between China and Russia.']),
  enBlock(['The two heads of state held talks.', 'Both sides agreed to strengthen cooperation.']),
];

describe('alignBlocks with given pairs', () => {
  it('keeps the given paragraph pairs as they are, and aligns the sentences inside each', () => {
    const given = [
      { zh: [0], en: [0] },
      { zh: [1], en: [1] },
      { zh: [2], en: [] },
    ];
    const pairs = alignBlocks(aligner, zh, en, given);
    expect(pairs.map((p) => [p.zh, p.en, p.confidence, p.unaligned])).toEqual([
      [[0], [0], 1, false],
      [[1], [1], 1, false],
      [[2], [], 0, true],
    ]);
    // Inside a given pair the sentence aligner still runs: every sentence in exactly one bead.
    expect(pairs[1]?.sentences.flatMap((b) => b.zh)).toEqual([0]);
    expect(pairs[1]?.sentences.flatMap((b) => b.en)).toEqual([0, 1]);
    expect(pairs[2]?.sentences).toEqual([]);
  });

  it('without given pairs the paragraph aligner decides, and it would pair these differently', () => {
    const given = [
      { zh: [0], en: [0] },
      { zh: [1], en: [1] },
      { zh: [2], en: [] },
    ];
    const aligned = alignBlocks(aligner, zh, en).map((p) => ({ zh: p.zh, en: p.en }));
    expect(aligned).not.toEqual(given);
    expect(alignBlocks(aligner, zh, en, given).map((p) => ({ zh: p.zh, en: p.en }))).toEqual(given);
  });

  it('refuses given pairs that skip, repeat or reorder a block', () => {
    expect(() =>
      alignBlocks(aligner, zh, en, [
        { zh: [0], en: [0] },
        { zh: [1], en: [1] },
      ]),
    ).toThrow(/cover 2 of 3 Chinese/);
    expect(() =>
      alignBlocks(aligner, zh, en, [
        { zh: [1], en: [0] },
        { zh: [0, 2], en: [1] },
      ]),
    ).toThrow(/out of order/);
    expect(() => alignBlocks(aligner, zh, en, [{ zh: [0, 1, 2], en: [0, 0] }])).toThrow(/out of order/);
  });
});
