/**
 * The reader's view of a document: what the browser needs to draw the parallel text and every
 * reading aid, and nothing else. A built document keeps each word as an object with four named
 * fields; the report (17,000 words) would send 2 MB that way. Here a word is a short tuple, the
 * English is plain sentences, and each sentence carries the index of its sentence bead, so sentence
 * sync, reveal and speech need no lookups. The dictionary never travels: the popover asks for a
 * word's entries when it opens.
 */
import type { Block, BlockKind, BuiltDoc, EnBlock, Pair, ZhBlock } from '@/lib/model';
import { HAN } from '../base/han';

/**
 * A Chinese word with Han characters: `[as written, pinyin, HSK level (0: none), simplified form,
 * dictionary key]`. The simplified form is '' when it equals the written form, and the key is
 * absent when it equals the simplified form (or '' when the dictionary lacks the word).
 * Anything else (punctuation, Latin text, digits) is a plain string.
 */
export type ViewWord = string | [original: string, pinyin: string, hsk: number, simplified?: string, key?: string];

export interface ViewZhBlock {
  kind: BlockKind;
  level?: number;
  /** A heading's part in its headline group (a kicker is shown small above its headline). */
  role?: Block['role'];
  /** A table's header rows; its sentences are its rows, a tab between two cells. */
  headerRows?: number;
  /** Each sentence: its sentence-bead index inside the pair, and its words. */
  sentences: Array<[bead: number, words: ViewWord[]]>;
}

export interface ViewEnBlock {
  kind: BlockKind;
  level?: number;
  role?: Block['role'];
  /** A table's header rows; its sentences are its rows, a tab between two cells. */
  headerRows?: number;
  /** Each sentence: its sentence-bead index inside the pair, and its text. */
  sentences: Array<[bead: number, text: string]>;
  /** Sanitised HTML (links of footnotes), shown instead of the sentences when present. */
  html?: string;
}

export interface ViewPair {
  id: number;
  zh: ViewZhBlock[];
  en: ViewEnBlock[];
  confidence: number;
  unaligned: boolean;
  lowConfidence: boolean;
}

/** A heading of the document, for the contents sidebar. */
export interface ContentsEntry {
  pair: number;
  level: number;
  zh: string;
  en?: string;
}

/** The fields of a Han word, named. */
export interface WordParts {
  original: string;
  pinyin: string;
  hsk: number;
  simplified: string;
  key: string | null;
}

export function wordParts(word: Exclude<ViewWord, string>): WordParts {
  const [original, pinyin, hsk, simplified, key] = word;
  const simple = simplified || original;
  return { original, pinyin, hsk, simplified: simple, key: key === undefined ? simple : key === '' ? null : key };
}

/** Bead index of each sentence of a pair's side, in the order the side's blocks hold them. */
function beadOfSentence(pair: Pair, side: 'zh' | 'en'): Map<number, number> {
  const map = new Map<number, number>();
  pair.sentences.forEach((bead, b) => {
    for (const s of bead[side]) map.set(s, b);
  });
  return map;
}

function viewZhBlock(
  block: ZhBlock,
  beads: Map<number, number>,
  first: number,
  hskLevel: (word: string) => number | undefined,
): ViewZhBlock {
  const sentences = block.sentences.map((sentence, s): [number, ViewWord[]] => {
    const words: ViewWord[] = [];
    for (const word of sentence.words) {
      if (!HAN.test(word.original)) {
        // Consecutive non-Han runs are one string: fewer array slots, same text.
        const last = words.at(-1);
        if (typeof last === 'string') words[words.length - 1] = last + word.original;
        else words.push(word.original);
        continue;
      }
      const tuple: [string, string, number, string?, string?] = [
        word.original,
        word.pinyin,
        hskLevel(word.simplified) ?? 0,
      ];
      const simplified = word.simplified === word.original ? '' : word.simplified;
      const key = word.key === null ? '' : word.key === word.simplified ? undefined : word.key;
      if (simplified !== '' || key !== undefined) tuple.push(simplified);
      if (key !== undefined) tuple.push(key);
      words.push(tuple);
    }
    return [beads.get(first + s) ?? 0, words];
  });
  // A block the segmenter gave no sentences (it has no Chinese text) still shows its text.
  if (sentences.length === 0 && (block.original || block.text)) sentences.push([0, [block.original || block.text]]);
  return {
    kind: block.kind,
    ...(block.level !== undefined ? { level: block.level } : {}),
    ...(block.role !== undefined ? { role: block.role } : {}),
    ...(block.headerRows !== undefined ? { headerRows: block.headerRows } : {}),
    sentences,
  };
}

function viewEnBlock(block: EnBlock, beads: Map<number, number>, first: number): ViewEnBlock {
  const texts = block.sentences.length > 0 ? block.sentences : [block.text];
  return {
    kind: block.kind,
    ...(block.level !== undefined ? { level: block.level } : {}),
    ...(block.role !== undefined ? { role: block.role } : {}),
    ...(block.headerRows !== undefined ? { headerRows: block.headerRows } : {}),
    sentences: texts.map((text, s) => [beads.get(first + s) ?? 0, text]),
    ...(block.html ? { html: block.html } : {}),
  };
}

/** The reader's view of pairs `from` (inclusive) to `to` (exclusive) of a document. */
export function viewPairs(
  doc: BuiltDoc,
  from: number,
  to: number,
  hskLevel: (word: string) => number | undefined,
): ViewPair[] {
  return doc.pairs.slice(from, to).map((pair) => {
    const zhBeads = beadOfSentence(pair, 'zh');
    const enBeads = beadOfSentence(pair, 'en');
    let zhFirst = 0;
    const zh = pair.zh.flatMap((i) => {
      const block = doc.zh[i];
      if (!block) return [];
      const view = viewZhBlock(block, zhBeads, zhFirst, hskLevel);
      zhFirst += block.sentences.length;
      return [view];
    });
    let enFirst = 0;
    const en = pair.en.flatMap((i) => {
      const block = doc.en[i];
      if (!block) return [];
      const view = viewEnBlock(block, enBeads, enFirst);
      enFirst += block.sentences.length;
      return [view];
    });
    return {
      id: pair.id,
      zh,
      en: setLikeItsChinese(zh, en),
      confidence: pair.confidence,
      unaligned: pair.unaligned,
      lowConfidence: pair.lowConfidence,
    };
  });
}

/**
 * The English of a kicker, a byline, a sidebar's block or a pull quote is set like it (small,
 * above the headline or under it; in the box after the article; set apart as a quotation):
 * a translation in Markdown has no way to say so, and its paragraph pairs with the Chinese alone.
 */
function setLikeItsChinese(zh: ViewZhBlock[], en: ViewEnBlock[]): ViewEnBlock[] {
  const only = zh.length === 1 ? zh[0]! : undefined;
  const setApart = only?.kind === 'byline' || only?.kind === 'sidebar' || only?.kind === 'pullquote';
  if (!only || (only.role !== 'kicker' && !setApart)) return en;
  return en.map((b) =>
    b.kind === 'paragraph' ? { ...b, kind: only.kind, ...(only.role ? { role: only.role } : {}) } : b,
  );
}

/** A kicker labels its headline: it is no entry of the contents. */
const isContentsHeading = (block: { kind: BlockKind; role?: Block['role'] } | undefined) =>
  block?.kind === 'heading' && block.role !== 'kicker';

/**
 * Where the first view ends: enough pairs to fill a tall screen (a budget of Han characters), so
 * the page paints from its HTML and the rest follows in one request. Always at least one pair.
 */
export function firstViewEnd(doc: BuiltDoc, budget = FIRST_VIEW_CHARACTERS): number {
  let characters = 0;
  for (const pair of doc.pairs) {
    for (const i of pair.zh) characters += [...(doc.zh[i]?.text ?? '')].length;
    if (characters >= budget) return pair.id + 1;
  }
  return doc.pairs.length;
}

/**
 * About a screen of running text on a desktop at the default size: the document's header (title,
 * difficulty, alignment map) fills most of the first screen, and the rest arrives while it is read.
 */
const FIRST_VIEW_CHARACTERS = 300;

/**
 * The headings as the reader draws the text: each read from its pair's heading block in the pairs
 * drawn (converted to Taiwan or Hong Kong characters, or read in `simplified` characters), so the
 * sidebar shows the script the text is shown in. A heading whose pair is not drawn yet (the rest of
 * the document still on its way) keeps the document's own text.
 */
export function contentsIn(
  contents: readonly ContentsEntry[],
  pairs: readonly ViewPair[],
  simplified: boolean,
): ContentsEntry[] {
  const byId = new Map(pairs.map((p) => [p.id, p]));
  return contents.map((entry) => {
    const heading = byId.get(entry.pair)?.zh.find(isContentsHeading);
    if (!heading) return entry;
    const text = heading.sentences
      .flatMap(([, words]) =>
        words.map((w) => (typeof w === 'string' ? w : simplified ? wordParts(w).simplified : w[0])),
      )
      .join('');
    return text === '' || text === entry.zh ? entry : { ...entry, zh: text };
  });
}

/** The document's headings, each with the pair it opens, for the contents sidebar. */
export function contentsOf(doc: BuiltDoc): ContentsEntry[] {
  const entries: ContentsEntry[] = [];
  for (const pair of doc.pairs) {
    const heading = pair.zh.map((i) => doc.zh[i]).find(isContentsHeading);
    if (!heading) continue;
    const en =
      pair.en.map((i) => doc.en[i]).find((block) => block?.kind === 'heading') ??
      (pair.en.length > 0 ? doc.en[pair.en[0]!] : undefined);
    entries.push({
      pair: pair.id,
      level: heading.level ?? 1,
      zh: heading.original || heading.text,
      ...(en ? { en: en.text } : {}),
    });
  }
  return entries;
}
