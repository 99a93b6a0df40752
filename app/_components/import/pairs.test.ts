import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { givenPairsProblem } from '@/lib/pipeline/align';
import { canSplit, defaultCut, mergeWithNext, samePairs, splitPair, wirePairs, type EditPair } from './pairs';

const auto: EditPair[] = [
  { zh: [0], en: [0], confidence: 0.9 },
  { zh: [1], en: [1], confidence: 0.86 },
  { zh: [2, 3], en: [2], confidence: 0.9 },
  { zh: [4], en: [3], confidence: 0.93 },
];

describe('pair editing', () => {
  it('merges a pair with the next, and the last pair with nothing', () => {
    expect(wirePairs(mergeWithNext(auto, 0))).toEqual([
      { zh: [0, 1], en: [0, 1] },
      { zh: [2, 3], en: [2] },
      { zh: [4], en: [3] },
    ]);
    expect(mergeWithNext(auto, 0)[0]!.confidence).toBeNull();
    expect(mergeWithNext(auto, 3)).toEqual(auto);
  });

  it('splits at a block boundary on each side, and refuses a cut that leaves a part empty', () => {
    expect(defaultCut(auto[2]!)).toEqual({ zhCut: 1, enCut: 1 });
    expect(wirePairs(splitPair(auto, 2, 1, 1))).toEqual([
      { zh: [0], en: [0] },
      { zh: [1], en: [1] },
      { zh: [2], en: [2] },
      { zh: [3], en: [] },
      { zh: [4], en: [3] },
    ]);
    // A one-to-one pair comes apart into its two sides.
    expect(defaultCut(auto[0]!)).toEqual({ zhCut: 1, enCut: 0 });
    expect(wirePairs(splitPair(auto, 0, 1, 0)).slice(0, 2)).toEqual([
      { zh: [0], en: [] },
      { zh: [], en: [0] },
    ]);
    expect(canSplit(auto[0], 1, 1)).toBe(false);
    expect(canSplit(auto[0], 0, 0)).toBe(false);
    expect(canSplit(auto[0], 2, 0)).toBe(false);
    expect(splitPair(auto, 0, 1, 1)).toEqual(auto);
  });

  it('tells an edited list from the original', () => {
    expect(
      samePairs(
        auto,
        auto.map((p) => ({ ...p })),
      ),
    ).toBe(true);
    expect(samePairs(auto, mergeWithNext(auto, 1))).toBe(false);
    expect(samePairs(splitPair(mergeWithNext(auto, 0), 0, 1, 1), auto)).toBe(true);
  });

  it('property: any sequence of merges and splits keeps every block once, in order (what the ingest checks)', () => {
    const edit = fc.record({ merge: fc.boolean(), at: fc.nat(40), zhCut: fc.nat(4), enCut: fc.nat(4) });
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 30 }), (edits) => {
        let pairs: EditPair[] = auto;
        for (const e of edits) {
          const i = e.at % pairs.length;
          pairs = e.merge ? mergeWithNext(pairs, i) : splitPair(pairs, i, e.zhCut, e.enCut);
        }
        expect(givenPairsProblem(wirePairs(pairs), 5, 4)).toBeNull();
      }),
    );
  });
});
