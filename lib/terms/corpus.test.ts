import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../tests/fixtures/random';
import { sortedIntersectionSize } from './corpus';

/** Distinct ascending integers below `range`, about `size` of them. */
function sortedSample(random: () => number, size: number, range: number): Int32Array {
  const set = new Set<number>();
  while (set.size < Math.min(size, range)) set.add(Math.floor(random() * range));
  return Int32Array.from(set).sort();
}

describe('sortedIntersectionSize', () => {
  it('counts the shared values as a Set would, for sizes alike (merge) and far apart (binary search)', () => {
    const random = seededRandom(7);
    for (let k = 0; k < 300; k++) {
      const a = sortedSample(random, Math.floor(random() * 50), 400);
      const b = sortedSample(random, Math.floor(random() * (k % 2 ? 2000 : 60)), 4000);
      const inB = new Set(b);
      const expected = [...a].filter((v) => inB.has(v)).length;
      expect(sortedIntersectionSize(a, b)).toBe(expected);
      expect(sortedIntersectionSize(b, a)).toBe(expected);
    }
  });

  it('is 0 with an empty side and counts a value at either end', () => {
    expect(sortedIntersectionSize(new Int32Array(0), Int32Array.of(1, 2))).toBe(0);
    const large = Int32Array.from({ length: 100 }, (_, i) => i);
    expect(sortedIntersectionSize(Int32Array.of(0, 99), large)).toBe(2);
    expect(sortedIntersectionSize(Int32Array.of(-1, 100), large)).toBe(0);
  });
});
