/**
 * What the reader's popover shows for a word (`GET /api/gloss`): its CC-CEDICT entries, HSK level
 * and glossary entry, the longer words it stands in within its sentence and the words inside it
 * (lib/learner/nested.ts), each with its pinyin and first senses. Everything comes from the
 * build: the corpus's CC-CEDICT extract (gloss.json) and the glossary (glossary.json).
 */
import { positionsInContext, wordsAround, wordsInside, type NestedSpan } from '@/lib/learner/nested';
import type { DictEntry, GlossaryEntry } from '@/lib/model';
import { hskLevel } from '@/lib/terms/hsk';
import { glossaryTerms, glossLookup } from './index';
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
  word: string;
  entries: DictEntry[];
  hsk?: number;
  /** The corpus glossary's entry, when the word is one of its terms. */
  term?: { pinyin: string; renderings: string[] };
  /** Longer words containing it in the context, longest first (empty without a context). */
  around: NestedWord[];
  /** Words inside it, longest first, as a tree; its characters when it has no longer parts. */
  inside: NestedWord[];
}

const BRIEF_SENSES = 2;
const RENDERINGS = 3;

/** The entry to sum a word up by: the first common-noun reading (和 hé, not the surname Hé), else the first. */
function mainEntry(entries: readonly DictEntry[]): DictEntry | undefined {
  return entries.find((e) => e.pinyin === e.pinyin.toLowerCase()) ?? entries[0];
}

export async function getGlossAnswer({ word, context }: GlossRequest): Promise<GlossAnswer> {
  const [{ lookup }, terms] = await Promise.all([glossLookup(), glossaryTerms()]);
  const isWord = (w: string) => lookup(w).length > 0 || terms.has(w);
  const brief = (w: string, at: number | undefined): NestedWord => {
    const main = mainEntry(lookup(w));
    const term = terms.get(w);
    const hsk = hskLevel(w);
    return {
      word: w,
      ...(at !== undefined ? { at } : {}),
      pinyin: main?.pinyin ?? term?.pinyin ?? '',
      senses: main ? main.senses.filter((s) => !s.startsWith('CL:')).slice(0, BRIEF_SENSES) : renderingsOf(term, BRIEF_SENSES),
      ...(hsk !== undefined ? { hsk } : {}),
    };
  };
  // Offsets inside the word, mapped to the context (the word may run across its separators).
  const positions = context ? positionsInContext(context.text, context.at, word) : null;
  const tree = (spans: readonly NestedSpan[]): NestedWord[] =>
    spans.map((s) => ({ ...brief(s.word, positions?.[s.at]), inside: tree(s.inside) }));
  const term = terms.get(word);
  const hsk = hskLevel(word);
  return {
    word,
    entries: lookup(word),
    ...(hsk !== undefined ? { hsk } : {}),
    ...(term ? { term: { pinyin: term.pinyin, renderings: renderingsOf(term, RENDERINGS) } } : {}),
    around: context ? wordsAround(context.text, context.at, word, isWord).map((s) => brief(s.word, s.at)) : [],
    inside: tree(wordsInside(word, isWord)),
  };
}

function renderingsOf(term: GlossaryEntry | undefined, n: number): string[] {
  return term ? term.renderings.slice(0, n).map((r) => r.text) : [];
}
