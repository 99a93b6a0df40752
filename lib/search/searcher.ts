/**
 * The searcher: a query's terms narrowed to candidates by the indexes (FlexSearch for rare terms,
 * tables for common ones), verified by `match.ts` where their occurrences are not known, ranked by
 * occurrences then corpus order, and paged. Every hit really contains the query; `total` is exact.
 */
import type { Index } from 'flexsearch';
import type { PairRecord } from '../model';
import { pairsIndexed, type CommonTables } from './common-terms';
import { toSimplified } from './encode';
import { countAlternative, matchRecord, toParts, type Part } from './match';
import { candidates, EMPTY, filter, intersect, seek, unite, within, type Postings } from './postings';
import {
  isCounted,
  listHits,
  rankedHead,
  unitedHits,
  type Counted,
  type RankedHead,
  type RankedHits,
} from './ranked-hits';
import { parseQuery, QueryError, termKey, type Needle, type QueryTerm, type TermKind } from './query';
import { rareTermKey } from './term-hash';
import { needleLookups, type Lookup, type View, type ViewContext } from './views';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../base/limits';

/** A verified hit: the pair record (without its pinyin line) with each side cut into marked and unmarked runs. */
export type SearchHit = Omit<PairRecord, 'pinyin'> & { zhParts: Part[]; enParts: Part[] };

/** How one term of the query was read. */
interface SearchTerm {
  raw: string;
  kind: TermKind;
  quoted: boolean;
}

export interface SearchResult {
  /** Exact number of records that contain every term (within `docId` when given). */
  total: number;
  hits: SearchHit[];
  /** The query's terms, in order, as recognised (see query.ts). */
  terms: SearchTerm[];
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

export { MAX_LIMIT };

/** One FlexSearch index per view, holding its rare terms. */
export type Indexes = Record<View, Index>;

/**
 * Where a searcher finds rare terms: the records (any order, repeats allowed) holding every one of
 * a view's bucket keys. Synchronous: in memory it is FlexSearch itself; a store that answers
 * asynchronously (PostgreSQL, pg-searcher.ts) fetches a query's lookups first (`rareLookupsOf`).
 */
export type RareLookup = (view: View, keys: readonly string[]) => Iterable<number>;

/** One rare-term lookup a query needs: a view and its bucket keys (distinct, in query order). */
export interface RareQuery {
  view: View;
  keys: string[];
}

/** FlexSearch in memory as the rare-term lookup: every record, as the limit. */
function memoryRareLookup(indexes: Indexes, recordCount: number): RareLookup {
  return (view, keys) => indexes[view].search(keys.join(' '), { limit: Math.max(1, recordCount) }).map(Number);
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
  return JSON.stringify([docId ?? null, terms.map(termKey).sort()]);
}

/** Candidates few enough to verify for one form of a term before the query's scope narrows them. */
const FEW_CANDIDATES = 256;

/** Candidates too many to verify for one form however many the other forms have (see formsPostings). */
const MANY_CANDIDATES = 4096;

/** Recent queries' verified record ids and counts: paging through a result must not verify it again. */
const CACHE_ENTRIES = 32;

/** What narrows one alternative of a term: null when nothing does (every record is a candidate). */
interface AlternativePostings {
  needles: Needle[];
  postings: Postings | null;
}

/** A term's alternatives with their candidates, and how the term was read. */
interface TermPostings {
  term: QueryTerm;
  alternatives: AlternativePostings[];
  kind: TermKind;
}

/**
 * Lists at least this long carry the head of their ranking (`RankedHead`), made the first time a
 * query pages them: below it, ranking a whole list for a page costs a few microseconds.
 */
const HEADED_LIST_RECORDS = 2048;

/**
 * Entries in each head: the first pages (offset + limit up to this) of a long list, or of two
 * united, are read from the heads; a later page ranks the whole list, as every page did before.
 */
const HEAD_ENTRIES = 256;

interface Ranked {
  /**
   * Every record holding the query with its occurrences, each page ranked when it is asked for, so
   * a query with 100,000 hits ranks 20 of them (and a long list's head answers without the list).
   */
  found: RankedHits;
  /** How each term (by termKey) was read once the index was consulted. */
  kinds: Map<string, TermKind>;
  /**
   * Per term with several alternatives, the exact records of each (ascending; within the scope the
   * hits come from): a hit not among an alternative's records does not hold it, so marking the page
   * does not look for it there. Undefined for a term of one alternative (every hit holds it).
   */
  alternativeIds: Array<Int32Array[] | undefined>;
}

/** For each term of several alternatives, which of them a hit is known not to hold (see `Ranked.alternativeIds`). */
function absentAlternatives(
  alternativeIds: ReadonlyArray<Int32Array[] | undefined>,
  id: number,
): Array<boolean[] | undefined> {
  return alternativeIds.map((lists) =>
    lists?.map((ids) => {
      const at = seek(ids, id, 0);
      return at >= ids.length || ids[at] !== id;
    }),
  );
}

/** A searcher over indexed records (see bundle.ts for how they are built and loaded). */
export function createSearcher(records: readonly PairRecord[], indexes: Indexes, common: CommonTables): Searcher {
  return new IndexSearcher(records, memoryRareLookup(indexes, records.length), common);
}

/** A searcher whose rare terms are found elsewhere, and which can say which lookups a query needs. */
export function createSearcherWith(
  records: readonly PairRecord[],
  rare: RareLookup,
  common: CommonTables,
): IndexSearcher {
  return new IndexSearcher(records, rare, common);
}

/** The rare terms of a lookup by view (common ones answer from their tables), as bucket keys. */
function rareKeys({ terms }: Lookup, common: CommonTables): { common: Postings[]; rare: RareQuery[] } {
  const found: Postings[] = [];
  const rare = new Map<View, Set<string>>();
  for (const { view, term } of terms) {
    const p = common[view].get(term);
    if (p) found.push(p);
    else rare.set(view, (rare.get(view) ?? new Set()).add(term));
  }
  return {
    common: found,
    rare: [...rare].map(([view, set]) => ({ view, keys: [...new Set([...set].map(rareTermKey))] })),
  };
}

export class IndexSearcher implements Searcher {
  private readonly docOf: Int32Array;
  private readonly docIds = new Map<string, number>();
  private readonly ranked = new Map<string, Ranked>();
  private readonly ctx: ViewContext;
  /** The heads of long lists, by their ids array (a lookup hands the table's own list on), made on first use. */
  private readonly heads = new WeakMap<Int32Array, RankedHead>();

  constructor(
    private readonly records: readonly PairRecord[],
    private readonly rare: RareLookup,
    private readonly common: CommonTables,
  ) {
    this.docOf = Int32Array.from(records, (r) => {
      const known = this.docIds.get(r.docId);
      if (known !== undefined) return known;
      this.docIds.set(r.docId, this.docIds.size);
      return this.docIds.size - 1;
    });
    this.ctx = { pairsIndexed: pairsIndexed(common, records.length) };
    // Load the conversion tables now, not during the first Chinese query.
    toSimplified('關係');
  }

  search(query: string, opts?: SearchOptions): SearchResult {
    const { limit, offset, docId } = readOptions(opts);
    const terms = parseQuery(query);
    if (terms.length === 0) return { total: 0, hits: [], terms: [] };
    const doc = docId === undefined ? undefined : this.docIds.get(docId);
    if (docId !== undefined && doc === undefined) return { total: 0, hits: [], terms: terms.map(reported) };
    const { found, kinds, alternativeIds } = this.rankedIds(terms, docId, doc);
    const hits: SearchHit[] = [];
    const several = alternativeIds.some((lists) => lists !== undefined);
    for (const id of found.page(offset, offset + limit)) {
      const record = this.records[id];
      const match = record && matchRecord(record, terms, several ? absentAlternatives(alternativeIds, id) : undefined);
      if (!record || !match) continue; // cannot happen: the ids were verified against these records
      const { pinyin: _line, ...shown } = record;
      hits.push({ ...shown, zhParts: toParts(record.zh, match.zh), enParts: toParts(record.en, match.en) });
    }
    return {
      total: found.total,
      hits,
      terms: terms.map((t) => ({ ...reported(t), kind: kinds.get(termKey(t)) ?? t.kind })),
    };
  }

  private rankedIds(terms: QueryTerm[], docId: string | undefined, doc: number | undefined): Ranked {
    const key = cacheKey(terms, docId);
    const cached = this.ranked.get(key);
    if (cached) {
      // Re-insert to mark it recently used: a Map iterates in insertion order.
      this.ranked.delete(key);
      this.ranked.set(key, cached);
      return cached;
    }
    const perTerm = terms.map((term) => this.termPostings(term));
    const alternativeIds: Array<Int32Array[] | undefined> = perTerm.map(() => undefined);
    const result = {
      found: this.rank(perTerm, doc, alternativeIds),
      kinds: new Map(perTerm.map((t) => [termKey(t.term), t.kind])),
      alternativeIds,
    };
    this.ranked.set(key, result);
    if (this.ranked.size > CACHE_ENTRIES) {
      const oldest = this.ranked.keys().next();
      if (!oldest.done) this.ranked.delete(oldest.value);
    }
    return result;
  }

  /**
   * The records holding every term, ranked. First the scope: the intersection over the terms of
   * their alternatives' lists (cheap merges), within the document. Then each alternative becomes
   * an exact list within that scope, from its table when its occurrences are known and by
   * verifying its candidates otherwise; alternatives unite and terms intersect with their counts
   * adding up. So 的 alone is a counting sort over its table, `de` (pinyin or English) verifies only
   * the few records where the English word may be, and 的 with a rare term verifies only the
   * records the rare term allows. Ranking itself waits for the page (see `Ranked`); one term over
   * the whole corpus, with one or two readings, is never united nor ranked whole (`unitedHits`).
   */
  private rank(
    perTerm: TermPostings[],
    doc: number | undefined,
    alternativeIds: Array<Int32Array[] | undefined>,
  ): RankedHits {
    const [only] = perTerm;
    // One term over the whole corpus: its alternatives' lists are the scope; no merge to narrow it.
    if (
      perTerm.length === 1 &&
      only !== undefined &&
      doc === undefined &&
      only.alternatives.every((a) => a.postings !== null)
    ) {
      const exact = only.alternatives.map((alternative) => this.exactWithin(alternative, null));
      if (exact.length > 1) alternativeIds[0] = exact.map((p) => p.ids);
      const [a, b] = exact;
      if (exact.length === 1 && a !== undefined && isCounted(a)) return listHits(a, this.headOf(a));
      if (exact.length === 2 && a !== undefined && b !== undefined && isCounted(a) && isCounted(b))
        return unitedHits(a, this.headOf(a), b, this.headOf(b));
      let found: Postings | null = null;
      for (const p of exact) found = found === null ? p : unite(found, p);
      return exactOrEmpty(found);
    }
    let scope: Int32Array | null = null;
    for (const t of [...perTerm].sort((a, b) => termSize(a) - termSize(b))) {
      scope = termCandidates(t, scope) ?? scope;
    }
    scope ??= Int32Array.from(this.records.keys());
    if (doc !== undefined) scope = filter({ ids: scope, counts: null }, (id) => this.docOf[id] === doc).ids;
    let result: Postings | null = null;
    for (const [i, t] of perTerm.entries()) {
      let found: Postings | null = null;
      const exact = t.alternatives.map((alternative) => this.exactWithin(alternative, scope));
      if (exact.length > 1) alternativeIds[i] = exact.map((p) => p.ids);
      for (const p of exact) found = found === null ? p : unite(found, p);
      result = result === null ? found : found === null ? result : intersect(result, found);
    }
    return exactOrEmpty(result);
  }

  /**
   * The head of a long list's ranking, made the first time a query pages it and kept while the list
   * lives (a common table's list: as long as the searcher). Made when the searcher was made, the
   * heads of every long list of the five tables took 1.3 s of a 10 M corpus's load (0.35 s without
   * them), for terms most of which no query asks for.
   */
  private headOf(list: Counted): RankedHead | undefined {
    if (list.ids.length < HEADED_LIST_RECORDS) return undefined;
    let head = this.heads.get(list.ids);
    if (head === undefined) {
      head = rankedHead(list, HEAD_ENTRIES);
      this.heads.set(list.ids, head);
    }
    return head;
  }

  /** The records of the scope (null: all candidates) holding an alternative, with its occurrences: known or verified. */
  private exactWithin({ needles, postings }: AlternativePostings, scope: Int32Array | null): Postings {
    const candidates =
      postings === null
        ? { ids: scope ?? Int32Array.from(this.records.keys()), counts: null }
        : scope === null
          ? postings
          : within(postings, scope);
    if (candidates.counts !== null) return candidates;
    const ids = new Int32Array(candidates.ids.length);
    const counts = new Int32Array(candidates.ids.length);
    let n = 0;
    for (const id of candidates.ids) {
      const count = countAlternative(this.records[id] as PairRecord, needles);
      if (count === 0) continue;
      ids[n] = id;
      counts[n] = count;
      n++;
    }
    return { ids: ids.subarray(0, n), counts: counts.subarray(0, n) };
  }

  /**
   * A term's alternatives and their candidates: the records passing every needle's lookup. An
   * ambiguous term is reported as the one reading the index has at all, when it has only one
   * (hezuo: pinyin; a word with no Chinese reading: English).
   */
  private termPostings(term: QueryTerm): TermPostings {
    const alternatives = term.alternatives.map((needles): AlternativePostings => {
      let postings: Postings | null = null;
      let unconstrained = false;
      for (const needle of needles) {
        const found =
          needle.side === 'zh' && needle.forms.length > 1
            ? this.formsPostings(needle)
            : this.needlePostings(needleLookups(needle, this.ctx));
        if (found === null) unconstrained = true;
        else postings = postings === null ? found : intersect(postings, found);
      }
      // A needle nothing narrows is still to be verified, so the occurrences are not known.
      return { needles, postings: postings !== null && unconstrained ? { ids: postings.ids, counts: null } : postings };
    });
    let kind = term.kind;
    if (kind === 'english-or-pinyin') {
      const [pinyin, english] = alternatives.map((a) => a.postings?.ids.length);
      if (pinyin === 0 && english !== 0) kind = 'english';
      else if (english === 0 && pinyin !== 0) kind = 'pinyin';
    }
    return { term, alternatives, kind };
  }

  /**
   * A Chinese needle with several forms (中國 as typed and 中国): each form's records, united. A
   * form whose lookup leaves candidates (the typed form's hash bucket, shared with other bigrams)
   * has them verified for that form alone, so the other form's counted list keeps its counts and
   * 中國 is answered like 中国 is, instead of verifying every record of 中国. The counts add up as
   * verification counts them (every form's occurrences).
   *
   * Verifying a form alone pays when its candidates are few, or fewer than the counted records of
   * the other forms (which the other way verifies as well): at 10 M characters a bucket holds
   * 150–400 records, so 中國 had more than a fixed few and verified the 30,000 of 中国 (42 ms).
   * Past MANY_CANDIDATES the other way is kept: within a narrow query (中國 with a rare word) it
   * verifies only the records the other terms allow.
   */
  private formsPostings(needle: Needle & { side: 'zh' }): Postings | null {
    const perForm: Postings[] = [];
    for (const form of needle.forms) {
      const found = this.needlePostings(needleLookups({ ...needle, forms: [form] }, this.ctx));
      if (found === null) return this.needlePostings(needleLookups(needle, this.ctx));
      perForm.push(found);
    }
    const counted = perForm.reduce((n, p) => n + (p.counts === null ? 0 : p.ids.length), 0);
    let out: Postings | null = null;
    for (const [i, form] of needle.forms.entries()) {
      let found = perForm[i] as Postings;
      if (found.counts === null) {
        const size = found.ids.length;
        if (size > FEW_CANDIDATES && (size > counted || size > MANY_CANDIDATES))
          return this.needlePostings(needleLookups(needle, this.ctx));
        found = this.exactWithin({ needles: [{ ...needle, forms: [form] }], postings: found }, null);
      }
      out = out === null ? found : unite(out, found);
    }
    return out;
  }

  /** Records passing any of the lookups (a needle's spellings); null when none narrows anything. */
  private needlePostings(lookups: Lookup[]): Postings | null {
    let out: Postings | null = null;
    for (const lookup of lookups) {
      const found = this.lookup(lookup);
      out = out === null ? found : unite(out, found);
    }
    return out;
  }

  /**
   * Records holding every term of a lookup: common terms from their tables, the rest from one
   * FlexSearch query per view (which intersects them). Counts are kept only when the lookup is
   * exactly one common term (see `Lookup.exact`); otherwise the records are candidates to verify.
   */
  private lookup(lookup: Lookup): Postings {
    let out: Postings | null = null;
    const { common, rare } = rareKeys(lookup, this.common);
    for (const p of common) out = out === null ? p : intersect(out, p);
    for (const { view, keys } of rare) {
      const found = [...this.rare(view, keys)];
      const ids = candidates(found.filter((n) => Number.isInteger(n) && n >= 0 && n < this.records.length));
      out = out === null ? ids : intersect(out, ids);
    }
    // No record at all is exactly known: 中國 typed in traditional, absent from the simplified text,
    // then unites with 中国's counted list as nothing, instead of making its 30,000 records candidates.
    if (out === null || out.ids.length === 0) return EMPTY;
    return lookup.exact && lookup.terms.length === 1 && rare.length === 0 ? out : { ids: out.ids, counts: null };
  }

  /**
   * Every rare-term lookup `search(query)` may make, without making any (the same path through
   * needles and common tables). Throws QueryError where `search` would.
   */
  rareLookupsOf(query: string): RareQuery[] {
    const out = new Map<string, RareQuery>();
    for (const term of parseQuery(query)) {
      for (const needles of term.alternatives) {
        for (const needle of needles) {
          for (const lookup of needleLookups(needle, this.ctx)) {
            for (const q of rareKeys(lookup, this.common).rare) out.set(rareQueryKey(q.view, q.keys), q);
          }
        }
      }
    }
    return [...out.values()];
  }
}

/** Identifies a rare-term lookup (a view and its keys), e.g. to hold its fetched answer. */
export function rareQueryKey(view: View, keys: readonly string[]): string {
  return `${view} ${keys.join(' ')}`;
}

/**
 * The records of `scope` (null: all) that may hold a term (ascending), or null when nothing narrows
 * it. Each alternative is cut to the scope before they are united: `航路 a` unites the few records
 * of 航路 that have the syllable a with those that have the word "a", not the 100,000 of each.
 */
function termCandidates(t: TermPostings, scope: Int32Array | null): Int32Array | null {
  let out: Postings | null = null;
  for (const { postings } of t.alternatives) {
    if (postings === null) return null;
    const own = scope === null ? postings : within({ ids: postings.ids, counts: null }, scope);
    out = out === null ? own : unite(out, own);
  }
  return out?.ids ?? EMPTY.ids;
}

/** The verified records with their counts; none when nothing was verified (a term without needles). */
function exactOrEmpty(p: Postings | null): RankedHits {
  return listHits(p === null || !isCounted(p) ? NOTHING : p);
}

const NOTHING = { ids: new Int32Array(0), counts: new Int32Array(0) };

/** For ordering intersections: the smallest list first. */
function termSize(t: TermPostings): number {
  return t.alternatives.reduce((n, a) => n + (a.postings?.ids.length ?? Infinity), 0);
}

function reported(term: QueryTerm): SearchTerm {
  return { raw: term.raw, kind: term.kind, quoted: term.quoted };
}
