/** English side of the aligner: content-word stems, numbers and capitalised names of a sentence. */
import { fold, stemOf } from '../text/english-words';
import { NUMBER_WORDS, SCALE_WORDS, STOP_WORDS } from './words';

export interface EnglishTokens {
  /** Stems of content words (stop words out), with repeats. */
  stems: string[];
  /** Numbers the sentence states, in digits or in words. */
  numbers: string[];
  /** Lower-cased words written with a capital not at the start of the sentence (names). */
  names: string[];
}

/** A number as both sides spell it for comparison, rounded past float noise (1.2 × 10⁸). */
export function numberString(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

const ROMAN_LETTERS = new Set('IVXLCDM');

/**
 * Value of a Roman numeral (II → 2, XIV → 14), undefined when it is not one. A dozen lines, not a
 * dependency: section numbers are all the aligner needs of them.
 */
function romanValue(token: string): number | undefined {
  // Most words start with another letter: the pattern below is then not worth testing (a book's
  // every word went through it).
  if (!ROMAN_LETTERS.has(token[0] ?? '')) return undefined;
  if (!/^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/.test(token) || token === '') return undefined;
  const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
  let total = 0;
  for (let i = 0; i < token.length; i++) {
    const v = values[token[i]!]!;
    const next = values[token[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** Circled numbers (① → 1 … ⑳ → 20), which mark footnotes on both sides. */
export function circledNumbers(text: string): string[] {
  return [...text.matchAll(/[\u2460-\u2473]/gu)].map((m) => String(m[0].codePointAt(0)! - 0x2460 + 1));
}

export function englishTokens(sentence: string): EnglishTokens {
  const stems: string[] = [];
  const numbers: string[] = circledNumbers(sentence);
  const names: string[] = [];
  const words = sentence.match(/[\p{L}][\p{L}'’-]*|\d[\d,]*(?:\.\d+)?/gu) ?? [];
  words.forEach((raw, i) => {
    if (/^\d/.test(raw)) {
      // "200 billion" is one number, as 2000亿 is: the scale word multiplies it.
      const scale = SCALE_WORDS.get(words[i + 1]?.toLowerCase() ?? '');
      const value = Number(raw.replace(/,/g, ''));
      numbers.push(numberString(value * (scale ?? 1)));
      return;
    }
    // Section numbers: II, XIV anywhere; a lone I only when it is the whole heading.
    const roman = raw.length >= 2 || words.length === 1 ? romanValue(raw) : undefined;
    if (roman !== undefined) {
      numbers.push(String(roman));
      return;
    }
    const word = fold(raw.replace(/['’]s$/u, ''));
    const number = NUMBER_WORDS.get(word);
    if (number !== undefined && !(SCALE_WORDS.has(word) && /^\d/.test(words[i - 1] ?? '')))
      numbers.push(String(number));
    if (i > 0 && /^\p{Lu}/u.test(raw)) names.push(word);
    for (const part of word.split('-')) {
      if (part.length < 2 || STOP_WORDS.has(part)) continue;
      stems.push(stemOf(part));
    }
  });
  return { stems, numbers, names };
}
