import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../tests/fixtures/random';
import { rankByCount, unite } from './postings';
import { listHits, rankedHead, unionTopFromHeads, unitedHits, type Counted } from './ranked-hits';

/** A random exact list of ids below `range`, counts 1–4 (few counts: many ties at a page's edge). */
function randomList(r: () => number, size: number, range: number): Counted {
  const ids = [...new Set(Array.from({ length: size }, () => Math.floor(r() * range)))].sort((a, b) => a - b);
  return { ids: Int32Array.from(ids), counts: Int32Array.from(ids, () => 1 + Math.floor(r() * 4)) };
}

/** The pages a reader may ask for, up to past the end. */
function pages(total: number): Array<[number, number]> {
  return [
    [0, 1],
    [0, 5],
    [3, 9],
    [0, 20],
    [10, 30],
    [0, total],
    [Math.max(0, total - 2), total + 3],
    [total + 1, total + 5],
  ];
}

describe('ranked hits', () => {
  it('a list read from its head pages as the whole list ranked, head long enough or not', () => {
    const r = seededRandom(3);
    for (let n = 0; n < 200; n++) {
      const list = randomList(r, Math.floor(r() * 80), 200);
      const whole = Array.from(rankByCount(list.ids, list.counts));
      const head = rankedHead(list, Math.floor(r() * 30));
      for (const hits of [listHits(list), listHits(list, head)]) {
        expect(hits.total).toBe(list.ids.length);
        for (const [start, end] of pages(whole.length))
          expect(Array.from(hits.page(start, end)), `${start}…${end}`).toEqual(whole.slice(start, end));
      }
    }
  });

  it('two lists united from their heads: the same total and pages as unite and a full ranking', () => {
    const r = seededRandom(7);
    for (let n = 0; n < 400; n++) {
      // Long and short, overlapping much or little, heads short, long or absent.
      const a = randomList(r, Math.floor(r() * 120), 1 + Math.floor(r() * 300));
      const b = randomList(r, Math.floor(r() * (r() < 0.5 ? 8 : 120)), 1 + Math.floor(r() * 300));
      const headOf = (list: Counted) => (r() < 0.3 ? undefined : rankedHead(list, Math.floor(r() * 40)));
      const united = unite(a, b) as Counted;
      const whole = Array.from(rankByCount(united.ids, united.counts));
      const hits = unitedHits(a, headOf(a), b, headOf(b));
      expect(hits.total).toBe(united.ids.length);
      for (const [start, end] of pages(whole.length))
        expect(Array.from(hits.page(start, end)), `${start}…${end}`).toEqual(whole.slice(start, end));
    }
  });

  it('two lists sharing many records: pages from the heads where they settle them, the same as a full ranking', () => {
    const r = seededRandom(11);
    let settled = 0;
    for (let n = 0; n < 300; n++) {
      // Dense lists over a small range share most of their records; counts spread wide or narrow.
      const range = 100 + Math.floor(r() * 200);
      const spread = r() < 0.5 ? 4 : 40;
      const list = (): Counted => {
        const l = randomList(r, Math.floor(r() * range), range);
        return { ids: l.ids, counts: Int32Array.from(l.ids, () => 1 + Math.floor(r() * r() * spread)) };
      };
      const [a, b] = [list(), list()];
      const [aHead, bHead] = [a, b].map((l) => rankedHead(l, Math.floor(r() * 60)));
      const united = unite(a, b) as Counted;
      const whole = Array.from(rankByCount(united.ids, united.counts));
      const hits = unitedHits(a, aHead, b, bHead);
      expect(hits.total).toBe(united.ids.length);
      for (const [start, end] of pages(whole.length))
        expect(Array.from(hits.page(start, end)), `${start}…${end}`).toEqual(whole.slice(start, end));
      for (const end of [1, 5, 20]) {
        const top = unionTopFromHeads(a, aHead!, b, bHead!, Math.min(end, whole.length));
        if (top === null || whole.length === 0) continue;
        settled++;
        expect(Array.from(top)).toEqual(whole.slice(0, end));
      }
    }
    // The heads must settle some pages, or this tested only the fallback.
    expect(settled).toBeGreaterThan(50);
  });

  it('a record in both lists ranks by its summed count, above records of one list alone', () => {
    const a: Counted = { ids: Int32Array.from([1, 2, 3, 9]), counts: Int32Array.from([2, 2, 2, 1]) };
    const b: Counted = { ids: Int32Array.from([4, 9]), counts: Int32Array.from([1, 2]) };
    const hits = unitedHits(a, rankedHead(a, 2), b, rankedHead(b, 1));
    expect(hits.total).toBe(5);
    expect(Array.from(hits.page(0, 5))).toEqual([9, 1, 2, 3, 4]);
  });
});
