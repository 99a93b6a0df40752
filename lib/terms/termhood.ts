/**
 * Termhood: how term-like a candidate is, by C-value (Frantzi, Ananiadou & Mima 2000). A candidate
 * scores by its frequency, less the mean frequency of the longer candidates it is nested in (战略协作
 * counts for little when it mostly occurs inside 全面战略协作伙伴关系), weighted by the log of its
 * length, so that a long run that recurs is preferred to the short words it is made of.
 */
import type { Candidate } from './candidates';
import { codePointLength } from '../base/unicode';

export interface TermhoodOptions {
  /** Pairs a candidate must occur in (default 2). */
  minPairs?: number;
  /**
   * How much of everyday language a word is (0..1, default 0): its C-value is discounted by that
   * share. The glossary passes the HSK level (every learner's 重要 and 支持 are no terms).
   */
  generality?: (term: string) => number;
}

export interface Ranked {
  candidate: Candidate;
  termhood: number;
}

/**
 * A candidate that occurs this often inside one longer candidate is a piece of it, not a term of
 * its own (全面战略协作伙伴 inside 全面战略协作伙伴关系); C-value's mean over all the longer
 * candidates would dilute that when there are many.
 */
const MOSTLY_INSIDE = 0.9;

/** Every contiguous run of `words` shorter than the whole, joined. */
function innerRuns(words: readonly string[]): string[] {
  const runs = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 1; j <= words.length; j++) if (j - i < words.length) runs.add(words.slice(i, j).join(''));
  }
  return [...runs];
}

/**
 * Candidates occurring in at least `minPairs` pairs and not fragments (not cut out of a word, not
 * mostly inside one longer candidate), with their C-value (length in characters: log2(1 + length), so single
 * words of two characters still count) discounted by their generality, most term-like first; ties
 * by frequency, then by code point order, so the ranking is deterministic.
 */
export function rankByTermhood(candidates: ReadonlyMap<string, Candidate>, options: TermhoodOptions = {}): Ranked[] {
  const { minPairs = 2, generality = () => 0 } = options;
  const kept = [...candidates.values()].filter((c) => c.pairs.size >= minPairs && !c.fragment);
  const nested = new Map<string, { frequency: number; count: number; most: number }>();
  for (const longer of kept) {
    for (const inner of innerRuns(longer.words)) {
      const n = nested.get(inner) ?? { frequency: 0, count: 0, most: 0 };
      n.frequency += longer.frequency;
      n.count++;
      n.most = Math.max(n.most, longer.frequency);
      nested.set(inner, n);
    }
  }
  return kept
    .filter((candidate) => (nested.get(candidate.term)?.most ?? 0) < MOSTLY_INSIDE * candidate.frequency)
    .map((candidate) => {
      const n = nested.get(candidate.term);
      const independent = n === undefined ? candidate.frequency : candidate.frequency - n.frequency / n.count;
      const cValue = Math.log2(1 + codePointLength(candidate.term)) * independent;
      return { candidate, termhood: cValue * (1 - generality(candidate.term)) };
    })
    .filter((r) => r.termhood > 0)
    .sort(
      (a, b) =>
        b.termhood - a.termhood ||
        b.candidate.frequency - a.candidate.frequency ||
        (a.candidate.term < b.candidate.term ? -1 : a.candidate.term > b.candidate.term ? 1 : 0),
    );
}
