/**
 * Boxes beside an article on a plain-text page: a sidebar (相关链接 with the titles of other
 * articles, 背景资料 with a paragraph of background) that the page's column flow set in the middle of
 * an article, and a pull quote set apart between paragraphs. The sidebar is found on the page's
 * lines (its title and rules say where it is), kept as `sidebar` blocks and moved after the article
 * it interrupted, the move listed as a repair for a human to check; a pull quote that says
 * something of its own is kept as a `pullquote` block, one that repeats the body is dropped by the
 * cleaner (`dropRepeatedPullQuotes`). Pure functions over lines and blocks.
 */
import type { Block, Dropped, Repair } from '../model';
import { BOX_BULLET, BOX_TITLE_MAX_HAN, PULL_QUOTE, PULL_QUOTE_MAX_HAN, RULE_LINE, SIDEBAR_LABEL } from './clean-rules';
import type { ProtoBlock } from './proto-block';
import { countHan, joinWrapped, normaliseSpaces } from '../text/text-width';

/** A box found on the page's lines: raw lines [from, to) and its blocks (its title first). */
export interface SidebarBox {
  from: number;
  to: number;
  blocks: ProtoBlock[];
}

const INDENTED = /^(?:[ ]{2,}|[\t\u3000])/u;

/** A link title of a box: a short line without sentence punctuation (its bullet aside). */
function isTitleLine(t: string): boolean {
  const text = t.replace(BOX_BULLET, '');
  return text !== '' && countHan(text) <= BOX_TITLE_MAX_HAN && !/[。！？；，、：]/u.test(text) && !RULE_LINE.test(text);
}

/** Index of the next line with text at or after `i`, or the end. */
function nextText(rawLines: readonly string[], i: number): number {
  while (i < rawLines.length && rawLines[i]!.trim() === '') i++;
  return i;
}

/**
 * A title standing as a line of its own: not indented, and the run of such lines it stands in ends
 * at a blank line or the box's end. A run that goes straight on into a line of prose is the
 * unpunctuated start of a paragraph wrapped in a narrow box (我們共同簽署《中華人民共 / 和國和…，).
 */
function standsAsTitle(rawLines: readonly string[], i: number, to: number): boolean {
  let j = i;
  while (j < to && rawLines[j]!.trim() !== '') {
    if (INDENTED.test(rawLines[j]!) || !isTitleLine(rawLines[j]!.trim())) return false;
    j++;
  }
  return true;
}

/** The box's lines [from, to) as blocks: a title a line, a run of prose one paragraph (an indent opens another). */
function boxBlocks(rawLines: readonly string[], from: number, to: number): ProtoBlock[] {
  const out: ProtoBlock[] = [];
  let prose: ProtoBlock | undefined;
  let blanks = 0;
  for (let i = from; i < to; i++) {
    const raw = rawLines[i]!.trimEnd();
    const t = raw.trim();
    if (t === '') {
      blanks++;
      prose = undefined;
      continue;
    }
    const block = { line: i + 1, blanksBefore: blanks, blanksAfter: 0, kind: 'sidebar' as const };
    blanks = 0;
    if (prose && !INDENTED.test(raw)) prose.text = joinWrapped(prose.text, t);
    else if (standsAsTitle(rawLines, i, to)) {
      out.push({ ...block, text: t.replace(BOX_BULLET, '') });
      prose = undefined;
    } else {
      prose = { ...block, text: t };
      out.push(prose);
    }
  }
  return out;
}

/** Where a box without rules ends: after its titles (one a line), or after its one paragraph. */
function unruledEnd(rawLines: readonly string[], first: number, taken: (i: number) => boolean): number {
  if (standsAsTitle(rawLines, first, rawLines.length)) {
    // Titles stand on consecutive lines, set alike (the same indent, each with a bullet or none).
    const shape = (l: string) => `${INDENTED.exec(l)?.[0] ?? ''}|${BOX_BULLET.test(l.trim())}`;
    let end = first + 1;
    while (
      end < rawLines.length &&
      !taken(end) &&
      rawLines[end]!.trim() !== '' &&
      shape(rawLines[end]!) === shape(rawLines[first]!) &&
      standsAsTitle(rawLines, end, rawLines.length)
    )
      end++;
    return end;
  }
  let j = first + 1;
  while (j < rawLines.length && !taken(j) && rawLines[j]!.trim() !== '' && !INDENTED.test(rawLines[j]!)) j++;
  return j;
}

/**
 * The boxes of a page. A box opens with its title on a line of its own (相关链接, 【背景资料】), set
 * apart by a blank line or a rule above it. Drawn in rules, it runs to the closing rule; else it
 * holds the titles that follow (one a line), or, when prose follows, one paragraph. A title straight
 * over one line that a blank line ends is a kicker over its headline, not a box.
 */
export function sidebarBoxes(
  rawLines: readonly string[],
  taken: (i: number) => boolean,
  furniture: (i: number) => boolean,
): SidebarBox[] {
  const boxes: SidebarBox[] = [];
  for (let i = 0; i < rawLines.length; i++) {
    const t = rawLines[i]!.trim();
    if (taken(i) || !SIDEBAR_LABEL.test(t)) continue;
    // (a page's running header or number over it is no text: the box opens the page)
    let a = i - 1;
    while (a >= 0 && furniture(a)) a--;
    const above = a < 0 || a < i - 1 ? '' : rawLines[a]!.trim();
    const ruledAbove = RULE_LINE.test(above);
    if (above !== '' && !ruledAbove) continue;
    const first = nextText(rawLines, i + 1);
    if (first >= rawLines.length || taken(first)) continue;
    let to: number | undefined;
    // Drawn in rules: the box ends at the closing rule (within a page's reach).
    for (let j = first; ruledAbove && to === undefined && j < rawLines.length && j < i + 60 && !taken(j); j++)
      if (RULE_LINE.test(rawLines[j]!.trim())) to = j + 1;
    const closingRule = to !== undefined;
    if (to === undefined) {
      to = unruledEnd(rawLines, first, taken);
      const lines = rawLines.slice(first, to).filter((l) => l.trim() !== '').length;
      // One title straight under it, then a blank line: a kicker over its headline.
      if (lines === 1 && first === i + 1 && standsAsTitle(rawLines, first, rawLines.length)) continue;
    }
    const items = boxBlocks(rawLines, first, closingRule ? to - 1 : to);
    if (items.length === 0) continue;
    const title: ProtoBlock = {
      text: t.replace(/^[【［[〔]\s*|\s*[】］\]〕]?\s*[：:]?$/gu, '').replace(BOX_BULLET, ''),
      line: i + 1,
      blanksBefore: 0,
      blanksAfter: 0,
      kind: 'sidebar',
      boxTitle: true,
    };
    // The rule above the title is the box's too.
    boxes.push({ from: ruledAbove ? i - 1 : i, to, blocks: [title, ...items] });
    i = to - 1;
  }
  return boxes;
}

/**
 * A text shaped as a pull quote: one quotation alone, short, with its mark (■) or speaker (——王一)
 * or neither; its text with spaces normalised and the speaker set on the line under the quotation
 * joined straight on (“…。”——王一).
 */
export function asPullQuote(
  text: string,
): { text: string; match: RegExpExecArray & { groups: Record<string, string | undefined> } } | undefined {
  const t = normaliseSpaces(text).replace(/(?<=[」”』])\s+(?=——|—|－－|--)/u, '');
  const m = PULL_QUOTE.exec(t);
  if (!m?.groups || countHan(t) > PULL_QUOTE_MAX_HAN) return undefined;
  return { text: t, match: m as RegExpExecArray & { groups: Record<string, string | undefined> } };
}

/**
 * A pull quote on a page: a quotation standing alone between blank lines, short, set apart from
 * the running text by more than its blank lines — a box's square, its speaker after a dash, or no
 * indent where indents open the paragraphs (a story's line of dialogue is a paragraph like any).
 * Its text without the square, which is listed as a marker.
 */
export function pullQuoteText(p: ProtoBlock, indentMarks: boolean, next: ProtoBlock | undefined): string | undefined {
  if (p.kind !== undefined) return undefined;
  const q = asPullQuote(p.text);
  if (!q) return undefined;
  const { text: t, match: m } = q;
  // A box or a table set under it is apart from it too.
  const apartBelow = p.blanksAfter > 0 || next === undefined || next.kind === 'sidebar' || next.kind === 'table';
  if (p.blanksBefore === 0 || !apartBelow) return undefined;
  const setApart = m.groups.mark !== undefined || m.groups.by !== undefined || (indentMarks && !p.opensByIndent);
  return setApart ? t.slice(m.groups.mark?.length ?? 0) : undefined;
}

/** A pull quote's words without its quotation marks and speaker: what the body would repeat. */
export function quotedWords(text: string): string {
  return PULL_QUOTE.exec(text)?.groups?.quote?.slice(1, -1) ?? text;
}

/** Whether a block heads an article: a headline (levels 1–2) or a kicker. Crossheads (level 3) are inside one. */
const headsArticle = (b: Block) => b.kind === 'heading' && ((b.level ?? 3) <= 2 || b.role === 'kicker');

/**
 * The sidebar blocks of each article move after it, in their order: past its paragraphs,
 * crossheads, captions, tables, lists, footnotes and closing byline, to the next article's headline
 * or the page's end. Each box moved is a repair.
 */
export function moveSidebars(
  blocks: Block[],
  protos: ProtoBlock[],
  repairs: Repair[],
): { blocks: Block[]; protos: ProtoBlock[] } {
  const order: number[] = [];
  let from = 0;
  const flush = (to: number) => {
    const idx = Array.from({ length: to - from }, (_, k) => from + k);
    const text = idx.filter((i) => blocks[i]!.kind !== 'sidebar');
    const boxes = idx.filter((i) => blocks[i]!.kind === 'sidebar');
    const lastText = text.at(-1) ?? -1;
    for (const i of boxes) {
      // A box's first block with article text after it: the box was set inside the article.
      if (i < lastText && blocks[i - 1]?.kind !== 'sidebar')
        repairs.push({
          line: protos[i]?.line ?? 0,
          kind: 'sidebar-order',
          before: `${blocks[i]!.text} … ${blocks[text.find((t) => t > i)!]!.text.slice(0, 8)}`,
          after: `${blocks[lastText]!.text.slice(-8)} … ${blocks[i]!.text}`,
        });
    }
    order.push(...text, ...boxes);
    from = to;
  };
  blocks.forEach((b, i) => {
    if (i > from && headsArticle(b)) flush(i);
  });
  flush(blocks.length);
  return { blocks: order.map((i) => blocks[i]!), protos: order.map((i) => protos[i]!) };
}

/** A dropped box square (■) before a pull quote, listed as a marker. */
export function pullQuoteMarker(p: ProtoBlock): Dropped | undefined {
  const mark = PULL_QUOTE.exec(normaliseSpaces(p.text))?.groups?.mark?.trim();
  return mark ? { line: p.line, text: mark, reason: 'marker' } : undefined;
}
