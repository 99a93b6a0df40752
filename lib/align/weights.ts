/**
 * The weights of the bead cost: data, fitted on the development set by `npm run bench:align --
 * --fit` (a coarse grid, few parameters, so that they carry to texts it has never seen); the
 * quotation, question and structure weights on three or four values each, by hand, with `--ablate`.
 */
export interface AlignWeights {
  /** Cost per sentence of a bead, times (1 − lexical similarity). */
  similarity: number;
  /** Times the Gale–Church length cost (−log probability). */
  length: number;
  /** Times the clause-count cost (see clauses.ts). */
  clauses: number;
  /** Reward for numbers agreeing (−1..1 agreement). */
  numbers: number;
  /** Reward for question marks agreeing (−1..1 agreement). */
  questions: number;
  /** A bead whose two sides hold units of different kinds (a heading against a paragraph). */
  structure: number;
  /** A bead that ends inside quoted speech on one side only. */
  quotes: number;
  /** A bead whose last sentence closes a speech on one side and ends in narration on the other. */
  speechEnds: number;
  /** Per sentence beyond a 1-1 bead (merges). */
  shape: number;
  /** Per sentence left without a counterpart. */
  skip: number;
  /** Multiplies `shape` for a bead shape (smaller side first: "1-2", "2-2", "1-3", "1-4"). */
  shapeScale: Readonly<Record<string, number>>;
}

export const DEFAULT_WEIGHTS: AlignWeights = {
  similarity: 4,
  length: 0.3,
  clauses: 0.2,
  numbers: 0.5,
  shape: 1.5,
  skip: 6,
  quotes: 1.5,
  speechEnds: 1,
  structure: 3,
  questions: 0.3,
  // One Chinese sentence rendered as two English ones (or two as one) is by far the commonest
  // merge in Chinese–English translation: it costs less than other merges.
  shapeScale: { '1-2': 0.8 },
};
