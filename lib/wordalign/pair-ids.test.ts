import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../tests/fixtures/random';
import { PairIds } from './pair-ids';

describe('PairIds', () => {
  it('hands out ids in first-seen order and finds them again, across growth, as a Map of keys does', () => {
    const ids = new PairIds(4);
    const reference = new Map<string, number>();
    const random = seededRandom(23);
    for (let k = 0; k < 50_000; k++) {
      // Dense small ids, the word model's case, with many repeats.
      const a = Math.floor(random() * 300);
      const b = Math.floor(random() * 300);
      const key = `${a},${b}`;
      if (!reference.has(key)) reference.set(key, reference.size);
      expect(ids.add(a, b)).toBe(reference.get(key));
    }
    expect(ids.size).toBe(reference.size);
    for (const [key, id] of reference) {
      const [a, b] = key.split(',').map(Number);
      expect(ids.get(a!, b!)).toBe(id);
    }
  });

  it('answers -1 for a pair it never saw, including the swapped pair and zeros', () => {
    const ids = new PairIds();
    expect(ids.get(0, 0)).toBe(-1);
    expect(ids.add(0, 0)).toBe(0);
    expect(ids.add(1, 2)).toBe(1);
    expect(ids.get(2, 1)).toBe(-1);
    expect(ids.get(0, 0)).toBe(0);
    expect(ids.add(1, 2)).toBe(1);
    expect(ids.size).toBe(2);
  });
});
