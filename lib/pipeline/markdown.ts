/**
 * Markdown sources and translations (a PDF extraction: # headings, <sup>①</sup> markers, links,
 * --- rules) are parsed with remark, never treated as plain text. Inline markup worth keeping
 * (links, emphasis) is rendered to HTML here, at ingest, through rehype-sanitize. HTML sources
 * (and DOCX, through mammoth) come through the same walk (`mdastProtoBlocks`, see html.ts).
 */
import type { Heading, List, Node, Paragraph, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { Dropped } from '../model';
import { furnitureReason, type ProtoBlock } from './proto-block';
import { TOC_ENTRY_END, TOC_HEADING } from './clean-rules';

/** Parsing cost of pathological Markdown grows quadratically: cap size and nesting first. */
const MARKDOWN_MAX_BYTES = 8 * 1024 * 1024;
const MARKDOWN_MAX_NESTING = 16;

export class MarkdownError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MarkdownError';
  }
}

/** Container markers (list bullets, numbers, quote marks) opening one line, counted cheaply. */
function deepestNesting(text: string): { depth: number; line: number } {
  let worst = { depth: 0, line: 0 };
  let lineNo = 0;
  for (const line of text.split('\n')) {
    lineNo++;
    let depth = 0;
    const re = /\s{0,3}(?:[*+-]|\d{1,9}[.)]|>)(?:\s+|$)/y;
    while (re.exec(line) !== null && depth <= MARKDOWN_MAX_NESTING) depth++;
    if (depth > worst.depth) worst = { depth, line: lineNo };
  }
  return worst;
}

function parseMarkdown(text: string): Root {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MARKDOWN_MAX_BYTES)
    throw new MarkdownError(`Markdown of ${bytes} bytes is over the ${MARKDOWN_MAX_BYTES}-byte limit`);
  const nesting = deepestNesting(text);
  if (nesting.depth > MARKDOWN_MAX_NESTING) {
    throw new MarkdownError(`Markdown nested more than ${MARKDOWN_MAX_NESTING} levels deep at line ${nesting.line}`);
  }
  return unified().use(remarkParse).use(remarkGfm).parse(text);
}

const renderer = unified().use(remarkRehype).use(rehypeSanitize).use(rehypeStringify);

/** Sanitised HTML of one paragraph's inline content. */
function renderInline(children: PhrasingContent[]): string {
  const root: Root = { type: 'root', children: [{ type: 'paragraph', children }] };
  return String(renderer.stringify(renderer.runSync(root)));
}

const RICH = new Set(['link', 'linkReference', 'emphasis', 'strong', 'inlineCode', 'delete']);
function hasRichInline(node: Node): boolean {
  if (RICH.has(node.type)) return true;
  const children = (node as { children?: Node[] }).children;
  return Array.isArray(children) && children.some(hasRichInline);
}

/** Plain text of inline content: raw HTML tags (<sup>) dropped, their text kept. */
function plain(node: Node): string {
  return toString(node, { includeHtml: false });
}

const FOOTNOTE_MARKER = /^\s*([①-⑳㉑-㉟㊱-㊿]|\[\d{1,3}\]|\d{1,3}[.)](?=\s))\s*/u;

/** Split a paragraph at hard line breaks: each part is a line of its own on the page. */
function splitAtBreaks(p: Paragraph): PhrasingContent[][] {
  const parts: PhrasingContent[][] = [[]];
  for (const child of p.children) {
    if (child.type === 'break') parts.push([]);
    else parts.at(-1)?.push(child);
  }
  return parts.filter((part) => part.length > 0);
}

export function markdownProtoBlocks(text: string, dropped: Dropped[]): ProtoBlock[] {
  return mdastProtoBlocks(parseMarkdown(text), dropped, text);
}

/**
 * A table a PDF extraction wrote as lines of tab-separated cells: its rows, each padded to the
 * widest row, an empty cell kept empty ("2022\t\t\t2.3\t99" is a row with two empty cells, not
 * Russia's figures). Read from the source's own lines, because Markdown strips the tab that opens a
 * continuation line (an empty first cell). Null when the lines are not all cells.
 */
function tabTableRows(raw: string): string[][] | null {
  const lines = raw.split('\n').filter((l) => l.trim() !== '');
  if (lines.length < 2 || !lines.every((l) => l.includes('\t'))) return null;
  const rows = lines.map((l) => l.split('\t').map((c) => c.trim()));
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
}

/** A table's header: its first rows without a figure in any cell (column titles), at most all but one. */
function headerRowCount(rows: readonly string[][]): number {
  let n = 0;
  while (n < rows.length - 1 && rows[n]!.every((cell) => !/\d/u.test(cell))) n++;
  return n;
}

/** A GFM table (Markdown, or HTML through mdast): its cells as plain text; the first row is its header. */
function gfmTableRows(table: Table): string[][] {
  const rows = table.children.map((row) => row.children.map((cell) => plain(cell).trim()));
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
}

/** A table's text for search and alignment: each row's cells joined by a tab, rows by a space. */
export function tableText(rows: readonly string[][]): string {
  return rows.map((r) => r.join('\t')).join(' ');
}

/**
 * The walk from an mdast tree to proto-blocks, shared by Markdown and HTML (html.ts turns a
 * sanitised HTML tree into mdast), so both formats follow one set of rules.
 */
export function mdastProtoBlocks(root: Root, dropped: Dropped[], source?: string): ProtoBlock[] {
  const protos: ProtoBlock[] = [];
  let inToc = false;
  let afterRule = false;
  const nodes = root.children;

  nodes.forEach((node, i) => {
    const line = node.position?.start.line ?? 0;
    const prevEnd = nodes[i - 1]?.position?.end.line ?? 0;
    const nextStart = nodes[i + 1]?.position?.start.line;
    const endLine = node.position?.end.line ?? line;
    const blanksBefore = Math.max(0, line - prevEnd - 1);
    const blanksAfter = nextStart === undefined ? 0 : Math.max(0, nextStart - endLine - 1);
    const push = (p: Omit<ProtoBlock, 'line' | 'blanksBefore' | 'blanksAfter' | 'fromMarkdown'>) =>
      protos.push({ ...p, line, blanksBefore, blanksAfter, fromMarkdown: true });
    const drop = (t: string, reason: Dropped['reason']) => dropped.push({ line, text: t, reason });

    const whole = plain(node).trim();
    if (node.type === 'thematicBreak') {
      drop('---', 'rule');
      afterRule = true; // footnotes of a page follow its rule
      return;
    }
    // A table of contents: its heading and every entry ending in a page number.
    if (node.type === 'heading' && TOC_HEADING.test(whole.replace(/\s/g, ''))) {
      inToc = true;
      drop(whole, 'page-furniture');
      return;
    }
    if (inToc) {
      const entries = whole.split('\n').filter((l) => l.trim() !== '');
      const tocLike = entries.every(
        (l) => TOC_ENTRY_END.test(l.trim()) || /^\d{1,3}$/u.test(l.trim()) || furnitureReason(l),
      );
      if (tocLike) {
        drop(whole, 'page-furniture');
        return;
      }
      inToc = false;
    }
    if (whole === '') return;
    const reason = furnitureReason(whole);
    if (reason) {
      drop(whole, reason);
      return;
    }

    switch (node.type) {
      case 'heading': {
        const h = node as Heading;
        push({
          kind: 'heading',
          level: h.depth,
          text: whole,
          ...(hasRichInline(h) ? { html: renderInline(h.children) } : {}),
        });
        afterRule = false;
        return;
      }
      case 'paragraph': {
        const start = node.position?.start.offset;
        const end = node.position?.end.offset;
        const rows =
          source !== undefined && start !== undefined && end !== undefined
            ? tabTableRows(source.slice(start, end))
            : null;
        if (rows) {
          push({ kind: 'table', text: tableText(rows), rows, headerRows: headerRowCount(rows) });
          afterRule = false;
          return;
        }
        for (const part of splitAtBreaks(node)) {
          const partText = plain({ type: 'paragraph', children: part } as Paragraph).trim();
          if (partText === '') continue;
          const partReason = furnitureReason(partText);
          if (partReason) {
            drop(partText, partReason);
            continue;
          }
          const html = part.some(hasRichInline) ? renderInline(part) : undefined;
          // A footnote: a marker opening a paragraph below a page's rule, or a superscript marker
          // (<sup>①</sup>) opening it where the extraction lost the rule.
          const superscript = part[0]?.type === 'html' && /^<sup>/i.test(part[0].value);
          const marker = afterRule || superscript ? FOOTNOTE_MARKER.exec(partText)?.[1] : undefined;
          if (marker) push({ kind: 'footnote', marker, text: partText, ...(html ? { html } : {}) });
          else {
            afterRule = false;
            push({ text: partText, ...(html ? { html } : {}) });
          }
        }
        return;
      }
      case 'list':
        for (const item of listItems(node, 0)) push(item);
        afterRule = false;
        return;
      case 'table': {
        const rows = gfmTableRows(node);
        push({
          kind: 'table',
          text: tableText(rows),
          rows,
          headerRows: Math.max(rows.length > 1 ? 1 : 0, headerRowCount(rows)),
        });
        afterRule = false;
        return;
      }
      case 'blockquote':
        push({ kind: 'quote', text: whole });
        return;
      default:
        // Tables, code and raw HTML blocks: their text is kept as a paragraph, never lost.
        for (const l of whole.split('\n')) if (l.trim() !== '') push({ text: l.trim() });
    }
  });
  return protos;
}

/** A list's items in order, each with its own text only: a list inside an item gives items one level deeper. */
function listItems(list: List, depth: number): Array<Pick<ProtoBlock, 'kind' | 'text' | 'depth' | 'html'>> {
  return list.children.flatMap((item) => {
    const own = item.children.filter((c) => c.type !== 'list');
    const text = own
      .map((c) => plain(c).trim())
      .filter((t) => t !== '')
      .join(' ');
    const nested = item.children.flatMap((c) => (c.type === 'list' ? listItems(c, depth + 1) : []));
    const head =
      text === ''
        ? []
        : [
            {
              kind: 'list-item' as const,
              text,
              depth,
              ...(own.some(hasRichInline) ? { html: renderListItem(own) } : {}),
            },
          ];
    return [...head, ...nested];
  });
}

function renderListItem(children: RootContent[]): string {
  const phrasing = children.flatMap((c) => (c.type === 'paragraph' ? c.children : []));
  return renderInline(phrasing);
}
