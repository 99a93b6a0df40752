/**
 * Term spotting: for each occurrence of a Chinese term, the English words that render it, if any.
 *
 * Each English word of the occurrence's unit (its aligned sentences, or its pair) is weighed for
 * the term (lib/terms/evidence.ts). A candidate span (1–8 content words, content words at both
 * ends, no comma, bracket or sentence break inside, not cut out of a hyphenated word) scores the
 * evidence of its words above a threshold, plus the association of the whole n-gram with the term,
 * plus the share of a compound's pieces it renders, minus a little for lying far from where the
 * term lies in its sentence. Spans go to the occurrences of a unit best pair first; an occurrence
 * whose best span is not credible (no positive score, no well-explained word) stays unrendered:
 * the report never forces a guess.
 */
import type { TermOccurrence } from '../model';
import { type Claim, type TermCorpus, type Unit, unitAt } from './corpus';
import { keyOf } from './english';
import {
  coverage,
  phraseAssociation,
  releaseStats,
  spanDice,
  termStats,
  weigh,
  type Scoring,
  type Weighed,
} from './evidence';
import { findOccurrences } from './occurrences';
import { termProfile, type Lookup } from './senses';
import { SPOT } from './weights';

interface Occurrence {
  pair: number;
  start: number;
  end: number;
  unit: Unit | undefined;
}

interface Span {
  first: number;
  last: number;
  score: number;
}

/**
 * Every credible span of the unit for this occurrence, with its score. A stem repeated inside a
 * span counts again only when the n-gram has been seen with the term before (friendship from
 * generation to generation), so a span cannot grow by taking in the next occurrence's word
 * (cooperation to cooperate).
 */
function candidateSpans(o: Occurrence, unit: Unit, { weights, pieces }: Weighed, s: Scoring): Span[] {
  const tokens = unit.tokens;
  const zhMiddle = ((o.start + o.end) / 2 - unit.zh[0]) / Math.max(1, unit.zh[1] - unit.zh[0]);
  const enLength = Math.max(1, unit.en[1] - unit.en[0]);
  const spans: Span[] = [];
  for (const span of unit.spans) {
    const { first: i, last: j } = span;
    if (weights[i]! < SPOT.threshold || weights[j]! < SPOT.threshold) continue;
    const attested = s.stats.joint[span.id]! >= 2;
    let sum = 0;
    let strongest = 0;
    let covered = 0;
    const seen = new Set<string>();
    for (let k = i; k <= j; k++) {
      if (!tokens[k]!.content || (seen.has(tokens[k]!.stem) && !attested)) continue;
      seen.add(tokens[k]!.stem);
      sum += weights[k]! - SPOT.threshold;
      strongest = Math.max(strongest, weights[k]!);
      if (weights[k]! >= SPOT.threshold) covered |= pieces[k]!;
    }
    if (strongest < SPOT.credible) continue;
    const enMiddle = ((tokens[i]!.start + tokens[j]!.end) / 2 - unit.en[0]) / enLength;
    const score =
      sum +
      SPOT.ngram * spanDice(span, s.stats) +
      SPOT.coverage * coverage(s.profile, covered) -
      SPOT.position * Math.abs(zhMiddle - enMiddle);
    if (score > 0) spans.push({ first: i, last: j, score });
  }
  return spans;
}

/**
 * Spans for the occurrences of one unit, best pair first (competitive linking): when 关系 occurs
 * twice and the English says "relations" once, the occurrence that fits it better takes it, and
 * the other stays unrendered. Each occurrence gets at most one span, and spans do not overlap.
 */
function assign(candidates: ReadonlyArray<readonly Span[]>): Array<Span | null> {
  const all = candidates.flatMap((spans, occurrence) => spans.map((span) => ({ occurrence, span })));
  // Stable sort: equal scores keep corpus order, then left to right, short to long.
  all.sort((a, b) => b.span.score - a.span.score);
  const chosen: Array<Span | null> = candidates.map(() => null);
  const taken: Span[] = [];
  for (const { occurrence, span } of all) {
    if (chosen[occurrence] !== null || taken.some((t) => t.first <= span.last && span.first <= t.last)) continue;
    chosen[occurrence] = span;
    taken.push(span);
  }
  return chosen;
}

/** Every occurrence of `term` in the corpus, in corpus order, each with its rendering when one is credible. */
export function spotTerm(term: string, corpus: TermCorpus, lookup: Lookup): TermOccurrence[] {
  const located: Occurrence[] = corpus.pairsHolding(term).flatMap((pair) =>
    findOccurrences(term, corpus.pairs[pair]!.zh).map((start) => ({
      pair,
      start,
      end: start + term.length,
      unit: unitAt(corpus.unitsOfPair[pair] ?? [], start),
    })),
  );
  if (located.length === 0) return [];
  const scoring: Scoring = {
    term,
    profile: termProfile(term, lookup),
    stats: termStats(term, corpus),
    corpus,
    lookup,
    explained: new Map(),
    stemDice: new Map(),
  };
  try {
    return renderingsOf(located, scoring, corpus, lookup);
  } finally {
    releaseStats(term, corpus, scoring.stats);
  }
}

/** The located occurrences, each with its rendering when one is credible. */
function renderingsOf(
  located: readonly Occurrence[],
  scoring: Scoring,
  corpus: TermCorpus,
  lookup: Lookup,
): TermOccurrence[] {
  const byUnit = new Map<Unit, number[]>();
  located.forEach((o, i) => {
    if (o.unit === undefined || o.unit.tokens.length === 0) return;
    const list = byUnit.get(o.unit);
    if (list === undefined) byUnit.set(o.unit, [i]);
    else list.push(i);
  });
  const spans: Array<Span | null> = located.map(() => null);
  for (const [unit, indices] of byUnit) {
    const ranges = indices.map((i) => [located[i]!.start, located[i]!.end] as const);
    const weighed = weigh(ranges, unit, phraseAssociation(unit, scoring), scoring);
    // An occurrence inside a longer dictionary word (合作 in 上海合作组织, rendered "SCO") yields
    // to one standing as a word of its own when both want the same English. The unit's words are
    // asked for only when a span was found: cutting a unit into dictionary words costs more than
    // the rest of its weighing, and most units of most terms yield no span.
    let words: readonly Claim[] | undefined;
    const candidates = indices.map((i) => {
      const o = located[i]!;
      const found = candidateSpans(o, unit, weighed, scoring);
      if (found.length === 0) return found;
      words ??= corpus.claimsOutside(unit, [], lookup);
      const nested = words.some((w) => w.start <= o.start && w.end >= o.end && w.end - w.start > o.end - o.start);
      return nested
        ? found.map((span) => ({ ...span, score: span.score - SPOT.nested })).filter((span) => span.score > 0)
        : found;
    });
    assign(candidates).forEach((span, k) => (spans[indices[k]!] = span));
  }
  return located.map((o, i): TermOccurrence => {
    const record = corpus.pairs[o.pair]!;
    const occurrence: TermOccurrence = { docId: record.docId, pair: record.pair, zhStart: o.start, zhEnd: o.end };
    const span = spans[i];
    if (!span || !o.unit) return occurrence;
    const tokens = o.unit.tokens.slice(span.first, span.last + 1);
    return {
      ...occurrence,
      rendering: { start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end, key: keyOf(tokens) },
    };
  });
}
