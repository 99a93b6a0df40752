/**
 * HTML sources and translations (a saved web page, or a DOCX converted by mammoth): parsed with
 * rehype-parse (parse5, the HTML standard's parsing algorithm), sanitised with rehype-sanitize,
 * then turned into mdast by hast-util-to-mdast so that markdown.ts's one walk makes the blocks.
 * Nothing here renders HTML from the input: the only HTML a block keeps is markdown.ts's own
 * rendering of the mdast, which goes through rehype-sanitize a second time.
 */
import type { Nodes, Root as HastRoot } from 'hast';
import { toMdast } from 'hast-util-to-mdast';
import type { Root } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeSanitize from 'rehype-sanitize';
import { unified } from 'unified';
import type { Dropped } from '../model';
import type { ProtoBlock } from './clean';
import { HTML_SOURCE_SCHEMA } from './html-schema';
import { mdastProtoBlocks } from './markdown';

/** Same cap as Markdown: a web page or a converted DOCX larger than this is not one document. */
export const HTML_MAX_BYTES = 8 * 1024 * 1024;
/**
 * Elements nested deeper than this are refused: the tree walks of sanitize and to-mdast recurse,
 * and `'<div>'.repeat(100000)` would overflow the stack; real pages stay far below it.
 */
export const HTML_MAX_DEPTH = 256;

export class HtmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HtmlError';
  }
}

const parser = unified().use(rehypeParse);
const sanitizer = unified().use(rehypeSanitize, HTML_SOURCE_SCHEMA);

/** Depth of the tree, measured without recursion (the tree may be the hostile one). */
function treeDepth(root: Nodes): number {
  let deepest = 0;
  const stack: Array<[Nodes, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [Nodes, number];
    if (depth > deepest) deepest = depth;
    if (depth > HTML_MAX_DEPTH) break;
    if ('children' in node) for (const child of node.children) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** HTML text → sanitised mdast. */
export function htmlToMdast(text: string): Root {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > HTML_MAX_BYTES) throw new HtmlError(`HTML of ${bytes} bytes is over the ${HTML_MAX_BYTES}-byte limit`);
  let tree: HastRoot;
  try {
    tree = parser.parse(text);
  } catch (e) {
    // hast-util-from-parse5 recurses: a hostile nesting overflows the stack before we can measure it.
    if (e instanceof RangeError) throw new HtmlError(`HTML nested too deeply to parse (over ${HTML_MAX_DEPTH} elements)`);
    throw e;
  }
  if (treeDepth(tree) > HTML_MAX_DEPTH) throw new HtmlError(`HTML nested more than ${HTML_MAX_DEPTH} elements deep`);
  const clean = sanitizer.runSync(tree) as HastRoot;
  return toMdast(clean) as Root;
}

export function htmlProtoBlocks(text: string, dropped: Dropped[]): ProtoBlock[] {
  return mdastProtoBlocks(htmlToMdast(text), dropped);
}
