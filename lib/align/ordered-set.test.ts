import { describe, expect, it } from 'vitest';
import { OrderedSet } from './ordered-set';

describe('OrderedSet', () => {
  it('keeps each value once in the order first added, as a Set does', () => {
    const set = new OrderedSet();
    const reference = new Set<number>();
    let seed = 5;
    for (let round = 0; round < 50; round++) {
      set.clear();
      reference.clear();
      for (let k = 0; k < 300; k++) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        const value = seed % (round < 25 ? 40 : 5000); // small values, then values past the first marks
        set.add(value);
        reference.add(value);
      }
      expect(set.size).toBe(reference.size);
      expect([...set.values()]).toEqual([...reference]);
    }
  });

  it('is empty after clear, and its values are a copy', () => {
    const set = new OrderedSet();
    set.add(3);
    set.add(1);
    const values = set.values();
    set.clear();
    expect(set.size).toBe(0);
    expect([...set.values()]).toEqual([]);
    set.add(1);
    expect([...values]).toEqual([3, 1]);
    expect([...set.values()]).toEqual([1]);
  });
});
