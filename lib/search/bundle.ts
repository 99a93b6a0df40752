/**
 * The index bundle: building the indexes over the pair records (two passes, see common-terms.ts),
 * writing them out as `IndexBundle` and reading them back into a searcher.
 */
import { Index } from 'flexsearch';
import type { IndexBundle, PairRecord } from '../model';
import { readBundleLines, type BundleSource } from './bundle-lines';
import {
  buildCommonTables,
  commonEntries,
  exportCommon,
  importCommon,
  importCommonEntry,
  type CommonTables,
} from './common-terms';
import type { Postings } from './postings';
import { createSearcher, type Indexes, type Searcher } from './searcher';
import { rareTermKey } from './term-hash';
import { VIEWS } from './views';

/**
 * How to build: the bar for a common term and the size of the sample it is estimated on (see
 * common-terms.ts; tests change them to exercise every path on small corpora).
 */
export interface BuildOptions {
  commonTermRecords?: number;
  sampledRecords?: number;
}

/**
 * The terms come from our own encoders (views.ts), already final, as the keys of their buckets
 * (term-hash.ts): FlexSearch gets them joined by spaces and splits them again, for the records and
 * for the lookups alike. No context index and one resolution slot (we rank ourselves).
 */
const splitTerms = (text: string): string[] => text.split(' ');

/** The options of every view's index, in memory or mounted on a database (pg-index.ts). */
export const INDEX_OPTIONS = { tokenize: 'strict', resolution: 1, encode: splitTerms } as const;

function createIndexes(): Indexes {
  const index = () => new Index(INDEX_OPTIONS);
  return { zh: index(), zhChars: index(), en: index(), enPairs: index(), py: index() };
}

/**
 * One index as FlexSearch exports it: its parts by key (what the bundle holds per view). FlexSearch
 * 0.8 exports synchronously when the callback returns nothing (serialize.js waits only on a
 * returned promise), which lets the bundle's lines be written one view at a time from a plain
 * generator; a version that turned asynchronous would be caught here, not write half an index.
 */
function exportIndex(index: Index): Record<string, string> {
  const out: Record<string, string> = {};
  // Keys are FlexSearch's own ("1.reg", "2.map"): never __proto__ or another inherited name.
  const done: unknown = index.export((key: string, data: string) => {
    out[key] = data;
  });
  if (typeof (done as { then?: unknown } | undefined)?.then === 'function')
    throw new Error('FlexSearch exported asynchronously: the bundle writer expects a synchronous export.');
  return out;
}

function importIndex(index: Index, data: unknown, view: string): void {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new Error(
      `Index bundle: "${view}" is not an object of exported index parts (a build of an older version? run the ingest again).`,
    );
  }
  for (const [key, value] of Object.entries(data)) {
    if (typeof value !== 'string') throw new Error(`Index bundle: "${view}.${key}" is not a string.`);
    index.import(key, value);
  }
}

/** What FlexSearch is given for a record's rare terms: their bucket keys, once each, joined by spaces. */
export function rareTermText(terms: readonly string[]): string {
  return [...new Set(terms.map(rareTermKey))].join(' ');
}

/** Indexes the records: common terms into tables, the others into FlexSearch (see common-terms.ts). */
function indexRecords(
  records: readonly PairRecord[],
  options: BuildOptions,
): { indexes: Indexes; common: CommonTables } {
  const indexes = createIndexes();
  const common = buildCommonTables(records, options, (view, id, terms) => indexes[view].add(id, rareTermText(terms)));
  return { indexes, common };
}

/** The in-memory indexes and tables of the records, for comparison with other stores (pg-index.ts). */
export function indexesOver(
  records: PairRecord[],
  options: BuildOptions = {},
): { indexes: Indexes; common: CommonTables } {
  checkRecords(records);
  return indexRecords(records, options);
}

/** Builds the search indexes over the records and exports them. */
export async function buildIndexBundle(records: PairRecord[], options: BuildOptions = {}): Promise<IndexBundle> {
  const { indexes, common } = indexRecords(records, options);
  return {
    records: [...records],
    zh: exportIndex(indexes.zh),
    zhChars: exportIndex(indexes.zhChars),
    en: exportIndex(indexes.en),
    enPairs: exportIndex(indexes.enPairs),
    py: exportIndex(indexes.py),
    common: exportCommon(common),
  };
}

/**
 * The search indexes over the records, as what `bundleLines` writes (bundle-lines.ts): each view
 * exported when its lines are written, each common entry made as it is written. The same lines as
 * `bundleLines(await buildIndexBundle(records))`, without ever holding the whole export.
 */
export function indexSource(records: PairRecord[], options: BuildOptions = {}): BundleSource {
  checkRecords(records);
  const { indexes, common } = indexRecords(records, options);
  return sourceOver(records, indexes, common);
}

/** Indexes already built over the records, as what `bundleLines` writes. */
export function sourceOver(records: readonly PairRecord[], indexes: Indexes, common: CommonTables): BundleSource {
  return {
    records,
    indexParts: (view) => exportIndex(indexes[view]),
    commonEntries: (view) => commonEntries(common[view]),
  };
}

function isPairRecord(value: unknown): value is PairRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    typeof r.docId === 'string' &&
    typeof r.pair === 'number' &&
    typeof r.zh === 'string' &&
    typeof r.en === 'string' &&
    (r.zhOriginal === undefined || typeof r.zhOriginal === 'string') &&
    (r.pinyin === undefined || typeof r.pinyin === 'string')
  );
}

function checkRecords(records: unknown): asserts records is PairRecord[] {
  if (!Array.isArray(records)) throw new Error('Index bundle: "records" is not an array.');
  records.forEach((r, i) => {
    if (!isPairRecord(r)) throw new Error(`Index bundle: record ${i} is not a pair record.`);
  });
}

/**
 * A searcher loaded straight from the bundle's lines (bundle-lines.ts): each index part imported and
 * each common entry turned into typed arrays as its line is read, so loading never holds the
 * export as well as the index. Checks what `loadSearcher` checks.
 */
export async function loadSearcherFromLines(lines: Iterable<string> | AsyncIterable<string>): Promise<Searcher> {
  const indexes = createIndexes();
  const records: unknown[] = [];
  const common = Object.fromEntries(VIEWS.map((v) => [v, new Map<string, Postings>()])) as CommonTables;
  let recordCount = 0;
  await readBundleLines(lines, {
    start: (count) => {
      recordCount = count;
    },
    records: (batch) => {
      for (const record of batch) records.push(record);
    },
    indexPart: (view, key, data) => {
      indexes[view].import(key, data);
    },
    commonEntry: (view, entry) => importCommonEntry(common[view], entry, view, recordCount),
  });
  checkRecords(records);
  return createSearcher(records, indexes, common);
}

/** Loads a bundle written by `buildIndexBundle` (possibly through JSON). Throws on a malformed one. */
export async function loadSearcher(bundle: IndexBundle): Promise<Searcher> {
  const records: unknown = bundle?.records;
  checkRecords(records);
  const indexes = createIndexes();
  for (const view of VIEWS) importIndex(indexes[view], bundle[view], view);
  return createSearcher(records, indexes, importCommon(bundle.common, records.length));
}

/**
 * A searcher over records indexed in memory, without the export/import round trip: for the
 * benchmark and tools that build and query in one process. Same results as `loadSearcher`.
 */
export function searcherOver(records: PairRecord[], options: BuildOptions = {}): Searcher {
  checkRecords(records);
  const { indexes, common } = indexRecords(records, options);
  return createSearcher(records, indexes, common);
}
