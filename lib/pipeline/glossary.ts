/**
 * Pipeline stage "glossary": every BuiltDoc → the corpus's terms (build/glossary.json). Pure; the
 * work is lib/terms': candidates (words and runs of words), termhood (C-value, less for everyday
 * words by their HSK level), and for each of the GLOSSARY_SIZE most term-like, how the translations
 * render it (the same `termReport` the term page shows, over the same lookup, so the two agree).
 *
 * Deterministic: candidates are ranked with total tie-breaks, renderings keep corpus order among
 * equals, and the numbers are rounded, so two ingests of one corpus write the same bytes.
 */
import { codePointLength } from '../base/unicode';
import type { Dictionary } from '../dictionary/cedict';
import type { BuiltDoc, DictEntry, GlossaryEntry, TermReport, WordLinks } from '../model';
import { collectCandidates, type Candidate } from '../terms/candidates';
import { hskLevel } from '../terms/hsk';
import { termPairs, type TermPair } from '../terms/pairs';
import { termReport } from '../terms/report';
import type { Lookup } from '../terms/senses';
import { rankByTermhood } from '../terms/termhood';

/**
 * The glossary's lookup over a whole dictionary: its entries, and where the longest headword at a
 * position ends (see `Lookup`), which spares the glossary most of its lookups of strings no
 * headword is.
 */
export function dictionaryLookup(dictionary: () => Dictionary): Lookup {
  return Object.assign((word: string) => dictionary().lookup(word), {
    longestAt: (chars: readonly string[], from: number) =>
      codePointLength(dictionary().longestMatch(chars, from) ?? ''),
  });
}

/** Terms kept: enough for every recurring term of a corpus this size, few enough to read through. */
export const GLOSSARY_SIZE = 400;
/** Renderings kept per term (the term page shows them all). */
const RENDERINGS_KEPT = 8;

export interface GlossaryOptions {
  size?: number;
  /** HSK level of a word (lib/terms/hsk.ts), or none to rank every word alike. */
  hsk?: (word: string) => number | undefined;
  /** The build's word links (build/wordlinks.json): renderings are then read off them. */
  wordLinks?: WordLinks;
}

/**
 * How much of everyday language a word is, from its HSK level: 重要 (level 3) is every learner's
 * word and rarely a term; a word outside the lists (every multi-word term, 睦邻, 普京) is not
 * discounted at all.
 */
export function generality(level: number | undefined): number {
  return level === undefined ? 0 : (7 - level) / 8;
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Keys of a count map, commonest first, then in code point order. */
function commonestFirst(counts: ReadonlyMap<string, number>): string[] {
  return [...counts].sort(([a, m], [b, n]) => n - m || byCodePoint(a, b)).map(([key]) => key);
}

/**
 * The traditional forms of a term: as the traditional sources write it (commonest first), then as
 * CC-CEDICT does; for a run of words CEDICT lacks, the words' own CEDICT forms put together, when
 * each word has exactly one.
 */
export function traditionalForms(candidate: Candidate, lookup: Lookup): string[] {
  const forms = new Set(commonestFirst(candidate.originals));
  // A CEDICT entry that is only a variant spelling (關系, "variant of 關係") is not a form to show.
  const own = (entries: readonly DictEntry[], word: string) => [
    ...new Set(
      entries
        .filter((e) => e.simplified === word && !e.senses.every((s) => /^(?:old )?variant of\b/i.test(s)))
        .map((e) => e.traditional),
    ),
  ];
  for (const form of own(lookup(candidate.term), candidate.term)) forms.add(form);
  if (lookup(candidate.term).length === 0 && candidate.words.length > 1) {
    const parts = candidate.words.map((w) => {
      const written = own(lookup(w), w);
      return written.length === 0 && [...w].length === 1 ? [w] : written;
    });
    if (parts.every((p) => p.length === 1)) forms.add(parts.map((p) => p[0]).join(''));
  }
  forms.delete(candidate.term);
  return [...forms];
}

/**
 * The term's pinyin: CC-CEDICT's when it has exactly one reading for the term (中俄 Zhōng É, as the
 * reader shows it when the segmenter keeps it whole), otherwise the commonest reading of the
 * words the segmenter cut it into.
 */
function readingOf(candidate: Candidate, lookup: Lookup): string {
  const readings = new Set(
    lookup(candidate.term)
      .filter((e) => e.simplified === candidate.term)
      .map((e) => e.pinyin),
  );
  if (readings.size === 1) return [...readings][0]!;
  return commonestFirst(candidate.readings)[0] ?? '';
}

const round = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits;

function entryOf(candidate: Candidate, termhood: number, report: TermReport, lookup: Lookup): GlossaryEntry {
  return {
    term: candidate.term,
    traditional: traditionalForms(candidate, lookup),
    pinyin: readingOf(candidate, lookup),
    frequency: report.occurrences.length,
    documents: new Set(report.occurrences.map((o) => o.docId)).size,
    termhood: round(termhood, 2),
    renderings: report.renderings
      .slice(0, RENDERINGS_KEPT)
      .map((r) => ({ key: r.key, text: r.text, count: r.count, share: round(r.share, 3) })),
    unrendered: report.unrendered,
    within: report.within.slice(0, RENDERINGS_KEPT).map(({ term, count }) => ({ term, count })),
  };
}

/**
 * The glossary of a corpus. `lookup` gives CC-CEDICT entries; ingest passes the corpus's extract
 * (build/gloss.json), which is what the app's term page looks terms up in. `pairs` defaults to
 * the documents' pairs with their sentence beads.
 */
export function buildGlossary(
  docs: readonly BuiltDoc[],
  lookup: Lookup,
  options: GlossaryOptions = {},
): GlossaryEntry[] {
  const { size = GLOSSARY_SIZE, hsk = hskLevel, wordLinks } = options;
  // Only candidates in two pairs or more can be ranked: the rest are not collected in full.
  const minPairs = 2;
  const ranked = rankByTermhood(collectCandidates(docs, lookup, { minPairs }), {
    minPairs,
    generality: (term) => generality(hsk(term)),
  }).slice(0, size);
  // Without the pinyin line: nothing here reads it, and it was most of making the records again.
  const pairs: TermPair[] = docs.flatMap((doc) => termPairs(doc, wordLinks?.[doc.meta.id], { pinyin: false }));
  const terms = ranked.map(({ candidate }) => candidate.term);
  return ranked.map(({ candidate, termhood }) =>
    entryOf(candidate, termhood, termReport(candidate.term, pairs, lookup, terms), lookup),
  );
}
