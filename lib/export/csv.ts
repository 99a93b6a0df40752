/**
 * `export --format csv`: the glossary as RFC 4180 CSV (CRLF line ends, a header row, fields quoted
 * when they need it), one row per term, its most frequent rendering in `rendering`/`count`/`share`
 * and the others in `variants`, over the term's own occurrences; `within` lists the longer glossary
 * terms its other occurrences are counted under ("两国元首 (49)").
 *
 * UTF-8 *with* a byte-order mark: CSV is the format people open in a spreadsheet, and Excel reads a
 * BOM-less CSV in the legacy code page, which garbles every Chinese character. Tools reading the
 * file as data have the TSV and TBX exports; most CSV readers (pandas, LibreOffice, csv-parse with
 * `bom: true`) skip the mark.
 *
 * Cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) are prefixed
 * with an apostrophe by csv-stringify's `escape_formulas`: renderings come from translations, which
 * are text we publish, not code to run on the reader's machine.
 */
import { stringify } from 'csv-stringify/sync';
import type { GlossaryEntry } from '../model';

export const CSV_COLUMNS = [
  'term',
  'traditional',
  'pinyin',
  'frequency',
  'documents',
  'rendering',
  'count',
  'share',
  'variants',
  'unrendered',
  'within',
  'termhood',
] as const;

type Row = Record<(typeof CSV_COLUMNS)[number], string | number>;

/** Several values in one cell: `; ` reads naturally and does not occur in terms or their pinyin. */
const LIST = '; ';
const round3 = (n: number) => Math.round(n * 1000) / 1000;

function row(entry: GlossaryEntry): Row {
  const [dominant, ...others] = entry.renderings;
  return {
    term: entry.term,
    traditional: entry.traditional.filter((t) => t !== entry.term).join(LIST),
    pinyin: entry.pinyin,
    frequency: entry.frequency,
    documents: entry.documents,
    rendering: dominant?.text ?? '',
    count: dominant?.count ?? 0,
    share: dominant ? round3(dominant.share) : 0,
    variants: others.map((r) => `${r.text} (${r.count})`).join(LIST),
    unrendered: entry.unrendered,
    within: entry.within.map((w) => `${w.term} (${w.count})`).join(LIST),
    termhood: round3(entry.termhood),
  };
}

export function exportCsv(glossary: GlossaryEntry[]): string {
  return stringify(glossary.map(row), {
    header: true,
    columns: [...CSV_COLUMNS],
    bom: true,
    record_delimiter: 'windows',
    escape_formulas: true,
  });
}
