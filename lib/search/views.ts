/**
 * The views a record is indexed in, and how a needle of a query is looked up in them. The index
 * terms of a record and of a query come from the same encoders (encode.ts, pinyin.ts), which is what
 * makes "a record containing the needle holds all its lookup terms" true.
 */
import type { PairRecord } from '../model';
import {
  chineseTerms,
  englishTerm,
  englishWords,
  foldForMatching,
  hanCharacters,
  hasHan,
  MAX_TERM_CODE_POINTS,
} from './encode';
import { countPinyin, pinyinQueryTerms, pinyinTerms } from './pinyin';
import type { Needle } from './query';

/**
 * Chinese bigrams (and lone characters, Latin words); Han characters; English stems; pairs of
 * neighbouring English words, as written, where one is very common (for quoted phrases such as "of
 * the" or "to return", which their words' lists hardly narrow); pinyin syllables and syllable
 * bigrams. Each view's rare terms are in a FlexSearch index, its common ones in tables
 * (common-terms.ts).
 */
export type View = 'zh' | 'zhChars' | 'en' | 'enPairs' | 'py';
/** In build order: which pairs `enPairs` holds depends on how common the words of `en` are. */
export const VIEWS: readonly View[] = ['zh', 'zhChars', 'en', 'enPairs', 'py'];

/** What the lookups need to know about the index (see common-terms.ts). */
export interface ViewContext {
  /** Whether an English index term is common enough for its pairs to be indexed. */
  pairsIndexed(stem: string): boolean;
}

const PAIR_JOINER = '+';

/**
 * Pairs of neighbouring words (folded, as written) as terms of `enPairs`, or null where there is
 * none: a pair is indexed when one of its words is very common (its stem has its pairs indexed:
 * "to" in "to return"), since the other word's list then hardly narrows the common one's, and
 * neither word is over-long.
 */
export function englishPairs(words: readonly string[], pairsIndexed: (stem: string) => boolean): Array<string | null> {
  const fits = words.map((w) => w.length <= MAX_TERM_CODE_POINTS);
  const paired = words.map((w, i) => fits[i] === true && pairsIndexed(englishTerm(w)));
  const out: Array<string | null> = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const indexed = fits[i] && fits[i + 1] && (paired[i] || paired[i + 1]);
    out.push(indexed ? (words[i] ?? '') + PAIR_JOINER + (words[i + 1] ?? '') : null);
  }
  return out;
}

/** Index terms of a record in one view, in text order, repeated as often as they occur. */
export function recordTerms(view: View, record: PairRecord, ctx: ViewContext): string[] {
  switch (view) {
    case 'zh':
      return record.zh === '' ? [] : chineseTerms(record.zh);
    case 'zhChars':
      return record.zh === '' ? [] : hanCharacters(record.zh);
    case 'en':
      return record.en === '' ? [] : englishWords(record.en).map((w) => englishTerm(w.word));
    case 'enPairs': {
      if (record.en === '') return [];
      const pairs = englishPairs(
        englishWords(record.en).map((w) => w.word),
        (stem) => ctx.pairsIndexed(stem),
      );
      return pairs.filter((p): p is string => p !== null);
    }
    case 'py':
      return record.pinyin ? pinyinTerms(record.pinyin) : [];
  }
}

/** A bigram of one character twice (天天, ren_ren): its occurrences overlap in 天天天. */
function doubledBigram(view: View, term: string): string | null {
  if (view === 'zh') {
    // Two equal halves of one or two UTF-16 units each (BMP or astral characters).
    const half = term.length / 2;
    if ((half !== 1 && half !== 2) || term.slice(0, half) !== term.slice(half)) return null;
    return hasHan(term.slice(0, half)) ? term : null;
  }
  if (view === 'py') {
    // A syllable bigram is a_b; doubled when both halves are equal (no split: this runs per posting).
    const at = term.indexOf('_');
    const half = term.slice(0, at);
    return at > 0 && term.length === 2 * at + 1 && term.endsWith(half) ? half : null;
  }
  return null;
}

/**
 * How often a term occurs in a record, counted the way verification counts a needle that is just
 * this term (see `Lookup.exact`): each index term is one occurrence, except that a doubled bigram
 * counts its non-overlapping occurrences (天天天 holds 天天 once, as indexOf finds it). English
 * phrases may overlap in verification too ("very very" twice in "very very very"), so pairs count
 * as they are.
 */
export function termCount(view: View, record: PairRecord, term: string, occurrences: number): number {
  const doubled = doubledBigram(view, term);
  if (doubled === null) return occurrences;
  if (view === 'py') return countPinyin(record.pinyin, [doubled, doubled]);
  const text = foldForMatching(record.zh).text;
  let n = 0;
  for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + term.length)) n++;
  return n;
}

interface ViewTerm {
  view: View;
  term: string;
}

/** One way to narrow the search for a needle: records holding all these terms. */
export interface Lookup {
  terms: ViewTerm[];
  /**
   * True when the needle is exactly one term whose occurrences are the needle's occurrences (one
   * or two Han characters, one or two syllables, one English word by stem, a quoted pair of
   * words): a common term's posting list with counts then answers it without verification.
   */
  exact: boolean;
}

const hanLength = (folded: string): number => {
  let n = 0;
  for (const ch of folded) {
    if (!hasHan(ch)) return -1;
    n++;
  }
  return n;
};

const inView = (view: View, terms: readonly string[]): ViewTerm[] => terms.map((term) => ({ view, term }));

function englishLookup(needle: Needle & { side: 'en' }, ctx: ViewContext): Lookup {
  const stems = inView('en', needle.words.map(englishTerm));
  if (!needle.exact) {
    const single = stems.length === 1 && Array.from(stems[0]?.term ?? '').length < MAX_TERM_CODE_POINTS;
    return { terms: stems, exact: single };
  }
  // A quoted phrase: its indexed pairs say more than its words (and one pair is all it is).
  const pairs = englishPairs(needle.words, (stem) => ctx.pairsIndexed(stem));
  const indexed = inView(
    'enPairs',
    pairs.filter((p): p is string => p !== null),
  );
  if (pairs.length > 0 && indexed.length === pairs.length) return { terms: indexed, exact: indexed.length === 1 };
  return { terms: [...stems, ...indexed], exact: false };
}

/**
 * The lookups of a needle: a record containing the needle passes at least one of them (one per
 * spelling of a Chinese term, one otherwise). An empty list means nothing narrows it.
 */
export function needleLookups(needle: Needle, ctx: ViewContext): Lookup[] {
  switch (needle.side) {
    case 'zh':
      return needle.forms.flatMap((form): Lookup[] => {
        const n = hanLength(form.folded);
        if (form.terms !== null) return [{ terms: inView('zh', form.terms), exact: n === 2 }];
        if (form.chars.length > 0) return [{ terms: inView('zhChars', form.chars), exact: n === 1 }];
        return [];
      });
    case 'en':
      return [englishLookup(needle, ctx)];
    case 'py':
      return [{ terms: inView('py', pinyinQueryTerms(needle.syllables)), exact: needle.syllables.length <= 2 }];
  }
}
