/**
 * The cells of the word model's translation table: one per co-occurring (source, target) word
 * pair of the training pairs, numbered in first-seen order, and each sentence pair's cells (at
 * [j·m + i], m source tokens) so that EM runs over typed arrays with no lookups.
 *
 * Both directions of the model count the same co-occurrences, so the reverse direction's cells
 * are read off the forward's (`transposed`) instead of hashing every word pair a second time: on
 * this corpus that hashing was a third of a direction's training. The numbering is exactly the
 * one the reverse pairs would get on their own (first-seen order over their source-major loops),
 * because sums over cells run in cell order and the links must not change by a bit.
 */
import { doubled } from '../base/typed-arrays';
import { PairIds } from './pair-ids';

/** A sentence pair as vocabulary ids: source tokens (generating) and target tokens (generated). */
export interface IdPair {
  src: readonly number[];
  tgt: readonly number[];
}

export interface Cells {
  /** Each training pair's cells, at [j·m + i]. */
  readonly sentenceCells: readonly Int32Array[];
  /** The source and target word of each cell. */
  readonly cellSrc: Int32Array;
  readonly cellTgt: Int32Array;
  /** The cell of a word pair, or undefined when the pair never co-occurred in training. */
  cellOf(src: number, tgt: number): number | undefined;
}

/** The cells of `pairs` (source-major: for each source token, every target token). */
export function cooccurrences(pairs: readonly IdPair[]): Cells {
  let cellsMax = 0;
  for (const { src, tgt } of pairs) cellsMax += src.length * tgt.length;
  // Sized for the distinct pairs to come (a quarter of all co-occurrences on this corpus): growing
  // the table rehashes every pair, and three growths cost as much as the counting.
  const ids = new PairIds(Math.min(cellsMax >> 2, 1 << 20));
  let cellSrc: Int32Array = new Int32Array(1024);
  let cellTgt: Int32Array = new Int32Array(1024);
  const sentenceCells: Int32Array[] = [];
  for (const { src, tgt } of pairs) {
    const m = src.length;
    const cells = new Int32Array(m * tgt.length);
    for (let i = 0; i < m; i++) {
      const f = src[i]!;
      for (let j = 0; j < tgt.length; j++) {
        const before = ids.size;
        const c = ids.add(f, tgt[j]!);
        if (ids.size > before) {
          if (c >= cellSrc.length) [cellSrc, cellTgt] = [doubled(cellSrc), doubled(cellTgt)];
          cellSrc[c] = f;
          cellTgt[c] = tgt[j]!;
        }
        cells[j * m + i] = c;
      }
    }
    sentenceCells.push(cells);
  }
  return {
    sentenceCells,
    cellSrc: cellSrc.slice(0, ids.size),
    cellTgt: cellTgt.slice(0, ids.size),
    cellOf: (f, e) => {
      const c = ids.get(f, e);
      return c < 0 ? undefined : c;
    },
  };
}

/**
 * The cells of the reversed pairs (`reversed[s]` is `pairs[s]` with source and target swapped),
 * given the cells of `pairs`: the same as `cooccurrences(reversed)`, read off `forward`.
 */
export function transposed(forward: Cells, reversed: readonly IdPair[]): Cells {
  const count = forward.cellSrc.length;
  // Forward cell → reverse cell (-1: not numbered yet).
  const toReverse = new Int32Array(count).fill(-1);
  const cellSrc = new Int32Array(count);
  const cellTgt = new Int32Array(count);
  let next = 0;
  const sentenceCells = reversed.map(({ src, tgt }, s) => {
    const fwd = forward.sentenceCells[s]!;
    const m = src.length; // the reverse's sources: the forward's targets
    const n = tgt.length;
    const cells = new Int32Array(m * n);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        // Reverse source i, target j is forward source j, target i: at [i·n + j] of the forward's cells.
        const f = fwd[i * n + j]!;
        let c = toReverse[f]!;
        if (c < 0) {
          c = toReverse[f] = next++;
          cellSrc[c] = src[i]!;
          cellTgt[c] = tgt[j]!;
        }
        cells[j * m + i] = c;
      }
    }
    return cells;
  });
  return {
    sentenceCells,
    cellSrc: cellSrc.slice(0, next),
    cellTgt: cellTgt.slice(0, next),
    cellOf: (src, tgt) => {
      const f = forward.cellOf(tgt, src);
      return f === undefined || toReverse[f]! < 0 ? undefined : toReverse[f];
    },
  };
}
