/**
 * The term page's data: how the corpus renders a term (lib/terms), with its dictionary entries,
 * HSK level, concordance lines and where it occurs. Server-side; recent terms are kept, since a
 * translator opens the same term's renderings one after another.
 */
import { pinyin } from 'pinyin-pro';
import { kwicLines, type KwicLine } from '@/lib/concordance/kwic';
import type { DictEntry, DocMeta, TermReport } from '@/lib/model';
import { toSimplified } from '@/lib/search/encode';
import { hskLevel, longerTermsContaining, termPairs, termReport, type TermPair } from '@/lib/terms';
import { fresh, getDoc, getWordLinks, glossaryTerms, glossLookup, listDocs, onNewBuild } from './index';

/** Concordance lines the term page shows at first, and how many each "show more" adds (the API asks for its own number). */
export const TERM_PAGE_LINES = 100;
/** Lines the term page shows at most however far it is paged (search finds every occurrence). */
export const TERM_PAGE_MAX_LINES = 2000;

/**
 * The number of concordance lines asked for by the page's `?lines=` (a multiple of TERM_PAGE_LINES
 * up to TERM_PAGE_MAX_LINES); anything else is the first page.
 */
export function termPageLines(raw: string | string[] | undefined): number {
  const n = typeof raw === 'string' && /^\d{1,6}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < TERM_PAGE_LINES) return TERM_PAGE_LINES;
  return Math.min(TERM_PAGE_MAX_LINES, Math.ceil(n / TERM_PAGE_LINES) * TERM_PAGE_LINES);
}
/** Longer terms listed at most. */
const MAX_LONGER = 40;
const CACHE_TERMS = 64;

export interface TermView {
  /** In simplified characters. */
  term: string;
  traditional: string[];
  pinyin: string;
  hsk: number | undefined;
  entries: DictEntry[];
  report: TermReport;
  /** The first `maxLines` occurrences as concordance lines, in corpus order. */
  lines: KwicLine[];
  /** Concordance lines for some occurrences (a rendering's), at most `maxLines`. */
  linesFor(occurrences: readonly number[]): KwicLine[];
  /** Per document with occurrences, in library order: the pair index of each occurrence. */
  docs: Array<{ meta: DocMeta; pairs: number; at: number[] }>;
  longer: string[];
}

const cache = new Map<string, Promise<Omit<TermView, 'lines' | 'linesFor'>>>();

let termPairsPending: Promise<TermPair[]> | undefined;
onNewBuild(() => {
  cache.clear();
  termPairsPending = undefined;
});

/** Every pair with its sentence links and their word links (renderings are read off them), read once. */
function getTermPairs(): Promise<TermPair[]> {
  termPairsPending ??= Promise.all([
    listDocs().then((docs) => Promise.all(docs.map((d) => getDoc(d.meta.id)))),
    getWordLinks(),
  ]).then(([docs, links]) => docs.flatMap((doc) => (doc ? termPairs(doc, links.get(doc.meta.id)) : [])));
  termPairsPending.catch(() => (termPairsPending = undefined));
  return termPairsPending;
}

async function compute(term: string): Promise<Omit<TermView, 'lines' | 'linesFor'>> {
  const [pairs, docs, { lookup, words }, glossary] = await Promise.all([
    getTermPairs(),
    listDocs(),
    glossLookup(),
    glossaryTerms(),
  ]);
  // Occurrences inside a longer glossary term are counted there, as the glossary counts them.
  const report = termReport(term, pairs, lookup, [...glossary.keys()]);
  const entries = lookup(term);
  const byDoc = new Map<string, number[]>();
  for (const o of report.occurrences) (byDoc.get(o.docId) ?? byDoc.set(o.docId, []).get(o.docId)!).push(o.pair);
  return {
    term,
    traditional: [...new Set(entries.map((e) => e.traditional).filter((t) => t !== term))],
    pinyin: entries[0]?.pinyin ?? pinyin(term),
    hsk: hskLevel(term),
    entries,
    report,
    docs: docs
      .filter((d) => byDoc.has(d.meta.id))
      .map((d) => ({ meta: d.meta, pairs: d.stats.pairs, at: byDoc.get(d.meta.id)! })),
    longer: longerTermsContaining(term, words()).slice(0, MAX_LONGER),
  };
}

/** Everything the term page and `/api/term` show for a term (simplified or traditional input). */
export async function getTermView(input: string, maxLines: number): Promise<TermView> {
  await fresh();
  const term = toSimplified(input);
  let pending = cache.get(term);
  if (pending) cache.delete(term); // re-inserted below: most recently used last
  pending ??= compute(term);
  pending.catch(() => cache.delete(term));
  cache.set(term, pending);
  if (cache.size > CACHE_TERMS) cache.delete(cache.keys().next().value!);
  const view = await pending;
  const records = await getTermPairs();
  return {
    ...view,
    lines: kwicLines(
      view.report,
      records,
      view.report.occurrences.slice(0, maxLines).map((_, i) => i),
    ),
    linesFor: (occurrences) => kwicLines(view.report, records, occurrences.slice(0, maxLines)),
  };
}
