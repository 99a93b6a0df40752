/**
 * Long sentence pairs cut into clauses for the HMM. Forward–backward costs m²·n, so a bead longer
 * than the HMM's limit (hmm.ts `maxTokens`) used to keep the diagonal model's links, and those are
 * sparse on a long sentence: the diagonal model spreads each word's posterior along the whole
 * diagonal, and few links reach the threshold (a sentence of 149 words and 198 tokens in the
 * corpus kept 50 links, 两国 none). Political prose writes such sentences often (a sixth of the
 * corpus's beads are over 60 tokens on one side).
 *
 * The pair is cut where the two sides' clauses meet: after a punctuation mark on each side, at
 * the cut across which the diagonal model's posteriors link least, relative to the mass of the
 * smaller side of the cut (a normalised cut, so that a clause is not cut off for being short).
 * Pieces still too long are cut again; each piece is then aligned by the HMM as a pair of its
 * own, and no link crosses a cut. A stretch with no punctuation to cut at keeps the diagonal
 * model's posteriors.
 */

/** [zhStart, zhEnd, enStart, enEnd): a piece of a pair, over its alignable positions. */
export type Piece = readonly [number, number, number, number];

/**
 * The pieces of an m × n pair whose mean posterior of Chinese i and English j is `mass(i, j)`.
 * `zhCut(i)` / `enCut(j)`: a cut may fall right after that position. A piece over `maxTokens` on
 * either side with no cut inside it is returned as it is.
 */
export function clausePieces(
  m: number,
  n: number,
  mass: (i: number, j: number) => number,
  zhCut: (i: number) => boolean,
  enCut: (j: number) => boolean,
  maxTokens: number,
): Piece[] {
  // prefix[(i)·(n + 1) + j]: the mass of [0, i) × [0, j).
  const prefix = new Float64Array((m + 1) * (n + 1));
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      prefix[(i + 1) * (n + 1) + j + 1] =
        mass(i, j) + prefix[i * (n + 1) + j + 1]! + prefix[(i + 1) * (n + 1) + j]! - prefix[i * (n + 1) + j]!;
    }
  }
  const block = (i0: number, i1: number, j0: number, j1: number): number =>
    prefix[i1 * (n + 1) + j1]! - prefix[i0 * (n + 1) + j1]! - prefix[i1 * (n + 1) + j0]! + prefix[i0 * (n + 1) + j0]!;
  const zhCuts: number[] = [];
  const enCuts: number[] = [];
  for (let i = 0; i < m - 1; i++) if (zhCut(i)) zhCuts.push(i + 1);
  for (let j = 0; j < n - 1; j++) if (enCut(j)) enCuts.push(j + 1);

  const out: Piece[] = [];
  const split = (a0: number, a1: number, b0: number, b1: number): void => {
    if (Math.max(a1 - a0, b1 - b0) <= maxTokens) {
      out.push([a0, a1, b0, b1]);
      return;
    }
    let best: [number, number] | undefined;
    let bestScore = Infinity;
    for (const a of zhCuts) {
      if (a <= a0 || a >= a1) continue;
      for (const b of enCuts) {
        if (b <= b0 || b >= b1) continue;
        const crossing = block(a0, a, b, b1) + block(a, a1, b0, b);
        const smaller = Math.min(block(a0, a, b0, b), block(a, a1, b, b1));
        if (smaller <= 0) continue;
        const score = crossing / smaller;
        if (score < bestScore) {
          bestScore = score;
          best = [a, b];
        }
      }
    }
    if (!best) {
      out.push([a0, a1, b0, b1]);
      return;
    }
    split(a0, best[0], b0, best[1]);
    split(best[0], a1, best[1], b1);
  };
  split(0, m, 0, n);
  return out;
}
