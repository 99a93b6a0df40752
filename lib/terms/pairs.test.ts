import { describe, expect, it } from 'vitest';
import type { BuiltDoc, EnBlock, Pair, ZhBlock } from '../model';
import { sampleMeta } from '../../tests/fixtures/meta';
import { termPairs } from './pairs';

function zhBlock(sentences: string[]): ZhBlock {
  const text = sentences.join('');
  return {
    kind: 'paragraph',
    text,
    original: text,
    simplified: text,
    sentences: sentences.map((s) => ({ original: s, simplified: s, words: [] })),
  };
}

function enBlock(text: string, sentences: string[]): EnBlock {
  return { kind: 'paragraph', text, sentences };
}

function doc(zh: ZhBlock[], en: EnBlock[], pairs: Pair[]): BuiltDoc {
  return { meta: sampleMeta('d'), zh, en, pairs, stats: {} as BuiltDoc['stats'], dropped: [], warnings: [] };
}

const pair = (id: number, zh: number[], en: number[], sentences: Pair['sentences']): Pair => ({
  id,
  zh,
  en,
  confidence: 1,
  unaligned: false,
  lowConfidence: false,
  sentences,
});

describe('termPairs', () => {
  it('gives each sentence bead as offsets into the record strings, across blocks joined by a newline', () => {
    const d = doc(
      [zhBlock(['双方加强合作。', '中俄深化关系。']), zhBlock(['𠀀好。'])],
      [
        enBlock('The sides cooperate.  China and Russia deepen relations.', [
          'The sides cooperate.',
          'China and Russia deepen relations.',
        ]),
        enBlock('Good.', ['Good.']),
      ],
      [
        pair(
          0,
          [0, 1],
          [0, 1],
          [
            { zh: [0], en: [0], confidence: 1 },
            { zh: [1, 2], en: [1, 2], confidence: 1 },
          ],
        ),
      ],
    );
    const [record] = termPairs(d);
    const spans = record!.links!.map(({ zh, en }) => [record!.zh.slice(...zh), record!.en.slice(...en)]);
    expect(spans).toEqual([
      ['双方加强合作。', 'The sides cooperate.'],
      ['中俄深化关系。\n𠀀好。', 'China and Russia deepen relations.\nGood.'],
    ]);
  });

  it('gives an empty side as an empty range, and no links when the English sentences cannot be found', () => {
    const d = doc(
      [zhBlock(['合作。', '没有。'])],
      [enBlock('Cooperation.', ['Cooperation.']), enBlock('Other text.', ['Not in the text.'])],
      [
        pair(
          0,
          [0],
          [0],
          [
            { zh: [0], en: [0], confidence: 1 },
            { zh: [1], en: [], confidence: 0 },
          ],
        ),
        pair(1, [], [1], [{ zh: [], en: [0], confidence: 0 }]),
      ],
    );
    const [first, second] = termPairs(d);
    expect(first!.links![1]).toEqual({ zh: [3, 6], en: [0, 0] });
    expect(second!.links).toBeUndefined();
  });
});
