/**
 * Stage 2: decoded text → blocks of running text. Newspaper pages and PDF extractions arrive with
 * lines wrapped at a column width, paragraphs broken by column and page breaks (even mid-word),
 * page furniture, running headers and footnotes. Plain text, Markdown and HTML are first turned into
 * "proto-blocks" (markdown.ts parses with remark, html.ts with rehype); the same general rules then
 * apply to all.
 */
import type { Block, CleanDoc, DecodedText, Dropped, Repair } from '../model';
import {
  CAPTION_MARKER,
  CAPTION_MAX_LENGTH,
  CHART_TITLE_MAX_LENGTH,
  PHOTO_CAPTION_MAX_LENGTH,
  CLOSERS,
  DATED_CAPTION,
  DATELINE,
  DOCUMENT_TITLE_END,
  HEADING_MAX_WIDTH,
  LABEL_MAX_WIDTH,
  LIST_MARKER,
  PROSE_MIN_WIDTH,
  RUNNING_HEADER_MAX_LENGTH,
  RUNNING_HEADER_MIN_REPEATS,
  SOURCE_NOTE,
  SUBTITLE,
  TERMINAL,
  TRAILING_CREDIT,
  TRAILING_NOTE,
  BROKEN_OFF_SPEECH,
  AGENCY_DATELINE_END,
  BYLINE,
  KICKER_MAX_HAN,
  STACKED_LABEL_MAX_LINE,
  SPEAKER_LINE,
} from './clean-rules';
import { joinAcrossBreak, repairOcrDashes } from './clean-repairs';
import { dropPageFurniture, orderHeadlines } from './clean-page';
import { spacedTables, type SpacedTable } from './clean-table';
import {
  asPullQuote,
  moveSidebars,
  pullQuoteMarker,
  pullQuoteText,
  quotedWords,
  sidebarBoxes,
  type SidebarBox,
} from './clean-box';
import { htmlProtoBlocks } from './html';
import { markdownProtoBlocks, tableText } from './markdown';
import { furnitureRule, runningHeaderKey, type ProtoBlock } from './proto-block';
import { containedInLonger } from '../text/contained';
import { JoinedText } from '../text/joined-text';
import {
  countHan,
  displayWidth,
  isCjk,
  joinWrapped,
  normaliseHeadlineSpaces,
  normaliseSpaces,
} from '../text/text-width';

export interface CleanOptions {
  /**
   * Repair the page layout: join paragraphs cut by column and page breaks, drop running headers.
   * On for sources (scanned pages, PDF extractions); off for translations we write ourselves,
   * whose paragraphs are exactly as authored.
   */
  repairLayout?: boolean;
}

export function clean(doc: DecodedText, options: CleanOptions = {}): CleanDoc {
  const repair = options.repairLayout ?? true;
  const dropped: Dropped[] = [];
  const repairs: Repair[] = [];
  const warnings: string[] = [];
  const protos = protoBlocks(doc, dropped, repair ? repairs : undefined);
  const blocks = repair
    ? finishBlocks(protos, dropped, repairs)
    : protos.map((p, i) => toBlock(p, protos[i - 1], protos[i + 1], i === 0));
  if (blocks.length === 0) warnings.push(`${doc.path}: no text left after cleaning`);
  dropped.sort((a, b) => a.line - b.line);
  repairs.sort((a, b) => a.line - b.line);
  return { blocks, dropped, repairs, warnings };
}

/** `repairs` is given when the layout is repaired: a text joined across a break may then repeat a character. */
function protoBlocks(doc: DecodedText, dropped: Dropped[], repairs: Repair[] | undefined): ProtoBlock[] {
  switch (doc.format) {
    case 'markdown':
      return markdownProtoBlocks(doc.text, dropped);
    case 'html':
      return htmlProtoBlocks(doc.text, dropped);
    case 'text':
      return textProtoBlocks(doc.text, dropped, repairs);
    default:
      // A translation memory's units are given pairs, not running text to reflow (see memory.ts).
      throw new Error(`${doc.path}: a ${doc.format} translation memory is read by parseMemory, not cleaned`);
  }
}

function endsSentence(text: string): boolean {
  // Speech broken off (“你为什么——”) ends there too, but a dash alone at a line's end goes on.
  return TERMINAL.test(text.replace(TRAILING_NOTE, '').replace(CLOSERS, '')) || BROKEN_OFF_SPEECH.test(text);
}

// ---------------------------------------------------------------- plain text: lines → proto-blocks

interface Line {
  text: string;
  no: number;
  /** Width of the text without its indent. */
  width: number;
  /** Width with its indent: what the typesetter filled up to the column edge. */
  rawWidth: number;
  indented: boolean;
  blanksBefore: number;
  /** Page furniture (a page number, a running header) stood between it and the line before: a page break. */
  afterPageBreak: boolean;
  /** A byline or a dateline on a line of its own: a block by itself. */
  byline?: boolean;
}

/**
 * Indentation at the start of a raw line: two ASCII spaces or more, an ideographic space, a tab.
 * One ASCII space is the stray space of a source sentence ("二则也请； 但只如今") that a line
 * break happened to put first, not an indent.
 */
const INDENT = /^(?:[ ]{2,}|[ ]?[\t\u3000])[ \t\u3000]*(?=\S)/u;

/**
 * Plain text: drop furniture lines, then decide for every line whether it ends its paragraph.
 * Wrapped text (most lines about as wide as their neighbours) continues across a line break, and
 * even across a blank line, until a line is shorter than the column; unwrapped text has one
 * paragraph per line.
 */
function textProtoBlocks(text: string, dropped: Dropped[], repairs: Repair[] | undefined): ProtoBlock[] {
  const rawLines = text.split('\n');
  const runningHeaders = runningHeaderLines(rawLines);
  // Tables set with spaces are found first: their rows are no lines of running text.
  const tables = spacedTables(rawLines);
  const inTables = (i: number) => tables.some((t) => i >= t.from && i < t.to);
  // Then boxes beside the article (相关链接, 背景资料): their lines are no running text either.
  const boxes = sidebarBoxes(
    rawLines,
    inTables,
    (i) => runningHeaders.has(i) || furnitureRule(rawLines[i]!) !== undefined,
  );
  const tableAt = new Map<number, SpacedTable | SidebarBox>([...tables, ...boxes].map((t) => [t.from, t]));
  /** Tables and boxes to put before the line at each index of `lines` (the end: lines.length). */
  const tablesBefore = new Map<number, Array<SpacedTable | SidebarBox>>();
  let inTable: SpacedTable | SidebarBox | undefined;
  const lines: Line[] = [];
  const creditedLines = new Set<number>();
  let blanks = 0;
  let pageBreak = false;
  rawLines.forEach((raw, i) => {
    const t = raw.trim();
    if (inTable && i >= inTable.to) inTable = undefined;
    const table = tableAt.get(i);
    if (table) {
      inTable = table;
      tablesBefore.set(lines.length, [...(tablesBefore.get(lines.length) ?? []), table]);
      blanks = 0;
      pageBreak = false;
    }
    if (inTable) return;
    if (t === '') {
      blanks++;
      return;
    }
    // A byline on its own line (本报记者 王五) or a dateline standing alone is kept, as a block of its own.
    const byline = BYLINE.test(t) || (DATELINE.exec(t)?.[0] === t && AGENCY_DATELINE_END.test(t));
    const rule = byline ? undefined : furnitureRule(t);
    if (rule || runningHeaders.has(i)) {
      dropped.push({ line: i + 1, text: t, reason: rule?.reason ?? 'running-header' });
      if (!rule || rule.reason === 'page-number' || rule.reason === 'running-header') pageBreak = true;
      const last = lines.at(-1);
      if (rule?.photo && last) creditedLines.add(last.no);
      return; // furniture is transparent: the blank lines around it merge
    }
    const credit = TRAILING_CREDIT.exec(t);
    const body = credit ? t.slice(0, credit.index).trimEnd() : t;
    // A reporter's name run on after the last sentence (…。 大公報記者葛沖) is the article's byline,
    // split off; an agency's or a photographer's credit (…。 新華社) is dropped.
    const runOnByline = credit?.[1] !== undefined && BYLINE.test(credit[1]) ? credit[1] : undefined;
    if (credit?.[1] && !runOnByline) dropped.push({ line: i + 1, text: credit[1], reason: 'credit' });
    const indent = INDENT.exec(raw.trimEnd())?.[0] ?? '';
    lines.push({
      text: body,
      no: i + 1,
      width: displayWidth(body),
      rawWidth: displayWidth(indent) + displayWidth(body),
      indented: indent !== '' && i > 0,
      blanksBefore: blanks,
      afterPageBreak: pageBreak,
      ...(byline ? { byline } : {}),
    });
    if (runOnByline) {
      const width = displayWidth(runOnByline);
      lines.push({
        text: runOnByline,
        no: i + 1,
        width,
        rawWidth: width,
        indented: false,
        blanksBefore: 0,
        afterPageBreak: false,
        byline: true,
      });
    }
    blanks = 0;
    pageBreak = false;
  });
  const trailingBlanks = blanks;
  const columns = columnWidths(lines);
  const wrapped = isWrapped(lines, columns);
  // Paragraphs marked by an indent: then an indented line opens one, and a blank line is only a
  // column or page break (or sets off a headline).
  const indentedShare = lines.filter((l) => l.indented).length / Math.max(1, lines.length);
  // (Unwrapped, every indented line is a paragraph of its own however many there are.)
  const indentMarks = indentedShare >= 0.02 && (indentedShare <= 0.75 || !wrapped);
  const blankMarks = !indentMarks && lines.filter((l) => l.blanksBefore > 0).length / Math.max(1, lines.length) >= 0.05;

  const protos: ProtoBlock[] = [];
  // Each block's text and set lines, joined in parts (JoinedText): a wrapped page of 200,000 lines is one block.
  const texts: JoinedText[] = [];
  const setLines: JoinedText[][] = [];
  let current: ProtoBlock | undefined;
  const putTables = (at: number, blanksBefore: number) => {
    for (const t of tablesBefore.get(at) ?? []) {
      if (current) current.blanksAfter = blanksBefore;
      current = undefined;
      if ('blocks' in t) {
        for (const b of t.blocks) {
          protos.push(b);
          texts.push(new JoinedText(b.text));
          setLines.push([new JoinedText(b.text)]);
        }
        continue;
      }
      protos.push({
        text: tableText(t.rows),
        line: t.from + 1,
        blanksBefore,
        blanksAfter: 0,
        kind: 'table',
        rows: t.rows,
        headerRows: t.headerRows,
      });
      texts.push(new JoinedText(tableText(t.rows)));
      setLines.push([new JoinedText(tableText(t.rows))]);
    }
  };
  lines.forEach((line, i) => {
    putTables(i, 0);
    const prev = lines[i - 1];
    const next = lines[i + 1];
    const layout: LineContext = { columns, wrapped, indentMarks, blankMarks, i };
    const continues =
      current !== undefined &&
      prev !== undefined &&
      !tablesBefore.has(i) &&
      !line.byline &&
      !prev.byline &&
      continuesParagraph(prev, line, next, layout, lines);
    if (continues && current) {
      // A headline broken over lines keeps the break as a space (中俄世代友好 / 做百煉成鋼真朋友).
      const acrossBreak = repairs !== undefined && (line.blanksBefore > 0 || line.afterPageBreak);
      texts
        .at(-1)!
        .join(line.text, acrossBreak ? (tail, right) => joinAcrossBreak(tail, right, line.no, repairs) : joinWrapped);
      const sets = setLines.at(-1)!;
      // Labels stacked a few characters a line (專家 / 解讀) are one word, set vertically.
      const stackedLabel = isLabel(prev) && isLabel(line);
      if (!stackedLabel && (isHeadlineGroup(prev, line, next, layout, lines) || !isFullLine(prev, columns[i - 1] ?? 0)))
        sets.push(new JoinedText(line.text));
      else sets.at(-1)!.join(line.text, joinWrapped);
    } else {
      if (current) current.blanksAfter = line.blanksBefore;
      current = { text: line.text, line: line.no, blanksBefore: line.blanksBefore, blanksAfter: 0 };
      texts.push(new JoinedText(line.text));
      setLines.push([new JoinedText(line.text)]);
      if (indentMarks && line.indented) current.opensByIndent = true;
      if (line.byline) current.kind = 'byline';
      protos.push(current);
    }
    if (creditedLines.has(line.no)) current.photoCredit = true;
  });
  putTables(lines.length, 0);
  if (current) current.blanksAfter = trailingBlanks;
  protos.forEach((p, i) => {
    p.text = texts[i]!.toString();
    p.setLines = setLines[i]!.map(String);
    const quote = pullQuoteText(p, indentMarks, protos[i + 1]);
    if (quote === undefined) return;
    const marker = pullQuoteMarker(p);
    if (marker) dropped.push(marker);
    p.kind = 'pullquote';
    p.text = quote;
  });
  return protos;
}

/**
 * The lines from `i` to the next blank line or indent are one quotation standing alone (a pull
 * quote): it opens a block of its own even where a blank line is only a column break.
 */
function opensPullQuote(lines: Line[], i: number): boolean {
  let text = lines[i]!.text;
  for (let j = i + 1; j < lines.length && lines[j]!.blanksBefore === 0 && !lines[j]!.indented; j++)
    text = joinWrapped(text, lines[j]!.text);
  return asPullQuote(text) !== undefined;
}

/**
 * Lines up to `k` (from the blank line above them) are a pull quote set apart by its mark or its
 * speaker (■“…。”, “…。”——张三): the quotation is whole there, so a blank line under it ends
 * it even when its last line fills the column (where a blank line is otherwise a column break).
 */
function closesPullQuote(lines: Line[], k: number): boolean {
  let s = k;
  while (s > 0 && lines[s]!.blanksBefore === 0 && !lines[s]!.indented) s--;
  if (s > 0 && lines[s]!.blanksBefore === 0) return false;
  let text = lines[s]!.text;
  for (let j = s + 1; j <= k; j++) text = joinWrapped(text, lines[j]!.text);
  const groups = asPullQuote(text)?.match.groups;
  return (groups?.mark ?? groups?.by) !== undefined;
}

/**
 * Running headers and footers of a PDF or a paper: short lines that come back page after page,
 * often with the page number in them (中国文学丛刊 39, 40  年度报告). Counted with digits blanked;
 * a line is one when it comes back three times, or twice beside a page number or with a number
 * that changes. The first of a plain repeated title is kept (the title page's own headline).
 */
function runningHeaderLines(rawLines: string[]): Set<number> {
  const candidates = new Map<string, number[]>();
  const pageNumbers: number[] = [];
  rawLines.forEach((raw, i) => {
    const t = raw.trim();
    if (t === '') return;
    if (furnitureRule(t)?.reason === 'page-number') pageNumbers.push(i);
    if ([...t].length > RUNNING_HEADER_MAX_LENGTH || [...t].length < 2 || endsSentence(t) || /[，、,]$/u.test(t))
      return;
    const key = runningHeaderKey(t);
    const at = candidates.get(key);
    if (at) at.push(i);
    else candidates.set(key, [i]);
  });
  // pageNumbers ascend: the first at or after i - 3 is the nearest candidate (a binary search,
  // since a page of a hundred thousand short lines must not cost lines × page numbers).
  const nearPageNumber = (i: number) => {
    let lo = 0;
    let hi = pageNumbers.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pageNumbers[mid]! < i - 3) lo = mid + 1;
      else hi = mid;
    }
    return lo < pageNumbers.length && pageNumbers[lo]! <= i + 3;
  };
  const out = new Set<number>();
  // A header in the same place on every page: the line after each page number (the next page's
  // top) is short and unpunctuated on most pages, so it is the header even where it differs
  // (odd and even pages) or comes only once.
  const afterNumbers = pageNumbers.map((p) => nextTextLine(rawLines, p)).filter((i): i is number => i !== undefined);
  const headerLike = afterNumbers.filter((i) => isHeaderLike(rawLines[i]!.trim()));
  if (afterNumbers.length > 0 && headerLike.length >= Math.max(1, afterNumbers.length * 0.6))
    for (const i of headerLike) out.add(i);
  // Or, on a page met once, it stands between the halves of a sentence the page break cut.
  for (const i of headerLike) {
    const before = previousTextLine(rawLines, i, 6);
    const beforeText = before === undefined ? '' : rawLines[before]!.trim();
    if (
      before !== undefined &&
      !endsSentence(beforeText) &&
      /\p{P}/u.test(beforeText.slice(0, -1)) &&
      furnitureRule(beforeText) === undefined
    )
      out.add(i);
  }
  for (const [key, at] of candidates) {
    if (at.length < 2) continue;
    const numbers = new Set(at.map((i) => rawLines[i]!.replace(/\D+/gu, ' ').trim()));
    const numbered = key.includes('#') && numbers.size > 1;
    const byPageNumbers = at.filter(nearPageNumber).length >= 2;
    if (at.length < RUNNING_HEADER_MIN_REPEATS && !numbered && !byPageNumbers) continue;
    at.forEach((i, n) => {
      if (n === 0 && !numbered && !nearPageNumber(i)) return;
      out.add(i);
    });
  }
  return out;
}

/** The last line with text before `from` that is not a page number, within `reach` lines. */
function previousTextLine(rawLines: string[], from: number, reach: number): number | undefined {
  for (let i = from - 1; i >= 0 && i >= from - reach; i--) {
    const t = rawLines[i]!.trim();
    if (t !== '' && furnitureRule(t)?.reason !== 'page-number') return i;
  }
  return undefined;
}

function nextTextLine(rawLines: string[], from: number): number | undefined {
  for (let i = from + 1; i < rawLines.length && i <= from + 3; i++) if (rawLines[i]!.trim() !== '') return i;
  return undefined;
}

/** Short, no punctuation but a middle dot, not a page number itself. */
function isHeaderLike(t: string): boolean {
  return (
    [...t].length <= RUNNING_HEADER_MAX_LENGTH &&
    !/\p{P}/u.test(t.replace(/[·・]/gu, '')) &&
    furnitureRule(t) === undefined
  );
}

interface LineContext {
  columns: number[];
  wrapped: boolean;
  indentMarks: boolean;
  /** Paragraphs are set apart by blank lines (and not by indents). */
  blankMarks: boolean;
  i: number;
}

/** Closing punctuation never opens a line on a Chinese page: a line that starts with it goes on. */
const OPENS_WITH_CLOSER = /^[，。、；：！？”’）》」』〉】…]/u;

function continuesParagraph(prev: Line, line: Line, next: Line | undefined, ctx: LineContext, lines: Line[]): boolean {
  const prevColumn = ctx.columns[ctx.i - 1] ?? 0;
  const column = ctx.columns[ctx.i] ?? 0;
  if (OPENS_WITH_CLOSER.test(line.text) && !isLabel(prev)) return true;
  if (ctx.indentMarks && line.indented) return false;
  // A pull quote's speaker set under it (“…。” / ——张三) is part of it.
  if (line.blanksBefore === 0 && SPEAKER_LINE.test(line.text) && /[」”』]$/u.test(prev.text)) return true;
  // A pull quote set apart after a finished sentence (“…。”——张三) is no column break's run-on.
  if (line.blanksBefore > 0 && endsSentence(prev.text) && opensPullQuote(lines, ctx.i)) return false;
  if (line.blanksBefore > 0 && closesPullQuote(lines, ctx.i - 1)) return false;
  // A dash or a date opening a line inside a sentence is the sentence going on (——棒槌哟 after a
  // full line), not a subtitle or a dateline.
  if (startsNewBlock(line.text) && !(ctx.wrapped && line.blanksBefore === 0 && isFullLine(prev, prevColumn)))
    return false;
  if (startsNewBlock(line.text) && endsSentence(prev.text) && !(DATELINE.test(line.text) && !opensParagraph(line, ctx)))
    return false;
  // A kicker over its headline: a label line straight over a wider line without punctuation that
  // stands apart (专家解读 / 中俄合作驶入快车道).
  if (isKicker(prev, line, next, ctx, lines)) return false;
  // Labels on consecutive lines belong together; a label run straight into text is the ragged
  // first line of a box (在中美 / 貿易戰關稅戰 / 短兵相接的背…).
  if (isLabel(prev) && line.blanksBefore === 0 && !line.indented) return true;
  if (isHeadlineGroup(prev, line, next, ctx, lines)) return true;
  if (line.indented || isLabel(line) || isLabel(prev) || !ctx.wrapped) return false;
  // A line without punctuation set apart after a finished sentence is a headline, however wide.
  if (isSetApart(lines, ctx.i - 1, ctx) || isSetApart(lines, ctx.i, ctx)) return false;
  if (!isFullLine(prev, prevColumn)) return false;
  if (isHeadline(prev, prevColumn) || isHeadline(line, column)) return false;
  // A blank line after a full line is a column break when indents mark the paragraphs; otherwise
  // a sentence ending before it ends the paragraph.
  // Past a page break a full last line goes on: a paragraph ending exactly at the edge is rare.
  if (line.blanksBefore > 0 && !ctx.indentMarks && endsSentence(prev.text) && !line.afterPageBreak) return false;
  // A short unpunctuated line set apart (blank line or indent after it) is a crosshead, not the
  // paragraph's next line.
  if (line.blanksBefore > 0 && isStandingHeadline(line, next, ctx, lines)) return false;
  return true;
}

/**
 * Where the page marks its paragraphs (by indents or by blank lines), a line that goes straight on
 * after a full line without either mark is still the same paragraph, whatever it opens with: a
 * dateline (【大公報訊】) cited inside a paragraph stays there.
 */
function opensParagraph(line: Line, ctx: LineContext): boolean {
  if (ctx.indentMarks) return line.indented;
  return !ctx.blankMarks || line.blanksBefore > 0;
}

/**
 * A line without any punctuation standing between blank lines (or an indented paragraph) after a
 * finished sentence or at the page's top: a headline, even one as wide as the column. A column
 * break around one line of running text would need a column one line high.
 */
function isSetApart(lines: Line[], k: number, ctx: LineContext): boolean {
  const line = lines[k];
  if (!line || /[\p{P}]/u.test(line.text)) return false;
  const before = lines[k - 1];
  const after = lines[k + 1];
  // (or right under its kicker, a shorter label line: 专家解读 / 中俄合作驶入快车道)
  const underKicker =
    before !== undefined &&
    line.blanksBefore === 0 &&
    isLabel(before) &&
    overHeadline(before, line, ctx.columns[k] ?? 0);
  if (before !== undefined && !underKicker && (line.blanksBefore === 0 || !sentenceEndsAt(lines, k - 1))) return false;
  return after === undefined || after.blanksBefore > 0 || (ctx.indentMarks && after.indented);
}

/**
 * Whether a sentence ends with line `k`. A line of closing punctuation alone (”, 」) is the end of
 * the line above it, wrapped there when the quotation filled its line exactly.
 */
function sentenceEndsAt(lines: Line[], k: number): boolean {
  const line = lines[k];
  if (!line) return false;
  const above = lines[k - 1];
  if (above !== undefined && /^[”’」』）)》〉】]+$/u.test(line.text)) return endsSentence(above.text + line.text);
  return endsSentence(line.text);
}

/** A short label line (a kicker) right over a headline: a line without punctuation, wider, standing apart below. */
function isKicker(prev: Line, line: Line, next: Line | undefined, ctx: LineContext, lines: Line[]): boolean {
  if (!isLabel(prev) || countHan(prev.text) > KICKER_MAX_HAN || line.blanksBefore > 0) return false;
  if (!overHeadline(prev, line, ctx.columns[ctx.i] ?? 0)) return false;
  if (/[\p{P}]/u.test(line.text) || line.indented || (ctx.i > 1 && prev.blanksBefore === 0)) return false;
  if (next === undefined || next.blanksBefore > 0 || (ctx.indentMarks && next.indented) || SUBTITLE.test(next.text))
    return true;
  // (over a headline wrapped over two lines where its clauses meet: 和民 / 她从马路上王宫去 / 便在那里被杀.
  // Two lines as wide as each other are prose wrapped at a narrow column, the ragged start of a
  // box: 在中美 / 貿易戰關稅戰 / 短兵相接的背; a page's local column width says little this near a box.)
  const after = lines[ctx.i + 2];
  return (
    Math.abs(line.rawWidth - next.rawWidth) > 1 &&
    !next.indented &&
    !/[\p{P}]/u.test(next.text) &&
    (after === undefined || after.blanksBefore > 0 || (ctx.indentMarks && after.indented))
  );
}

/**
 * A label line can be a kicker over the line under it: when that line is wider (专家解读 /
 * 中俄合作驶入快车道), or, as wide or narrower, when the two would have fitted on one line of the
 * column, so that the break was the typesetter's choice and not a headline wrapped for want of
 * room (拿弗他 / 以萨迦). Labels of two characters stacked (專家 / 解讀) are one label set vertically.
 */
function overHeadline(label: Line, line: Line, column: number): boolean {
  const labelHan = countHan(label.text);
  const lineHan = countHan(line.text);
  if (lineHan > labelHan) return true;
  if (labelHan <= STACKED_LABEL_MAX_LINE && lineHan <= STACKED_LABEL_MAX_LINE) return false;
  return label.rawWidth + line.width + 2 <= column;
}

/** A line without punctuation, not reaching the column, followed by a blank line or an indented line. */
function isStandingHeadline(line: Line, next: Line | undefined, ctx: LineContext, _lines: Line[]): boolean {
  const column = ctx.columns[ctx.i] ?? 0;
  if (/[\p{P}]/u.test(line.text) || line.rawWidth >= column - 3) return false;
  return next === undefined || next.blanksBefore > 0 || (ctx.indentMarks && next.indented);
}

/**
 * Two lines of one headline: both without punctuation, set apart from the text by blank lines,
 * neither indented (a headline wider than the column, broken where the clauses meet).
 */
function isHeadlineGroup(prev: Line, line: Line, next: Line | undefined, ctx: LineContext, lines: Line[]): boolean {
  if (line.blanksBefore > 0 || prev.indented || line.indented) return false;
  if (/[\p{P}]/u.test(prev.text) || /[\p{P}]/u.test(line.text)) return false;
  // (or right under its kicker: 的话语缠 / 你若为朋友作保 / 替外人击掌)
  const kicker = lines[ctx.i - 2];
  const underKicker = kicker !== undefined && isKicker(kicker, prev, line, { ...ctx, i: ctx.i - 1 }, lines);
  if (!(prev.blanksBefore > 0 || ctx.i === 1 || underKicker)) return false;
  return next === undefined || next.blanksBefore > 0 || (ctx.indentMarks && next.indented);
}

/**
 * Each line's column width. A page set in one column (a PDF page, one newspaper column) has one
 * width, the commonest among its longer lines, which the short last lines of paragraphs do not
 * pull down; a page whose columns differ gets the median width of the lines around each line.
 */
function columnWidths(lines: Line[]): number[] {
  const counts = new Map<number, number>();
  for (const l of lines) counts.set(l.rawWidth, (counts.get(l.rawWidth) ?? 0) + 1);
  let mode = 0;
  // Widths within a character of each other count together (hanging punctuation, a pushed-down character).
  const near = (w: number) =>
    (counts.get(w - 2) ?? 0) +
    (counts.get(w - 1) ?? 0) +
    (counts.get(w) ?? 0) +
    (counts.get(w + 1) ?? 0) +
    (counts.get(w + 2) ?? 0);
  for (const w of counts.keys()) if (near(w) > near(mode) || (near(w) === near(mode) && w > mode)) mode = w;
  const long = lines.filter((l) => l.rawWidth > mode / 2);
  // Another column shows as lines wider than the commonest width, or as a second cluster of widths
  // (the last lines of paragraphs spread evenly below it).
  const wider = long.filter((l) => l.rawWidth > mode + 4).length;
  const secondColumn = [...counts.keys()].some(
    (w) => w > mode / 2 && w < mode - 6 && near(w) >= Math.max(6, near(mode) * 0.3),
  );
  const oneColumn = mode > 0 && wider <= Math.max(1, long.length * 0.02) && !secondColumn;
  return oneColumn ? lines.map(() => mode) : localColumnWidths(lines);
}

/** Each line's column width: the median width of the lines around it (columns differ on one page). */
function localColumnWidths(lines: Line[]): number[] {
  const radius = 3;
  return lines.map((_, i) => {
    const around = lines.slice(Math.max(0, i - radius), i + radius + 1).map((l) => l.rawWidth);
    around.sort((a, b) => a - b);
    return around[around.length >> 1] ?? 0;
  });
}

/** Text wrapped at a column: most lines are narrow and within a few columns of their neighbours. */
function isWrapped(lines: Line[], columns: number[]): boolean {
  if (lines.length < 6) return false;
  let near = 0;
  lines.forEach((line, i) => {
    const column = columns[i] ?? 0;
    if (column <= 100 && Math.abs(line.rawWidth - column) <= 3) near++;
  });
  // A third of the lines at the column: pages of short paragraphs have few full lines.
  return near >= 3 && near / lines.length >= 0.35;
}

/**
 * A line that reaches the column edge was wrapped there, so its paragraph goes on. The first line
 * of a paragraph is indented by two characters (four columns) on a Chinese page, and it does not
 * end a sentence, so a line that much shorter goes on too.
 */
function isFullLine(line: Line, column: number): boolean {
  if (SOURCE_NOTE.test(line.text)) return false; // 資料來源：… closes a box, whatever its width
  if (line.rawWidth >= column - 3) return true;
  if (endsSentence(line.text)) return false;
  // Indented by two characters; by up to three and a half in narrow columns, if it reads as prose.
  return line.width >= column - 5 || (line.width >= column - 7 && /[，、]/u.test(line.text));
}

/** A headline: clauses set apart by a space (中俄世代友好 做百煉成鋼真朋友) and not the column's width. */
function isHeadline(line: Line, column: number): boolean {
  return (
    /\p{Script=Han}[ \u3000]+\p{Script=Han}/u.test(line.text) &&
    Math.abs(line.width - column) > 2 &&
    !endsSentence(line.text)
  );
}

/**
 * A label of the page layout (專家 / 解讀, a column name, a byline): a few characters without any
 * punctuation. It belongs to no paragraph; labels on consecutive lines belong together.
 */
function isLabel(line: Line): boolean {
  return line.width <= LABEL_MAX_WIDTH && !/[\p{P}\d]/u.test(line.text);
}

function startsNewBlock(text: string): boolean {
  return LIST_MARKER.test(text) || DATELINE.test(text) || CAPTION_MARKER.test(text) || SUBTITLE.test(text);
}

// ---------------------------------------------------------------- shared: proto-blocks → blocks

function finishBlocks(protos: ProtoBlock[], dropped: Dropped[], repairs: Repair[]): Block[] {
  const kept = dropRunningHeaders(protos, dropped);
  const joined = joinBrokenParagraphs(kept, repairs).map((p) => {
    const text = repairOcrDashes(p.text, p.line, repairs);
    return text === p.text
      ? p
      : { ...p, text, html: p.html === undefined ? undefined : repairOcrDashes(p.html, p.line, []) };
  });
  const blocks = joined.map((proto, i) => toBlock(proto, joined[i - 1], joined[i + 1], i === 0));
  const kept2 = dropRepeatedPullQuotes(blocks, joined, dropped);
  const page = orderHeadlines(dropPageFurniture(kept2, dropped), repairs, dropped);
  const moved = moveSidebars(page.blocks, page.protos, repairs);
  const titled = dropOrphanBoxTitles(moved.blocks, moved.protos, dropped);
  return dropDuplicateHeadings(titled.blocks, titled.protos, dropped).filter((b) => b.text !== '');
}

/** A box of at least this many repeated paragraphs is a box, not a paragraph said twice. */
const BOX_MIN_REPEATS = 2;

/**
 * A pull-quote box dropped as a repeat leaves its title heading nothing (習近平談中俄關係, which
 * the page set under the box's quotes): a headline or crosshead with no text of its own under it
 * (the next block is a heading, or there is none) whose neighbours in the source, on one side up to
 * the nearest block kept, are the box's dropped repeats, is the box's title and goes with it. A
 * kicker or deck heads the headline beside it, so it is never taken for a box's title.
 */
function dropOrphanBoxTitles(
  blocks: Block[],
  protos: ProtoBlock[],
  dropped: Dropped[],
): { blocks: Block[]; protos: ProtoBlock[] } {
  const keptLines = protos.map((p) => p.line).sort((a, b) => a - b);
  const repeatLines = dropped.filter((d) => d.reason === 'pull-quote').map((d) => d.line);
  const repeatsBetween = (from: number, to: number) => repeatLines.filter((l) => l > from && l < to).length;
  const orphan = blocks.map((b, i) => {
    if (b.kind !== 'heading' || b.role === 'kicker' || b.role === 'deck') return false;
    const next = blocks[i + 1];
    if (next !== undefined && next.kind !== 'heading') return false;
    const line = protos[i]?.line;
    if (line === undefined) return false;
    const before = keptLines.filter((l) => l < line).at(-1) ?? 0;
    const after = keptLines.find((l) => l > line) ?? Number.POSITIVE_INFINITY;
    return repeatsBetween(before, line) >= BOX_MIN_REPEATS || repeatsBetween(line, after) >= BOX_MIN_REPEATS;
  });
  return dropMarked(blocks, protos, orphan, dropped, 'pull-quote');
}

/** The blocks marked leave, each listed with its line and the reason; their proto-blocks with them. */
function dropMarked(
  blocks: Block[],
  protos: ProtoBlock[],
  marked: readonly boolean[],
  dropped: Dropped[],
  reason: Dropped['reason'],
): { blocks: Block[]; protos: ProtoBlock[] } {
  marked.forEach((m, i) => {
    if (m) dropped.push({ line: protos[i]?.line ?? 0, text: blocks[i]!.text, reason });
  });
  return { blocks: blocks.filter((_, i) => !marked[i]), protos: protos.filter((_, i) => !marked[i]) };
}

/** A sentence with its closing quote: what a box paragraph repeats of the body one by one. */
const SENTENCE = /[^。！？]+[。！？]+[”」』]?/gu;

/** A pull quote is at least this many Han characters: shorter repeats are set phrases, not boxes. */
const PULL_QUOTE_MIN_HAN = 8;

/**
 * A pull quote or summary box repeats, word for word, sentences of the article (要堅持世代友好，
 * 做百煉成鋼的真朋友。 stands in the box and opens a paragraph of the body): paragraphs in a row,
 * each found whole inside a longer paragraph of the same page, are dropped and listed.
 */
function dropRepeatedPullQuotes(
  blocks: Block[],
  protos: ProtoBlock[],
  dropped: Dropped[],
): { blocks: Block[]; protos: ProtoBlock[] } {
  const keyOf = (t: string) => t.replace(/[\s\u3000]+/gu, '');
  const longer = blocks.filter((b) => b.kind === 'paragraph').map((b) => keyOf(b.text));
  const asked = blocks.map(
    (b) => b.kind === 'paragraph' && countHan(b.text) >= PULL_QUOTE_MIN_HAN && endsSentence(b.text),
  );
  const keys = blocks.flatMap((b, i) => (asked[i] ? [keyOf(b.text)] : []));
  const inside = containedInLonger(keys, longer);
  let next = 0;
  const repeated = asked.map((a) => a && inside[next++]!);
  // A box holds several such paragraphs in a row; one sentence said twice may be the author's refrain.
  // A quotation set apart as a pull quote (“…”——张三) that the body says too is a repeat by itself.
  const quotes = blocks.flatMap((b) => (b.kind === 'pullquote' ? [keyOf(quotedWords(b.text))] : []));
  const quoted = containedInLonger(quotes, longer);
  let nextQuote = 0;
  const repeats = repeated.map(
    (r, i) =>
      (r && (repeated[i - 1] === true || repeated[i + 1] === true)) ||
      (blocks[i]!.kind === 'pullquote' && quoted[nextQuote++]!),
  );
  // A box paragraph beside such repeats that merges sentences the body says in different places
  // (要堅持公平正義，做國際秩序的捍衛者。中俄兩國要繼續堅定站在一起，…) repeats it sentence by sentence.
  const body = blocks.flatMap((b, i) => (b.kind === 'paragraph' && !repeats[i] ? [keyOf(b.text)] : []));
  blocks.forEach((b, i) => {
    if (!asked[i] || repeats[i] || !(repeats[i - 1] === true || repeats[i + 1] === true)) return;
    const sentences = keyOf(b.text).match(SENTENCE) ?? [];
    if (sentences.length < 2 || sentences.some((t) => countHan(t) < PULL_QUOTE_MIN_HAN)) return;
    const others = body.filter((t) => t !== keyOf(b.text));
    if (containedInLonger(sentences, others).every(Boolean)) repeats[i] = true;
  });
  return dropMarked(blocks, protos, repeats, dropped, 'pull-quote');
}

/** A short text seen again and again (on every page) is a running header or footer: keep the first. */
function dropRunningHeaders(protos: ProtoBlock[], dropped: Dropped[]): ProtoBlock[] {
  const counts = new Map<string, number>();
  for (const p of protos) {
    const key = normaliseSpaces(p.text);
    if ([...key].length <= RUNNING_HEADER_MAX_LENGTH && !endsSentence(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const seen = new Set<string>();
  return protos.filter((p) => {
    const key = normaliseSpaces(p.text);
    if ((counts.get(key) ?? 0) < RUNNING_HEADER_MIN_REPEATS) return true;
    if (!seen.has(key)) {
      seen.add(key);
      return true;
    }
    dropped.push({ line: p.line, text: p.text, reason: 'running-header' });
    return false;
  });
}

/** Running prose that stops mid-sentence: wide, with commas, and no closing punctuation. */
function isBrokenProse(p: ProtoBlock): boolean {
  // A list item can be cut by a page break too; headings, footnotes and captions are never continued.
  if (p.kind && p.kind !== 'paragraph' && p.kind !== 'list-item') return false;
  const text = normaliseSpaces(p.text);
  if (endsSentence(text) || CAPTION_MARKER.test(text) || DOCUMENT_TITLE_END.test(text)) return false;
  // A numbered title ("（二）携手促进国际关系民主化，捍卫国际公平正义") is complete as it is.
  if (LIST_MARKER.test(text) && isHeadingLike(text.replace(LIST_MARKER, ''))) return false;
  return (displayWidth(text) >= PROSE_MIN_WIDTH && /[，,、。；]/u.test(text)) || isFragment(text);
}

/** Text that cannot end a block: it stops on a comma or inside brackets or quotes. */
function isFragment(text: string): boolean {
  if (/[，,、]$/u.test(text)) return true;
  const opened = (re: RegExp) => text.match(re)?.length ?? 0;
  return opened(/[《「『“（]/gu) > opened(/[》」』”）]/gu);
}

/**
 * A paragraph cut by a column or page break goes on in the next paragraph, past footnotes and
 * furniture that the break put between them: join the halves (the footnotes follow the whole).
 */
function joinBrokenParagraphs(protos: ProtoBlock[], repairs: Repair[]): ProtoBlock[] {
  const out: ProtoBlock[] = [];
  const consumed = new Set<number>();
  for (let i = 0; i < protos.length; i++) {
    if (consumed.has(i)) continue;
    let current = protos[i];
    if (!current) continue;
    while (isBrokenProse(current)) {
      let j = i + 1;
      // A box or a pull quote the column flow set inside the paragraph is passed like a footnote.
      while (
        consumed.has(j) ||
        protos[j]?.kind === 'footnote' ||
        protos[j]?.kind === 'sidebar' ||
        protos[j]?.kind === 'pullquote'
      )
        j++;
      const next = protos[j];
      if (!next || !canContinue(current, next)) break;
      const text: string = isCjk([...current.text.trimEnd()].at(-1) ?? '')
        ? joinAcrossBreak(current.text, next.text, next.line, repairs)
        : joinWrapped(current.text, next.text);
      // A character written once where the break repeated it goes from the markup too.
      const repeated: boolean =
        [...text].length < [...current.text.trimEnd()].length + [...next.text.trimStart()].length;
      current = {
        ...current,
        text,
        setLines: undefined,
        html: current.html !== undefined || next.html !== undefined ? joinHtml(current, next, repeated) : undefined,
        blanksAfter: next.blanksAfter,
      };
      consumed.add(j);
    }
    out.push(current);
  }
  return out;
}

function canContinue(current: ProtoBlock, next: ProtoBlock): boolean {
  if (next.kind && next.kind !== 'paragraph') return false;
  if (Boolean(current.fromMarkdown) !== Boolean(next.fromMarkdown)) return false;
  if (next.opensByIndent) return false;
  const text = next.text.trim();
  if (startsNewBlock(text)) return false;
  // After a fragment (a comma, or inside 《…》) the text must go on, so what follows is no heading,
  // however short and unpunctuated (the middle line of a title in guillemets wrapped over three).
  return isFragment(normaliseSpaces(current.text)) || !isHeadingLike(text);
}

function joinHtml(a: ProtoBlock, b: ProtoBlock, dropFirstCharOfB: boolean): string {
  const inner = (p: ProtoBlock) => (p.html ?? `<p>${escapeHtml(p.text)}</p>`).replace(/^<p>|<\/p>$/g, '');
  const second = inner(b);
  return `<p>${inner(a)}${dropFirstCharOfB ? second.replace(/^\s*[^<\s]/u, '') : second}</p>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Short, no sentence punctuation at the end or inside, at most one comma. */
function isHeadingLike(text: string): boolean {
  const t = normaliseSpaces(text);
  return (
    displayWidth(t) <= HEADING_MAX_WIDTH &&
    !endsSentence(t) &&
    !/[。！？]/u.test(t) &&
    !isFragment(t) &&
    (t.match(/[，,]/gu)?.length ?? 0) <= 1 &&
    !LIST_MARKER.test(t)
  );
}

function isCaption(p: ProtoBlock): boolean {
  const t = normaliseSpaces(p.text);
  if (CAPTION_MARKER.test(t) || (p.photoCredit && [...t].length <= CAPTION_MAX_LENGTH)) return true;
  // A dated sentence standing apart from the running text (two blank lines or more around it).
  const apart = p.blanksBefore >= 2 || p.blanksAfter >= 2;
  if (DATED_CAPTION.test(t) && [...t].length <= CAPTION_MAX_LENGTH && apart && (t.match(/[。]/gu)?.length ?? 0) <= 2)
    return true;
  return false;
}

/** A figure's caption or a chart's or table's title in a PDF extraction: short, set apart by blank lines (or right over a table). */
function isTableOrChartTitle(p: ProtoBlock, prev: ProtoBlock | undefined, next: ProtoBlock | undefined): boolean {
  if (!p.fromMarkdown || p.kind !== undefined) return false;
  const t = normaliseSpaces(p.text);
  if ([...t].length > CHART_TITLE_MAX_LENGTH || (t.match(/[。！？]/gu)?.length ?? 0) > 1 || isFragment(t)) return false;
  if (next?.kind === 'table' && !endsSentence(t)) return true;
  if (prev?.kind === 'table') return false;
  // Two blank lines or more on both sides: the extraction's mark of a picture or a chart beside it.
  if (p.blanksBefore >= 2 && (p.blanksAfter >= 2 || next === undefined)) return true;
  // A picture's one-sentence caption with the picture's gap on one side only (亚马尔 LNG 项目鸟瞰图。).
  return (
    (p.blanksBefore >= 2 || p.blanksAfter >= 2) &&
    [...t].length <= PHOTO_CAPTION_MAX_LENGTH &&
    /。$/u.test(t) &&
    !/[，,；]/u.test(t)
  );
}

function toBlock(p: ProtoBlock, prev: ProtoBlock | undefined, next: ProtoBlock | undefined, first: boolean): Block {
  if (p.kind === 'table' && p.rows) {
    // Cells keep their own spacing rules: normalised one by one, an empty cell stays empty.
    const rows = p.rows.map((r) => r.map((c) => normaliseSpaces(c)));
    return { kind: 'table', text: tableText(rows), rows, headerRows: p.headerRows ?? 0 };
  }
  const text = normaliseSpaces(p.text);
  const block: Block = { kind: p.kind ?? 'paragraph', text };
  if (p.html !== undefined) block.html = p.html;
  if (p.marker !== undefined) block.marker = p.marker;
  if (p.kind === 'heading') {
    block.level = p.level ?? 2;
    return block;
  }
  if (p.kind === 'list-item' && p.depth !== undefined) block.depth = p.depth;
  if (p.boxTitle) block.role = 'headline';
  if (p.kind !== undefined && p.kind !== 'paragraph' && p.kind !== 'caption') return block;
  if (isCaption(p) || isTableOrChartTitle(p, prev, next)) {
    block.kind = 'caption';
    return block;
  }
  if (LIST_MARKER.test(text) && !p.fromMarkdown) {
    block.kind = 'list-item';
    return block;
  }
  if (!p.fromMarkdown && isHeadingLike(text)) {
    block.kind = 'heading';
    // Headline spaces and line breaks where a line ended short stay as one space (中俄世代友好 做百煉成鋼真朋友).
    block.text = normaliseHeadlineSpaces((p.setLines ?? [p.text]).join(' '));
    // A headline with a subtitle under it is level 1, the subtitle 2; a lone crosshead is 3.
    const nextIsHeading = next !== undefined && !next.kind && isHeadingLike(next.text);
    const prevIsHeading = prev !== undefined && !prev.kind && isHeadingLike(prev.text);
    block.level = first || (nextIsHeading && !prevIsHeading) ? 1 : prevIsHeading || SUBTITLE.test(text) ? 2 : 3;
    return block;
  }
  const dateline = DATELINE.exec(text)?.[0];
  if (dateline && dateline.length < text.length) block.dateline = dateline;
  return block;
}

/**
 * Section openers in reports repeat the heading that follows a page later ("## 01 前言", "## 前言"):
 * a heading equal to one of the few blocks before it, once numbering and spaces are gone, is dropped.
 */
function dropDuplicateHeadings(blocks: Block[], protos: ProtoBlock[], dropped: Dropped[]): Block[] {
  const key = (b: Block) =>
    normaliseSpaces(b.text)
      .replace(/\s/gu, '')
      .replace(/^\d{1,3}/u, '');
  return blocks.filter((b, i) => {
    if (b.kind !== 'heading') return true;
    const k = key(b);
    const window = blocks.slice(Math.max(0, i - 6), i);
    const duplicate = window.some((w) => w.kind === 'heading' && key(w) === k);
    if (duplicate) dropped.push({ line: protos[i]?.line ?? 0, text: b.text, reason: 'page-furniture' });
    return !duplicate;
  });
}
