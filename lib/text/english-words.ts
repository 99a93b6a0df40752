/**
 * English words as both aligners compare them: folded (lower case, no diacritics) and stemmed. One
 * place, so the sentence aligner (lib/align) and the word aligner (lib/wordalign) key an English
 * word the same way.
 */
import { stemmer } from 'stemmer';

/** Lower case without diacritics: Lǐ → li, Café → cafe. */
export function fold(word: string): string {
  if (/^[\x00-\x7f]*$/.test(word)) return word.toLowerCase(); // the common case, without normalising
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const stems = new Map<string, string>();

/** Porter stem of a folded word, memoised (the same few thousand words recur). */
export function stemOf(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = stemmer(word);
    if (stems.size < 200_000) stems.set(word, s);
  }
  return s;
}
