/**
 * The popover's dictionary for a few passages, on the wire: every word the popover could show
 * while the reader taps in them (the words of the passages, the longer words they stand in, the
 * words covering each character, the words inside them: all are stretches of the passages' text),
 * so a tap is answered in the browser without a request. Entries are tuples (the field names of
 * thousands of entries would be a third of the bytes); `batchDict` turns them back into a
 * `GlossDict` for lib/learner/gloss-answer.ts.
 */
import type { DictEntry } from '../model';
import { briefEntry, type GlossDict, type GlossTerm } from './gloss-answer';

/** A CC-CEDICT entry without what the popover never shows (its simplified form is the headword). */
export type BatchEntry = [traditional: string, pinyin: string, senses: string[]];

/** A word of the batch: its entries, HSK level (0: none) and glossary term (pinyin, renderings). */
export type BatchWord = [entries: BatchEntry[], hsk: number, term?: [pinyin: string, renderings: string[]]];

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
export function batchWord(word: string, dict: GlossDict, brief = false): BatchWord {
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
