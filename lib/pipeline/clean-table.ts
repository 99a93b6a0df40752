/**
 * Tables in plain text: text and PDF extractions set a table's columns apart with runs of spaces
 * (two or more ASCII spaces, ideographic spaces, tabs), the cells of each column at the same place
 * on every row. Two or more rows in a row whose cells fall into the same columns are a table; a
 * row whose cell is missing under a column keeps that cell empty (the statistics table's empty
 * years). Numbers are often set flush right, so a column is where its cells lie over each other,
 * not where they start. Pure: raw lines in, tables found out.
 */
import { TABLE_CELL_MAX_WIDTH, TABLE_CELL_GAP, TAB_STOP } from './clean-rules';
import { furnitureRule, runningHeaderKey } from './proto-block';
import { displayWidth } from '../text/text-width';

export interface SpacedTable {
  /** 0-based raw line of the first row and one past the last. */
  from: number;
  to: number;
  rows: string[][];
  headerRows: number;
}

interface Cell {
  text: string;
  /** Display columns [start, end) on the line, tabs expanded. */
  start: number;
  end: number;
}

/** The cells of a raw line (none when it has fewer than two): text runs between gaps of the table's kind. */
export function spacedCells(raw: string): Cell[] {
  const cells: Cell[] = [];
  let col = 0;
  let text = '';
  let start = 0;
  let gap = '';
  const flush = () => {
    if (text !== '') cells.push({ text, start, end: start + displayWidth(text) });
    text = '';
  };
  for (const ch of raw.replace(/\s+$/u, '')) {
    const width = ch === '\t' ? TAB_STOP - (col % TAB_STOP) : displayWidth(ch);
    if (/[ \t\u3000]/u.test(ch)) {
      gap += ch;
    } else {
      if (gap !== '') {
        // One ASCII space is a space inside a cell (a title, "Page 3"); a wider gap parts two cells.
        if (text !== '' && !TABLE_CELL_GAP.test(gap)) text += gap;
        else flush();
        gap = '';
      }
      if (text === '') start = col;
      text += ch;
    }
    col += width;
  }
  flush();
  return cells.length >= 2 ? cells : [];
}

/**
 * Columns' extents [start, end), in order: the cells of all rows laid over each other, overlapping
 * cells merged into one column. Undefined when the rows do not line up: two cells of one row fall
 * in one column, or fewer than two columns are shared by two rows or more.
 */
function columnExtents(rows: Cell[][], everyShared: boolean): Array<[number, number]> | undefined {
  const spans = rows.flat().sort((a, b) => a.start - b.start);
  const extents: Array<[number, number]> = [];
  for (const cell of spans) {
    const last = extents.at(-1);
    if (last && cell.start < last[1]) last[1] = Math.max(last[1], cell.end);
    else extents.push([cell.start, cell.end]);
  }
  if (extents.length < 2) return undefined;
  const met = extents.map(() => 0);
  for (const row of rows) {
    const columns = row.map((cell) => extents.findIndex(([from, to]) => cell.start >= from && cell.end <= to));
    if (new Set(columns).size < columns.length) return undefined;
    for (const c of columns) met[c]!++;
  }
  // Two columns at least that rows share (a column of one figure only is a column all the same).
  if (everyShared && met.some((n) => n < 2)) return undefined;
  return met.filter((n) => n >= 2).length >= 2 ? extents : undefined;
}

/** A row's cells under the columns, an empty string where it has none. */
function placeRow(row: Cell[], extents: Array<[number, number]>): string[] {
  const out = extents.map(() => '');
  for (const cell of row) out[extents.findIndex(([from, to]) => cell.start >= from && cell.end <= to)] = cell.text;
  return out;
}

/** A first row is the table's header when it holds no figure and a later row does (年份 / 贸易额 over 2020 / 1078). */
function headerRowsOf(rows: string[][]): number {
  const hasDigit = (r: string[]) => r.some((c) => /\d/u.test(c));
  return rows.length >= 2 && !hasDigit(rows[0]!) && rows.slice(1).some(hasDigit) ? 1 : 0;
}

/** A run of rows is a table when its cells line up in columns, and no cell is running prose. */
function asTable(from: number, cells: Cell[][], everyShared: boolean): SpacedTable | undefined {
  if (cells.length < 2) return undefined;
  if (cells.some((r) => r.some((c) => c.end - c.start > TABLE_CELL_MAX_WIDTH || /[。！？]$/u.test(c.text))))
    return undefined;
  const extents = columnExtents(cells, everyShared);
  if (!extents) return undefined;
  const rows = cells.map((row) => placeRow(row, extents));
  return { from, to: from + cells.length, rows, headerRows: headerRowsOf(rows) };
}

/** Every table of space-aligned columns among the raw lines, in order. */
export function spacedTables(rawLines: readonly string[]): SpacedTable[] {
  const tables: SpacedTable[] = [];
  const seen = new Map<string, number>();
  for (const raw of rawLines) {
    const key = runningHeaderKey(raw);
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const recurs = (raw: string) => (seen.get(runningHeaderKey(raw)) ?? 0) >= 2;
  let run: Cell[][] = [];
  let from = 0;
  const close = () => {
    // A line set right above or below a table (a running header with its page number, a note) may
    // have a gap of its own: when the whole run does not line up, the rows without it are tried.
    // A running header with its page number (国际问题研究  149) is furniture, whatever it lines up
    // with, when it comes back on other pages; over a table of more columns than it has cells, even
    // met once. Under a table a line of that shape met once is the last row, short of figures
    // (府大门前石  1636): rows with cells missing end tables more often than footers are glued on.
    const widest = Math.max(0, ...run.map((r) => r.length));
    const header = (i: number) =>
      run.length > 2 &&
      furnitureRule(rawLines[from + i]!)?.reason === 'running-header' &&
      (recurs(rawLines[from + i]!) || (i === 0 && run[i]!.length < widest));
    if (header(0)) {
      run = run.slice(1);
      from++;
    }
    if (header(run.length - 1)) run = run.slice(0, -1);
    const tries: Array<[number, Cell[][]]> = [
      [from, run],
      [from + 1, run.slice(1)],
      [from, run.slice(0, -1)],
      [from + 1, run.slice(1, -1)],
    ];
    let table: SpacedTable | undefined;
    for (const [at, rows] of tries) for (const everyShared of [true, false]) table ??= asTable(at, rows, everyShared);
    if (table) tables.push(table);
    run = [];
  };
  rawLines.forEach((raw, i) => {
    const cells = spacedCells(raw);
    if (cells.length === 0) {
      close();
      return;
    }
    if (run.length === 0) from = i;
    run.push(cells);
  });
  close();
  return tables;
}
