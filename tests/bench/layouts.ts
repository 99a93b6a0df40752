/**
 * A generator of page layouts the cleaner has never seen, with the blocks as gold. Text comes from
 * outside the corpus (the Chinese of ../shared/align-dev, read in place at run time and never
 * copied; or any list of sentences a test passes in), set as
 *   - column: newspaper columns 12–24 characters wide, broken into columns wherever the column
 *     ends (mid-paragraph, mid-word), paragraphs marked by an indent or a blank line;
 *   - pdf:    PDF text pages 26–46 characters wide with running headers (one or two alternating
 *     styles) and page numbers in many styles, paragraphs running on across pages;
 *   - indent: one paragraph per line (or hard-wrapped), indented, CRLF line ends, trailing spaces.
 * Every choice (widths, indents, header and page-number styles, blank lines, headline forms) is
 * drawn per document from a seeded generator, so two seeds give two different sets of layouts.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { countHan, displayWidth } from '../../lib/text/text-width';
import { seededRandom } from '../fixtures/random';

export const LAYOUTS = ['column', 'pdf', 'indent'] as const;
export type Layout = (typeof LAYOUTS)[number];

export interface GoldBlock {
  /**
   * `kicker`: a short label over the headline; `byline`: a reporter's line or a dateline standing
   * alone; `sidebar`: a block of a box beside the article (its title first); `pullquote`: a
   * quotation set apart between paragraphs.
   */
  kind: 'heading' | 'paragraph' | 'table' | 'kicker' | 'byline' | 'sidebar' | 'pullquote';
  /** A table's text is its cells, a tab between cells and a space between rows (as the cleaner's). */
  text: string;
  /** A table's cells, row by row; an empty cell is an empty string. */
  rows?: string[][];
  /** A sidebar's title (相关链接) or a link title in it: set on a line of its own. */
  title?: boolean;
  /** A sidebar block's box: the blocks of one box share it; `ruled`: drawn in rules. */
  box?: { ruled: boolean; label: string };
  /** A pull quote's square (■) as the page sets it; not part of its text. */
  mark?: string;
}

export interface LayoutDoc {
  layout: Layout;
  /** The raw text as a file would hold it (CRLF kept where the layout has it). */
  text: string;
  /** The blocks in reading order: a sidebar after its article, a pull quote repeating the body gone. */
  gold: GoldBlock[];
}

const ALIGN_DEV = path.resolve(import.meta.dirname, '../../../shared/align-dev');

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
/** The project's own test fixtures with Chinese running text, and their encodings. */
const FIXTURE_TEXTS: ReadonlyArray<[string, string]> = [
  ['formats/simplified.gb18030.txt', 'gb18030'],
  ['formats/traditional-hk.big5.txt', 'big5'],
  ['e2e-corpus/test-hostile-translation/source.txt', 'utf-8'],
  ['export/corpus/test-export-escaping/source.txt', 'utf-8'],
];

/** The sentences of the project's test fixtures: a small source, always present (unit tests use it). */
export function fixtureSentences(): string[] {
  return FIXTURE_TEXTS.flatMap(([file, encoding]) =>
    (new TextDecoder(encoding).decode(readFileSync(path.join(FIXTURES, file))).match(/[^。！？\n]+[。！？]?/gu) ?? [])
      .map((s) => s.trim())
      .filter((s) => /\p{Script=Han}/u.test(s)),
  );
}

/** Sentences of a text source outside the corpus: `mac` (six novel chapters), `bible` (the Union Version) or the test fixtures. */
export function loadSentences(source: 'mac' | 'bible' | 'fixtures'): string[] {
  if (source === 'fixtures') return fixtureSentences();
  const files =
    source === 'mac'
      ? ['001', '002', '003', '004', '005', '006'].map((id) => path.join(ALIGN_DEV, 'mac-dev-2021', 'zh', id))
      : [path.join(ALIGN_DEV, 'bible', 'zh', '006')];
  for (const f of files)
    if (!existsSync(f)) throw new Error(`no text source at ${f} (../shared/align-dev is read in place)`);
  return files.flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== ''),
  );
}

type Rng = () => number;
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const chance = (rng: Rng, p: number) => rng() < p;

/** A headline cut from a sentence: its Han clauses, no punctuation, optionally two clauses set apart by a space. */
function headlineFrom(sentence: string, rng: Rng, maxChars: number): string | undefined {
  const clauses = sentence.split(/[^\p{Script=Han}]+/u).filter((c) => [...c].length >= 3);
  if (clauses.length === 0) return undefined;
  const first = [...clauses[0]!].slice(0, maxChars).join('');
  const second = clauses[1];
  if (second && chance(rng, 0.35) && [...first].length + [...second].length < maxChars) return `${first} ${second}`;
  return first;
}

/** The titles a box beside an article is set under on a Chinese page. */
const BOX_LABELS = [
  '相关链接',
  '延伸阅读',
  '背景资料',
  '链接',
  '新闻链接',
  '相关新闻',
  '知识链接',
  '【相关链接】',
  '■背景资料',
  '相關鏈接',
] as const;

/** A box beside the article: its title, then two to four link titles or one short paragraph, all cut from the text. */
function sidebarFrom(next: () => string, rng: Rng): GoldBlock[] {
  const label = pick(rng, BOX_LABELS);
  const box = { ruled: chance(rng, 0.4), label };
  const title = label.replace(/[【】■]/gu, '');
  const blocks: GoldBlock[] = [{ kind: 'sidebar', text: title, title: true, box }];
  if (chance(rng, 0.55)) {
    // Two titles at least: one title straight under a label is a kicker over its headline.
    const titles = int(rng, 2, 4);
    for (let tries = 0; blocks.length <= titles && tries < titles * 4; tries++) {
      const t = headlineFrom(next(), rng, 14);
      if (t && [...t].length >= 4) blocks.push({ kind: 'sidebar', text: t.replace(/ /gu, ''), title: true, box });
    }
    while (blocks.length <= 2)
      blocks.push({ kind: 'sidebar', text: `${wordsFrom(next, rng, 1, 5)[0]!}新闻`, title: true, box });
  } else {
    let text = next();
    if (chance(rng, 0.5)) text += next();
    for (let more = 0; more < 6 && !/[。！？]$/u.test(text); more++) text += next();
    blocks.push({ kind: 'sidebar', text, box });
  }
  return blocks;
}

/** A quotation as a pull quote sets it: a clause or two of a sentence, in 「」 or “”, perhaps with a speaker. */
function quotationFrom(sentence: string, rng: Rng, speaker: string | undefined): string {
  const clauses = sentence.replace(/[「」“”『』]/gu, '').split(/(?<=[，。！？；])/u);
  let words = '';
  for (const c of clauses) {
    if ([...words].length >= 12 || [...(words + c)].length > 40) break;
    words += c;
  }
  if (words === '') words = [...clauses[0]!].slice(0, 30).join('');
  words = words.replace(/[，；]$/u, '');
  if (!/[。！？]$/u.test(words)) words += '。';
  const [open, close] = chance(rng, 0.5) ? ['“', '”'] : ['「', '」'];
  return `${open}${words}${close}${speaker ? `——${speaker}` : ''}`;
}

/**
 * A document's blocks as the page sets them and in reading order: a headline, then paragraphs of
 * consecutive sentences with a crosshead now and then; now and then a box beside the article (a
 * sidebar) or a pull quote set in the middle of it. The sidebar is read after the article; a pull
 * quote that repeats a sentence of the body is not read at all.
 */
function documentBlocks(sentences: string[], rng: Rng, maxHeadline: number): { page: GoldBlock[]; gold: GoldBlock[] } {
  // The box's and the quotation's sentences follow the article's: none of them is said in the article.
  const { blocks: page, next } = documentText(sentences, rng, maxHeadline);
  const paragraphs = page.flatMap((b, i) => (b.kind === 'paragraph' ? [i] : []));
  const inserts = new Map<number, GoldBlock[]>();
  const gold = [...page];
  const middle = () => paragraphs[int(rng, 1, Math.max(1, paragraphs.length - 2))];
  if (paragraphs.length >= 3 && chance(rng, 0.35)) {
    const box = sidebarFrom(next, rng);
    const after = middle()!;
    inserts.set(after, [...(inserts.get(after) ?? []), ...box]);
    gold.push(...box);
  }
  if (paragraphs.length >= 3 && chance(rng, 0.35)) {
    const after = middle()!;
    const speaker = chance(rng, 0.6) ? wordsFrom(next, rng, 1, 3)[0] : undefined;
    const mark = chance(rng, 0.2) ? pick(rng, ['■', '◆']) : undefined;
    // A third of them repeat a sentence of a paragraph of two or more: the cleaner drops those.
    const longer = paragraphs.map((i) => page[i]!.text).filter((t) => (t.match(/[。！？]/gu)?.length ?? 0) >= 2);
    const repeat = longer.length > 0 && chance(rng, 0.35);
    let source = repeat ? (pick(rng, longer).match(/[^。！？]+[。！？]/gu) ?? [next()])[0]! : next();
    // A quotation says something: a sentence of a few characters is none.
    for (let tries = 0; !repeat && countHan(source) < 8 && tries < 6; tries++) source = next();
    const text = quotationFrom(source, rng, speaker);
    const quote: GoldBlock = { kind: 'pullquote', text, ...(mark ? { mark } : {}) };
    // A repeat is one when the body holds its words, however it was drawn: a sentence cut short is a
    // quotation of its own, and a sentence drawn after the article may still be said in it (the
    // Bible says 非利士人拿你来了。 more than once).
    const repeats = longer.some((t) => t.includes(text.replace(/^[“「]|[”」](?:——.*)?$/gu, '')));
    inserts.set(after, [...(inserts.get(after) ?? []), quote]);
    if (!repeats) gold.splice(gold.indexOf(page[after]!) + 1, 0, quote);
  }
  const set = page.flatMap((b, i) => [b, ...(inserts.get(i) ?? [])]);
  return { page: set, gold };
}

/** A document's running text: a headline, then paragraphs of consecutive sentences with a crosshead now and then. */
function documentText(sentences: string[], rng: Rng, maxHeadline: number): { blocks: GoldBlock[]; next: () => string } {
  const blocks: GoldBlock[] = [];
  let at = int(rng, 0, Math.max(0, sentences.length - 200));
  const first = at;
  // An article never says a sentence twice: a small source (the fixtures) ends the document instead
  // of wrapping round, since a repeated paragraph is what the cleaner drops as a pull quote.
  const left = () => sentences.length - (at - first);
  const next = () => sentences[at++ % sentences.length]!;
  const title = headlineFrom(next(), rng, maxHeadline);
  if (title && chance(rng, 0.3)) blocks.push({ kind: 'kicker', text: wordsFrom(next, rng, 1, 4)[0]! });
  if (title) blocks.push({ kind: 'heading', text: title });
  if (chance(rng, 0.3)) blocks.push({ kind: 'byline', text: bylineFrom(next, rng) });
  const paragraphs = int(rng, 5, 14);
  for (let p = 0; p < paragraphs && left() > 12; p++) {
    if (p > 1 && chance(rng, 0.15)) {
      const crosshead = headlineFrom(next(), rng, maxHeadline);
      if (crosshead) blocks.push({ kind: 'heading', text: crosshead });
    }
    // Now and then a table of figures, with words cut from the text as its row and column titles.
    if (p > 0 && chance(rng, 0.12)) blocks.push(tableFrom(next, rng));
    const n = pick(rng, [1, 2, 2, 3, 3, 4, 5, 6]);
    let text = '';
    for (let s = 0; s < n; s++) text += next();
    // Verse and sentence splits of the sources may stop on a comma; a paragraph on a page does not.
    for (let more = 0; more < 6 && !/[。！？…”」』）.!?]$/u.test(text); more++) text += next();
    blocks.push({ kind: 'paragraph', text });
  }
  if (chance(rng, 0.15)) blocks.push({ kind: 'byline', text: bylineFrom(next, rng) });
  return { blocks, next };
}

/** A reporter's byline or an agency's dateline on its own line, the names and places cut from the text. */
function bylineFrom(next: () => string, rng: Rng): string {
  const [a, b, place] = wordsFrom(next, rng, 3, 3);
  return pick(rng, [
    `本报记者 ${a}`,
    `记者 ${a} ${b}`,
    `本報記者　${a}`,
    `${place}报记者 ${a}`,
    `文／${a}`,
    `新华社${place}${int(rng, 1, 12)}月${int(rng, 1, 28)}日电`,
  ]);
}

/** Short words (2–`max` Han characters) cut from the clauses of the next sentences. */
function wordsFrom(next: () => string, rng: Rng, count: number, max: number): string[] {
  const words: string[] = [];
  for (let tries = 0; words.length < count && tries < count * 4; tries++) {
    for (const clause of next().split(/[^\p{Script=Han}]+/u)) {
      const cps = [...clause];
      if (cps.length < 2 || words.length >= count) continue;
      const len = int(rng, 2, Math.min(max, cps.length));
      const at = int(rng, 0, cps.length - len);
      words.push(cps.slice(at, at + len).join(''));
    }
  }
  while (words.length < count) words.push(`项目${words.length + 1}`);
  return words;
}

/** A figure as tables print them: a count, a decimal, a share, a signed change or a year. */
function figureCell(rng: Rng): string {
  switch (int(rng, 0, 5)) {
    case 0:
      return String(int(rng, 1, 99999));
    case 1:
      return (rng() * 1000).toFixed(int(rng, 1, 2));
    case 2:
      return `${(rng() * 100).toFixed(1)}%`;
    case 3:
      return `${chance(rng, 0.5) ? '-' : '+'}${(rng() * 50).toFixed(1)}`;
    case 4:
      return `${int(rng, 1949, 2030)}年`;
    default:
      return String(int(rng, 1, 999));
  }
}

/** A table: a header row of titles (most often), then rows of a title and figures, a figure now and then missing. */
function tableFrom(next: () => string, rng: Rng): GoldBlock {
  const columns = int(rng, 2, 5);
  const bodyRows = int(rng, 2, 7);
  const rows: string[][] = [];
  if (chance(rng, 0.75)) rows.push(wordsFrom(next, rng, columns, 5));
  const titles = wordsFrom(next, rng, bodyRows, 8);
  for (const title of titles) {
    const cells = [title];
    for (let c = 1; c < columns; c++) cells.push(c > 0 && chance(rng, 0.1) ? '' : figureCell(rng));
    // A row keeps at least one figure: a row of a title alone is a line of text, not a table's row.
    if (cells.slice(1).every((c) => c === '')) cells[columns - 1] = figureCell(rng);
    rows.push(cells);
  }
  return { kind: 'table', text: rows.map((r) => r.join('\t')).join(' '), rows };
}

/**
 * A table set with spaces as a text or PDF extraction gives it: each column padded to its widest
 * cell, the columns parted by a gap of ASCII or ideographic spaces, figures flush left or right.
 */
function tableLines(rows: string[][], rng: Rng): string[] {
  const gap = pick(rng, ['  ', '   ', '    ', '      ', '\u3000', '\u3000\u3000', ' \u3000']);
  const flushRight = chance(rng, 0.5);
  const indent = chance(rng, 0.3)
    ? pick(
        rng,
        INDENTS.filter((i) => i !== '\t'),
      )
    : '';
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => displayWidth(r[c] ?? ''))));
  const pad = (n: number) => (gap.includes('\u3000') ? '\u3000'.repeat(n >> 1) + ' '.repeat(n & 1) : ' '.repeat(n));
  return rows.map((r) => {
    const cells = r.map((cell, c) => {
      const room = widths[c]! - displayWidth(cell);
      return flushRight && c > 0 ? pad(room) + cell : cell + pad(room);
    });
    return (indent + cells.join(gap)).replace(/[ \u3000]+$/u, '');
  });
}

/** Breaks text into lines at most `columns` display columns wide (a Han character is 2), like a typesetter. */
function wrap(text: string, columns: number, firstIndent: string, hangPunctuation: boolean): string[] {
  const lines: string[] = [];
  let line = firstIndent;
  // A Latin word or a number is never broken across lines (the typesetter moves it down whole).
  for (const ch of text.match(/[A-Za-z0-9]+|[\s\S]/gu) ?? []) {
    if (displayWidth(line + ch) > columns && line.trim() !== '') {
      // Kinsoku: closing punctuation may hang past the edge rather than open a line.
      if (/[，。、；：！？”’）》」』]/u.test(ch)) {
        if (hangPunctuation) {
          lines.push(line + ch);
          line = '';
          continue;
        }
        // Or the last character goes down with it, so that no line opens with closing punctuation.
        const last = /(?:[A-Za-z0-9]+|[\s\S])$/u.exec(line)?.[0] ?? '';
        lines.push(line.slice(0, line.length - last.length));
        line = last + ch;
        continue;
      }
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  if (line.trim() !== '') lines.push(line);
  return lines;
}

const INDENTS = ['\u3000\u3000', '    ', '  ', '\u3000\u3000', '\t'] as const;

/** Trailing spaces as editors and extractors leave them. */
const trailing = (rng: Rng) => (chance(rng, 0.4) ? pick(rng, [' ', '  ', '\u3000', ' \u3000', '   ']) : '');

const RULES = ['────────────', '＿＿＿＿＿＿＿＿', '==========', '* * * * * *'] as const;

/** A box as a page sets it, whole: perhaps drawn in rules, its title, its link titles a line each (perhaps bulleted) or its paragraph. */
function boxLines(box: GoldBlock[], columns: number, indent: string, rng: Rng): string[] {
  const { ruled, label } = box[0]!.box!;
  const rule = ruled ? pick(rng, RULES) : undefined;
  const bullet = chance(rng, 0.3) ? pick(rng, ['· ', '■', '▶ ']) : '';
  const lines = [label];
  for (const b of box.slice(1))
    lines.push(...(b.title ? [bullet + b.text] : wrap(b.text, Math.min(columns, 60), indent, chance(rng, 0.5))));
  return rule ? [rule, ...lines, rule] : lines;
}

/** The blocks of the box that opens at `i`, or undefined when `i` is no box's first block. */
function boxAt(blocks: GoldBlock[], i: number): GoldBlock[] | undefined {
  const b = blocks[i]!;
  if (b.kind !== 'sidebar' || blocks[i - 1]?.box === b.box) return undefined;
  let end = i;
  while (blocks[end]?.box === b.box) end++;
  return blocks.slice(i, end);
}

/**
 * A pull quote set apart, not indented, wrapped at the column. Where indents do not open the
 * paragraphs it has a square or its speaker to set it apart from a line of dialogue.
 */
function quoteLines(b: GoldBlock, columns: number, indented: boolean): string[] {
  const mark = b.mark ?? (!indented && !b.text.includes('——') ? '■' : '');
  const [quote, speaker] = b.text.split('——');
  const lines = wrap(mark + quote!, columns, '', true);
  // The speaker's name is never broken: after the quotation where it fits, else on a line of its own.
  if (speaker === undefined) return lines;
  const by = `——${speaker}`;
  if (displayWidth(lines.at(-1)! + by) <= columns) lines[lines.length - 1] += by;
  else lines.push(by);
  return lines;
}

function columnLayout(blocks: GoldBlock[], rng: Rng): string {
  const width = int(rng, 12, 24);
  const columns = width * 2;
  const indent = pick(rng, [...INDENTS, '', '']);
  const blankBetween = indent === '' || chance(rng, 0.3);
  const height = int(rng, 12, 40);
  const hang = chance(rng, 0.5);
  const breakBlanks = int(rng, 1, 2);
  const out: string[] = [];
  let inColumn = 0;
  blocks.forEach((b, i) => {
    let lines: string[];
    if (b.kind === 'table') {
      // A table is set across the columns, like a headline, with space above and below.
      out.push('', ...tableLines(b.rows!, rng), '');
      inColumn = 0;
      return;
    }
    // A box and a pull quote are set whole, with space above and below.
    if (b.kind === 'sidebar') {
      const box = boxAt(blocks, i);
      if (box) out.push('', ...boxLines(box, columns, indent, rng), '');
      inColumn = 0;
      return;
    }
    if (b.kind === 'pullquote') {
      out.push('', ...quoteLines(b, columns, indent !== ''), '');
      inColumn = 0;
      return;
    }
    if (b.kind === 'kicker') {
      // Right over its headline, no space between.
      if (i > 0) out.push('');
      out.push(b.text);
      inColumn = 0;
      return;
    }
    if (b.kind === 'heading') {
      // A headline across the columns, or wrapped over two lines when it is wider than the column.
      const parts = b.text.split(' ');
      lines = displayWidth(b.text) > columns && parts.length === 2 ? parts : [b.text];
      if (i > 0 && blocks[i - 1]?.kind !== 'kicker') out.push('');
      out.push(...lines);
      out.push('');
      inColumn = 0;
      return;
    }
    lines = wrap(b.text, columns, indent, hang);
    if (blankBetween && i > 0 && blocks[i - 1]?.kind !== 'heading') out.push('');
    for (const line of lines) {
      if (inColumn >= height) {
        for (let k = 0; k < breakBlanks; k++) out.push('');
        inColumn = 0;
      }
      out.push(line);
      inColumn++;
    }
  });
  return `${out.join('\n')}\n`;
}

const HEADER_TITLES = [
  '文学选读',
  '年度报告',
  '中国文学丛刊',
  '研究报告',
  '专题 · 经典译介',
  '第三章',
  '国际问题研究',
  '读书札记',
] as const;

/** Page numbers as PDF extractions give them. */
const PAGE_NUMBER_STYLES: ReadonlyArray<(n: number, total: number) => string> = [
  (n) => `${n}`,
  (n) => `- ${n} -`,
  (n) => `— ${n} —`,
  (n) => `第 ${n} 页`,
  (n) => `第${n}页`,
  (n, t) => `${n} / ${t}`,
  (n) => `· ${n} ·`,
  (n, t) => `第 ${n} 页 共 ${t} 页`,
  (n) => `Page ${n}`,
  (n) => `[${n}]`,
];

function pdfLayout(blocks: GoldBlock[], rng: Rng): string {
  const width = int(rng, 26, 46);
  const columns = width * 2;
  const indent = pick(rng, [...INDENTS, '']);
  const blankBetween = indent === '' || chance(rng, 0.4);
  const height = int(rng, 18, 44);
  const hang = chance(rng, 0.5);
  const title = pick(rng, HEADER_TITLES);
  const second = chance(rng, 0.5)
    ? pick(
        rng,
        HEADER_TITLES.filter((t) => t !== title),
      )
    : title;
  const numberStyle = pick(rng, PAGE_NUMBER_STYLES);
  const numberInHeader = chance(rng, 0.3);
  const headerSpacer = pick(rng, ['  ', '    ', ' \u3000 ', '\t']);
  const blankAroundFurniture = int(rng, 0, 2);
  const firstPage = int(rng, 1, 180);

  const body: string[] = [];
  blocks.forEach((b, i) => {
    if (b.kind === 'sidebar' && !boxAt(blocks, i)) return;
    const apart = (k: GoldBlock['kind'] | undefined) =>
      k === 'heading' || k === 'table' || k === 'kicker' || k === 'sidebar' || k === 'pullquote';
    const overHeadline = blocks[i - 1]?.kind === 'kicker';
    if (i > 0 && !overHeadline && (blankBetween || apart(b.kind) || apart(blocks[i - 1]?.kind))) body.push('');
    if (b.kind === 'table' || b.kind === 'sidebar' || b.kind === 'pullquote') {
      // A table, a box or a pull quote is kept on one page: the page before it ends short.
      const lines =
        b.kind === 'table'
          ? tableLines(b.rows!, rng)
          : b.kind === 'sidebar'
            ? boxLines(boxAt(blocks, i)!, columns, indent, rng)
            : ['', ...quoteLines(b, columns, indent !== ''), ''];
      if ((body.length % height) + lines.length > height) while (body.length % height !== 0) body.push('');
      body.push(...lines);
      return;
    }
    body.push(...(b.kind === 'heading' || b.kind === 'kicker' ? [b.text] : wrap(b.text, columns, indent, hang)));
  });
  const pages: string[][] = [];
  for (let i = 0; i < body.length; i += height) pages.push(body.slice(i, i + height));
  const total = firstPage + pages.length + int(rng, 0, 40);
  const out: string[] = [];
  const blanks = () => Array.from({ length: blankAroundFurniture }, () => '');
  pages.forEach((lines, p) => {
    const n = firstPage + p;
    const header = n % 2 === 0 ? title : second;
    if (p > 0) {
      out.push(
        numberInHeader ? (n % 2 === 0 ? `${n}${headerSpacer}${header}` : `${header}${headerSpacer}${n}`) : header,
      );
      out.push(...blanks());
    }
    out.push(...lines.map((l) => l + trailing(rng)));
    if (!numberInHeader) {
      out.push(...blanks());
      out.push(numberStyle(n, total));
    }
    out.push('');
  });
  return `${out.join('\n')}\n`;
}

function indentLayout(blocks: GoldBlock[], rng: Rng): string {
  const indent = pick(rng, INDENTS);
  const wrapAt = chance(rng, 0.35) ? int(rng, 28, 44) * 2 : undefined;
  const blankProbability = pick(rng, [0, 0, 0.3, 1]);
  const eol = chance(rng, 0.8) ? '\r\n' : '\n';
  const out: string[] = [];
  blocks.forEach((b, i) => {
    const overHeadline = blocks[i - 1]?.kind === 'kicker';
    if (i > 0 && !overHeadline && (b.kind === 'heading' || b.kind === 'kicker' || chance(rng, blankProbability)))
      out.push('');
    if (b.kind === 'kicker') {
      out.push(b.text + trailing(rng));
      return;
    }
    if (b.kind === 'table') {
      out.push(...tableLines(b.rows!, rng).map((l) => l + trailing(rng)));
      if (chance(rng, 0.5)) out.push('');
      return;
    }
    if (b.kind === 'sidebar' || b.kind === 'pullquote') {
      const box = b.kind === 'sidebar' ? boxAt(blocks, i) : [b];
      if (!box) return;
      const lines =
        b.kind === 'sidebar' ? boxLines(box, wrapAt ?? 200, indent, rng) : quoteLines(b, wrapAt ?? 200, true);
      if (out.at(-1) !== '') out.push('');
      out.push(...lines.map((l) => l + trailing(rng)), '');
      return;
    }
    if (b.kind === 'heading') {
      out.push(b.text + trailing(rng));
      if (chance(rng, 0.5)) out.push('');
      return;
    }
    const lines = wrapAt ? wrap(b.text, wrapAt, indent, chance(rng, 0.5)) : [indent + b.text];
    out.push(...lines.map((l) => l + trailing(rng)));
  });
  return out.join(eol) + eol;
}

/** `count` documents of each layout drawn from `sentences` with the given seed. */
export function generateLayouts(sentences: string[], seed: number, count: number): LayoutDoc[] {
  const rng = seededRandom(seed);
  const docs: LayoutDoc[] = [];
  for (const layout of LAYOUTS) {
    for (let i = 0; i < count; i++) {
      const maxHeadline = layout === 'column' ? int(rng, 8, 22) : int(rng, 6, 24);
      const { page, gold } = documentBlocks(sentences, rng, maxHeadline);
      const text =
        layout === 'column'
          ? columnLayout(page, rng)
          : layout === 'pdf'
            ? pdfLayout(page, rng)
            : indentLayout(page, rng);
      docs.push({ layout, text, gold });
    }
  }
  return docs;
}
