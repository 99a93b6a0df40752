/**
 * Translation memories brought in as parallel documents: TMX 1.4b and XLIFF 1.2 / 2.0, parsed with
 * fast-xml-parser. Each translation unit becomes one Chinese paragraph and its English paragraph,
 * a pair *given* by the memory: the paragraph aligner never re-pairs them (see alignBlocks).
 *
 * Safety: fast-xml-parser never fetches anything (a DOCTYPE naming tmx14.dtd is read past, not
 * loaded). A memory has no use for entity declarations, so any `<!ENTITY` is refused outright
 * rather than expanded (no "billion laughs"); the five predefined entities and character
 * references are decoded as usual. Size and nesting are capped.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { DecodedText, ScriptVariant } from '../model';
import { normaliseSpaces } from '../text/text-width';

/** A memory of a whole book is a few megabytes; beyond this it is not one document. */
export const MEMORY_MAX_BYTES = 16 * 1024 * 1024;
/** TMX and XLIFF nest a dozen elements deep at most (groups inside groups aside). */
const MEMORY_MAX_DEPTH = 64;

export class MemoryError extends Error {
  constructor(
    readonly path: string,
    problem: string,
    options?: ErrorOptions,
  ) {
    super(`${path}: ${problem}`, options);
    this.name = 'MemoryError';
  }
}

/** One translation unit: either side may be empty (a unit not translated yet). */
interface MemoryUnit {
  zh: string;
  en: string;
}

export interface Memory {
  units: MemoryUnit[];
  /** The language tags the two sides were read from. */
  zhLang: string;
  enLang: string;
}

// ---------------------------------------------------------------- language tags

const ZH = new Set(['zh', 'zho', 'chi', 'cmn']);
const EN = new Set(['en', 'eng']);

function subtags(tag: string): string[] {
  return tag.trim().toLowerCase().replace(/_/g, '-').split('-');
}
const isChineseTag = (tag: string) => ZH.has(subtags(tag)[0] ?? '');
const isEnglishTag = (tag: string) => EN.has(subtags(tag)[0] ?? '');

/** The script variant a Chinese tag names, or undefined when it does not say (plain `zh`). */
export function tagVariant(tag: string): ScriptVariant | undefined {
  const rest = subtags(tag).slice(1);
  if (rest.includes('hk') || rest.includes('mo')) return 'traditional-HK';
  if (rest.includes('tw')) return 'traditional-TW';
  if (rest.includes('hant')) return 'traditional-TW';
  if (rest.includes('hans') || rest.includes('cn') || rest.includes('sg')) return 'simplified';
  return undefined;
}

/**
 * Of several Chinese variants in one unit (our own TMX export carries zh-CN and the original zh-HK),
 * the one the document is declared in; otherwise the first.
 */
function pickChinese<T extends { lang: string }>(candidates: T[], variant: ScriptVariant): T | undefined {
  const rank = (c: T) => {
    const v = tagVariant(c.lang);
    if (v === variant) return 0;
    if (v?.startsWith('traditional') && variant.startsWith('traditional')) return 1;
    if (v === undefined) return 2;
    return 3;
  };
  return [...candidates].sort((a, b) => rank(a) - rank(b))[0];
}

// ---------------------------------------------------------------- the XML tree (preserveOrder form)

/** fast-xml-parser's ordered form: `{ tag: children, ':@': attributes }` or `{ '#text': text }`. */
type XNode = Record<string, unknown>;

const tagOf = (n: XNode): string => Object.keys(n).find((k) => k !== ':@') ?? '';
const childrenOf = (n: XNode): XNode[] => {
  const c = n[tagOf(n)];
  return Array.isArray(c) ? (c as XNode[]) : [];
};
const attr = (n: XNode, name: string): string | undefined => {
  const a = n[':@'] as Record<string, unknown> | undefined;
  const v = a?.[name];
  return typeof v === 'string' ? v : undefined;
};
const elements = (n: XNode, tag: string): XNode[] => childrenOf(n).filter((c) => tagOf(c) === tag);
const element = (n: XNode, tag: string): XNode | undefined => elements(n, tag)[0];

/**
 * Inline elements whose content is native markup of the original file (`<bpt>&lt;b&gt;</bpt>`),
 * not text: TMX bpt/ept/it/ph/ut, XLIFF 1.2 bpt/ept/it/ph and the empty x/bx/ex, XLIFF 2.0 ph/sc/ec.
 * Everything else inline (hi, g, mrk, pc, sub-flows aside) holds text and is read through.
 */
const NATIVE_CODE = new Set(['bpt', 'ept', 'it', 'ph', 'ut', 'x', 'bx', 'ex', 'sc', 'ec', 'sm', 'em']);

function segmentText(n: XNode, path: string, depth = 0): string {
  if (depth > MEMORY_MAX_DEPTH) throw new MemoryError(path, `inline markup nested more than ${MEMORY_MAX_DEPTH} deep`);
  let out = '';
  for (const c of childrenOf(n)) {
    const tag = tagOf(c);
    if (tag === '#text') out += String(c['#text']);
    else if (tag === 'cp') {
      // XLIFF 2.0 writes a character XML cannot hold as <cp hex="…"/>.
      const cp = Number.parseInt(attr(c, 'hex') ?? '', 16);
      if (Number.isInteger(cp) && cp >= 0 && cp <= 0x10ffff) out += String.fromCodePoint(cp);
    } else if (!NATIVE_CODE.has(tag)) out += segmentText(c, path, depth + 1);
  }
  return out;
}

function depthOf(nodes: XNode[]): number {
  let deepest = 0;
  const stack: Array<[XNode, number]> = nodes.map((n) => [n, 1]);
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [XNode, number];
    if (depth > deepest) deepest = depth;
    if (depth > MEMORY_MAX_DEPTH) break;
    for (const c of childrenOf(node)) stack.push([c, depth + 1]);
  }
  return deepest;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Keep "123" a string, and keep the spaces a segment has.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  htmlEntities: false,
  maxNestedTags: MEMORY_MAX_DEPTH,
});

function parseXml(doc: DecodedText): XNode[] {
  const bytes = Buffer.byteLength(doc.text, 'utf8');
  if (bytes > MEMORY_MAX_BYTES)
    throw new MemoryError(doc.path, `translation memory of ${bytes} bytes is over the ${MEMORY_MAX_BYTES}-byte limit`);
  if (/<!ENTITY/i.test(doc.text))
    throw new MemoryError(doc.path, 'entity declarations (<!ENTITY …>) are refused in a translation memory');
  const valid = XMLValidator.validate(doc.text);
  if (valid !== true)
    throw new MemoryError(
      doc.path,
      `not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`,
    );
  let nodes: XNode[];
  try {
    nodes = parser.parse(doc.text) as XNode[];
  } catch (e) {
    const message = (e as Error).message;
    throw new MemoryError(
      doc.path,
      /nested/i.test(message)
        ? `elements nested more than ${MEMORY_MAX_DEPTH} deep`
        : `cannot read the XML: ${message}`,
      { cause: e },
    );
  }
  // The parser's own cap, checked again here so the tree walks below may recurse safely.
  if (depthOf(nodes) > MEMORY_MAX_DEPTH + 1)
    throw new MemoryError(doc.path, `elements nested more than ${MEMORY_MAX_DEPTH} deep`);
  return nodes;
}

function rootElement(nodes: XNode[], name: string, doc: DecodedText): XNode {
  const root = nodes.find((n) => !['?xml', '#text', '#comment', '!DOCTYPE'].includes(tagOf(n)));
  if (!root || tagOf(root) !== name)
    throw new MemoryError(
      doc.path,
      `not a ${name === 'tmx' ? 'TMX' : 'XLIFF'} file (root element <${root ? tagOf(root) : ''}>, expected <${name}>)`,
    );
  return root;
}

const zhText = (s: string) => normaliseSpaces(s);
const enText = (s: string) => normaliseSpaces(s);

function noSides(doc: DecodedText, seen: Set<string>, zhLang: string, enLang: string): never {
  const missing = [
    zhLang ? '' : 'Chinese (zh, zh-CN, zh-Hans, zh-TW, zh-HK…)',
    enLang ? '' : 'English (en, en-GB…)',
  ].filter(Boolean);
  throw new MemoryError(
    doc.path,
    `no ${missing.join(' and no ')} side: a parallel document needs both (languages found: ${[...seen].join(', ') || 'none'})`,
  );
}

// ---------------------------------------------------------------- TMX 1.4b

function parseTmx(doc: DecodedText, variant: ScriptVariant): Memory {
  const tmx = rootElement(parseXml(doc), 'tmx', doc);
  const body = element(tmx, 'body');
  const seen = new Set<string>();
  let zhLang = '';
  let enLang = '';
  const units: MemoryUnit[] = [];
  for (const tu of body ? elements(body, 'tu') : []) {
    // TMX 1.4 writes xml:lang; 1.1 wrote lang.
    const tuvs = elements(tu, 'tuv').map((tuv) => {
      const lang = attr(tuv, 'xml:lang') ?? attr(tuv, 'lang') ?? '';
      const seg = element(tuv, 'seg');
      seen.add(lang);
      return { lang, text: seg ? segmentText(seg, doc.path) : '' };
    });
    const zh = pickChinese(
      tuvs.filter((t) => isChineseTag(t.lang)),
      variant,
    );
    const en = tuvs.find((t) => isEnglishTag(t.lang));
    if (zh) zhLang ||= zh.lang;
    if (en) enLang ||= en.lang;
    const unit = { zh: zhText(zh?.text ?? ''), en: enText(en?.text ?? '') };
    if (unit.zh !== '' || unit.en !== '') units.push(unit);
  }
  if (!zhLang || !enLang) noSides(doc, seen, zhLang, enLang);
  return { units, zhLang, enLang };
}

// ---------------------------------------------------------------- XLIFF 1.2 and 2.0

/** Units in document order, through groups at any depth. */
function collectUnits(n: XNode, unitTag: string, out: XNode[], depth = 0): XNode[] {
  for (const c of childrenOf(n)) {
    const tag = tagOf(c);
    if (tag === unitTag) out.push(c);
    else if ((tag === 'group' || tag === 'body') && depth < MEMORY_MAX_DEPTH) collectUnits(c, unitTag, out, depth + 1);
  }
  return out;
}

function parseXliff(doc: DecodedText, variant: ScriptVariant): Memory {
  const xliff = rootElement(parseXml(doc), 'xliff', doc);
  const v2 = (attr(xliff, 'version') ?? '').startsWith('2');
  const seen = new Set<string>();
  let zhLang = '';
  let enLang = '';
  const units: MemoryUnit[] = [];
  for (const file of elements(xliff, 'file')) {
    // 2.0 declares the languages on <xliff>, 1.2 on each <file>.
    const src = (v2 ? attr(xliff, 'srcLang') : attr(file, 'source-language')) ?? '';
    const trg = (v2 ? attr(xliff, 'trgLang') : attr(file, 'target-language')) ?? '';
    for (const l of [src, trg]) if (l) seen.add(l);
    const sides = [
      { lang: src, side: 'source' as const },
      { lang: trg, side: 'target' as const },
    ];
    const zh = pickChinese(
      sides.filter((s) => isChineseTag(s.lang)),
      variant,
    );
    const en = sides.find((s) => isEnglishTag(s.lang));
    if (!zh || !en) continue;
    zhLang ||= zh.lang;
    enLang ||= en.lang;
    for (const unit of collectUnits(file, v2 ? 'unit' : 'trans-unit', [])) {
      // 2.0 splits a unit into segments (with ignorable whitespace between): the unit is the pair.
      const parts = v2 ? childrenOf(unit).filter((c) => ['segment', 'ignorable'].includes(tagOf(c))) : [unit];
      const side = (which: 'source' | 'target') =>
        parts
          .map((p) => element(p, which))
          .map((e) => (e ? segmentText(e, doc.path) : ''))
          .join(v2 ? ' ' : '');
      const u = { zh: zhText(side(zh.side)), en: enText(side(en.side)) };
      if (u.zh !== '' || u.en !== '') units.push(u);
    }
  }
  if (!zhLang || !enLang) noSides(doc, seen, zhLang, enLang);
  return { units, zhLang, enLang };
}

/** Stage 2 for a translation memory: its units, the Chinese and English side of each. */
export function parseMemory(doc: DecodedText, variant: ScriptVariant): Memory {
  if (doc.format === 'tmx') return parseTmx(doc, variant);
  if (doc.format === 'xliff') return parseXliff(doc, variant);
  throw new MemoryError(doc.path, `format ${doc.format} is not a translation memory`);
}
