/**
 * Formula injection (OWASP "CSV Injection"): a spreadsheet opening a CSV or TSV file runs a cell
 * that begins with `=`, `+`, `-` or `@` (and, in some, a tab or carriage return) as a formula, so
 * `=HYPERLINK(...)` in a published translation would become a live link, or worse, on the reader's
 * machine. OWASP's remedy: prefix such a cell with a single quote, which the spreadsheet shows as
 * text. The full-width forms are included because Apple Numbers folds them to ASCII (as
 * csv-stringify's `escape_formulas`, which the CSV exports use, does too).
 */

/** The characters that make a spreadsheet read a cell as a formula when they come first. */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** The cell, with a single quote in front when a spreadsheet would run it as a formula. */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}
