/**
 * How the corpus renders a term: every occurrence, its rendering where term spotting found one,
 * and the renderings grouped by their normalised key ("strategic partnerships" and "strategic
 * partnership" are one rendering), the commonest first.
 */
import type { TermOccurrence, TermRendering, TermReport } from '../model';
import { termCorpus, type TermCorpus } from './corpus';
import type { TermPair } from './pairs';
import type { Lookup } from './senses';
import { consistentWithLinks, linkedRendering, renderingText } from './linked';
import { spotTerm } from './spot';
import { completeFragments } from './fragments';

/** Renderings grouped by key: count, share, the surface form seen most, most frequent first. */
function groupRenderings(occurrences: readonly TermOccurrence[], corpus: TermCorpus): TermRendering[] {
  const groups = new Map<string, { indices: number[]; texts: Map<string, number> }>();
  occurrences.forEach((o, i) => {
    if (!o.rendering) return;
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
    return { key, text, count: indices.length, share: indices.length / occurrences.length, occurrences: indices };
  });
  // Stable: equal counts keep the order of first appearance.
  return renderings.sort((a, b) => b.count - a.count);
}

/**
 * The report of a term (simplified; the caller converts) over pair records, with sentence beads
 * where the records carry them (`termPairs`). `lookup` gives CC-CEDICT entries: the whole
 * dictionary at ingest, the corpus's extract (build/gloss.json) in the app. Occurrences are exact,
 * non-overlapping substrings of the records' Chinese, in record order.
 */
export function termReport(term: string, pairs: readonly TermPair[], lookup: Lookup): TermReport {
  // Where the build has word links they judge term spotting's rendering of each occurrence:
  // - spotting found none: the linked rendering;
  // - spotting's span holds the linked one whole: kept if it agrees with the links (it keeps words
  //   the aligner left unlinked: "two countries"), replaced if it borrows words linked to others
  //   (时代 → "new era", 战略协作 → "strategic partnership of coordination");
  // - the linked rendering holds spotting's span (a fragment: 全面战略协作 → "comprehensive
  //   strategic"): the linked one, gapped where other words sit inside;
  // - otherwise they disagree, and spotting's corpus-wide statistics are trusted over one
  //   sentence's links (主席 → "President", where the links say "Xi").
  const corpus = termCorpus(pairs);
  const found = spotTerm(term, corpus, lookup).map((o): TermOccurrence => {
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
    return o;
  });
  // A fragment ("Jinping", "two") written out in full around it as a commoner rendering is that one.
  const occurrences = completeFragments(found, (o) => corpus.pairOf(o.docId, o.pair)?.en ?? '');
  const renderings = groupRenderings(occurrences, corpus);
  return { term, occurrences, renderings, unrendered: occurrences.filter((o) => !o.rendering).length };
}
