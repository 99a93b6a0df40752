import { describe, expect, it } from 'vitest';
import type { TermOccurrence } from '../model';
import { completeFragments } from './fragments';

/** An occurrence rendered by `word` (its first match in `en`), or by the whole of `en` when `word` is absent. */
function occ(pair: number, en: string, word: string, key: string): TermOccurrence {
  const start = en.indexOf(word);
  return { docId: 'd', pair, zhStart: 0, zhEnd: 2, rendering: { start, end: start + word.length, key } };
}

describe('completeFragments', () => {
  const texts = [
    'The two countries signed it.',
    'Both the two countries and others agreed.',
    'The two countries met.',
    'The two sides met again.',
    'President Xi Jinping spoke.',
  ];
  const englishOf = (o: TermOccurrence) => texts[o.pair]!;
  const occurrences = [
    occ(0, texts[0]!, 'two countries', 'two countri'),
    occ(1, texts[1]!, 'two countries', 'two countri'),
    occ(2, texts[2]!, 'two', 'two'),
    occ(3, texts[3]!, 'two', 'two'),
    occ(0, texts[0]!, 'two countries', 'two countri'),
  ];

  it('completes a fragment where the commoner rendering is written out around it', () => {
    const done = completeFragments(occurrences, englishOf);
    expect(texts[2]!.slice(done[2]!.rendering!.start, done[2]!.rendering!.end)).toBe('two countries');
    expect(done[2]!.rendering!.key).toBe('two countri');
  });

  it('leaves a fragment alone where the sentence says something else ("the two sides")', () => {
    const done = completeFragments(occurrences, englishOf);
    expect(done[3]).toEqual(occurrences[3]);
    expect([done[0], done[1], done[4]]).toEqual([occurrences[0], occurrences[1], occurrences[4]]);
  });

  it('never completes towards a rendering that is not commoner, nor across a word edge', () => {
    const rare = [occ(4, texts[4]!, 'Jinping', 'jinp'), occ(4, texts[4]!, 'Xi Jinping', 'xi jinp')];
    // One each: "Xi Jinping" is not commoner than "Jinping", so nothing changes.
    expect(completeFragments(rare, englishOf)).toEqual(rare);
    const edge = ['The twofold countries.', 'two countries', 'two countries'];
    const partial = [
      { docId: 'd', pair: 0, zhStart: 0, zhEnd: 2, rendering: { start: 4, end: 7, key: 'two' } },
      occ(1, edge[1]!, 'two countries', 'two countri'),
      occ(2, edge[2]!, 'two countries', 'two countri'),
    ];
    expect(completeFragments(partial, (o) => edge[o.pair]!)[0]).toEqual(partial[0]);
  });

  it('keeps gapped renderings as they are', () => {
    const gapped: TermOccurrence = {
      docId: 'd',
      pair: 0,
      zhStart: 0,
      zhEnd: 2,
      rendering: {
        start: 4,
        end: 17,
        key: 'two … countri',
        parts: [
          [4, 7],
          [8, 17],
        ],
      },
    };
    expect(completeFragments([gapped, ...occurrences], englishOf)[0]).toEqual(gapped);
  });
});
