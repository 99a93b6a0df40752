/**
 * Posting lists with occurrence counts for the common index terms (的, de, "the"), kept out of
 * FlexSearch, and the two passes over the records that build them.
 *
 * Why: measured on a synthetic corpus of 1 M distinct characters, a query such as 的 or "de" had
 * most records as candidates, and verifying each to count its occurrences for the ranking took
 * 100–260 ms (it grows with the corpus). A common term's exact set of records and its counts,
 * computed once at build time, answer such a query with a merge and a counting sort instead.
 * They are also smaller and faster to build: 8 bytes a posting in two Int32Arrays, where
 * FlexSearch keeps a JavaScript array per key. Rare terms stay in FlexSearch: their posting lists
 * are short, so verifying them costs little.
 *
 * Quoted phrases with a very common word ("of the", "to return") get the same treatment through
 * the pairs of neighbouring words (views.ts): their words' lists hardly narrow them (measured:
 * 60–100 ms verifying "to be" at 1 M characters, 47 ms for "to return" at 10 M).
 */
import type { IndexBundle, PairRecord } from '../model';
import { doubled } from '../base/typed-arrays';
import type { Postings } from './postings';
import { termHash } from './term-hash';
import { recordTerms, termCount, VIEWS, type View, type ViewContext } from './views';

/**
 * A term is common when at least this many records hold it. Below it, verifying every candidate
 * costs a few dozen short scans; above it, a table costs less memory than FlexSearch's arrays.
 */
const COMMON_TERM_RECORDS = 32;

/**
 * The pairs of an English word are indexed when it is in at least this share of the records (and
 * is common). Two words below it leave at most 1/256 of the records to verify (if independent);
 * one above it, as many as the other word's list holds.
 */
const PAIRED_WORD_SHARE = 1 / 16;

/**
 * Below this many records, verifying every candidate of a phrase costs about a millisecond: a small
 * corpus (the real one has 426 pairs) needs no pairs, which would double its English index.
 */
const PAIRED_WORD_MIN_RECORDS = 512;

/** Per view: common term → its records (ascending) and their counts (never null here). */
export type CommonTables = Record<View, Map<string, Postings>>;

/**
 * The least number of records a common English stem must be in for its pairs to be indexed. It
 * depends on the corpus alone, so the tables tell a searcher which stems have their pairs indexed.
 */
function pairedWordRecords(recordCount: number): number {
  return Math.max(PAIRED_WORD_MIN_RECORDS, Math.ceil(recordCount * PAIRED_WORD_SHARE));
}

/**
 * Upper bounds of the number of records holding each term, counted by hash bucket: no Map and no
 * string kept per distinct term (a corpus of 10 M distinct characters has millions of distinct
 * bigrams). A term sharing a bucket with common terms may be counted as common too; that only
 * gives it a table of its own, exact like any other.
 */
class BucketFrequencies {
  private readonly shift: number;
  private readonly df: Int32Array;
  private readonly last: Int32Array;

  /** About 500 buckets a record (a few hundred distinct terms each), 2^12 to 2^22 in all. */
  constructor(recordCount: number) {
    const bits = Math.min(22, Math.max(12, Math.ceil(Math.log2(recordCount * 512 + 1))));
    this.shift = 32 - bits;
    this.df = new Int32Array(1 << bits);
    this.last = new Int32Array(1 << bits).fill(-1);
  }

  add(term: string, id: number): void {
    const b = termHash(term) >>> this.shift;
    if (this.last[b] === id) return;
    this.last[b] = id;
    this.df[b]! += 1;
  }

  /** A test for "in at least `records` records", by bucket. */
  atLeast(records: number): (term: string) => boolean {
    const flags = new Uint8Array(this.df.length);
    for (let b = 0; b < flags.length; b++) flags[b] = (this.df[b] as number) >= records ? 1 : 0;
    const shift = this.shift;
    return (term) => flags[termHash(term) >>> shift] === 1;
  }
}

/** A posting list being filled in id order, doubling its arrays as it grows. */
class PostingsBuilder {
  private ids = new Int32Array(8);
  private counts = new Int32Array(8);
  private n = 0;

  add(id: number, count: number): void {
    if (this.n === this.ids.length) {
      this.ids = doubled(this.ids);
      this.counts = doubled(this.counts);
    }
    this.ids[this.n] = id;
    this.counts[this.n] = count;
    this.n++;
  }

  finish(): Postings {
    return { ids: this.ids.slice(0, this.n), counts: this.counts.slice(0, this.n) };
  }
}

class TableBuilder {
  private readonly builders = new Map<string, PostingsBuilder>();

  add(term: string, id: number, count: number): void {
    let builder = this.builders.get(term);
    if (builder === undefined) {
      builder = new PostingsBuilder();
      this.builders.set(term, builder);
    }
    builder.add(id, count);
  }

  finish(): Map<string, Postings> {
    return new Map([...this.builders].map(([term, b]) => [term, b.finish()]));
  }
}

function occurrences(terms: Iterable<string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const term of terms) out.set(term, (out.get(term) ?? 0) + 1);
  return out;
}

/**
 * How many records the first pass reads at most. Whether a term is common is estimated on every
 * n-th record: it decides where the term's list is kept, never what a search finds (a common term
 * left in FlexSearch is verified, a rare one given a table is exact), and it took a third off the
 * build time at 1 M characters (13.9 s → 8.9 s).
 */
const SAMPLED_RECORDS = 8192;

/**
 * Builds the tables of every view: a first pass estimates, by bucket and on a sample, which terms
 * are common; the second fills the common terms' lists and hands each record's other terms (once
 * each) to `addRare`, for FlexSearch. A view at a time, in VIEWS order: `en`'s finished tables
 * decide which pairs `enPairs` holds, exactly as a searcher decides it. Linear in the text.
 */
export function buildCommonTables(
  records: readonly PairRecord[],
  {
    commonTermRecords = COMMON_TERM_RECORDS,
    sampledRecords = SAMPLED_RECORDS,
  }: { commonTermRecords?: number; sampledRecords?: number },
  addRare: (view: View, id: number, terms: string[]) => void,
): CommonTables {
  const step = Math.max(1, Math.ceil(records.length / Math.max(1, sampledRecords)));
  const sample = step === 1 ? records : records.filter((_, i) => i % step === 0);
  const sampleBar = Math.max(1, Math.ceil(Math.max(1, commonTermRecords) / step));
  const tables = {} as CommonTables;
  const ctx: ViewContext = { pairsIndexed: () => false };
  for (const view of VIEWS) {
    if (view === 'enPairs') ctx.pairsIndexed = pairsIndexed(tables, records.length);
    const df = new BucketFrequencies(sample.length);
    sample.forEach((record, i) => {
      for (const term of recordTerms(view, record, ctx)) df.add(term, i);
    });
    const isCommon = df.atLeast(sampleBar);
    const table = new TableBuilder();
    records.forEach((record, id) => {
      const rare: string[] = [];
      for (const [term, n] of occurrences(recordTerms(view, record, ctx))) {
        if (isCommon(term)) table.add(term, id, termCount(view, record, term, n));
        else rare.push(term);
      }
      if (rare.length > 0) addRare(view, id, rare);
    });
    tables[view] = table.finish();
  }
  return tables;
}

/**
 * Whether a stem's pairs are indexed, from the tables alone (a common stem in enough records): the
 * same answer at build and at query time.
 */
export function pairsIndexed(tables: CommonTables, recordCount: number): (stem: string) => boolean {
  const least = pairedWordRecords(recordCount);
  return (stem) => (tables.en.get(stem)?.ids.length ?? 0) >= least;
}

/** A common term as the bundle stores it: [term, ids as gaps from the previous id, counts]. */
export type CommonEntry = [string, number[], number[]];

/**
 * One view's table as the bundle stores it, an entry at a time, by term in code unit order: the
 * JavaScript arrays of one entry exist only while it is written (all of them at once, for 100 M
 * characters, would be several times the typed arrays' 5.7 GB).
 */
export function* commonEntries(table: ReadonlyMap<string, Postings>): Generator<CommonEntry> {
  for (const term of [...table.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const p = table.get(term)!;
    yield [term, Array.from(p.ids, (id, i) => id - (i > 0 ? (p.ids[i - 1] ?? 0) : 0)), Array.from(p.counts ?? [])];
  }
}

/** Tables as the bundle stores them: per view, its entries (`commonEntries`). */
export function exportCommon(tables: CommonTables): IndexBundle['common'] {
  const out = {} as IndexBundle['common'];
  for (const view of VIEWS) out[view] = [...commonEntries(tables[view])];
  return out;
}

/** Reads one entry written by `commonEntries` into its view's table, checking it: a bad table would give wrong totals. */
export function importCommonEntry(table: Map<string, Postings>, entry: unknown, view: View, recordCount: number): void {
  const [term, gaps, counts] = Array.isArray(entry) ? (entry as unknown[]) : [];
  if (typeof term !== 'string' || !Array.isArray(gaps) || !Array.isArray(counts) || gaps.length !== counts.length) {
    throw new Error(`Index bundle: an entry of "common.${view}" is malformed.`);
  }
  const ids = new Int32Array(gaps.length);
  let id = 0;
  gaps.forEach((gap, i) => {
    id += Number(gap);
    ids[i] = id;
    if (!Number.isInteger(gap) || (i > 0 && Number(gap) <= 0) || id < 0 || id >= recordCount) {
      throw new Error(`Index bundle: the list of "${term}" in "common.${view}" is not ascending record ids.`);
    }
  });
  if (!counts.every((c) => Number.isInteger(c) && (c as number) > 0))
    throw new Error(`Index bundle: the counts of "${term}" in "common.${view}" are not positive.`);
  table.set(term, { ids, counts: Int32Array.from(counts as number[]) });
}

/** Reads tables written by `exportCommon`, checking them. */
export function importCommon(data: unknown, recordCount: number): CommonTables {
  if (typeof data !== 'object' || data === null)
    throw new Error('Index bundle: "common" is not an object of common-term tables.');
  const out = {} as CommonTables;
  for (const view of VIEWS) {
    const entries: unknown = (data as Record<string, unknown>)[view];
    if (!Array.isArray(entries)) throw new Error(`Index bundle: "common.${view}" is not a list.`);
    const table = new Map<string, Postings>();
    for (const entry of entries) importCommonEntry(table, entry, view, recordCount);
    out[view] = table;
  }
  return out;
}
