/**
 * The saved vocabulary as files: an Anki-ready CSV and plain TSV. Apart from vocabulary.ts because
 * the CSV writer's browser build carries a Buffer polyfill (11 kB compressed) that the reader,
 * which only saves words, must not load.
 */
import { stringify } from 'csv-stringify/browser/esm/sync';
import { neutraliseFormula } from '../security/spreadsheet';
import type { SavedWord } from './vocabulary';

/** The source as one line of text for a card: title, then where in which document. */
function sourceLine(source: SavedWord['source']): string {
  return `${source.title} (${source.docId} #p-${source.pair + 1})`;
}

/** The column names of both exports; the Anki importer maps them to a note type's fields of the same names. */
const EXPORT_COLUMNS = ['Word', 'Pinyin', 'Meaning', 'Sentence', 'Translation', 'Source'] as const;

function exportRow(w: SavedWord): string[] {
  return [w.word, w.pinyin, w.meaning, w.sentence, w.translation, sourceLine(w.source)];
}

/**
 * The list as a CSV file for Anki (2.1.55 and later): header lines say the separator, that fields
 * are plain text (not HTML, so a `<` in a translation stays a `<`) and the column names, so the
 * import dialog needs no settings. Every field is quoted per RFC 4180, which also keeps a record from
 * starting with `#` (Anki would read it as a comment). No byte-order mark: Anki reads UTF-8 without
 * one. Cells a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) get a
 * single quote in front, as in the glossary CSV: a file named .csv opens in a spreadsheet on a
 * double click, and a translation is text we did not write. In Anki such a card shows the quote;
 * that is rare (a translation beginning with "-") and harmless, a live formula is not.
 */
export function ankiCsv(words: readonly SavedWord[]): string {
  const head = ['#separator:Comma', '#html:false', `#columns:${EXPORT_COLUMNS.join(',')}`]
    .map((line) => `${line}\r\n`)
    .join('');
  return (
    head +
    stringify(words.map(exportRow), {
      quoted: true,
      quoted_empty: true,
      record_delimiter: 'windows',
      escape_formulas: true,
    })
  );
}

/** A TSV field holds no tab or line break (each run of them becomes one space) and runs no formula. */
function tsvField(s: string): string {
  return neutraliseFormula(s.replace(/[\t\r\n\u2028\u2029]+/g, ' ').trim());
}

/** The list as plain tab-separated values, one word per line, the same columns as the CSV, no header (as the pairs TSV). */
export function tsv(words: readonly SavedWord[]): string {
  return words.map((w) => `${exportRow(w).map(tsvField).join('\t')}\n`).join('');
}

/** `duizhao-vocabulary-2026-05-21.csv`, dated in the learner's own time zone. */
export function exportFileName(extension: 'csv' | 'tsv', now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `duizhao-vocabulary-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.${extension}`;
}
