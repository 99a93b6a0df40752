/**
 * How the corpus renders a term: every occurrence, its rendering where term spotting found one,
 * and the renderings grouped by their normalised key ("strategic partnerships" and "strategic
 * partnership" are one rendering), the commonest first.
 */
import type { TermOccurrence, TermRendering, TermReport } from '../model';
import { termCorpus, type TermCorpus } from './corpus';
import type { TermPair } from './pairs';
import type { Lookup } from './senses';
import { claimedElsewhere, consistentWithLinks, linkedRendering, renderingText, straddlesWords } from './linked';
import { spotTerm } from './spot';
import { completeFragments } from './fragments';
import { findOccurrences } from './occurrences';

/**
 * Renderings of the term's own occurrences (not inside a longer term) grouped by key: count, share
 * of the own occurrences, the surface form seen most, most frequent first.
 */
function groupRenderings(occurrences: readonly TermOccurrence[], corpus: TermCorpus): TermRendering[] {
  const own = occurrences.filter((o) => o.within === undefined).length;
  const groups = new Map<string, { indices: number[]; texts: Map<string, number> }>();
  occurrences.forEach((o, i) => {
    if (!o.rendering || o.within !== undefined) return;
    const text = renderingText(corpus.pairOf(o.docId, o.pair)?.en ?? '', o.rendering);
    let group = groups.get(o.rendering.key);
    if (group === undefined) {
      group = { indices: [], texts: new Map() };
      groups.set(o.rendering.key, group);
    }
    group.indices.push(i);
    group.texts.set(text, (group.texts.get(text) ?? 0) + 1);
  });
  const renderings = [...groups].map(([key, { indices, texts }]): TermRendering => {
    // The commonest surface form; on a tie the one seen first (Map keeps insertion order).
    let text = '';
    let most = 0;
    for (const [t, n] of texts) if (n > most) [text, most] = [t, n];
    return { key, text, count: indices.length, share: indices.length / own, occurrences: indices };
  });
  // Stable: equal counts keep the order of first appearance.
  return renderings.sort((a, b) => b.count - a.count);
}

/**
 * Each occurrence marked with the shortest of the `longer` terms it lies inside in its pair, if
 * any (两国 in 两国元首 rather than in 两国元首签署): the most direct term that renders it.
 */
function markWithin(
  term: string,
  occurrences: readonly TermOccurrence[],
  pairOf: (docId: string, pair: number) => TermPair | undefined,
  longer: readonly string[],
): TermOccurrence[] {
  const containing = longer
    .filter((l) => l.length > term.length && l.includes(term))
    .sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  if (containing.length === 0) return [...occurrences];
  const spans = new Map<string, Array<[string, number, number]>>();
  return occurrences.map((o) => {
    const id = `${o.docId}\u0000${o.pair}`;
    let found = spans.get(id);
    if (found === undefined) {
      const zh = pairOf(o.docId, o.pair)?.zh ?? '';
      found = containing.flatMap((l) =>
        findOccurrences(l, zh).map((at): [string, number, number] => [l, at, at + l.length]),
      );
      spans.set(id, found);
    }
    const inside = found.find(([, start, end]) => start <= o.zhStart && o.zhEnd <= end);
    if (!inside) return o;
    // Its lines mark what renders the longer term there ("two heads of state"), where the links
    // say; a rendering found for the shorter term alone is not one.
    const pair = pairOf(o.docId, o.pair);
    const rendering = pair ? linkedRendering(pair, inside[1], inside[2]) : undefined;
    const { rendering: _own, ...rest } = o;
    return rendering ? { ...rest, within: inside[0], rendering } : { ...rest, within: inside[0] };
  });
}

/** Occurrences inside longer terms, grouped by term, most first (then in code point order). */
function groupWithin(occurrences: readonly TermOccurrence[]): TermReport['within'] {
  const groups = new Map<string, number[]>();
  occurrences.forEach((o, i) => {
    if (o.within !== undefined) (groups.get(o.within) ?? groups.set(o.within, []).get(o.within)!).push(i);
  });
  return [...groups]
    .map(([term, indices]) => ({ term, count: indices.length, occurrences: indices }))
    .sort((a, b) => b.count - a.count || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
}

/**
 * The report of a term (simplified; the caller converts) over pair records, with sentence beads
 * where the records carry them (`termPairs`). `lookup` gives CC-CEDICT entries: the whole
 * dictionary at ingest, the corpus's extract (build/gloss.json) in the app. Occurrences are exact,
 * non-overlapping substrings of the records' Chinese, in record order. `longer` names the glossary's
 * terms: an occurrence inside a longer one (两国 in 两国元首) is counted under it, apart from the
 * term's own renderings, as Treq counts a word inside a multi-word unit.
 */
export function termReport(
  term: string,
  pairs: readonly TermPair[],
  lookup: Lookup,
  longer: readonly string[] = [],
): TermReport {
  // Where the build has word links they judge term spotting's rendering of each occurrence:
  // - spotting found none: the linked rendering;
  // - spotting's span holds the linked one whole: kept if it agrees with the links (it keeps words
  //   the aligner left unlinked: "two countries"), replaced if it borrows words linked to others
  //   (时代 → "new era", 战略协作 → "strategic partnership of coordination");
  // - the linked rendering holds spotting's span (a fragment: 全面战略协作 → "comprehensive
  //   strategic"): the linked one, gapped where other words sit inside;
  // - otherwise they disagree, and spotting's corpus-wide statistics are trusted over one
  //   sentence's links (主席 → "President", where the links say "Xi"), unless the links give
  //   spotting's words to other Chinese words and none to the term (人民 spotted in the
  //   "people-to-people" of 人文交流, linked to "peoples" further on): then the linked one.
  const corpus = termCorpus(pairs);
  // A match of the characters across two words (大国 in 重大|国际) is not an occurrence of the term.
  const asWords = spotTerm(term, corpus, lookup).filter((o) => {
    const pair = corpus.pairOf(o.docId, o.pair);
    return !pair || !straddlesWords(pair, o.zhStart, o.zhEnd);
  });
  const found = asWords.map((o): TermOccurrence => {
    const pair = corpus.pairOf(o.docId, o.pair);
    const linked = pair ? linkedRendering(pair, o.zhStart, o.zhEnd) : undefined;
    const spotted = o.rendering;
    if (!linked || !pair) return o;
    if (!spotted) return { ...o, rendering: linked };
    if (spotted.start <= linked.start && spotted.end >= linked.end) {
      return consistentWithLinks(pair, o.zhStart, o.zhEnd, spotted.start, spotted.end)
        ? o
        : { ...o, rendering: linked };
    }
    if (linked.start <= spotted.start && linked.end >= spotted.end) return { ...o, rendering: linked };
    return claimedElsewhere(pair, o.zhStart, o.zhEnd, spotted.start, spotted.end) ? { ...o, rendering: linked } : o;
  });
  // A fragment ("Jinping", "two") written out in full around it as a commoner rendering is that one.
  const completed = completeFragments(found, (o) => corpus.pairOf(o.docId, o.pair)?.en ?? '');
  const occurrences = markWithin(term, completed, corpus.pairOf, longer);
  return {
    term,
    occurrences,
    renderings: groupRenderings(occurrences, corpus),
    unrendered: occurrences.filter((o) => !o.rendering && o.within === undefined).length,
    within: groupWithin(occurrences),
  };
}
