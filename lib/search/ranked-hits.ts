/**
 * A query's hits as the searcher keeps them between pages: their exact number, and any page of the
 * ranking (occurrences, highest first, then corpus order) on demand. Pure functions over `Postings`.
 *
 * Why: a single common term (的, `de`, "the") has up to 100,000 records at 10 M characters, and a
 * page needs 20 of them. Uniting a syllable's list with the records where the same letters are an
 * English word, and ranking the union, were each a pass over the whole list per query. Here a long
 * list carries the head of its own ranking (made once, when the searcher is made), and a page of
 * one list, or of the union of two, is read from the heads: the tail of a long list is never
 * visited, and the union's total is counted from the lists' sizes and their intersection without
 * writing the union.
 */
import { intersect, rankedEntries, rankedSlice, seek, sharedCount, unite, type Postings } from './postings';

/** A list whose occurrences are known: exactly the records that match, with their counts. */
export interface Counted {
  ids: Int32Array;
  counts: Int32Array;
}

/** The first entries of a list's ranking with their counts; `complete` when it is the whole list. */
export interface RankedHead {
  ids: Int32Array;
  counts: Int32Array;
  complete: boolean;
}

/** Every hit of a query: how many, and the ids of `start`…`end` of their ranking. */
export interface RankedHits {
  total: number;
  page(start: number, end: number): Int32Array;
}

/** The first `size` entries of the ranking of a list, with their counts. */
export function rankedHead(list: Counted, size: number): RankedHead {
  const head = rankedEntries(list.ids, list.counts, size);
  return { ...head, complete: head.ids.length === list.ids.length };
}

/**
 * Records in both lists past which a union is written and ranked whole: each of them may push one
 * entry of a head out of reach, and a head holds a few hundred (the searcher's HEAD_ENTRIES).
 */
const MAX_SHARED = 64;

/** The hits of one list, its pages from its head where the head reaches (`head` must be this list's). */
export function listHits(list: Counted, head?: RankedHead): RankedHits {
  return {
    total: list.ids.length,
    // A method, not an arrow: under tsx (the benches) an arrow in an object literal costs a property definition per query.
    page(start, end) {
      return head !== undefined && (end <= head.ids.length || head.complete)
        ? head.ids.slice(start, end)
        : rankedSlice(list.ids, list.counts, start, end);
    },
  };
}

/**
 * The first `end` entries of a list's ranking that are not in `skip` (ascending), from the head;
 * null when the head ends before it holds that many and is not the whole list (they are unknown).
 */
function headWithout(head: RankedHead, skip: Int32Array, end: number): Counted | null {
  const ids: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < head.ids.length && ids.length < end; i++) {
    const id = head.ids[i] as number;
    const at = seek(skip, id, 0);
    if (at < skip.length && skip[at] === id) continue;
    ids.push(id);
    counts.push(head.counts[i] as number);
  }
  return ids.length < end && !head.complete ? null : { ids: Int32Array.from(ids), counts: Int32Array.from(counts) };
}

/** Ranked lists merged into one ranking, its first `end` ids (each id is in one list only). */
function mergeRanked(lists: readonly Counted[], end: number): Int32Array {
  const entries: Array<[number, number]> = [];
  for (const { ids, counts } of lists) for (let i = 0; i < ids.length; i++) entries.push([ids[i]!, counts[i]!]);
  entries.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
  return Int32Array.from(entries.slice(0, end), ([id]) => id);
}

/**
 * The hits of the union of two lists (a term's two readings: the syllable `lun` and the English
 * word "lun"), a record in both counting both sides' occurrences, as `unite` counts them. The total
 * is |a| + |b| − |a ∩ b|. A page up to `end` is read from three rankings: the intersection's (its
 * records' counts are sums, so any of them may rank anywhere: all of it is ranked, and it is small
 * unless both lists are long), and the heads of `a` and of `b` with the intersection's records left
 * out. Lists sharing more than MAX_SHARED records (counted first, without writing them) are
 * paged from their heads where those settle the page (`sharingHits`), and united and ranked whole
 * where they do not. That is exact: a record of `a` alone ranks in the union as it ranks in `a`, so the first
 * `end` of `a` alone are the first `end` of `a`'s ranking that are not in `b`; and so for `b`. A
 * list without a head of its own gets one for the page (linear in that list, which is short), and
 * where a head ends too soon the union is written and ranked as before.
 */
export function unitedHits(
  a: Counted,
  aHead: RankedHead | undefined,
  b: Counted,
  bHead: RankedHead | undefined,
): RankedHits {
  const shared = sharedCount(a.ids, b.ids);
  if (shared > MAX_SHARED) return sharingHits(a, aHead, b, bHead, a.ids.length + b.ids.length - shared);
  const both = intersect(a, b) as Counted;
  let whole: Counted | undefined;
  return {
    total: a.ids.length + b.ids.length - shared,
    page(start, end) {
      const stop = Math.min(end, a.ids.length + b.ids.length - shared);
      if (start >= stop) return new Int32Array(0);
      const wanted = stop + shared;
      const onlyA = headWithout(aHead ?? rankedHead(a, wanted), both.ids, stop);
      const onlyB = onlyA && headWithout(bHead ?? rankedHead(b, wanted), both.ids, stop);
      if (onlyA !== null && onlyB !== null)
        return mergeRanked([onlyA, onlyB, rankedHead(both, stop)], stop).subarray(start, stop);
      whole ??= unite(a, b) as Counted;
      return rankedSlice(whole.ids, whole.counts, start, end);
    },
  };
}

/** The most occurrences a record of the list outside its head may have. */
function unseenCount(head: RankedHead): number {
  if (head.complete) return 0;
  // An empty head of a list that is not empty bounds nothing.
  return head.counts[head.counts.length - 1] ?? Infinity;
}

/**
 * The first `end` ids of the union's ranking found among the records of the two heads, or null
 * when the heads cannot tell them. A record in neither head has at most the last count of each
 * head that is not its whole list (it ranks after that entry in its list), so at most their sum
 * in the union; the heads' records are ranked by their union counts (each looked up in the other
 * list), and when the `end`-th of them counts more than that sum, no other record can rank
 * before it. A tie at that sum is left to the whole union: an unseen record of the same count
 * and a lower id would rank first.
 */
export function unionTopFromHeads(
  a: Counted,
  aHead: RankedHead,
  b: Counted,
  bHead: RankedHead,
  end: number,
): Int32Array | null {
  const bound = unseenCount(aHead) + unseenCount(bHead);
  const entries: Array<[number, number]> = [];
  const inA = new Set<number>();
  for (let i = 0; i < aHead.ids.length; i++) {
    const id = aHead.ids[i]!;
    const at = seek(b.ids, id, 0);
    inA.add(id);
    entries.push([id, aHead.counts[i]! + (at < b.ids.length && b.ids[at] === id ? b.counts[at]! : 0)]);
  }
  for (let i = 0; i < bHead.ids.length; i++) {
    const id = bHead.ids[i]!;
    if (inA.has(id)) continue;
    const at = seek(a.ids, id, 0);
    entries.push([id, bHead.counts[i]! + (at < a.ids.length && a.ids[at] === id ? a.counts[at]! : 0)]);
  }
  if (entries.length < end) return null;
  entries.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
  if (entries[end - 1]![1] <= bound) return null;
  return Int32Array.from(entries.slice(0, end), ([id]) => id);
}

/** Entries past the page in a head made for one page of a list that has none (see sharingHits). */
const PAGE_HEAD_EXTRA = 64;

/**
 * The hits of two lists sharing many records (the syllable a and the word "a", 100,000 each at
 * 10 M characters): a page from the two heads when they settle it (`unionTopFromHeads`), the union
 * written and ranked whole otherwise (as every page of such a pair was before).
 */
function sharingHits(
  a: Counted,
  aHead: RankedHead | undefined,
  b: Counted,
  bHead: RankedHead | undefined,
  total: number,
): RankedHits {
  let whole: RankedHits | undefined;
  return {
    total,
    page(start, end) {
      const stop = Math.min(end, total);
      if (start >= stop) return new Int32Array(0);
      // A list without a head of its own is short (searcher.ts heads every long one): a head made for
      // the page, a little longer than it. Not the whole list: its records are ranked again as pairs.
      const top = unionTopFromHeads(
        a,
        aHead ?? rankedHead(a, stop + PAGE_HEAD_EXTRA),
        b,
        bHead ?? rankedHead(b, stop + PAGE_HEAD_EXTRA),
        stop,
      );
      if (top !== null) return top.subarray(start);
      whole ??= listHits(unite(a, b) as Counted);
      return whole.page(start, end);
    },
  };
}

/** Whether a list's occurrences are known. */
export function isCounted(p: Postings): p is Counted {
  return p.counts !== null;
}
