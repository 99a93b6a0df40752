/**
 * HTML sources and translations (a saved web page, or a DOCX converted by mammoth): parsed with
 * rehype-parse (parse5, the HTML standard's parsing algorithm), sanitised with rehype-sanitize,
 * then turned into mdast by hast-util-to-mdast so that markdown.ts's one walk makes the blocks.
 * Nothing here renders HTML from the input: the only HTML a block keeps is markdown.ts's own
 * rendering of the mdast, which goes through rehype-sanitize a second time.
 */
import type { Element, ElementContent, Nodes, Root as HastRoot } from 'hast';
import { toMdast } from 'hast-util-to-mdast';
import type { Root } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeSanitize from 'rehype-sanitize';
import { unified } from 'unified';
import type { Dropped } from '../model';
import type { ProtoBlock } from './proto-block';
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

/**
 * Most children one node may hand to the sanitizer. hast-util-sanitize unwraps an element it does
 * not keep (`<body>`, `<html>`, any unknown tag) with `results.push(...children)`: a page of 300,000
 * short paragraphs is a single call with 300,000 arguments, past the engine's stack ("Maximum call
 * stack size exceeded" at 5 MB of HTML). Wider nodes get their children grouped in `<div>`s of at
 * most this many (a div is kept by the schema and is only a wrapper to hast-util-to-mdast), so no
 * unwrap ever spreads more than this. Found by measure: 100,000 arguments overflow, 10,000 do not.
 */
const HTML_MAX_CHILDREN = 4_096;

/** Groups the children of every node wider than HTML_MAX_CHILDREN (in place, iteratively). */
function narrowWideNodes(root: HastRoot): void {
  const stack: Nodes[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (!('children' in node)) continue;
    // Repeated until narrow: 300,000 children become 74 divs; 20 million would take two rounds.
    while (node.children.length > HTML_MAX_CHILDREN) {
      const groups: Element[] = [];
      for (let i = 0; i < node.children.length; i += HTML_MAX_CHILDREN) {
        groups.push({
          type: 'element',
          tagName: 'div',
          properties: {},
          children: node.children.slice(i, i + HTML_MAX_CHILDREN) as ElementContent[],
        });
      }
      node.children = groups;
    }
    for (const child of node.children) stack.push(child);
  }
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
    if (e instanceof RangeError)
      throw new HtmlError(`HTML nested too deeply to parse (over ${HTML_MAX_DEPTH} elements)`);
    throw e;
  }
  if (treeDepth(tree) > HTML_MAX_DEPTH) throw new HtmlError(`HTML nested more than ${HTML_MAX_DEPTH} elements deep`);
  narrowWideNodes(tree);
  const clean = sanitizer.runSync(tree) as HastRoot;
  return toMdast(clean) as Root;
}

export function htmlProtoBlocks(text: string, dropped: Dropped[]): ProtoBlock[] {
  return mdastProtoBlocks(htmlToMdast(text), dropped);
}
