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
  // A loop over UTF-16 units, not a pattern: every sentence of both sides goes through it, and
  // ① … ⑳ are single units of the Basic Multilingual Plane.
  const out: string[] = [];
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0x2460 && c <= 0x2473) out.push(String(c - 0x2460 + 1));
  }
  return out;
}

/** What a word token is, whatever sentence it stands in (see `tokenOf`). */
interface TokenFacts {
  /** Its value as a Roman numeral, if it is one (used where its place allows: see `englishTokens`). */
  roman: number | undefined;
  /** Folded, without a possessive 's. */
  word: string;
  /** Its value as a number word (three, dozen). */
  number: number | undefined;
  /** Written with a capital (a name, when it is not the sentence's first word). */
  capital: boolean;
  /** Stems of its content parts (stop words out). */
  stems: readonly string[];
}

const tokenFacts = new Map<string, TokenFacts>();
/** Distinct tokens kept: a book uses some tens of thousands; the cap bounds a long-lived process. */
const MAX_TOKEN_FACTS = 200_000;

/**
 * The facts of a token, memoised per token: a book repeats its words thousands of times, and
 * folding, stemming and the patterns below were most of the English side's time, token by token.
 */
export function tokenOf(raw: string): TokenFacts {
  let facts = tokenFacts.get(raw);
  if (facts === undefined) {
    const word = fold(raw.replace(/['’]s$/u, ''));
    const stems: string[] = [];
    for (const part of word.split('-')) {
      if (part.length < 2 || STOP_WORDS.has(part)) continue;
      stems.push(stemOf(part));
    }
    facts = { roman: romanValue(raw), word, number: NUMBER_WORDS.get(word), capital: /^\p{Lu}/u.test(raw), stems };
    if (tokenFacts.size < MAX_TOKEN_FACTS) tokenFacts.set(raw, facts);
  }
  return facts;
}

export function englishTokens(sentence: string): EnglishTokens {
  const stems: string[] = [];
  const numbers: string[] = circledNumbers(sentence);
  const names: string[] = [];
  const words = sentence.match(/[\p{L}][\p{L}'’-]*|\d[\d,]*(?:\.\d+)?/gu) ?? [];
  for (let i = 0; i < words.length; i++) {
    const raw = words[i]!;
    const c = raw.charCodeAt(0);
    if (c >= 48 && c <= 57) {
      // "200 billion" is one number, as 2000亿 is: the scale word multiplies it.
      const scale = SCALE_WORDS.get(words[i + 1]?.toLowerCase() ?? '');
      const value = Number(raw.replace(/,/g, ''));
      numbers.push(numberString(value * (scale ?? 1)));
      continue;
    }
    const facts = tokenOf(raw);
    // Section numbers: II, XIV anywhere; a lone I only when it is the whole heading.
    if ((raw.length >= 2 || words.length === 1) && facts.roman !== undefined) {
      numbers.push(String(facts.roman));
      continue;
    }
    const word = facts.word;
    if (facts.number !== undefined && !(SCALE_WORDS.has(word) && /^\d/.test(words[i - 1] ?? '')))
      numbers.push(String(facts.number));
    if (i > 0 && facts.capital) names.push(word);
    for (const stem of facts.stems) stems.push(stem);
  }
  return { stems, numbers, names };
}
