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
 * `[...head, items]` as JSON lines, the items cut into runs of at most `most` and (but for a single
 * item) LINE_UNITS units. Each item is stringified once and the line put together from the pieces:
 * the same text as JSON.stringify of the whole line.
 */
function* itemLines(head: readonly string[], items: readonly unknown[], most: number): Generator<string> {
  const open = `${JSON.stringify(head).slice(0, -1)}${head.length > 0 ? ',' : ''}[`;
  let pieces: string[] = [];
  let units = 0;
  const flush = () => {
    const line = `${open}${pieces.join(',')}]]\n`;
    pieces = [];
    units = 0;
    return line;
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
export function* bundleLines(bundle: IndexBundle, parts: ReadonlySet<BundlePart> = ALL_PARTS): Generator<string> {
  let count = 1;
  yield line([MAGIC, LINES_VERSION, bundle.records.length]);
  if (parts.has('records')) {
    for (const records of itemLines(['records'], bundle.records, RECORDS_PER_LINE)) {
      count++;
      yield records;
    }
  }
  if (parts.has('index')) {
    for (const view of VIEWS) {
      for (const [key, data] of Object.entries(bundle[view])) {
        count++;
        yield line(['index', view, key, data]);
      }
    }
  }
  if (parts.has('common')) {
    for (const view of VIEWS) {
      for (const entries of itemLines(['common', view], bundle.common[view], COMMON_ENTRIES_PER_LINE)) {
        count++;
        yield entries;
      }
    }
  }
  yield line(['end', count + 1]);
}

export class BundleFormatError extends Error {}

const isView = (value: unknown): value is View => typeof value === 'string' && (VIEWS as readonly string[]).includes(value);

/**
 * Assembles a bundle from its lines (with or without their "\n"), checking the frame: header first,
 * known line kinds, the record count and the line count at the end. The records, parts and entries
 * themselves are checked where they are used (`loadSearcher`, `importCommon`). Throws a
 * BundleFormatError naming the line on anything else. Parts left out of `parts` are checked and
 * dropped (PostgreSQL keeps no exported index).
 */
export async function bundleFromLines(lines: Iterable<string> | AsyncIterable<string>, parts: ReadonlySet<BundlePart> = ALL_PARTS): Promise<IndexBundle> {
  const empty = () => Object.fromEntries(VIEWS.map((v) => [v, {}])) as Record<View, Record<string, string>>;
  const index = empty();
  const common = Object.fromEntries(VIEWS.map((v) => [v, []])) as unknown as IndexBundle['common'];
  const records: PairRecord[] = [];
  let expected = -1;
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
      if (kind !== MAGIC || a !== LINES_VERSION || !Number.isInteger(b) || (b as number) < 0) fail(`is not the header of a search bundle, version ${LINES_VERSION}`);
      expected = b as number;
      continue;
    }
    if (kind === 'records') {
      if (!Array.isArray(a)) fail('has no list of records');
      for (const record of a as PairRecord[]) records.push(record);
    } else if (kind === 'index') {
      if (!isView(a) || typeof b !== 'string' || typeof c !== 'string') fail('is not a [view, key, data] index part');
      if (parts.has('index')) index[a as View][b as string] = c as string;
    } else if (kind === 'common') {
      if (!isView(a) || !Array.isArray(b)) fail('is not a [view, entries] list of common terms');
      for (const entry of b as IndexBundle['common'][View]) common[a as View].push(entry);
    } else if (kind === 'end') {
      if (a !== n) fail(`says the bundle has ${String(a)} lines, not ${n}`);
      ended = true;
    } else {
      fail(`is of an unknown kind ${JSON.stringify(kind)}`);
    }
  }
  if (n === 0) throw new BundleFormatError('is empty');
  if (!ended) throw new BundleFormatError(`ends after line ${n} without its end line (cut short?)`);
  if (records.length !== expected) {
    throw new BundleFormatError(`holds ${records.length} records where its header says ${expected}`);
  }
  return { records, ...index, common };
}
