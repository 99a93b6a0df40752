/**
 * Clause counts, a second measure of length beside characters: a Chinese sentence of five
 * comma-joined clauses is rendered by English sentences holding about five clauses between them,
 * however the translator regroups them into sentences. Characters say how much is said; clauses
 * say in how many pieces, which tells a long clause from several short ones of the same length.
 */

/** Clauses of a Chinese sentence: one, plus one per run of clause punctuation (，；：—). */
export function chineseClauses(sentence: string): number {
  return (sentence.match(/[，,；;：:—]+/gu)?.length ?? 0) + 1;
}

/** Clauses of an English sentence: one, plus one per run of clause punctuation (, ; : —). */
export function englishClauses(sentence: string): number {
  return (sentence.match(/[,;:—]+/gu)?.length ?? 0) + 1;
}

/** English clauses per Chinese clause in a text, 1 when the text is too short to say. */
export function clauseRatio(zh: readonly number[], en: readonly number[]): number {
  const z = zh.reduce((s, c) => s + c, 0);
  const e = en.reduce((s, c) => s + c, 0);
  return z >= 100 && e >= 100 ? e / z : 1;
}

/** Variance of the English clause count per clause on both sides (fitted on the development set). */
const VARIANCE_PER_CLAUSE = 0.15;

/**
 * How unlikely it is that `zh` Chinese clauses are rendered by `en` English ones (z²/2 of a normal
 * model whose variance grows with the clauses), 0 when they agree at the text's ratio.
 */
export function clauseCost(zh: number, en: number, ratio: number): number {
  const z = (en - zh * ratio) / Math.sqrt(1 + VARIANCE_PER_CLAUSE * (zh + en));
  return (z * z) / 2;
}
