/**
 * What one English sentence finds in one Chinese sentence: the English ids the Chinese words may
 * be rendered by, and the words they hit. A bead's lexical evidence is the union of these over its
 * pairs of sentences, and each pair sits in some thirty beads of the search (every shape that holds
 * it, in both passes): found once here, with binary searches, and read back from there on.
 *
 * The search moves row by row, and a bead reaches back at most a few rows, so only the last ROWS
 * Chinese sentences are kept; a pair asked for again after its row has left is found again (the
 * same answer, for a little time).
 */
import type { EnFeatures, ZhFeatures } from './features';

const ROWS = 8;

/** Index of `value` in the ascending `keys`, or -1. */
export function findSorted(keys: Int32Array, value: number): number {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const k = keys[mid]!;
    if (k < value) lo = mid + 1;
    else if (k > value) hi = mid - 1;
    else return mid;
  }
  return -1;
}

interface Row {
  x: number;
  generation: number;
  /** Per English sentence y: the generation in which its pair with x was found. */
  stamp: Int32Array;
  idFrom: Int32Array;
  idTo: Int32Array;
  wordFrom: Int32Array;
  wordTo: Int32Array;
  ids: Int32Array;
  idCount: number;
  words: Int32Array;
  wordCount: number;
}

export class PairHits {
  private readonly rows: Row[] = [];
  private generation = 0;
  /** After `find`: the pair's ids are `ids[idFrom..idTo)`, its words `words[wordFrom..wordTo)`. */
  ids: Int32Array = new Int32Array(0);
  idFrom = 0;
  idTo = 0;
  words: Int32Array = new Int32Array(0);
  wordFrom = 0;
  wordTo = 0;

  constructor(
    private readonly zh: readonly ZhFeatures[],
    private readonly en: readonly EnFeatures[],
  ) {}

  private row(x: number): Row {
    const k = x % ROWS;
    let row = this.rows[k];
    if (!row) {
      const m = this.en.length;
      row = {
        x: -1,
        generation: 0,
        stamp: new Int32Array(m),
        idFrom: new Int32Array(m),
        idTo: new Int32Array(m),
        wordFrom: new Int32Array(m),
        wordTo: new Int32Array(m),
        ids: new Int32Array(256),
        idCount: 0,
        words: new Int32Array(256),
        wordCount: 0,
      };
      this.rows[k] = row;
    }
    if (row.x !== x) {
      row.x = x;
      row.generation = ++this.generation;
      row.idCount = 0;
      row.wordCount = 0;
    }
    return row;
  }

  /** Finds the pair (x, y) and points the fields above at it. */
  find(x: number, y: number): void {
    const row = this.row(x);
    if (row.stamp[y] !== row.generation) {
      row.stamp[y] = row.generation;
      const z = this.zh[x]!;
      const e = this.en[y]!;
      row.idFrom[y] = row.idCount;
      row.wordFrom[y] = row.wordCount;
      for (let k = 0; k < e.ids.length; k++) {
        const id = e.ids[k]!;
        const at = findSorted(z.idKeys, id);
        if (at < 0) continue;
        if (row.idCount === row.ids.length) row.ids = grow(row.ids);
        row.ids[row.idCount++] = id;
        for (let q = z.idStart[at]!, end = z.idStart[at + 1]!; q < end; q++) {
          if (row.wordCount === row.words.length) row.words = grow(row.words);
          row.words[row.wordCount++] = z.idWords[q]!;
        }
      }
      row.idTo[y] = row.idCount;
      row.wordTo[y] = row.wordCount;
    }
    this.ids = row.ids;
    this.idFrom = row.idFrom[y]!;
    this.idTo = row.idTo[y]!;
    this.words = row.words;
    this.wordFrom = row.wordFrom[y]!;
    this.wordTo = row.wordTo[y]!;
  }
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
