import { describe, expect, it } from 'vitest';
import { cooccurrences, type IdPair, transposed } from './cells';

/** Pairs of random small ids (a fixed seed: the same pairs every run), words recurring across pairs. */
function randomPairs(count: number, seed: number): IdPair[] {
  let state = seed;
  const next = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state % n;
  };
  return Array.from({ length: count }, () => ({
    src: Array.from({ length: 1 + next(12) }, () => next(30)),
    tgt: Array.from({ length: 1 + next(15) }, () => next(40)),
  }));
}

describe('cells of the word model', () => {
  it('number co-occurring pairs in first-seen order, source-major, at [j·m + i]', () => {
    const cells = cooccurrences([
      { src: [5, 6], tgt: [7, 8, 7] },
      { src: [6], tgt: [8] },
    ]);
    expect([...cells.sentenceCells[0]!]).toEqual([0, 2, 1, 3, 0, 2]);
    expect([...cells.sentenceCells[1]!]).toEqual([3]);
    expect([...cells.cellSrc]).toEqual([5, 5, 6, 6]);
    expect([...cells.cellTgt]).toEqual([7, 8, 7, 8]);
    expect(cells.cellOf(6, 8)).toBe(3);
    expect(cells.cellOf(8, 6)).toBeUndefined();
  });

  it('read off the forward cells for the reversed pairs are exactly those the reversed pairs give', () => {
    for (const seed of [1, 2, 3]) {
      const pairs = randomPairs(200, seed);
      const reversed = pairs.map(({ src, tgt }) => ({ src: tgt, tgt: src }));
      const direct = cooccurrences(reversed);
      const read = transposed(cooccurrences(pairs), reversed);
      expect(read.sentenceCells.map((c) => [...c])).toEqual(direct.sentenceCells.map((c) => [...c]));
      expect([...read.cellSrc]).toEqual([...direct.cellSrc]);
      expect([...read.cellTgt]).toEqual([...direct.cellTgt]);
      for (let f = 0; f < 40; f++) for (let e = 0; e < 30; e++) expect(read.cellOf(f, e)).toBe(direct.cellOf(f, e));
    }
  });
});
