/**
 * A bead's lexical cost, sentence by sentence. The aligner used to charge every sentence of a bead
 * the bead's own unexplained share (1 − F of the two sides' coverages): a short clause with no
 * evidence of its own then went to whichever neighbouring bead was better explained, whatever it
 * said. On the Bible, where the Chinese cuts a verse into clauses ("这是耶和华说的。" = "saith the
 * LORD"), that was most of the boundary errors. Now each sentence is charged by how well the other
 * side explains it: its own coverage, F-measured with the other side's coverage of the bead.
 *
 * A sentence's own coverage is a ratio of few words, and a short sentence's says little (one word
 * of two found is 0.5): it is shrunk towards the bead's coverage by a prior of one word of the
 * text's mean weight, as add-one smoothing would, so that a sentence of one or two words costs
 * about what it cost before and a long one what its own words say.
 */

/** A sentence's coverage, `matched` of its word weight `weight`, shrunk towards its bead's by `prior` (a weight). */
export function shrunkCoverage(matched: number, weight: number, beadCoverage: number, prior: number): number {
  return weight + prior > 0 ? (matched + prior * beadCoverage) / (weight + prior) : beadCoverage;
}

/** The F-measure of two coverages, 0 when both are 0. */
export function fMeasure(a: number, b: number): number {
  return a + b > 0 ? (2 * a * b) / (a + b) : 0;
}

/** The mean of the weights (0 for none): the prior's unit, one word of the text's mean weight. */
export function meanWeight(weights: Iterable<number>): number {
  let sum = 0;
  let count = 0;
  for (const w of weights) {
    sum += w;
    count++;
  }
  return count > 0 ? sum / count : 0;
}
