/** English side of the aligner: content-word stems, numbers and capitalised names of a sentence. */
import { stemmer } from 'stemmer';
import { STOP_WORDS, NUMBER_WORDS } from './words';

export interface EnglishTokens {
  /** Stems of content words (stop words out), with repeats. */
  stems: string[];
  /** Numbers the sentence states, in digits or in words. */
  numbers: string[];
  /** Lower-cased words written with a capital not at the start of the sentence (names). */
  names: string[];
}

const stemCache = new Map<string, string>();

/** Porter stem of a lower-case word, memoised (the same few thousand words recur). */
export function stemOf(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = stemmer(word);
    if (stemCache.size < 200_000) stemCache.set(word, s);
  }
  return s;
}

/** Strips the diacritics of pinyin-like or loan words: Lǐ → li. */
export function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function englishTokens(sentence: string): EnglishTokens {
  const stems: string[] = [];
  const numbers: string[] = [];
  const names: string[] = [];
  const words = sentence.match(/[\p{L}][\p{L}'’-]*|\d[\d,]*(?:\.\d+)?/gu) ?? [];
  words.forEach((raw, i) => {
    if (/^\d/.test(raw)) {
      numbers.push(raw.replace(/,/g, ''));
      return;
    }
    const word = fold(raw.replace(/['’]s$/u, ''));
    const number = NUMBER_WORDS.get(word);
    if (number !== undefined) numbers.push(String(number));
    if (i > 0 && /^\p{Lu}/u.test(raw)) names.push(word);
    for (const part of word.split('-')) {
      if (part.length < 2 || STOP_WORDS.has(part)) continue;
      stems.push(stemOf(part));
    }
  });
  return { stems, numbers, names };
}
