/**
 * What one English sentence finds in one Chinese sentence: the English ids the Chinese words may
 * be rendered by, and the words they hit. A bead's lexical evidence is the union of these over its
 * pairs of sentences, and each pair sits in some thirty beads of the search (every shape that holds
 * it, in both passes): found once here, with binary searches, and read back from there on.
 *
 * The search moves row by row, and a bead reaches back at most a few rows, so only the last ROWS
 * Chinese sentences are kept; a pair asked for again after its row has left is found again (the
 * same answer, for a little time). A row indexes its Chinese sentence when it takes it: for each
 * English id, the sentence's words it may render, as a list threaded through typed arrays in word
 * order (no sort, nothing kept per sentence of the text), so that a pair is one read per English id.
 *
 * A pair also keeps its two sums (the weight of its Chinese words hit, each once, and of its English
 * ids hit), added in the order the bead evidence adds them: a 1-1 bead's evidence is then these two
 * reads, to the last bit, and a larger bead's is bounded from above by them before it is summed.
 */
import { doubled } from '../base/typed-arrays';
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

/** A Chinese sentence's pair sums, by English sentence (valid for the y just asked for). */
export interface PairSums {
  readonly zhSum: Float64Array;
  readonly enSum: Float64Array;
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
  /** Per English sentence y: the pair's sums (see above). */
  zhSum: Float64Array;
  enSum: Float64Array;
  ids: Int32Array;
  idCount: number;
  words: Int32Array;
  wordCount: number;
  /** Per English id: the generation in which x's words were listed under it, and its list's first and last entries. */
  keyStamp: Int32Array;
  keyHead: Int32Array;
  keyTail: Int32Array;
  /** The lists' entries: a word of x and the next entry of its id's list (-1 at the end). */
  entryWord: Int32Array;
  entryNext: Int32Array;
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
  /** After `find`: the weight of the Chinese words the pair hits (each once) and of its English ids hit. */
  zhSum = 0;
  enSum = 0;
  /** Per word of the sentence being found, the find that counted it (a word hit through several ids counts once). */
  private wordSeen = new Int32Array(64);
  private finds = 0;

  /**
   * `idCount`: the number of English ids (every id of `zh` and `en` is below it); `idWeight`: each
   * English id's weight (the same in every sentence: its idf over the text).
   */
  constructor(
    private readonly zh: readonly ZhFeatures[],
    private readonly en: readonly EnFeatures[],
    private readonly idCount: number,
    private readonly idWeight: Float64Array,
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
        zhSum: new Float64Array(m),
        enSum: new Float64Array(m),
        ids: new Int32Array(256),
        idCount: 0,
        words: new Int32Array(256),
        wordCount: 0,
        keyStamp: new Int32Array(this.idCount),
        keyHead: new Int32Array(this.idCount),
        keyTail: new Int32Array(this.idCount),
        entryWord: new Int32Array(256),
        entryNext: new Int32Array(256),
      };
      this.rows[k] = row;
    }
    if (row.x !== x) {
      row.x = x;
      row.generation = ++this.generation;
      row.idCount = 0;
      row.wordCount = 0;
      this.index(row, this.zh[x]!);
    }
    return row;
  }

  /** Lists each of the sentence's words under the ids it may be rendered by, in word order, each word once per id. */
  private index(row: Row, z: ZhFeatures): void {
    const gen = row.generation;
    let entries = 0;
    for (let w = 0; w < z.words.length; w++) {
      const ids = z.words[w]!.ids;
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k]!;
        if (row.keyStamp[id] === gen && row.entryWord[row.keyTail[id]!] === w) continue;
        if (entries === row.entryWord.length) {
          row.entryWord = doubled(row.entryWord);
          row.entryNext = doubled(row.entryNext);
        }
        row.entryWord[entries] = w;
        row.entryNext[entries] = -1;
        if (row.keyStamp[id] === gen) row.entryNext[row.keyTail[id]!] = entries;
        else {
          row.keyStamp[id] = gen;
          row.keyHead[id] = entries;
        }
        row.keyTail[id] = entries++;
      }
    }
  }

  /** The sums of the pair (x, y) (see above): `sumsOf(x)` after `sumsAt(x, y)`, without the hit lists. */
  sumsAt(x: number, y: number): PairSums {
    const row = this.row(x);
    if (row.stamp[y] !== row.generation) this.findIn(row, x, y);
    return row;
  }

  /** Finds the pair (x, y) and points the fields above at it. */
  find(x: number, y: number): void {
    const row = this.row(x);
    if (row.stamp[y] !== row.generation) this.findIn(row, x, y);
    this.ids = row.ids;
    this.idFrom = row.idFrom[y]!;
    this.idTo = row.idTo[y]!;
    this.words = row.words;
    this.wordFrom = row.wordFrom[y]!;
    this.wordTo = row.wordTo[y]!;
    this.zhSum = row.zhSum[y]!;
    this.enSum = row.enSum[y]!;
  }

  private findIn(row: Row, x: number, y: number): void {
    {
      row.stamp[y] = row.generation;
      const e = this.en[y]!;
      const words = this.zh[x]!.words;
      if (words.length > this.wordSeen.length) this.wordSeen = new Int32Array(words.length * 2);
      const seen = ++this.finds;
      row.idFrom[y] = row.idCount;
      row.wordFrom[y] = row.wordCount;
      let zhSum = 0;
      let enSum = 0;
      for (let k = 0; k < e.ids.length; k++) {
        const id = e.ids[k]!;
        if (row.keyStamp[id] !== row.generation) continue;
        if (row.idCount === row.ids.length) row.ids = doubled(row.ids);
        row.ids[row.idCount++] = id;
        enSum += this.idWeight[id]!;
        for (let q = row.keyHead[id]!; q >= 0; q = row.entryNext[q]!) {
          if (row.wordCount === row.words.length) row.words = doubled(row.words);
          const w = row.entryWord[q]!;
          row.words[row.wordCount++] = w;
          if (this.wordSeen[w] !== seen) {
            this.wordSeen[w] = seen;
            zhSum += words[w]!.weight;
          }
        }
      }
      row.idTo[y] = row.idCount;
      row.wordTo[y] = row.wordCount;
      row.zhSum[y] = zhSum;
      row.enSum[y] = enSum;
    }
  }
}
