/**
 * What the reader's popover shows for a word (`GET /api/gloss`): its CC-CEDICT entries, HSK level
 * and glossary entry, the longer words it stands in within its sentence and the words inside it
 * (lib/learner/nested.ts), each with its pinyin and first senses. Everything comes from the
 * build: the corpus's CC-CEDICT extract (gloss.json) and the glossary (glossary.json).
 */
import { positionsInContext, wordsAround, wordsCovering, wordsInside, type NestedSpan } from '@/lib/learner/nested';
import type { DictEntry, GlossaryEntry } from '@/lib/model';
import { chooseSense, type ChosenSense } from '@/lib/learner/sense-choice';
import { toSimplified } from '@/lib/search/encode';
import { hskLevel } from '@/lib/terms/hsk';
import { glossaryTerms, glossLookup, traditionalHeadwords } from './index';
import type { GlossRequest } from './input';

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

/** The answer of `GET /api/gloss`. */
export interface GlossAnswer {
  /** The headword answered: the word asked for, or its simplified form when it was asked in traditional characters. */
  word: string;
  entries: DictEntry[];
  hsk?: number;
  /** The corpus glossary's entry, when the word is one of its terms. */
  term?: { pinyin: string; renderings: string[] };
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
const RENDERINGS = 3;

/** The entry to sum a word up by: the first common-noun reading (和 hé, not the surname Hé), else the first. */
function mainEntry(entries: readonly DictEntry[]): DictEntry | undefined {
  return entries.find((e) => e.pinyin === e.pinyin.toLowerCase()) ?? entries[0];
}

/**
 * The simplified headword a word stands for. The build's dictionary and glossary are keyed by
 * simplified headwords, so a word typed or tapped in traditional characters (報道, 中國) is found
 * by the CC-CEDICT entries whose traditional form it is, else by its OpenCC conversion (t → cn);
 * a word found as it is stays as it is (乾 is a headword of its own).
 */
export function simplifiedHeadword(
  word: string,
  isWord: (w: string) => boolean,
  byTraditional: ReadonlyMap<string, string>,
): string {
  if (isWord(word)) return word;
  const indexed = byTraditional.get(word);
  if (indexed !== undefined) return indexed;
  const converted = toSimplified(word);
  return converted !== word && isWord(converted) ? converted : word;
}

/** The request in simplified characters: its word as a headword, its context converted alike when the word was. */
function inSimplified(request: GlossRequest, word: string): GlossRequest {
  if (word === request.word || !request.context) return { ...request, word };
  const text = toSimplified(request.context.text);
  // OpenCC keeps lengths for nearly all text; where it did not, the context is dropped, not misplaced.
  return positionsInContext(text, request.context.at, word) === null
    ? { word }
    : { word, context: { ...request.context, text } };
}

export async function getGlossAnswer(request: GlossRequest): Promise<GlossAnswer> {
  const [{ lookup }, terms, byTraditional] = await Promise.all([
    glossLookup(),
    glossaryTerms(),
    traditionalHeadwords(),
  ]);
  const isWord = (w: string) => lookup(w).length > 0 || terms.has(w);
  const { word, context } = inSimplified(request, simplifiedHeadword(request.word, isWord, byTraditional));
  const brief = (w: string, at: number | undefined): NestedWord => {
    const main = mainEntry(lookup(w));
    const term = terms.get(w);
    const hsk = hskLevel(w);
    return {
      word: w,
      ...(at !== undefined ? { at } : {}),
      pinyin: main?.pinyin ?? term?.pinyin ?? '',
      senses: main
        ? main.senses.filter((s) => !s.startsWith('CL:')).slice(0, BRIEF_SENSES)
        : renderingsOf(term, BRIEF_SENSES),
      ...(hsk !== undefined ? { hsk } : {}),
    };
  };
  // Offsets inside the word, mapped to the context (the word may run across its separators).
  const positions = context ? positionsInContext(context.text, context.at, word) : null;
  const tree = (spans: readonly NestedSpan[]): NestedWord[] =>
    spans.map((s) => ({ ...brief(s.word, positions?.[s.at]), inside: tree(s.inside) }));
  const term = terms.get(word);
  const hsk = hskLevel(word);
  const around = context ? wordsAround(context.text, context.at, word, isWord).map((s) => brief(s.word, s.at)) : [];
  // The sense the translation supports first (俄 → Russia where the English says Russian).
  const { entries, chosen } = chooseSense(lookup(word), request.aligned ?? '');
  return {
    word,
    entries,
    ...(chosen ? { chosen } : {}),
    ...(hsk !== undefined ? { hsk } : {}),
    ...(term ? { term: { pinyin: term.pinyin, renderings: renderingsOf(term, RENDERINGS) } } : {}),
    around,
    ...(context?.char !== undefined
      ? { covering: coveringWords(context.text, context.char, [word, ...around.map((w) => w.word)], isWord, brief) }
      : {}),
    inside: tree(wordsInside(word, isWord)),
  };
}

function coveringWords(
  text: string,
  char: number,
  shown: readonly string[],
  isWord: (w: string) => boolean,
  brief: (w: string, at: number | undefined) => NestedWord,
): { char: string; words: NestedWord[] } {
  const words = wordsCovering(text, char, isWord)
    .filter((s) => !shown.includes(s.word))
    .map((s) => brief(s.word, s.at));
  return { char: Array.from(text)[char] ?? '', words };
}

function renderingsOf(term: GlossaryEntry | undefined, n: number): string[] {
  return term ? term.renderings.slice(0, n).map((r) => r.text) : [];
}
