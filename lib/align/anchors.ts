/**
 * Anchors: pairs of sentences that translate each other, found over the whole text before any path
 * is searched, so that the search between them cannot lose its way however long the text is and
 * however its length ratio drifts (as Bertalign's first pass, with rare words in place of sentence
 * embeddings). A Chinese sentence's candidates are the English sentences that share its rare stems
 * and names (an inverted index of the English side: linear in the text); a sure one stands out
 * clearly from the runner-up. The heaviest chain of candidates in order on both sides is kept, and a
 * link that leaves the line of its neighbours is dropped.
 */
import { doubled } from '../base/typed-arrays';
import { type EnFeatures, IdStamps, type ZhFeatures } from './features';

export interface Anchor {
  zh: number;
  en: number;
  score: number;
}

/** An English id in more sentences than this is too common to point at one sentence. */
const MAX_ANCHOR_DF = 40;
/** Distinct rare ids a candidate must share with the Chinese sentence. */
const MIN_SHARED = 1;
/** Candidates per Chinese sentence checked by the full bead evidence. */
const CHECKED = 3;
/** The lexical similarity (see `BeadEvidence`) a sure anchor reaches… */
const MIN_SIMILARITY = 0.5;
/** …and by how much it beats every other candidate of its sentence. */
const MARGIN = 0.15;

function idf(df: number, n: number): number {
  return Math.log((n + 1) / (df + 0.5));
}

/**
 * The CHECKED touched sentences that score highest (ties: the earlier first), in that order: one pass
 * over them, as a sentence of common-enough words touches thousands and a sort of them all was most
 * of the anchors' time.
 */
function topCandidates(touched: Int32Array, count: number, score: Float64Array, shared: Int32Array): number[] {
  const top: number[] = [];
  const before = (a: number, b: number) => score[a]! > score[b]! || (score[a] === score[b] && a < b);
  for (let t = 0; t < count; t++) {
    const j = touched[t]!;
    if (shared[j]! < MIN_SHARED) continue;
    if (top.length === CHECKED && !before(j, top[CHECKED - 1]!)) continue;
    let k = Math.min(top.length, CHECKED - 1);
    top[k] = j;
    for (; k > 0 && before(j, top[k - 1]!); k--) {
      top[k] = top[k - 1]!;
      top[k - 1] = j;
    }
  }
  return top;
}

/**
 * The distinct ids of a sentence's words that are rare (`rare[id]` set), ascending, in `buffer` from
 * 0 (returned: how many). Only these are looked up, and the common ids, most of a sentence's, were
 * collected and sorted for nothing: most of the anchors' time went to sorting them.
 */
function rareIds(z: ZhFeatures, rare: Uint8Array, stamps: IdStamps, buffer: { ids: Int32Array }): number {
  const gen = stamps.next();
  let count = 0;
  for (const word of z.words) {
    const ids = word.ids;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!;
      // Ids learned or interned after the index was built are not in it (nor in any English sentence).
      if (id >= rare.length || rare[id] === 0 || !stamps.mark(id, gen)) continue;
      if (count === buffer.ids.length) buffer.ids = doubled(buffer.ids);
      buffer.ids[count++] = id;
    }
  }
  buffer.ids.subarray(0, count).sort();
  return count;
}

/** The candidate anchors, at most one per Chinese sentence, in Chinese order. */
function anchorCandidates(
  zh: readonly ZhFeatures[],
  en: readonly EnFeatures[],
  idCount: number,
  similarity: (i: number, j: number) => number,
): Anchor[] {
  const m = en.length;
  const maxDf = Math.min(MAX_ANCHOR_DF, Math.max(1, Math.floor(m / 20)));
  const df = new Int32Array(idCount);
  for (const e of en) for (const id of e.ids) df[id]!++;
  // Postings of the rare ids only (a common id would make the index quadratic).
  const start = new Int32Array(idCount + 1);
  for (let id = 0; id < idCount; id++) start[id + 1] = start[id]! + (df[id]! <= maxDf ? df[id]! : 0);
  // The ids that point at a few sentences, each with its weight worked out once.
  const rare = new Uint8Array(idCount);
  const weight = new Float64Array(idCount);
  for (let id = 0; id < idCount; id++)
    if (df[id]! > 0 && df[id]! <= maxDf) {
      rare[id] = 1;
      weight[id] = idf(df[id]!, m);
    }
  const postings = new Int32Array(start[idCount]!);
  const fill = start.slice(0, idCount);
  en.forEach((e, j) => {
    for (const id of e.ids) if (df[id]! <= maxDf) postings[fill[id]!++] = j;
  });
  const score = new Float64Array(m);
  const shared = new Int32Array(m);
  // The sentences a Chinese sentence's rare ids touch, in the order touched: a typed array kept from
  // sentence to sentence (an array emptied by `length = 0` gave its storage back and grew it again,
  // for each of thousands of sentences touching thousands).
  let touched = new Int32Array(1024);
  let touchedCount = 0;
  const out: Anchor[] = [];
  const stamps = new IdStamps();
  const buffer = { ids: new Int32Array(256) };
  zh.forEach((z, i) => {
    const count = rareIds(z, rare, stamps, buffer);
    for (let r = 0; r < count; r++) {
      const id = buffer.ids[r]!;
      const w = weight[id]!;
      for (let p = start[id]!; p < start[id + 1]!; p++) {
        const j = postings[p]!;
        if (shared[j] === 0) {
          if (touchedCount === touched.length) touched = doubled(touched);
          touched[touchedCount++] = j;
        }
        shared[j]!++;
        score[j]! += w;
      }
    }
    // Shared rare words only nominate: a long English sentence gathers chance hits from the many
    // senses of a Chinese sentence's words, so the few best are checked by the bead evidence itself.
    const nominated = topCandidates(touched, touchedCount, score, shared);
    let best = -1;
    let bestSimilarity = 0;
    let second = 0;
    for (const j of nominated) {
      const s = similarity(i, j);
      if (s > bestSimilarity) {
        second = bestSimilarity;
        bestSimilarity = s;
        best = j;
      } else if (s > second) second = s;
    }
    if (best >= 0 && bestSimilarity >= MIN_SIMILARITY && bestSimilarity - second >= MARGIN)
      out.push({ zh: i, en: best, score: bestSimilarity });
    for (let t = 0; t < touchedCount; t++) {
      const j = touched[t]!;
      score[j] = 0;
      shared[j] = 0;
    }
    touchedCount = 0;
  });
  return out;
}

/** The heaviest chain of candidates increasing on both sides (a Fenwick tree of prefix maxima: O(k log m)). */
export function heaviestChain(candidates: readonly Anchor[], m: number): Anchor[] {
  const treeValue = new Float64Array(m + 1);
  const treeIndex = new Int32Array(m + 1).fill(-1);
  const total = new Float64Array(candidates.length);
  const previous = new Int32Array(candidates.length).fill(-1);
  // Candidates come one per Chinese sentence in order, so "increasing on the Chinese side" holds;
  // a query over English positions below j keeps the English side increasing.
  candidates.forEach((c, k) => {
    let bestValue = 0;
    let bestIndex = -1;
    for (let x = c.en; x > 0; x -= x & -x) {
      if (treeValue[x]! > bestValue) {
        bestValue = treeValue[x]!;
        bestIndex = treeIndex[x]!;
      }
    }
    total[k] = bestValue + c.score;
    previous[k] = bestIndex;
    for (let x = c.en + 1; x <= m; x += x & -x) {
      if (total[k]! > treeValue[x]!) {
        treeValue[x] = total[k]!;
        treeIndex[x] = k;
      }
    }
  });
  let end = -1;
  total.forEach((v, k) => {
    if (end < 0 || v > total[end]!) end = k;
  });
  const chain: Anchor[] = [];
  for (let k = end; k >= 0; k = previous[k]!) chain.push(candidates[k]!);
  return chain.reverse();
}

/**
 * Drops the links that leave the line through their neighbours by more than a few sentences and a
 * share of the distance between them: a chance match of rare words that the chain happened to fit.
 * A link is measured against its nearest neighbours and against the next ones out, and kept when
 * either line holds it, so that one stray link does not take its good neighbours with it.
 */
export function consistentAnchors(chain: readonly Anchor[], n: number, m: number): Anchor[] {
  const points = [{ zh: 0, en: 0 }, ...chain, { zh: n, en: m }];
  const last = points.length - 1;
  const fits = (k: number, d: number) => {
    const a = points[k]!;
    const before = points[Math.max(0, k - d)]!;
    const after = points[Math.min(last, k + d)]!;
    const span = after.zh - before.zh;
    const expected = span > 0 ? before.en + ((a.zh - before.zh) * (after.en - before.en)) / span : a.en;
    return Math.abs(a.en - expected) <= 3 + 0.25 * Math.max(span, after.en - before.en);
  };
  // A link off its nearest neighbours' line is kept on the next ones' line only when a nearest
  // neighbour is off its own line too (the stray one of the two): otherwise the wider line, whose
  // tolerance grows with its span, lets a stray link between two good, sparse neighbours through (a
  // psalm matched a hundred sentences off derailed the Bible's first pass for eleven psalms).
  const near = chain.map((_, c) => fits(c + 1, 1));
  return chain.filter((_, c) => near[c] || ((near[c - 1] === false || near[c + 1] === false) && fits(c + 1, 2)));
}

export function findAnchors(
  zh: readonly ZhFeatures[],
  en: readonly EnFeatures[],
  idCount: number,
  similarity: (i: number, j: number) => number,
): Anchor[] {
  return consistentAnchors(
    heaviestChain(anchorCandidates(zh, en, idCount, similarity), en.length),
    zh.length,
    en.length,
  );
}

/**
 * The expected English position of each Chinese position 0..n, straight between anchors, and the
 * length of the stretch between anchors each lies in (the search band widens with it).
 */
export function anchorPath(
  anchors: readonly Anchor[],
  n: number,
  m: number,
): { center: Float64Array; stretch: Float64Array } {
  const points: Array<[number, number]> = [[0, 0]];
  for (const a of anchors) points.push([a.zh, a.en], [a.zh + 1, a.en + 1]);
  points.push([n, m]);
  const center = new Float64Array(n + 1);
  const stretch = new Float64Array(n + 1);
  for (let k = 0; k + 1 < points.length; k++) {
    const [i0, j0] = points[k]!;
    const [i1, j1] = points[k + 1]!;
    const length = Math.max(i1 - i0, j1 - j0);
    for (let i = i0; i <= i1; i++) {
      center[i] = i1 > i0 ? j0 + ((i - i0) * (j1 - j0)) / (i1 - i0) : j1;
      stretch[i] = Math.max(i === i0 && k > 0 ? stretch[i]! : 0, length);
    }
  }
  return { center, stretch };
}
