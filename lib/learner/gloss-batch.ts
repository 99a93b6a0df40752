/**
 * The popover's dictionary for a few passages, on the wire: every word the popover could show
 * while the reader taps in them (the words of the passages, the longer words they stand in, the
 * words covering each character, the words inside them: all are stretches of the passages' text),
 * so a tap is answered in the browser without a request. Entries are tuples (the field names of
 * thousands of entries would be a third of the bytes); `batchDict` turns them back into a
 * `GlossDict` for lib/learner/gloss-answer.ts.
 */
import type { DictEntry } from '../model';
import { wordParts, type ViewZhBlock } from '../reader/view';
import { briefEntry, isWordIn, type GlossDict, type GlossTerm } from './gloss-answer';
import { MAX_NESTED_LENGTH } from './nested';

/** A CC-CEDICT entry without what the popover never shows (its simplified form is the headword). */
type BatchEntry = [traditional: string, pinyin: string, senses: string[]];

/** A word of the batch: its entries, HSK level (0: none) and glossary term (pinyin, renderings). */
type BatchWord = [entries: BatchEntry[], hsk: number, term?: [pinyin: string, renderings: string[]]];

/** `GET /api/gloss/batch`: the dictionary of the document's pairs `from` to `to` (exclusive). */
export interface GlossBatch {
  doc: string;
  from: number;
  to: number;
  /**
   * Every dictionary word standing in the pairs' Chinese text, by simplified headword: the pairs'
   * own words in full, the others (only ever listed as words around, covering or inside a word)
   * in `brief`.
   */
  words: Record<string, BatchWord>;
  /** Words of `words` that carry only their main entry with its first senses, as the popover lists them. */
  brief: string[];
  /**
   * Dictionary keys of the pairs' words that the browser cannot answer alone: a key the dictionary
   * knows only under another headword (found by its traditional form on the server), or a key
   * that differs from the word's simplified text. The popover asks `/api/gloss` for these.
   */
  elsewhere: string[];
}

/**
 * One word of the batch, from the dictionary the server reads: every entry, or (`brief`) only what
 * the popover lists of a word it does not open (`briefEntry`), a fifth of the bytes.
 */
function batchWord(word: string, dict: GlossDict, brief = false): BatchWord {
  const all = dict.entries(word);
  const main = brief ? briefEntry(all) : undefined;
  const entries = (main ? [main] : brief ? [] : all).map((e): BatchEntry => [e.traditional, e.pinyin, e.senses]);
  const term = dict.term(word);
  return term ? [entries, dict.hsk(word) ?? 0, [term.pinyin, term.renderings]] : [entries, dict.hsk(word) ?? 0];
}

const NO_ENTRIES: readonly DictEntry[] = [];

/**
 * The batch as a GlossDict. A word it does not hold is no word: the batch holds every dictionary
 * word of its passages, and the popover asks only about stretches of the passage a word stands in.
 */
export function batchDict(words: GlossBatch['words']): GlossDict {
  const entries = new Map<string, readonly DictEntry[]>();
  const wordOf = (w: string): BatchWord | undefined => (Object.hasOwn(words, w) ? words[w] : undefined);
  return {
    entries(w) {
      let found = entries.get(w);
      if (found === undefined) {
        found =
          wordOf(w)?.[0].map(([traditional, pinyin, senses]) => ({
            traditional,
            simplified: w,
            pinyin,
            // Not shown by the popover, so not sent.
            pinyinNumbered: '',
            senses,
          })) ?? NO_ENTRIES;
        entries.set(w, found);
      }
      return found;
    },
    term(w): GlossTerm | undefined {
      const term = wordOf(w)?.[2];
      return term ? { pinyin: term[0], renderings: term[1] } : undefined;
    },
    hsk(w) {
      const level = wordOf(w)?.[1];
      return level ? level : undefined;
    },
  };
}

/** A block's characters as the popover's context holds them: simplified, whitespace left out. */
function blockCharacters(block: ViewZhBlock): string[] {
  const text = block.sentences
    .flatMap(([, words]) => words.map((w) => (typeof w === 'string' ? w : wordParts(w).simplified)))
    .join('');
  return Array.from(text.replace(/\s+/gu, ''));
}

/** The dictionary keys the popover looks words up by (ZhWord's data-k, else data-s), with the simplified text. */
function keysOf(block: ViewZhBlock): Array<{ key: string; simplified: string }> {
  return block.sentences.flatMap(([, words]) =>
    words.flatMap((w) => {
      if (typeof w === 'string') return [];
      const { key, simplified } = wordParts(w);
      return [{ key: key ?? simplified, simplified }];
    }),
  );
}

/**
 * The batch of some blocks: every stretch of each block's simplified text, up to the longest word
 * the popover looks for, that the dictionary knows, across the segmenter's word boundaries (the
 * popover offers 人民大会堂 on 民 in 北京人|民|大会|堂), in brief; the blocks' own words in full.
 * `headword` is the server's resolution of a key to its simplified headword (by traditional form).
 */
export function batchWords(
  blocks: readonly ViewZhBlock[],
  dict: GlossDict,
  headword: (key: string) => string,
): Pick<GlossBatch, 'words' | 'brief' | 'elsewhere'> {
  const isWord = isWordIn(dict);
  const full = new Set<string>();
  const elsewhere = new Set<string>();
  for (const { key, simplified } of blocks.flatMap(keysOf)) {
    if (key !== simplified || headword(key) !== key) elsewhere.add(key);
    else full.add(key);
  }
  const listed = new Set<string>();
  for (const chars of blocks.map(blockCharacters)) {
    for (let start = 0; start < chars.length; start++) {
      for (let end = start + 1; end <= Math.min(chars.length, start + MAX_NESTED_LENGTH); end++) {
        const stretch = chars.slice(start, end).join('');
        if (!full.has(stretch) && isWord(stretch)) listed.add(stretch);
      }
    }
  }
  const words: GlossBatch['words'] = {};
  for (const w of full) words[w] = batchWord(w, dict);
  for (const w of listed) words[w] = batchWord(w, dict, true);
  return { words, brief: [...listed], elsewhere: [...elsewhere] };
}
