import { describe, expect, it } from 'vitest';
import {
  candidates,
  EMPTY,
  filter,
  intersect,
  rankByCount,
  rankedSlice,
  unite,
  within,
  type Postings,
} from './postings';

function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** A random exact list: ascending ids below 60, counts 1–4. */
function randomPostings(r: () => number, known = true): Postings {
  const ids = [...new Set(Array.from({ length: Math.floor(r() * 30) }, () => Math.floor(r() * 60)))].sort(
    (a, b) => a - b,
  );
  return { ids: Int32Array.from(ids), counts: known ? Int32Array.from(ids, () => 1 + Math.floor(r() * 4)) : null };
}

const asMap = (p: Postings) => new Map(Array.from(p.ids, (id, i) => [id, p.counts?.[i] ?? null]));

describe('merging posting lists', () => {
  it('agrees with maps on random lists', () => {
    const r = rng(5);
    for (let n = 0; n < 300; n++) {
      const a = randomPostings(r, r() < 0.8);
      const b = randomPostings(r, r() < 0.8);
      const known = a.counts !== null && b.counts !== null;
      const [ma, mb] = [asMap(a), asMap(b)];
      const both = [...ma.keys()].filter((id) => mb.has(id));
      expect(asMap(intersect(a, b))).toEqual(
        new Map(both.map((id) => [id, known ? (ma.get(id) ?? 0) + (mb.get(id) ?? 0) : null])),
      );
      const either = [...new Set([...ma.keys(), ...mb.keys()])].sort((x, y) => x - y);
      expect(Array.from(unite(a, b).ids)).toEqual(either);
      expect(asMap(unite(a, b))).toEqual(
        new Map(either.map((id) => [id, known ? (ma.get(id) ?? 0) + (mb.get(id) ?? 0) : null])),
      );
      expect(asMap(within(a, b.ids))).toEqual(new Map(both.map((id) => [id, ma.get(id) ?? null])));
      expect(Array.from(filter(a, (id) => id % 2 === 0).ids)).toEqual(Array.from(a.ids).filter((id) => id % 2 === 0));
    }
  });

  it('gives the same answers when one list is far longer (binary search instead of a merge)', () => {
    const r = rng(8);
    const long: Postings = {
      ids: Int32Array.from({ length: 5000 }, (_, i) => i * 2),
      counts: Int32Array.from({ length: 5000 }, (_, i) => 1 + (i % 3)),
    };
    for (let n = 0; n < 50; n++) {
      const short = randomPostings(r, r() < 0.5);
      const merged = (x: Postings, y: Postings) => new Map([...asMap(x)].filter(([id]) => asMap(y).has(id)));
      const both = [...merged(short, long).keys()];
      const known = short.counts !== null;
      expect(asMap(intersect(short, long))).toEqual(
        new Map(both.map((id) => [id, known ? (asMap(short).get(id) ?? 0) + (asMap(long).get(id) ?? 0) : null])),
      );
      expect(asMap(intersect(long, short))).toEqual(asMap(intersect(short, long)));
      expect(asMap(within(long, short.ids))).toEqual(new Map(both.map((id) => [id, asMap(long).get(id) ?? null])));
      // Uniting copies the long list in runs between the short one's ids; past its end too.
      for (const few of [short, { ids: short.ids.map((id) => id + 9970), counts: short.counts }]) {
        const [mf, ml] = [asMap(few), asMap(long)];
        const either = [...new Set([...mf.keys(), ...ml.keys()])].sort((x, y) => x - y);
        const want = new Map(either.map((id) => [id, known ? (mf.get(id) ?? 0) + (ml.get(id) ?? 0) : null]));
        for (const united of [unite(few, long), unite(long, few)]) {
          expect(Array.from(united.ids)).toEqual(either);
          expect(asMap(united)).toEqual(want);
        }
      }
    }
  });

  it('sorts and dedupes plain candidates', () => {
    expect(candidates([5, 1, 5, 3])).toEqual({ ids: Int32Array.from([1, 3, 5]), counts: null });
  });
});

describe('rankByCount', () => {
  it('orders by count, highest first, then by id', () => {
    expect(Array.from(rankByCount(Int32Array.from([1, 2, 3, 7, 9]), Int32Array.from([2, 5, 2, 1, 5])))).toEqual([
      2, 9, 1, 3, 7,
    ]);
    expect(Array.from(rankByCount(new Int32Array(0), new Int32Array(0)))).toEqual([]);
  });

  it('agrees with a comparison sort', () => {
    const r = rng(9);
    for (let n = 0; n < 100; n++) {
      const p = randomPostings(r);
      const counts = p.counts ?? new Int32Array(0);
      const want = Array.from(p.ids)
        .map((id, i) => ({ id, c: counts[i] ?? 0 }))
        .sort((x, y) => y.c - x.c || x.id - y.id)
        .map((x) => x.id);
      expect(Array.from(rankByCount(p.ids, counts))).toEqual(want);
    }
  });
});

describe('rankedSlice', () => {
  it('is the same page of the ranking as rankByCount, for every page of random lists', () => {
    const r = rng(11);
    for (let n = 0; n < 100; n++) {
      const p = randomPostings(r);
      const counts = p.counts ?? new Int32Array(0);
      const whole = Array.from(rankByCount(p.ids, counts));
      for (const [start, end] of [
        [0, 1],
        [0, 3],
        [2, 5],
        [0, whole.length],
        [Math.max(0, whole.length - 1), whole.length + 4],
        [whole.length + 1, whole.length + 9],
      ] as const)
        expect(Array.from(rankedSlice(p.ids, counts, start, end)), `${start}…${end} of ${whole}`).toEqual(
          whole.slice(start, end),
        );
    }
  });

  it('breaks ties at the page edge by id, like the ranking', () => {
    const ids = Int32Array.from([1, 2, 3, 4, 5, 6]);
    const counts = Int32Array.from([1, 3, 1, 1, 3, 1]);
    expect(Array.from(rankedSlice(ids, counts, 0, 4))).toEqual([2, 5, 1, 3]);
    expect(Array.from(rankedSlice(ids, counts, 3, 5))).toEqual([3, 4]);
  });
});

describe('unite with an empty list', () => {
  it('answers the other list itself, its counts known only when both sides know them', () => {
    const a: Postings = { ids: Int32Array.from([1, 4]), counts: Int32Array.from([2, 1]) };
    expect(unite(a, EMPTY)).toBe(a);
    expect(unite(EMPTY, a)).toBe(a);
    expect(unite(a, { ids: new Int32Array(0), counts: null })).toEqual({ ids: a.ids, counts: null });
    const b: Postings = { ids: Int32Array.from([3]), counts: null };
    expect(unite(EMPTY, b)).toBe(b);
  });
});
