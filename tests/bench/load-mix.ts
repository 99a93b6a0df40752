/**
 * The request mix of the load test (load.bench.ts): real search queries taken from a build's
 * glossary, in every form a reader types them, and the reader pages of its documents, interleaved
 * in a fixed share. Pure: the build's files in, request paths out.
 */
import type { GlossaryEntry, Manifest } from '../../lib/model';
import { tonelessSyllable } from '../../lib/search/pinyin';

export type LoadKind = 'search' | 'reader';

/** How a query was written: what the mix has a share of. */
export type QueryForm = 'zh' | 'traditional' | 'pinyin (tones)' | 'pinyin' | 'english' | 'multi-term' | 'quoted';

export interface SearchQuery {
  form: QueryForm;
  query: string;
}

export interface LoadRequest {
  kind: LoadKind;
  /** The path and query string, percent-encoded, as sent. */
  path: string;
}

/**
 * `hé zuò` → `hezuo` (how most people type it), or null when a syllable is not pinyin. A syllable
 * that starts with a, o or e after another takes an apostrophe, as pinyin spelling has it (`Zhōng
 * É` → `zhong'e`): run together, `zhonge` is not read as pinyin by the search (lib/search/pinyin.ts).
 */
export function tonelessPinyin(marked: string): string | null {
  const syllables = marked.split(/\s+/).filter(Boolean).map(tonelessSyllable);
  if (syllables.length === 0 || syllables.some((s) => s === null)) return null;
  return (syllables as string[]).map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s)).join('');
}

/** The first word of an English rendering, for a multi-term query beside its Chinese term. */
function firstWord(text: string): string | null {
  return /\p{L}[\p{L}'’-]*/u.exec(text)?.[0] ?? null;
}

/** Every form of one glossary entry, in a fixed order; forms the entry lacks are left out. */
function entryQueries(entry: GlossaryEntry): SearchQuery[] {
  const out: SearchQuery[] = [{ form: 'zh', query: entry.term }];
  const traditional = entry.traditional[0];
  if (traditional !== undefined) out.push({ form: 'traditional', query: traditional });
  if (entry.pinyin.trim() !== '') out.push({ form: 'pinyin (tones)', query: entry.pinyin });
  const toneless = tonelessPinyin(entry.pinyin);
  if (toneless !== null) out.push({ form: 'pinyin', query: toneless });
  const rendering = entry.renderings[0]?.text;
  if (rendering !== undefined) {
    out.push({ form: 'english', query: rendering });
    const word = firstWord(rendering);
    if (word !== null) out.push({ form: 'multi-term', query: `${entry.term} ${word}` });
    // A phrase only: quoting one word asks nothing that the english form does not.
    if (/\s/.test(rendering.trim())) out.push({ form: 'quoted', query: `"${rendering}"` });
  }
  return out;
}

/**
 * The search queries of the mix: every form of the first `terms` glossary entries (the glossary is
 * sorted by termhood, so these are the corpus's own key terms), without repeats.
 */
export function glossaryQueries(glossary: readonly GlossaryEntry[], terms: number): SearchQuery[] {
  const seen = new Set<string>();
  const out: SearchQuery[] = [];
  for (const entry of glossary.slice(0, terms)) {
    for (const q of entryQueries(entry)) {
      if (seen.has(q.query)) continue;
      seen.add(q.query);
      out.push(q);
    }
  }
  return out;
}

export const searchPath = (query: string) => `/api/search?q=${encodeURIComponent(query)}`;

export const readerPath = (docId: string, locale = 'en') => `/${locale}/read/${encodeURIComponent(docId)}`;

export const manifestDocIds = (manifest: Manifest): string[] => manifest.docs.map((d) => d.meta.id);

/**
 * One pass of the mix: each search query once, with reader pages (the documents in turn) spread
 * evenly between them so that they are `readerShare` of the requests.
 */
export function requestSequence(
  queries: readonly string[],
  docIds: readonly string[],
  readerShare: number,
): LoadRequest[] {
  if (!(readerShare >= 0 && readerShare < 1)) throw new RangeError(`reader share ${readerShare} is not in [0, 1)`);
  const readers = docIds.length === 0 ? 0 : Math.round((queries.length * readerShare) / (1 - readerShare));
  const total = queries.length + readers;
  const out: LoadRequest[] = [];
  let placed = 0;
  let q = 0;
  for (let i = 0; i < total; i++) {
    // A reader page whenever the running count falls behind its share (Bresenham's spacing).
    if (placed < readers && (placed + 1) * total <= (i + 1) * readers) {
      out.push({ kind: 'reader', path: readerPath(docIds[placed % docIds.length]!) });
      placed++;
    } else {
      out.push({ kind: 'search', path: searchPath(queries[q++]!) });
    }
  }
  return out;
}

/**
 * The sequence cut into `parts` contiguous runs, one per connection, each cycled by its connection:
 * together they send the whole sequence, and no connection has to prepare all of it (autocannon
 * builds every request of a connection before the first is sent). With more parts than requests,
 * a request serves several connections.
 */
export function partition<T>(xs: readonly T[], parts: number): T[][] {
  if (xs.length === 0 || parts < 1) return [];
  if (parts >= xs.length) return Array.from({ length: parts }, (_, i) => [xs[i % xs.length]!]);
  return Array.from({ length: parts }, (_, i) =>
    xs.slice(Math.floor((i * xs.length) / parts), Math.floor(((i + 1) * xs.length) / parts)),
  );
}

/** How many requests of each kind and form, for the printed description of the mix. */
export function describeMix(
  queries: readonly SearchQuery[],
  docIds: readonly string[],
  sequence: readonly LoadRequest[],
): string {
  const count = (kind: LoadKind) => sequence.filter((r) => r.kind === kind).length;
  const share = (n: number) => `${Math.round((100 * n) / Math.max(1, sequence.length))}%`;
  const forms = new Map<QueryForm, number>();
  for (const q of queries) forms.set(q.form, (forms.get(q.form) ?? 0) + 1);
  const byForm = [...forms].map(([form, n]) => `${n} ${form}`).join(', ');
  return `${share(count('search'))} search (${queries.length} queries: ${byForm}), ${share(count('reader'))} reader page (${docIds.length} documents, /en/read/…)`;
}
