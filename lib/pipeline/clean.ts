/**
 * Stage 2: decoded text → blocks of running text. Newspaper pages and PDF extractions arrive with
 * lines wrapped at a column width, paragraphs broken by column and page breaks (even mid-word),
 * page furniture, running headers and footnotes. Plain text, Markdown and HTML are first turned into
 * "proto-blocks" (markdown.ts parses with remark, html.ts with rehype); the same general rules then
 * apply to all.
 */
import type { Block, BlockKind, CleanDoc, DecodedText, Dropped } from '../model';
import {
  CAPTION_MARKER,
  CAPTION_MAX_LENGTH,
  CLOSERS,
  DATED_CAPTION,
  DATELINE,
  FURNITURE,
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
} from './clean-rules';
import { htmlProtoBlocks } from './html';
import { markdownProtoBlocks } from './markdown';
import { displayWidth, joinWrapped, normaliseSpaces } from './text-width';

/** A block before classification: text plus the layout evidence the rules need. */
export interface ProtoBlock {
  text: string;
  /** 1-based line of the first line in the decoded text. */
  line: number;
  /** Blank lines before and after it in the source. */
  blanksBefore: number;
  blanksAfter: number;
  /** Set when the source format says what it is (Markdown headings, lists, footnotes). */
  kind?: BlockKind;
  level?: number;
  marker?: string;
  /** Sanitised HTML, when the Markdown had inline markup worth keeping (links). */
  html?: string;
  /** A photo credit followed it: it is the photo's caption. */
  photoCredit?: boolean;
  /** Markdown paragraphs can be joined across page breaks only with each other. */
  fromMarkdown?: boolean;
}

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
  const warnings: string[] = [];
  const protos = protoBlocks(doc, dropped);
  const blocks = repair ? finishBlocks(protos, dropped) : protos.map((p, i) => toBlock(p, protos[i - 1], protos[i + 1], i === 0));
  if (blocks.length === 0) warnings.push(`${doc.path}: no text left after cleaning`);
  dropped.sort((a, b) => a.line - b.line);
  return { blocks, dropped, warnings };
}

function protoBlocks(doc: DecodedText, dropped: Dropped[]): ProtoBlock[] {
  switch (doc.format) {
    case 'markdown':
      return markdownProtoBlocks(doc.text, dropped);
    case 'html':
      return htmlProtoBlocks(doc.text, dropped);
    case 'text':
      return textProtoBlocks(doc.text, dropped);
    default:
      // A translation memory's units are given pairs, not running text to reflow (see memory.ts).
      throw new Error(`${doc.path}: a ${doc.format} translation memory is read by parseMemory, not cleaned`);
  }
}

/** The furniture rule a line matches, if any. */
export function furnitureReason(line: string): Dropped['reason'] | undefined {
  return furnitureRule(line)?.reason;
}

function furnitureRule(line: string): (typeof FURNITURE)[number] | undefined {
  const t = line.trim();
  return t === '' ? undefined : FURNITURE.find((rule) => rule.pattern.test(t));
}

export function endsSentence(text: string): boolean {
  return TERMINAL.test(text.replace(CLOSERS, ''));
}

// ---------------------------------------------------------------- plain text: lines → proto-blocks

interface Line {
  text: string;
  no: number;
  width: number;
  indented: boolean;
  blanksBefore: number;
}

/**
 * Plain text: drop furniture lines, then decide for every line whether it ends its paragraph.
 * Wrapped text (most lines about as wide as their neighbours) continues across a line break, and
 * even across a blank line, until a line is shorter than the column; unwrapped text has one
 * paragraph per line.
 */
function textProtoBlocks(text: string, dropped: Dropped[]): ProtoBlock[] {
  const lines: Line[] = [];
  const creditedLines = new Set<number>();
  let blanks = 0;
  text.split('\n').forEach((raw, i) => {
    const t = raw.trim();
    if (t === '') {
      blanks++;
      return;
    }
    const rule = furnitureRule(t);
    if (rule) {
      dropped.push({ line: i + 1, text: t, reason: rule.reason });
      const last = lines.at(-1);
      if (rule.photo && last) creditedLines.add(last.no);
      return; // furniture is transparent: the blank lines around it merge
    }
    const credit = TRAILING_CREDIT.exec(t);
    const body = credit ? t.slice(0, credit.index).trimEnd() : t;
    if (credit?.[1]) dropped.push({ line: i + 1, text: credit[1], reason: 'credit' });
    lines.push({ text: body, no: i + 1, width: displayWidth(body), indented: /^[\s\u3000]{1,}\S/u.test(raw) && i > 0, blanksBefore: blanks });
    blanks = 0;
  });
  const trailingBlanks = blanks;
  const columns = localColumnWidths(lines);
  const wrapped = isWrapped(lines, columns);

  const protos: ProtoBlock[] = [];
  let current: ProtoBlock | undefined;
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    // Labels on consecutive lines belong together; a label run straight into text is the ragged
    // first line of a box (在中美 / 貿易戰關稅戰 / 短兵相接的背…).
    const afterLabel = prev !== undefined && isLabel(prev) && line.blanksBefore === 0 && !startsNewBlock(line.text);
    const continues =
      afterLabel ||
      (current !== undefined &&
      prev !== undefined &&
      !line.indented &&
      !isLabel(line) &&
      !isLabel(prev) &&
      wrapped &&
      isFullLine(prev, columns[i - 1] ?? 0) &&
      !isHeadline(prev, columns[i - 1] ?? 0) &&
      !isHeadline(line, columns[i] ?? 0) &&
      !(line.blanksBefore > 0 && endsSentence(prev.text)) &&
      !startsNewBlock(line.text));
    if (continues && current) {
      current.text = joinWrapped(current.text, line.text);
    } else {
      if (current) current.blanksAfter = line.blanksBefore;
      current = { text: line.text, line: line.no, blanksBefore: line.blanksBefore, blanksAfter: 0 };
      protos.push(current);
    }
    if (creditedLines.has(line.no)) current.photoCredit = true;
  });
  if (current) current.blanksAfter = trailingBlanks;
  return protos;
}

/** Each line's column width: the median width of the lines around it (columns differ on one page). */
function localColumnWidths(lines: Line[]): number[] {
  const radius = 3;
  return lines.map((_, i) => {
    const around = lines.slice(Math.max(0, i - radius), i + radius + 1).map((l) => l.width);
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
    if (column <= 80 && Math.abs(line.width - column) <= 3) near++;
  });
  return near / lines.length >= 0.5;
}

/**
 * A line that reaches the column edge was wrapped there, so its paragraph goes on. The first line
 * of a paragraph is indented by two characters (four columns) on a Chinese page, and it does not
 * end a sentence, so a line that much shorter goes on too.
 */
function isFullLine(line: Line, column: number): boolean {
  if (SOURCE_NOTE.test(line.text)) return false; // 資料來源：… closes a box, whatever its width
  if (line.width >= column - 3) return true;
  if (endsSentence(line.text)) return false;
  // Indented by two characters; by up to three and a half in narrow columns, if it reads as prose.
  return line.width >= column - 5 || (line.width >= column - 7 && /[，、]/u.test(line.text));
}

/** A headline: clauses set apart by a space (中俄世代友好 做百煉成鋼真朋友) and not the column's width. */
function isHeadline(line: Line, column: number): boolean {
  return /\p{Script=Han}[ \u3000]+\p{Script=Han}/u.test(line.text) && Math.abs(line.width - column) > 2 && !endsSentence(line.text);
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

function finishBlocks(protos: ProtoBlock[], dropped: Dropped[]): Block[] {
  const kept = dropRunningHeaders(protos, dropped);
  const joined = joinBrokenParagraphs(kept);
  const blocks = joined.map((proto, i) => toBlock(proto, joined[i - 1], joined[i + 1], i === 0));
  return dropDuplicateHeadings(blocks, joined, dropped).filter((b) => b.text !== '');
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
  if (endsSentence(text) || CAPTION_MARKER.test(text)) return false;
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
function joinBrokenParagraphs(protos: ProtoBlock[]): ProtoBlock[] {
  const out: ProtoBlock[] = [];
  const consumed = new Set<number>();
  for (let i = 0; i < protos.length; i++) {
    if (consumed.has(i)) continue;
    let current = protos[i];
    if (!current) continue;
    while (isBrokenProse(current)) {
      let j = i + 1;
      while (consumed.has(j) || protos[j]?.kind === 'footnote') j++;
      const next = protos[j];
      if (!next || !canContinue(current, next)) break;
      current = {
        ...current,
        text: joinWrapped(current.text, next.text),
        html: current.html !== undefined || next.html !== undefined ? joinHtml(current, next) : undefined,
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
  const text = next.text.trim();
  if (startsNewBlock(text)) return false;
  // After a fragment (a comma, or inside 《…》) the text must go on, so what follows is no heading,
  // however short and unpunctuated (the middle line of a title in guillemets wrapped over three).
  return isFragment(normaliseSpaces(current.text)) || !isHeadingLike(text);
}

function joinHtml(a: ProtoBlock, b: ProtoBlock): string {
  const inner = (p: ProtoBlock) => (p.html ?? `<p>${escapeHtml(p.text)}</p>`).replace(/^<p>|<\/p>$/g, '');
  return `<p>${inner(a)}${inner(b)}</p>`;
}

export function escapeHtml(text: string): string {
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
  if (DATED_CAPTION.test(t) && [...t].length <= CAPTION_MAX_LENGTH && apart && (t.match(/[。]/gu)?.length ?? 0) <= 2) return true;
  return false;
}

function toBlock(p: ProtoBlock, prev: ProtoBlock | undefined, next: ProtoBlock | undefined, first: boolean): Block {
  const text = normaliseSpaces(p.text);
  const block: Block = { kind: p.kind ?? 'paragraph', text };
  if (p.html !== undefined) block.html = p.html;
  if (p.marker !== undefined) block.marker = p.marker;
  if (p.kind === 'heading') {
    block.level = p.level ?? 2;
    return block;
  }
  if (p.kind === 'footnote' || p.kind === 'list-item' || p.kind === 'quote') return block;
  if (isCaption(p)) {
    block.kind = 'caption';
    return block;
  }
  if (LIST_MARKER.test(text) && !p.fromMarkdown) {
    block.kind = 'list-item';
    return block;
  }
  if (!p.fromMarkdown && isHeadingLike(text)) {
    block.kind = 'heading';
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
  const key = (b: Block) => normaliseSpaces(b.text).replace(/\s/gu, '').replace(/^\d{1,3}/u, '');
  return blocks.filter((b, i) => {
    if (b.kind !== 'heading') return true;
    const k = key(b);
    const window = blocks.slice(Math.max(0, i - 6), i);
    const duplicate = window.some((w) => w.kind === 'heading' && key(w) === k);
    if (duplicate) dropped.push({ line: protos[i]?.line ?? 0, text: b.text, reason: 'page-furniture' });
    return !duplicate;
  });
}
