/**
 * The constants of term spotting, kept apart from the code that uses them (as lib/align/weights.ts
 * keeps the aligner's). Set by hand on the corpus; the report of issue 5 gives the precision
 * measured with them.
 */

/** How a word's profile (lib/terms/senses.ts) weighs a stem, by where it comes from. */
export const WEIGHTS = {
  /** The head of a sense of the term itself. */
  head: 1,
  /** The rest of a sense of the term (descriptions of names, examples). */
  rest: 0.3,
  /** A romanised form of a name (习近平 → xi, jinping). */
  name: 1,
  /** The head of a sense of a dictionary word inside a term CC-CEDICT lacks (全面 of 全面战略协作). */
  part: 0.8,
  /** The same for a single character inside such a term (中 and 俄 of 中俄关系). */
  partChar: 0.6,
  /** A word inside a term CC-CEDICT has (时代 of 新时代, which CEDICT gives as "new age"). */
  inner: 0.6,
} as const;

/** How term spotting (lib/terms/spot.ts, evidence.ts) scores words and spans. */
export const SPOT = {
  /** Evidence a content word needs to count in favour of a span. */
  threshold: 0.35,
  /** Evidence a span needs in one of its words to be credible. */
  credible: 0.5,
  /** Weight of association against dictionary evidence. */
  association: 0.9,
  /** Weight of the whole n-gram's association. */
  ngram: 0.5,
  /** Weight of the share of the term's pieces a span renders. */
  coverage: 0.4,
  /** Penalty per unit of distance between relative positions (0..1) in the Chinese and the English. */
  position: 0.25,
  /** How much of its claim a rival word as well explained keeps (an honest tie halves the evidence). */
  rival: 0.5,
  /** The weakest association claim of a rival worth linking. */
  minClaim: 0.2,
  /** What an occurrence inside a longer dictionary word loses (合作 in 上海合作组织). */
  nested: 0.3,
} as const;
