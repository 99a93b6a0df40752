/**
 * The preview's window: the first part of a long text, cut where a block ends, so the preview's
 * work (parse, clean, segment, gloss, align, send) is bounded whatever the upload's shape. 4 MB of
 * `- 中国。` lines is 350,000 list items; parsing them alone took minutes and gigabytes (issue 22),
 * while the first few thousand show the user all a preview can: how the text was read, cleaned and
 * paired. The save still takes the whole text (lib/import/save.ts).
 *
 * The cut is made on the decoded text, before any parser sees it, at the last block boundary
 * inside the budget: a blank line (outside a code fence), else the start of a heading or list line,
 * else a line end, else a sentence end. Only the last block shown can differ from the same block in
 * the whole document, which is why the page says the preview is partial.
 */
import type { RawFile } from '../model';

export interface WindowBudget {
  /** Characters (UTF-16 units) of decoded text, at most. */
  chars: number;
  /** Lines with text (plain text, Markdown) or start tags (HTML), at most. */
  units: number;
}

export interface TextWindow {
  /** The text shown: all of it when it fits. */
  text: string;
  /** Characters of the text shown and of the whole text (UTF-16 units, as the budget). */
  shownChars: number;
  totalChars: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** A line that opens a block of its own at the left margin, so may follow a cut: an ATX heading, a list item. */
const BLOCK_START = /^(?:#{1,6}(?:[ \t]|$)|[-*+][ \t]+\S|\d{1,9}[.)][ \t]+\S)/;
/** Start tags of elements that make blocks: a cut just before one leaves the blocks before it whole. */
const HTML_BLOCK_START = /<(?:p|h[1-6]|li|ul|ol|table|tr|div|section|article|blockquote|pre|dl|dt|dd|figure|hr|br)\b/gi;
const SENTENCE_END = /[。！？!?.；;]/g;

/** The start of the line after the first `units` lines that have text in them, or `limit` when sooner. */
function endOfLineUnits(text: string, units: number, limit: number): number {
  let count = 0;
  let start = 0;
  while (start < limit) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    if (text.slice(start, end).trim() !== '' && ++count > units) return start;
    if (nl === -1) break;
    start = nl + 1;
  }
  return limit;
}

/** The offset just after the n-th block start tag (HTML), or the text's end. */
function endOfTagUnits(text: string, units: number, limit: number): number {
  const tags = new RegExp(HTML_BLOCK_START.source, 'gi');
  let count = 0;
  for (let m = tags.exec(text); m !== null && m.index < limit; m = tags.exec(text)) {
    if (++count > units) return m.index;
  }
  return limit;
}

/**
 * The last safe cut at or before `limit` in Markdown or plain text: after a blank line outside a
 * fence; else before a heading or list line (Markdown) outside a fence; else after any line.
 * -1 when there is no line end before the limit.
 */
function lineCut(text: string, limit: number, markdown: boolean): number {
  let blankCut = -1;
  let blockCut = -1;
  let lineCutAt = -1;
  let fence: string | null = null;
  let previousBlank = false;
  // Each line starting at or before the limit is looked at as a place to cut before.
  for (let start = 0; start <= limit && start < text.length;) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    const line = text.slice(start, end);
    const blank = line.trim() === '';
    if (fence === null && start > 0 && !blank) {
      if (previousBlank) blankCut = start;
      else if (markdown && BLOCK_START.test(line)) blockCut = start;
      lineCutAt = start;
    }
    if (markdown) {
      const f = FENCE.exec(line)?.[1];
      if (f !== undefined) {
        if (fence === null) fence = f[0]!;
        else if (f[0] === fence) fence = null;
      }
    }
    if (nl === -1) break;
    previousBlank = blank;
    start = nl + 1;
  }
  if (blankCut > 0) return blankCut;
  if (blockCut > 0) return blockCut;
  // Plain text's lines may wrap into paragraphs: a cut between two lines is still a line end.
  return lineCutAt;
}

/** The last cut at or before `limit` in HTML: just before a block element's start tag. */
function htmlCut(text: string, limit: number): number {
  const tags = new RegExp(HTML_BLOCK_START.source, 'gi');
  let cut = -1;
  for (let m = tags.exec(text); m !== null && m.index <= limit; m = tags.exec(text)) if (m.index > 0) cut = m.index;
  return cut;
}

/** After the last sentence end before `limit`, else at `limit` itself (never inside a surrogate pair). */
function sentenceCut(text: string, limit: number): number {
  const ends = new RegExp(SENTENCE_END.source, 'g');
  const head = text.slice(0, limit);
  let cut = -1;
  for (let m = ends.exec(head); m !== null; m = ends.exec(head)) cut = m.index + 1;
  if (cut > 0) return cut;
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

/** The first part of `text` within the budget, cut where a block ends; the whole text when it fits. */
export function textWindow(text: string, format: RawFile['format'], budget: WindowBudget): TextWindow {
  const whole = { text, shownChars: text.length, totalChars: text.length };
  // A translation memory is not running text: the import page does not take one (preview.ts).
  if (format !== 'text' && format !== 'markdown' && format !== 'html') return whole;
  const charLimit = Math.min(text.length, budget.chars);
  const limit =
    format === 'html' ? endOfTagUnits(text, budget.units, charLimit) : endOfLineUnits(text, budget.units, charLimit);
  if (limit >= text.length) return whole;
  let cut = format === 'html' ? htmlCut(text, limit) : lineCut(text, limit, format === 'markdown');
  if (cut <= 0) cut = sentenceCut(text, limit);
  return { text: text.slice(0, cut), shownChars: cut, totalChars: text.length };
}

/**
 * A raw file cut to its window, as UTF-8 (the window is decoded text; encoding it again keeps the
 * stages' contract, RawFile in). `decoded` is the file's text as the strict decoder read it.
 */
export function windowedFile(
  file: RawFile,
  decoded: string,
  budget: WindowBudget,
): { file: RawFile; window: TextWindow } {
  const window = textWindow(decoded, file.format, budget);
  if (window.shownChars === window.totalChars) return { file, window };
  return { file: { ...file, bytes: new TextEncoder().encode(window.text), encoding: 'utf-8' }, window };
}
