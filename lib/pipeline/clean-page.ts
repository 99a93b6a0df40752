/**
 * Page structure after the blocks are known: the page's furniture taken out of the text, the parts
 * of a headline named, and headlines put back where a reader expects them. A newspaper page's
 * column flow can set a headline under its article's last paragraph, and a PDF extraction can split
 * a two-line headline and reverse it; the cleaner moves each back before its article and lists the
 * move in the repairs, so a human can check it. Pure functions over blocks and their proto-blocks
 * (kept index for index, for line numbers and the lines as set).
 */
import type { Block, Dropped, Repair } from '../model';
import {
  AGENCY_SOURCE_NOTE,
  ARTICLE_CLOSER,
  CAPTION_POINTER,
  DATELINE,
  KICKER_MAX_HAN,
  PAGE_LABEL,
  PAGE_LABEL_MAX_LINE,
  STACKED_LABEL_MAX_LINE,
  SUBTITLE,
} from './clean-rules';
import type { ProtoBlock } from './proto-block';
import { countHan } from '../text/text-width';

interface PageBlocks {
  blocks: Block[];
  protos: ProtoBlock[];
}

const isHeadline = (b: Block | undefined) => b?.kind === 'heading' && (b.level ?? 3) <= 2;
const setLinesOf = (b: Block, p: ProtoBlock | undefined) => p?.setLines ?? [b.text];

/**
 * The furniture of a newspaper page, dropped and listed: a caption's pointer (▲), an agency's
 * credit closing a box (資料來源：新華社), a box's stacked label (專家 / 解讀), and the short labels
 * under the page's last headline (the column's label and writer, 北京觀察 / 馬浩亮; the page's
 * banner, 習近平訪俄). Only plain text (a page) has such furniture; Markdown and HTML mark their structure.
 */
export function dropPageFurniture({ blocks, protos }: PageBlocks, dropped: Dropped[]): PageBlocks {
  const keep = blocks.map(() => true);
  const out = blocks.map((b) => ({ ...b }));
  const lastText = blocks.findLastIndex((b) => b.kind !== 'heading');
  out.forEach((b, i) => {
    const p = protos[i];
    if (p?.fromMarkdown) return;
    const line = p?.line ?? 0;
    const pointer = b.kind === 'caption' ? CAPTION_POINTER.exec(b.text) : null;
    if (pointer) {
      dropped.push({ line, text: pointer[0].trim(), reason: 'marker' });
      b.text = b.text.slice(pointer[0].length);
    }
    if (AGENCY_SOURCE_NOTE.test(b.text.replace(/\s/gu, ''))) {
      dropped.push({ line, text: b.text, reason: 'source-note' });
      keep[i] = false;
      return;
    }
    if (b.kind !== 'heading') return;
    const lines = setLinesOf(b, p)
      .map((l) => l.trim())
      .filter((l) => l !== '');
    const stacked =
      lines.length >= 2 && lines.every((l) => countHan(l) <= STACKED_LABEL_MAX_LINE && countHan(l) === [...l].length);
    // One short line right over an article's headline introduces it (专家解读, 新闻背景): its kicker.
    const next = blocks[i + 1];
    const kicker =
      !stacked &&
      lines.length === 1 &&
      countHan(b.text) <= KICKER_MAX_HAN &&
      countHan(b.text) === [...b.text].length &&
      next?.kind === 'heading' &&
      // (as wide or narrower only when set straight over it: the text stage found it a kicker, not a wrapped headline)
      (countHan(next.text) > countHan(b.text) || protos[i + 1]?.blanksBefore === 0) &&
      i + 1 < lastText;
    if (kicker) {
      b.role = 'kicker';
      return;
    }
    if (stacked || PAGE_LABEL.test(b.text)) {
      dropped.push({ line, text: b.text, reason: 'label' });
      keep[i] = false;
      return;
    }
    // Under the page's last headline (i > lastText + 1): what is left is the page's own labelling.
    if (i > lastText + 1 && lines.every((l) => countHan(l) <= PAGE_LABEL_MAX_LINE && !/\s/u.test(l))) {
      dropped.push({ line, text: lines.join(' '), reason: lines.length >= 2 ? 'label' : 'banner' });
      keep[i] = false;
    }
  });
  return { blocks: out.filter((_, i) => keep[i]), protos: protos.filter((_, i) => keep[i]) };
}

/** Runs of headlines (levels 1–2) standing together; a blank line between two lines starts another group. */
function headlineGroups({ blocks, protos }: PageBlocks): Array<[number, number]> {
  const groups: Array<[number, number]> = [];
  blocks.forEach((b, i) => {
    if (!isHeadline(b)) return;
    const last = groups.at(-1);
    // Lines set together are one group; across a blank line, a deck (level 2, or opening with a
    // dash: ——中俄各界期待…) still joins a headline standing alone.
    const joins =
      last !== undefined &&
      last[1] === i &&
      ((protos[i]?.blanksBefore ?? 0) === 0 ||
        SUBTITLE.test(b.text) ||
        ((b.level ?? 1) >= 2 && last[1] - last[0] === 1));
    if (joins) last[1] = i + 1;
    else groups.push([i, i + 1]);
  });
  return groups;
}

/**
 * A headline split in two and set in reverse (全面战略协作、深化睦邻友好合作的联合声明 above
 * 中华人民共和国和俄罗斯联邦关于进一步加强): the two halves are one headline when the text cites it whole
 * in the other order. Joined, it is moved to the start of its article.
 */
function joinReversedHeadlines(page: PageBlocks, repairs: Repair[]): { page: PageBlocks; moved: number[] } {
  const { blocks, protos } = page;
  const body = blocks
    .filter((b) => b.kind !== 'heading')
    .map((b) => b.text)
    .join('\n');
  const outBlocks: Block[] = [];
  const outProtos: ProtoBlock[] = [];
  const moved: number[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const a = blocks[i]!;
    const b = blocks[i + 1];
    if (
      a.kind === 'heading' &&
      b?.kind === 'heading' &&
      !body.includes(a.text + b.text) &&
      body.includes(b.text + a.text)
    ) {
      const text = b.text + a.text;
      repairs.push({
        line: protos[i]?.line ?? 0,
        kind: 'headline-order',
        before: `${a.text} / ${b.text}`,
        after: text,
      });
      moved.push(outBlocks.length);
      outBlocks.push({ kind: 'heading', level: 1, role: 'headline', text });
      outProtos.push(protos[i]!);
      i++;
      continue;
    }
    outBlocks.push(a);
    outProtos.push(protos[i]!);
  }
  return { page: { blocks: outBlocks, protos: outProtos }, moved };
}

/**
 * Where the article that ends just before `end` begins: after the nearest earlier paragraph that
 * closes an agency report, after a caption inside the page, after a headline, or at the page's top.
 * `skipOwnCloser`: the paragraph right before `end` is the article's own last one.
 */
function articleStart(blocks: Block[], end: number, skipOwnCloser: boolean): number {
  for (let i = end - (skipOwnCloser ? 2 : 1); i >= 0; i--) {
    const b = blocks[i]!;
    if (b.kind === 'paragraph' && ARTICLE_CLOSER.test(b.text)) return i + 1;
    if (isHeadline(b)) return i + 1;
    if (b.kind === 'caption' && i > 0) return i + 1;
  }
  return 0;
}

/** Move blocks [from, to) to position `at` (at ≤ from). */
function moveBack<T>(xs: T[], from: number, to: number, at: number): T[] {
  return [...xs.slice(0, at), ...xs.slice(from, to), ...xs.slice(at, from), ...xs.slice(to)];
}

/**
 * Reading order: a headline group set under its article's text (after a paragraph, with no body of
 * its own after it: another headline, a caption or the page's end follows) goes before that
 * article; so does a headline whose halves were joined. When the article above a headline at the
 * foot already has a headline of its own right before it, that one was itself set at the foot of
 * the box above, and goes before that box.
 */
export function orderHeadlines(page: PageBlocks, repairs: Repair[], dropped: readonly Dropped[]): PageBlocks {
  // Markdown and HTML say where their headings are: only a page's column flow misplaces one.
  if (page.protos.some((p) => p.fromMarkdown)) return { blocks: nameHeadlineParts(page.blocks), protos: page.protos };
  const joined = joinReversedHeadlines(page, repairs);
  let { blocks, protos } = joined.page;
  const move = (from: number, to: number, at: number) => {
    if (at >= from) return;
    repairs.push({
      line: protos[from]?.line ?? 0,
      kind: 'headline-order',
      before: `${blocks[at - 1]?.text.slice(-8) ?? ''} … ${blocks[from]!.text}`,
      after: `${blocks[from]!.text} … ${blocks[at]?.text.slice(0, 8) ?? ''}`,
    });
    blocks = moveBack(blocks, from, to, at);
    protos = moveBack(protos, from, to, at);
  };
  for (const at of joined.moved) {
    if (blocks[at - 1]?.kind !== 'paragraph' || blocks[at + 1]?.kind !== 'paragraph') continue;
    move(at, at + 1, articleStart(blocks, at, false));
  }
  // From the page's foot upwards, so that a move never shifts a group still to be looked at.
  const groups = headlineGroups({ blocks, protos }).reverse();
  const placed = new Set<number>();
  for (const [from, to] of groups) {
    if (placed.has(from)) continue;
    // The article's byline may close it (…。 / 大公報記者葛沖): the headline is under the article still.
    const closingByline = blocks[from - 1]?.kind === 'byline' ? 1 : 0;
    const before = blocks[from - 1 - closingByline];
    const after = blocks[to];
    // Before a caption or the page's end only when a box's or the page's label stands right under
    // it (a text cut off after a headline, or a crosshead over a photo, proves nothing).
    const lastLine = protos[to - 1]?.line ?? 0;
    const nextLine = protos[to]?.line ?? Infinity;
    const labelsFollow = dropped.some(
      (d) => (d.reason === 'label' || d.reason === 'banner') && d.line > lastLine && d.line < nextLine,
    );
    // Another headline right under it heads an agency's report (its first paragraph opens with a
    // dateline, 【大公報訊】): this one closed the article above. A section title over a subtitle does not.
    const nextGroup = groups.find(([f]) => f === to);
    const headsReport = nextGroup !== undefined && DATELINE.test(blocks[nextGroup[1]]?.text ?? '');
    const atFoot =
      before?.kind === 'paragraph' &&
      (headsReport || ((after === undefined || after.kind === 'caption') && labelsFollow));
    if (!atFoot) continue;
    let start = articleStart(blocks, from - closingByline, true);
    // The article already has a headline right above it: that one belongs to the box above.
    const above = headlineGroups({ blocks, protos }).find(([, e]) => e === start);
    if (above && blocks[above[0] - 1]?.kind === 'paragraph') {
      const [aFrom, aTo] = above;
      const aStart = articleStart(blocks, aFrom, false);
      move(from, to, start);
      move(aFrom, aTo, aStart);
      placed.add(aFrom);
      start = -1;
    }
    if (start >= 0) move(from, to, start);
  }
  return { blocks: nameHeadlineParts(blocks), protos };
}

/**
 * A headline group's first line is the headline (or its kicker, a short label over it), the lines
 * under it its deck; a lone level-3 heading a crosshead.
 */
function nameHeadlineParts(blocks: Block[]): Block[] {
  const out: Block[] = [];
  blocks.forEach((b, i) => {
    const prev = out[i - 1];
    if (b.kind !== 'heading' || b.role !== undefined) out.push(b);
    // Under its kicker, a heading is the headline, of the kicker's rank; what follows it is its deck.
    else if (prev?.role === 'kicker') out.push({ ...b, level: prev.level ?? 1, role: 'headline' });
    else if ((b.level ?? 3) >= 3) out.push({ ...b, role: 'crosshead' });
    else {
      const deck = isHeadline(prev) && (prev!.level! < b.level! || out[i - 2]?.role === 'kicker');
      out.push({ ...b, role: deck ? 'deck' : 'headline' });
    }
  });
  return out;
}
