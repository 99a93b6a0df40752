/**
 * Search over pair records: FlexSearch proposes candidates, `match.ts` verifies them, so every hit
 * really contains the query and `total` is exact.
 *
 * Two FlexSearch indexes (Chinese bigrams, English stems) keyed by the record's position in
 * `IndexBundle.records`. FlexSearch's own ranking is not used (one resolution slot keeps the index
 * small); hits are ranked by number of occurrences, then by corpus order.
 */
import { Index } from 'flexsearch';
import type { IndexBundle, PairRecord } from '../model';
import { chineseTerms, encodeEnglish, toSimplified } from './encode';
import { matchRecord, toParts, type Part } from './match';
import { parseQuery, QueryError, type EnQueryTerm, type QueryTerm, type ZhQueryTerm } from './query';

export type { Part } from './match';
export { MAX_QUERY_CODE_POINTS, QueryError } from './query';

/** A verified hit: the pair record with each side cut into marked and unmarked runs. */
export type SearchHit = PairRecord & { zhParts: Part[]; enParts: Part[] };

export interface SearchResult {
  /** Exact number of records that contain every term (within `docId` when given). */
  total: number;
  hits: SearchHit[];
}

export interface SearchOptions {
  /** Hits per page: 0..MAX_LIMIT, default DEFAULT_LIMIT; larger values are lowered to MAX_LIMIT. */
  limit?: number;
  offset?: number;
  /** Only records of this document. */
  docId?: string;
}

export interface Searcher {
  /** Throws QueryError for input the API should answer with 400; never for a query that finds nothing. */
  search(query: string, opts?: SearchOptions): SearchResult;
}

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

/**
 * The same configuration builds and loads an index: FlexSearch does not export its options. The
 * Chinese index gets the already-simplified `zh` of a record, so it encodes without converting;
 * queries are converted in `parseQuery`. No context index (our terms are already bigrams) and one
 * resolution slot (we rank ourselves).
 */
function createIndexes(): { zh: Index; en: Index } {
  return {
    zh: new Index({ tokenize: 'strict', resolution: 1, encode: chineseTerms }),
    en: new Index({ tokenize: 'strict', resolution: 1, encode: encodeEnglish }),
  };
}

async function exportIndex(index: Index): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  // Keys are FlexSearch's own ("1.reg", "2.map"): never __proto__ or another inherited name.
  await index.export((key: string, data: string) => {
    out[key] = data;
  });
  return out;
}

function importIndex(index: Index, data: unknown, side: string): void {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new Error(`Index bundle: "${side}" is not an object of exported index parts.`);
  }
  for (const [key, value] of Object.entries(data)) {
    if (typeof value !== 'string') throw new Error(`Index bundle: "${side}.${key}" is not a string.`);
    index.import(key, value);
  }
}

/** Builds the search indexes over the records (linear in their text) and exports them. */
export async function buildIndexBundle(records: PairRecord[]): Promise<IndexBundle> {
  const { zh, en } = createIndexes();
  records.forEach((record, id) => {
    if (record.zh !== '') zh.add(id, record.zh);
    if (record.en !== '') en.add(id, record.en);
  });
  return { records: [...records], zh: await exportIndex(zh), en: await exportIndex(en) };
}

function isPairRecord(value: unknown): value is PairRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    typeof r.docId === 'string' &&
    typeof r.pair === 'number' &&
    typeof r.zh === 'string' &&
    typeof r.en === 'string' &&
    (r.zhOriginal === undefined || typeof r.zhOriginal === 'string')
  );
}

/** Loads a bundle written by `buildIndexBundle` (possibly through JSON). Throws on a malformed one. */
export async function loadSearcher(bundle: IndexBundle): Promise<Searcher> {
  const records: unknown = bundle?.records;
  if (!Array.isArray(records)) throw new Error('Index bundle: "records" is not an array.');
  records.forEach((r, i) => {
    if (!isPairRecord(r)) throw new Error(`Index bundle: record ${i} is not a pair record.`);
  });
  const { zh, en } = createIndexes();
  importIndex(zh, bundle.zh, 'zh');
  importIndex(en, bundle.en, 'en');
  // Load the conversion tables now, not during the first Chinese query.
  toSimplified('關係');
  return new IndexSearcher(records as PairRecord[], zh, en);
}

interface PageOptions {
  limit: number;
  offset: number;
  docId: string | undefined;
}

function readOptions(opts: unknown): PageOptions {
  if (opts === undefined) return { limit: DEFAULT_LIMIT, offset: 0, docId: undefined };
  if (typeof opts !== 'object' || opts === null) throw new QueryError('Search options must be an object.');
  const { limit, offset, docId } = opts as Record<string, unknown>;
  if (limit !== undefined && !(Number.isSafeInteger(limit) && (limit as number) >= 0)) {
    throw new QueryError('limit must be a whole number, 0 or more.');
  }
  if (offset !== undefined && !(Number.isSafeInteger(offset) && (offset as number) >= 0)) {
    throw new QueryError('offset must be a whole number, 0 or more.');
  }
  if (docId !== undefined && typeof docId !== 'string') throw new QueryError('docId must be a string.');
  return {
    limit: Math.min(limit === undefined ? DEFAULT_LIMIT : (limit as number), MAX_LIMIT),
    offset: offset === undefined ? 0 : (offset as number),
    docId,
  };
}

/** Identifies a query by what it searches for, so "合作  關係" and "关系 合作" share a cache entry. */
function cacheKey(terms: QueryTerm[], docId: string | undefined): string {
  const keys = terms.map((t) => (t.side === 'zh' ? `z${t.forms.map((f) => f.folded).join('\u0001')}` : `e${t.stems.join(' ')}`));
  return JSON.stringify([docId ?? null, keys.sort()]);
}

/** Recent queries' verified, ranked record ids: paging through a result must not verify it again. */
const CACHE_ENTRIES = 32;

class IndexSearcher implements Searcher {
  private readonly byDoc = new Map<string, number[]>();
  private readonly ranked = new Map<string, Int32Array>();

  constructor(
    private readonly records: readonly PairRecord[],
    private readonly zh: Index,
    private readonly en: Index,
  ) {
    records.forEach((r, id) => {
      const ids = this.byDoc.get(r.docId);
      if (ids) ids.push(id);
      else this.byDoc.set(r.docId, [id]);
    });
  }

  search(query: string, opts?: SearchOptions): SearchResult {
    const { limit, offset, docId } = readOptions(opts);
    const terms = parseQuery(query);
    if (terms.length === 0 || (docId !== undefined && !this.byDoc.has(docId))) return { total: 0, hits: [] };
    const zhTerms = terms.filter((t): t is ZhQueryTerm => t.side === 'zh');
    const enTerms = terms.filter((t): t is EnQueryTerm => t.side === 'en');
    const ids = this.rankedIds(terms, zhTerms, enTerms, docId);
    const hits: SearchHit[] = [];
    for (const id of ids.subarray(Math.min(offset, ids.length), Math.min(offset + limit, ids.length))) {
      const record = this.records[id];
      const match = record && matchRecord(record, zhTerms, enTerms);
      if (!record || !match) continue; // cannot happen: the ids were verified against these records
      hits.push({ ...record, zhParts: toParts(record.zh, match.zh), enParts: toParts(record.en, match.en) });
    }
    return { total: ids.length, hits };
  }

  private rankedIds(terms: QueryTerm[], zhTerms: ZhQueryTerm[], enTerms: EnQueryTerm[], docId: string | undefined): Int32Array {
    const key = cacheKey(terms, docId);
    const cached = this.ranked.get(key);
    if (cached) {
      // Re-insert to mark it recently used: a Map iterates in insertion order.
      this.ranked.delete(key);
      this.ranked.set(key, cached);
      return cached;
    }
    const scored: Array<{ id: number; count: number }> = [];
    for (const id of this.candidates(zhTerms, enTerms, docId)) {
      const record = this.records[id];
      if (!record || (docId !== undefined && record.docId !== docId)) continue;
      const match = matchRecord(record, zhTerms, enTerms);
      if (match) scored.push({ id, count: match.count });
    }
    scored.sort((a, b) => b.count - a.count || a.id - b.id);
    const ids = Int32Array.from(scored, (s) => s.id);
    this.ranked.set(key, ids);
    if (this.ranked.size > CACHE_ENTRIES) {
      const oldest = this.ranked.keys().next();
      if (!oldest.done) this.ranked.delete(oldest.value);
    }
    return ids;
  }

  /**
   * Records that may match: those holding every index term the query is sure to produce. A term
   * with no such index term (a lone character like 的) constrains nothing; a query of only such
   * terms checks every record in scope, which is still one linear pass.
   */
  private candidates(zhTerms: ZhQueryTerm[], enTerms: EnQueryTerm[], docId: string | undefined): Iterable<number> {
    const sets: Array<Set<number>> = [];
    const enQuery = enTerms.flatMap((t) => t.words);
    if (enQuery.length > 0) sets.push(this.lookup(this.en, enQuery));
    const zhQuery: string[] = [];
    for (const term of zhTerms) {
      const forms = term.forms.map((f) => f.terms);
      if (forms.some((f) => f === null)) continue;
      if (forms.length === 1) zhQuery.push(...(forms[0] ?? []));
      else sets.push(union(forms.map((f) => this.lookup(this.zh, f ?? []))));
    }
    if (zhQuery.length > 0) sets.push(this.lookup(this.zh, zhQuery));
    if (sets.length === 0) return docId === undefined ? this.records.keys() : (this.byDoc.get(docId) ?? []);
    sets.sort((a, b) => a.size - b.size);
    const [smallest, ...rest] = sets;
    return [...(smallest ?? [])].filter((id) => rest.every((s) => s.has(id)));
  }

  /**
   * Ids holding all the given terms. FlexSearch runs them through the index's encoder again, as it
   * did the text: Chinese index terms (a bigram, a lone Han character, a folded word) encode to
   * themselves (a test holds this); English words are passed as words and stemmed there.
   */
  private lookup(index: Index, terms: string[]): Set<number> {
    const found = index.search(terms.join(' '), { limit: Math.max(1, this.records.length) });
    const ids = new Set<number>();
    for (const id of found) {
      const n = typeof id === 'number' ? id : Number(id);
      if (Number.isInteger(n) && n >= 0 && n < this.records.length) ids.add(n);
    }
    return ids;
  }
}

function union(sets: Array<Set<number>>): Set<number> {
  const out = new Set<number>();
  for (const s of sets) for (const id of s) out.add(id);
  return out;
}
