/**
 * What the reader's popover shows for a word (`GET /api/gloss`), answered by
 * lib/learner/gloss-answer.ts over the build's dictionary: the corpus's CC-CEDICT extract
 * (gloss.json), the glossary (glossary.json) and HSK levels. A word asked in traditional
 * characters is answered by its simplified headword.
 */
import {
  glossAnswer,
  isWordIn,
  TERM_RENDERINGS,
  type GlossAnswer,
  type GlossDict,
  type GlossTerm,
} from '@/lib/learner/gloss-answer';
import { positionsInContext } from '@/lib/learner/nested';
import type { GlossaryEntry } from '@/lib/model';
import { toSimplified } from '@/lib/search/encode';
import { hskLevel } from '@/lib/terms/hsk';
import { glossaryTerms, glossLookup, traditionalHeadwords } from './index';
import type { GlossRequest } from './input';

export type { GlossAnswer, NestedWord } from '@/lib/learner/gloss-answer';

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

/** The build's dictionary as the popover reads it: CC-CEDICT's extract, the glossary, HSK 2.0 levels. */
export async function serverGlossDict(): Promise<{
  dict: GlossDict;
  headword: (word: string) => string;
}> {
  const [{ lookup }, terms, byTraditional] = await Promise.all([
    glossLookup(),
    glossaryTerms(),
    traditionalHeadwords(),
  ]);
  const dict: GlossDict = {
    entries: lookup,
    term: (w) => glossTermOf(terms.get(w)),
    hsk: hskLevel,
  };
  const isWord = isWordIn(dict);
  return { dict, headword: (w) => simplifiedHeadword(w, isWord, byTraditional) };
}

function glossTermOf(term: GlossaryEntry | undefined): GlossTerm | undefined {
  return term
    ? { pinyin: term.pinyin, renderings: term.renderings.slice(0, TERM_RENDERINGS).map((r) => r.text) }
    : undefined;
}

export async function getGlossAnswer(request: GlossRequest): Promise<GlossAnswer> {
  const { dict, headword } = await serverGlossDict();
  const { word, context } = inSimplified(request, headword(request.word));
  return glossAnswer(
    { word, ...(context ? { context } : {}), ...(request.aligned !== undefined ? { aligned: request.aligned } : {}) },
    dict,
  );
}
