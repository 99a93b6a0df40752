/**
 * What the reader's popover shows for a word: its CC-CEDICT entries (the sense its aligned English
 * supports first), HSK level and glossary entry, the longer words it stands in within its sentence,
 * the words covering the tapped character and the words inside it, each with its pinyin and first
 * senses.
 *
 * Pure and free of Node imports, over a `GlossDict` the caller supplies: the server answers
 * `GET /api/gloss` from the whole build (lib/store/gloss.ts), and the browser answers a tap at once
 * from the entries of the passage's words it fetched when the passage came into view (the batch of
 * lib/store/gloss-batch.ts), so both give the same answer by running the same code.
 */
import type { DictEntry } from '../model';
import { positionsInContext, wordsAround, wordsCovering, wordsInside, type NestedSpan } from './nested';
import { chooseSense, type ChosenSense } from './sense-choice';

/** A glossary term as the popover shows it: its pinyin and its commonest renderings, commonest first. */
export interface GlossTerm {
  pinyin: string;
  renderings: string[];
}

/** Where the popover's words come from: every lookup it makes goes through these three. */
export interface GlossDict {
  /** The CC-CEDICT entries of a simplified headword ([] when none). */
  entries(word: string): readonly DictEntry[];
  /** The corpus glossary's term, when the word is one. */
  term(word: string): GlossTerm | undefined;
  hsk(word: string): number | undefined;
}

/** A word asked for, in simplified characters, with the sentence around it when known. */
export interface GlossQuery {
  word: string;
  context?: {
    /** Simplified text, its words separated by single spaces. */
    text: string;
    /** Where the word starts in `text`, in code points. */
    at: number;
    /** The character the reader tapped (a position in `text` inside the word), when known. */
    char?: number;
  };
  /** The English aligned with the word in its translation: the sense it supports goes first. */
  aligned?: string;
}

/** A word around or inside the one looked up, in brief. */
export interface NestedWord {
  word: string;
  /** Where it starts in the request's context (code points), so the popover can follow it there. */
  at?: number;
  pinyin: string;
  /** Its first senses (or the corpus's commonest renderings of a glossary term). */
  senses: string[];
  hsk?: number;
  /** Words inside it (only in `inside`). */
  inside?: NestedWord[];
}

/** The answer of `GET /api/gloss`, and of the browser's own lookup. */
export interface GlossAnswer {
  /** The headword answered: the word asked for, or its simplified form when it was asked in traditional characters. */
  word: string;
  entries: DictEntry[];
  hsk?: number;
  /** The corpus glossary's entry, when the word is one of its terms. */
  term?: GlossTerm;
  /** Longer words containing it in the context, longest first (empty without a context). */
  around: NestedWord[];
  /**
   * With the tapped character (`context.char`): every other word of the context covering that
   * character, longest first, single characters last, as Zhongwen lists them; the word itself and
   * the words already `around` it are left out.
   */
  covering?: { char: string; words: NestedWord[] };
  /** Words inside it, longest first, as a tree; its characters when it has no longer parts. */
  inside: NestedWord[];
  /**
   * Present when the request's aligned English (`aligned`) chose a sense: `entries` then starts
   * with that sense's entry and that sense, and `english` is what the translation says there.
   */
  chosen?: ChosenSense;
}

const BRIEF_SENSES = 2;
/** Renderings of a glossary term shown with the word itself (GlossDict.term gives at least these). */
export const TERM_RENDERINGS = 3;

/** The entry to sum a word up by: the first common-noun reading (和 hé, not the surname Hé), else the first. */
function mainEntry(entries: readonly DictEntry[]): DictEntry | undefined {
  return entries.find((e) => e.pinyin === e.pinyin.toLowerCase()) ?? entries[0];
}

/**
 * What the popover lists of a word around or inside another: its main entry with its first senses
 * (measure words left out). Its own main entry again, so a dictionary of brief entries lists the same.
 */
export function briefEntry(entries: readonly DictEntry[]): DictEntry | undefined {
  const main = mainEntry(entries);
  return main && { ...main, senses: main.senses.filter((s) => !s.startsWith('CL:')).slice(0, BRIEF_SENSES) };
}

/** Whether the dictionary knows the word: a CC-CEDICT headword or a glossary term. */
export const isWordIn = (dict: GlossDict) => (w: string) => dict.entries(w).length > 0 || dict.term(w) !== undefined;

/** The popover's answer for a word already in simplified characters (the caller resolved the headword). */
export function glossAnswer(query: GlossQuery, dict: GlossDict): GlossAnswer {
  const { word, context } = query;
  const isWord = isWordIn(dict);
  const brief = (w: string, at: number | undefined): NestedWord => {
    const main = briefEntry(dict.entries(w));
    const term = dict.term(w);
    const hsk = dict.hsk(w);
    return {
      word: w,
      ...(at !== undefined ? { at } : {}),
      pinyin: main?.pinyin ?? term?.pinyin ?? '',
      senses: main ? main.senses : (term?.renderings.slice(0, BRIEF_SENSES) ?? []),
      ...(hsk !== undefined ? { hsk } : {}),
    };
  };
  // Offsets inside the word, mapped to the context (the word may run across its separators).
  const positions = context ? positionsInContext(context.text, context.at, word) : null;
  const tree = (spans: readonly NestedSpan[]): NestedWord[] =>
    spans.map((s) => ({ ...brief(s.word, positions?.[s.at]), inside: tree(s.inside) }));
  const term = dict.term(word);
  const hsk = dict.hsk(word);
  const around = context ? wordsAround(context.text, context.at, word, isWord).map((s) => brief(s.word, s.at)) : [];
  // The sense the translation supports first (俄 → Russia where the English says Russian).
  const { entries, chosen } = chooseSense(dict.entries(word), query.aligned ?? '');
  const shown = [word, ...around.map((w) => w.word)];
  return {
    word,
    entries,
    ...(chosen ? { chosen } : {}),
    ...(hsk !== undefined ? { hsk } : {}),
    ...(term ? { term: { pinyin: term.pinyin, renderings: term.renderings.slice(0, TERM_RENDERINGS) } } : {}),
    around,
    ...(context?.char !== undefined
      ? {
          covering: {
            char: Array.from(context.text)[context.char] ?? '',
            words: wordsCovering(context.text, context.char, isWord)
              .filter((s) => !shown.includes(s.word))
              .map((s) => brief(s.word, s.at)),
          },
        }
      : {}),
    inside: tree(wordsInside(word, isWord)),
  };
}
