/**
 * The index bundle as a file of lines (`build/search.jsonl`): each line one JSON value of bounded
 * size, so no corpus is too big to write or read. One JSON text of the whole bundle
 * (`search.json`, build format 2) meets V8's longest string, 2^29 − 24 UTF-16 units, at about
 * 12 M Han characters (~43 units each; docs/scale.md); lines of at most RECORDS_PER_LINE records,
 * one FlexSearch export part or COMMON_ENTRIES_PER_LINE common-term entries never do.
 *
 * The lines, in this order:
 *   ["duizhao-search", 1, recordCount]       header: what this is, its own version, and the count
 *   ["records", [record, …]]                 the pair records, in id order
 *   ["index", view, key, data]                one FlexSearch export part of a view (bundle.ts)
 *   ["common", view, [entry, …]]             common-term entries of a view (common-terms.ts)
 *   ["end", lineCount]                        so a truncated file is told from a whole one
 * Pure: producing and assembling lines; reading them from a file is bundle-file.ts's job.
 */
import type { IndexBundle, PairRecord } from '../model';
import type { CommonEntry } from './common-terms';
import { VIEWS, type View } from './views';

export const BUNDLE_FILE = 'search.jsonl';
const MAGIC = 'duizhao-search';
const LINES_VERSION = 1;
/** Records per line: ~100 k characters of JSON on the synthetic corpus, far below any limit. */
export const RECORDS_PER_LINE = 1000;
/** Common-term entries per line. */
export const COMMON_ENTRIES_PER_LINE = 200;
/**
 * And at most this many UTF-16 units per line (a single item longer than it goes alone): one
 * common term's entry lists every record it is in, so 200 of the commonest at 100 M characters
 * would make a line of ~10^9 units, past V8's limit; this keeps every line far from it.
 */
export const LINE_UNITS = 8_000_000;

export type BundlePart = 'records' | 'index' | 'common';
const ALL_PARTS: ReadonlySet<BundlePart> = new Set(['records', 'index', 'common']);

const line = (value: unknown): string => `${JSON.stringify(value)}\n`;

/**
 * What the lines are made of, asked for one view at a time, so that writing them holds one view's
 * exported parts and one common entry's arrays at a time, not the whole bundle (at 100 M characters
 * the common tables alone are 5.7 GB of typed arrays).
 */
export interface BundleSource {
  records: readonly PairRecord[];
  indexParts(view: View): Record<string, string>;
  commonEntries(view: View): Iterable<CommonEntry>;
}

/** An assembled bundle as a source. */
function sourceOfBundle(bundle: IndexBundle): BundleSource {
  return { records: bundle.records, indexParts: (view) => bundle[view], commonEntries: (view) => bundle.common[view] };
}

/**
 * `[...head, items]` as JSON lines, the items cut into runs of at most `most` and (but for a single
 * item) LINE_UNITS units. Each item is stringified once and the line put together from the pieces:
 * the same text as JSON.stringify of the whole line.
 */
function* itemLines(head: readonly string[], items: Iterable<unknown>, most: number): Generator<string> {
  const open = `${JSON.stringify(head).slice(0, -1)}${head.length > 0 ? ',' : ''}[`;
  let pieces: string[] = [];
  let units = 0;
  const flush = () => {
    const text = `${open}${pieces.join(',')}]]\n`;
    pieces = [];
    units = 0;
    return text;
  };
  for (const item of items) {
    const piece = JSON.stringify(item);
    if (pieces.length > 0 && (pieces.length >= most || units + piece.length > LINE_UNITS)) yield flush();
    pieces.push(piece);
    units += piece.length + 1;
  }
  if (pieces.length > 0) yield flush();
}

/**
 * The bundle's lines, each ending in "\n"; `parts` leaves some out (PostgreSQL keeps the index in
 * FlexSearch's own tables, so it stores only the records and common lines). Lazy: a caller that
 * writes each line as it comes never holds the file's text.
 */
export function* bundleLines(
  bundle: IndexBundle | BundleSource,
  parts: ReadonlySet<BundlePart> = ALL_PARTS,
): Generator<string> {
  const source = 'indexParts' in bundle ? bundle : sourceOfBundle(bundle);
  let count = 0;
  function* counted(lines: Iterable<string>): Generator<string> {
    for (const text of lines) {
      count++;
      yield text;
    }
  }
  yield* counted([line([MAGIC, LINES_VERSION, source.records.length])]);
  if (parts.has('records')) yield* counted(itemLines(['records'], source.records, RECORDS_PER_LINE));
  if (parts.has('index')) {
    for (const view of VIEWS)
      yield* counted(Object.entries(source.indexParts(view)).map(([key, data]) => line(['index', view, key, data])));
  }
  if (parts.has('common')) {
    for (const view of VIEWS)
      yield* counted(itemLines(['common', view], source.commonEntries(view), COMMON_ENTRIES_PER_LINE));
  }
  yield line(['end', count + 1]);
}

export class BundleFormatError extends Error {}

const isView = (value: unknown): value is View =>
  typeof value === 'string' && (VIEWS as readonly string[]).includes(value);

/** Where the lines' contents go as they are read (`bundleFromLines` assembles them; bundle.ts loads them straight into a searcher). */
export interface BundleSink {
  /** The header's record count, before any other line. */
  start(recordCount: number): void;
  records(records: readonly unknown[]): void;
  indexPart(view: View, key: string, data: string): void;
  commonEntry(view: View, entry: unknown): void;
}

/**
 * Reads the lines (with or without their "\n") into a sink, checking the frame: header first, known
 * line kinds, the record count and the line count at the end. The records, parts and entries
 * themselves are the sink's to check. Throws a BundleFormatError naming the line on anything
 * else. Parts left out of `parts` are checked and skipped (PostgreSQL keeps no exported index).
 */
export async function readBundleLines(
  lines: Iterable<string> | AsyncIterable<string>,
  sink: BundleSink,
  parts: ReadonlySet<BundlePart> = ALL_PARTS,
): Promise<void> {
  let expected = -1;
  let recordCount = 0;
  let n = 0;
  let ended = false;
  for await (const text of lines) {
    n++;
    const fail = (what: string): never => {
      throw new BundleFormatError(`line ${n} ${what}`);
    };
    if (ended) fail('follows the end line');
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      fail('is not valid JSON');
    }
    if (!Array.isArray(value)) fail('is not a JSON array');
    const [kind, a, b, c] = value as unknown[];
    if (n === 1) {
      if (kind !== MAGIC || a !== LINES_VERSION || !Number.isInteger(b) || (b as number) < 0)
        fail(`is not the header of a search bundle, version ${LINES_VERSION}`);
      expected = b as number;
      sink.start(expected);
      continue;
    }
    if (kind === 'records') {
      if (!Array.isArray(a)) fail('has no list of records');
      recordCount += (a as unknown[]).length;
      if (parts.has('records')) sink.records(a as unknown[]);
    } else if (kind === 'index') {
      if (!isView(a) || typeof b !== 'string' || typeof c !== 'string') fail('is not a [view, key, data] index part');
      if (parts.has('index')) sink.indexPart(a as View, b as string, c as string);
    } else if (kind === 'common') {
      if (!isView(a) || !Array.isArray(b)) fail('is not a [view, entries] list of common terms');
      if (parts.has('common')) for (const entry of b as unknown[]) sink.commonEntry(a as View, entry);
    } else if (kind === 'end') {
      if (a !== n) fail(`says the bundle has ${String(a)} lines, not ${n}`);
      ended = true;
    } else {
      fail(`is of an unknown kind ${JSON.stringify(kind)}`);
    }
  }
  if (n === 0) throw new BundleFormatError('is empty');
  if (!ended) throw new BundleFormatError(`ends after line ${n} without its end line (cut short?)`);
  if (recordCount !== expected)
    throw new BundleFormatError(`holds ${recordCount} records where its header says ${expected}`);
}

/** Assembles a bundle from its lines (`readBundleLines`, same checks). */
export async function bundleFromLines(
  lines: Iterable<string> | AsyncIterable<string>,
  parts: ReadonlySet<BundlePart> = ALL_PARTS,
): Promise<IndexBundle> {
  const bundle: IndexBundle = {
    records: [],
    zh: {},
    zhChars: {},
    en: {},
    enPairs: {},
    py: {},
    common: { zh: [], zhChars: [], en: [], enPairs: [], py: [] },
  };
  await readBundleLines(
    lines,
    {
      start: () => undefined,
      records: (records) => {
        for (const record of records) bundle.records.push(record as PairRecord);
      },
      indexPart: (view, key, data) => {
        bundle[view][key] = data;
      },
      commonEntry: (view, entry) => {
        bundle.common[view].push(entry as CommonEntry);
      },
    },
    parts,
  );
  return bundle;
}
