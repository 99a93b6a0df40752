/**
 * What the three readers of running text share: the proto-block each of them gives the cleaner
 * (clean.ts reads plain text, markdown.ts Markdown, html.ts HTML through Markdown), and the page
 * furniture rule each of them drops lines by. A module of its own so that the readers depend on it
 * and the cleaner depends on the readers, never the other way round.
 */
import type { BlockKind, Dropped } from '../model';
import { FURNITURE } from './clean-rules';

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
  /** A list item's nesting (Markdown and HTML lists). */
  depth?: number;
  /** A table's cells, row by row, and how many rows are its header. */
  rows?: string[][];
  headerRows?: number;
  marker?: string;
  /** Sanitised HTML, when the Markdown had inline markup worth keeping (links). */
  html?: string;
  /** A photo credit followed it: it is the photo's caption. */
  photoCredit?: boolean;
  /** Markdown paragraphs can be joined across page breaks only with each other. */
  fromMarkdown?: boolean;
  /** Its first line is indented on a page whose paragraphs are marked so: it opens a paragraph. */
  opensByIndent?: boolean;
  /** The title of a sidebar box (相关链接): the first of its `sidebar` blocks. */
  boxTitle?: boolean;
  /** Its text as set, cut where a line ended short of the column (a deliberate break): a headline keeps those as spaces. */
  setLines?: string[];
}

/** The furniture rule a line matches, if any. */
export function furnitureReason(line: string): Dropped['reason'] | undefined {
  return furnitureRule(line)?.reason;
}

export function furnitureRule(line: string): (typeof FURNITURE)[number] | undefined {
  const t = line.trim();
  return t === '' ? undefined : FURNITURE.find((rule) => rule.pattern.test(t));
}

/** A line as a running header comes back page after page: its words, whatever its page number and spacing. */
export function runningHeaderKey(line: string): string {
  return line.replace(/\s+/gu, '').replace(/\d+/gu, '#');
}
