/** What the term page shows around a report: longer terms that contain the term, and where it occurs. */
import type { TermReport } from '../model';

/**
 * The words or terms that contain `term` and are longer than it (合作 → 务实合作, 合作伙伴), each
 * once: the most frequent first when `words` repeats them (a corpus's word occurrences), then the
 * shorter, then in code point order. An empty term is contained in nothing.
 */
export function longerTermsContaining(term: string, words: Iterable<string>): string[] {
  if (term === '') return [];
  const counts = new Map<string, number>();
  for (const word of words) {
    if (word.length > term.length && word.includes(term)) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts]
    .sort(([a, m], [b, n]) => n - m || a.length - b.length || (a < b ? -1 : a > b ? 1 : 0))
    .map(([word]) => word);
}

/** Where a term occurs in one document. */
export interface DocDistribution {
  docId: string;
  occurrences: number;
  /**
   * Position of each occurrence along the document, 0 (first pair) to 1 (last pair), in order;
   * an occurrence in a document of one pair is at 0.
   */
  positions: number[];
}

/** The minimum the distribution needs of a document: the manifest's entries (`{ meta, stats }`) will do. */
export interface DocExtent {
  meta: { id: string };
  stats: { pairs: number };
}

/**
 * Per document, in the order given (documents without the term included, with no occurrences),
 * how often the report's term occurs and where, for a chart. Occurrences in documents not given
 * are left out.
 */
export function termDistribution(report: TermReport, docs: readonly DocExtent[]): DocDistribution[] {
  const byDoc = new Map<string, number[]>();
  for (const o of report.occurrences) {
    const list = byDoc.get(o.docId);
    if (list === undefined) byDoc.set(o.docId, [o.pair]);
    else list.push(o.pair);
  }
  return docs.map(({ meta, stats }) => {
    const pairs = byDoc.get(meta.id) ?? [];
    const last = Math.max(1, stats.pairs - 1);
    const positions = pairs.map((p) => Math.min(1, Math.max(0, p / last))).sort((a, b) => a - b);
    return { docId: meta.id, occurrences: pairs.length, positions };
  });
}
