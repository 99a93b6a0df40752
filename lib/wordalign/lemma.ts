/**
 * The base forms of an English word that the stemmer cannot reach (went → go, children → child,
 * felt → feel), so that a dictionary sense written in base form ("to go") is a prior for the
 * inflected word a translation writes. WordNet's exception lists, as shipped by wink-lexicon (the
 * lists wink-lemmatizer reads): only those two files are loaded, not the lemmatiser and its 13 MB
 * lexicon, because the reader's server code imports this module's package too. Regular forms need
 * no list: the Porter stem of "extended" is already that of "extend".
 */
import verbExceptions from 'wink-lexicon/src/wn-verb-exceptions.js';
import nounExceptions from 'wink-lexicon/src/wn-noun-exceptions.js';
import { fold, stemOf } from '../text/english-words';

/** The stems of a word's irregular base forms that differ from its own stem; usually none. */
export function irregularStems(word: string): string[] {
  const w = fold(word);
  const own = stemOf(w);
  const out: string[] = [];
  for (const base of [verbExceptions[w], nounExceptions[w]]) {
    if (base === undefined) continue;
    const s = stemOf(base);
    if (s !== own && !out.includes(s)) out.push(s);
  }
  return out;
}
