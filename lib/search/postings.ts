/**
 * Posting lists as sorted typed arrays: the sets of record ids that search narrows, combines and
 * ranks. Pure functions over `Postings`; no index in here. The loops are plain merges over
 * Int32Arrays with the optional counts hoisted out of them: the hot path of a query for a common
 * term is these few passes over its list.
 */

/** Record ids, ascending, with what is known about them. */
export interface Postings {
  ids: Int32Array;
  /**
   * When not null, `ids` is exactly the set of records that match and `counts[i]` the number of
   * occurrences in record `ids[i]`, as verification would count them: no record needs verifying.
   * When null, `ids` is a superset: each record must still be verified.
   */
  counts: Int32Array | null;
}

export const EMPTY: Postings = { ids: new Int32Array(0), counts: new Int32Array(0) };

/**
 * A superset of candidates from plain ids (any order, duplicates allowed): sorted, then repeats
 * dropped in place (a rare lookup at 10 M characters returns hundreds of ids: no Set of them).
 */
export function candidates(ids: Iterable<number>): Postings {
  const sorted = Int32Array.from(ids).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (n === 0 || sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i]!;
  return { ids: sorted.subarray(0, n), counts: null };
}

/** First index of `ids` at or after `from` holding a value >= `id` (ids ascending): a binary search. */
export function seek(ids: Int32Array, id: number, from: number): number {
  let lo = from;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((ids[mid] as number) < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * When one list is this many times longer than the other, the short one is looked up in the long
 * one by binary search instead of merging: "缔约 to" intersects 119 records with the 100,000 of
 * "to", where a merge walked all of them (measured: a millisecond at 10 M characters).
 */
const SEEK_RATIO = 32;

/** Ids of `small` that are in `large` with their index there, by binary search. */
function seekAll(small: Int32Array, large: Int32Array): { at: Int32Array; in: Int32Array; n: number } {
  const at = new Int32Array(small.length);
  const inLarge = new Int32Array(small.length);
  let n = 0;
  let from = 0;
  for (let i = 0; i < small.length; i++) {
    const id = small[i] as number;
    from = seek(large, id, from);
    if (from < large.length && large[from] === id) {
      at[n] = i;
      inLarge[n] = from;
      n++;
    }
  }
  return { at, in: inLarge, n };
}

/**
 * Where two lists share an id: its index in `a` and in `b`, for the first `n` shared ids. A merge,
 * or binary search of the short list in the long one when their lengths are far apart.
 */
function common(a: Int32Array, b: Int32Array): { inA: Int32Array; inB: Int32Array; n: number } {
  if (a.length > b.length * SEEK_RATIO) {
    const found = seekAll(b, a);
    return { inA: found.in, inB: found.at, n: found.n };
  }
  if (b.length > a.length * SEEK_RATIO) {
    const found = seekAll(a, b);
    return { inA: found.at, inB: found.in, n: found.n };
  }
  const size = Math.min(a.length, b.length);
  const inA = new Int32Array(size);
  const inB = new Int32Array(size);
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x < y) i++;
    else if (x > y) j++;
    else {
      inA[n] = i++;
      inB[n++] = j++;
    }
  }
  return { inA, inB, n };
}

/** How many ids two lists share, without writing them: a merge, or binary search when their lengths are far apart. */
export function sharedCount(a: Int32Array, b: Int32Array): number {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let n = 0;
  if (long.length > short.length * SEEK_RATIO) {
    for (let i = 0, from = 0; i < short.length; i++) {
      from = seek(long, short[i] as number, from);
      if (from < long.length && long[from] === short[i]) n++;
    }
    return n;
  }
  for (let i = 0, j = 0; i < short.length && j < long.length;) {
    const x = short[i] as number;
    const y = long[j] as number;
    if (x < y) i++;
    else if (x > y) j++;
    else {
      n++;
      i++;
      j++;
    }
  }
  return n;
}

/**
 * Ids in both lists. Counts add up (a record matches every needle, and each needle's occurrences
 * count), and stay known only when known on both sides.
 */
export function intersect(a: Postings, b: Postings): Postings {
  const { inA, inB, n } = common(a.ids, b.ids);
  const ids = new Int32Array(n);
  const counts = a.counts !== null && b.counts !== null ? new Int32Array(n) : null;
  for (let k = 0; k < n; k++) {
    ids[k] = a.ids[inA[k] as number] as number;
    if (counts !== null)
      counts[k] = (a.counts as Int32Array)[inA[k] as number]! + (b.counts as Int32Array)[inB[k] as number]!;
  }
  return { ids, counts };
}

/** The part of a list whose ids are in `scope` (ascending), counts kept. */
export function within(p: Postings, scope: Int32Array): Postings {
  if (scope === p.ids) return p;
  const { inA, n } = common(p.ids, scope);
  const ids = new Int32Array(n);
  const counts = p.counts === null ? null : new Int32Array(n);
  for (let k = 0; k < n; k++) {
    ids[k] = p.ids[inA[k] as number] as number;
    if (counts !== null) counts[k] = (p.counts as Int32Array)[inA[k] as number]!;
  }
  return { ids, counts };
}

/** Ids in either list; a record in both counts both sides' occurrences. */
export function unite(a: Postings, b: Postings): Postings {
  const ai = a.ids;
  const bi = b.ids;
  const ac = a.counts;
  const bc = b.counts;
  const known = ac !== null && bc !== null;
  // An ambiguous term with one reading absent (`jing`: no English word jing) unites a long list with
  // nothing: the list itself, not a copy of its 100,000 ids and counts.
  if (ai.length === 0) return known || bc === null ? b : { ids: bi, counts: null };
  if (bi.length === 0) return known || ac === null ? a : { ids: ai, counts: null };
  if (ai.length > bi.length * SEEK_RATIO) return uniteFew(a, b);
  if (bi.length > ai.length * SEEK_RATIO) return uniteFew(b, a);
  const ids = new Int32Array(ai.length + bi.length);
  const counts = known ? new Int32Array(ids.length) : null;
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < ai.length && j < bi.length) {
    const x = ai[i] as number;
    const y = bi[j] as number;
    if (x <= y) {
      if (counts !== null) counts[n] = (ac as Int32Array)[i]! + (x === y ? (bc as Int32Array)[j]! : 0);
      ids[n++] = x;
      i++;
      if (x === y) j++;
    } else {
      if (counts !== null) counts[n] = (bc as Int32Array)[j]!;
      ids[n++] = y;
      j++;
    }
  }
  for (; i < ai.length; i++) {
    if (counts !== null) counts[n] = (ac as Int32Array)[i]!;
    ids[n++] = ai[i] as number;
  }
  for (; j < bi.length; j++) {
    if (counts !== null) counts[n] = (bc as Int32Array)[j]!;
    ids[n++] = bi[j] as number;
  }
  return { ids: ids.subarray(0, n), counts: counts === null ? null : counts.subarray(0, n) };
}

/**
 * `unite` of a long list and a short one (a common syllable's 100,000 records and the few of the
 * same letters read as an English word): the long list copied in runs between the short list's
 * ids, each found by binary search, instead of a merge that compares every id. Same result as the
 * merge, counts added where both hold an id.
 */
function uniteFew(long: Postings, short: Postings): Postings {
  const li = long.ids;
  const si = short.ids;
  const lc = long.counts;
  const sc = short.counts;
  const known = lc !== null && sc !== null;
  const ids = new Int32Array(li.length + si.length);
  const counts = known ? new Int32Array(ids.length) : null;
  let n = 0;
  let from = 0;
  for (let j = 0; j < si.length; j++) {
    const id = si[j] as number;
    const at = seek(li, id, from);
    ids.set(li.subarray(from, at), n);
    if (counts !== null) counts.set((lc as Int32Array).subarray(from, at), n);
    n += at - from;
    ids[n] = id;
    if (at < li.length && li[at] === id) {
      if (counts !== null) counts[n] = (lc as Int32Array)[at]! + (sc as Int32Array)[j]!;
      from = at + 1;
    } else {
      if (counts !== null) counts[n] = (sc as Int32Array)[j]!;
      from = at;
    }
    n++;
  }
  ids.set(li.subarray(from), n);
  if (counts !== null) counts.set((lc as Int32Array).subarray(from), n);
  n += li.length - from;
  return { ids: ids.subarray(0, n), counts: counts === null ? null : counts.subarray(0, n) };
}

/** The ids (and their counts) that pass a test, such as belonging to one document. */
export function filter(p: Postings, keep: (id: number) => boolean): Postings {
  const pi = p.ids;
  const pc = p.counts;
  const ids = new Int32Array(pi.length);
  const counts = pc === null ? null : new Int32Array(pi.length);
  let n = 0;
  for (let i = 0; i < pi.length; i++) {
    const id = pi[i] as number;
    if (!keep(id)) continue;
    if (counts !== null) counts[n] = (pc as Int32Array)[i]!;
    ids[n++] = id;
  }
  return { ids: ids.subarray(0, n), counts: counts === null ? null : counts.subarray(0, n) };
}

/**
 * Ranks `start`…`end` of the ranking `rankByCount` makes, without ranking the rest: a page of 20
 * hits among 100,000 writes 20 ids, not 100,000. A histogram of the counts gives the lowest count
 * that still reaches the page; one pass then places every id above it and the first ids at it (ids
 * ascending, so the first are the ones the ranking puts first). Same answer as
 * `rankByCount(ids, counts).subarray(start, end)`.
 */
export function rankedSlice(ids: Int32Array, counts: Int32Array, start: number, end: number): Int32Array {
  if (start >= Math.min(end, ids.length)) return new Int32Array(0);
  return rankedEntries(ids, counts, end).ids.subarray(start);
}

/** The first `end` entries of the ranking (see rankedSlice), with their counts. */
export function rankedEntries(
  ids: Int32Array,
  counts: Int32Array,
  end: number,
): { ids: Int32Array; counts: Int32Array } {
  const n = ids.length;
  const stop = Math.max(0, Math.min(end, n));
  if (stop === 0) return { ids: new Int32Array(0), counts: new Int32Array(0) };
  let max = 0;
  for (let i = 0; i < n; i++) if ((counts[i] as number) > max) max = counts[i] as number;
  const histogram = new Int32Array(max + 1);
  for (let i = 0; i < n; i++) histogram[counts[i] as number]!++;
  // The threshold: the ranks above it hold fewer than `stop` ids, the ranks down to it at least that many.
  let above = 0;
  let threshold = max;
  while (above + (histogram[threshold] as number) < stop) above += histogram[threshold--] as number;
  const next = new Int32Array(max + 1);
  for (let c = max, at = 0; c >= threshold; c--) {
    next[c] = at;
    at += histogram[c] as number;
  }
  const out = new Int32Array(stop);
  const outCounts = new Int32Array(stop);
  let ties = stop - above;
  for (let i = 0; i < n; i++) {
    const c = counts[i] as number;
    if (c > threshold || (c === threshold && ties-- > 0)) {
      const at = next[c]!++;
      out[at] = ids[i] as number;
      outCounts[at] = c;
    }
  }
  return { ids: out, counts: outCounts };
}

/**
 * Ids ordered by count, highest first, then by id: the search ranking. A counting sort: counts are
 * small whole numbers, so ranking 100,000 hits is three linear passes instead of a comparison
 * sort. `ids` must be ascending and `counts` positive.
 */
export function rankByCount(ids: Int32Array, counts: Int32Array): Int32Array {
  const n = ids.length;
  let max = 0;
  for (let i = 0; i < n; i++) if ((counts[i] as number) > max) max = counts[i] as number;
  // next[c] is where the next id with count c goes; buckets run from the highest count down.
  const next = new Int32Array(max + 2);
  for (let i = 0; i < n; i++) next[max - (counts[i] as number) + 1]!++;
  for (let k = 1; k < next.length; k++) next[k]! += next[k - 1]!;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[next[max - (counts[i] as number)]!++] = ids[i] as number;
  return out;
}
