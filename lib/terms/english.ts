/**
 * English words as term spotting sees them: where each sits in the text, its stem (British
 * spelling folded to American first), and whether it is a content word. Stop words may sit inside
 * a rendering ("partnership of coordination") but never at its edges.
 */
import { stemOf } from '../text/english-words';
import { STOP_WORDS } from '../align/words';
import { englishWords } from '../search/encode';
import { americanSpelling } from './spelling';

export interface Token {
  /** UTF-16 offsets in the text the token was cut from. */
  start: number;
  end: number;
  /** Lower-case word. */
  word: string;
  /** Stem of a content word; the word itself for a stop word. */
  stem: string;
  content: boolean;
}

/**
 * Abbreviations CC-CEDICT writes in its senses (to do sth for sb): words of the dictionary's own
 * metalanguage that never render anything.
 */
const DICTIONARY_WORDS = new Set(['sb', 'sth', 'etc', 'esp', 'lit', 'fig', 'abbr', 'cl']);

const stems = new Map<string, string>();

/** Stem of a lower-case word, spelling folded; memoised, the same few thousand words recur. */
export function stemKey(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    stem = stemOf(americanSpelling(word));
    if (stems.size < 100_000) stems.set(word, stem);
  }
  return stem;
}

/** Whether a lower-case word can carry a rendering: not a stop word, not a lone letter. */
export function isContentWord(word: string): boolean {
  return (word.length >= 2 || /\d/.test(word)) && !STOP_WORDS.has(word) && !DICTIONARY_WORDS.has(word);
}

/** The words of `text` from `from` to `to` (UTF-16), offsets relative to the whole text. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  for (const w of englishWords(text.slice(from, to))) {
    // A footnote marker is a digit to Unicode (relations② is one "word"): cut it off.
    const marker = MARKER.exec(w.word)?.index ?? -1;
    if (marker === 0) continue;
    const word = marker > 0 ? w.word.slice(0, marker) : w.word;
    const end = marker > 0 ? w.start + marker : w.end;
    const content = isContentWord(word);
    tokens.push({ start: w.start + from, end: end + from, word, stem: content ? stemKey(word) : word, content });
  }
  return tokens;
}

/** Circled and parenthesised numbers and letters (①, ⑴, ⓐ): footnote markers. */
const MARKER = /[\u2460-\u24ff\u2776-\u2793\u3251-\u325f\u32b1-\u32bf]/u;

/**
 * Whether the text between two neighbouring tokens lets a rendering run on: spaces, hyphens,
 * dashes (China–Russia), apostrophes and a full stop inside an abbreviation (U.S.), but no comma,
 * bracket, sentence end or line break.
 */
export function joins(text: string, left: Token, right: Token): boolean {
  return /^(?:[ \t\u00a0\-‐‑–—'’·]|\.(?=\S))*$/u.test(text.slice(left.end, right.start));
}

/**
 * Whether tokens[i..j] can be a rendering on its own: content words at both ends, and not cut
 * out of a hyphenated word (the second "people" of people-to-people). A dash is not a hyphen:
 * "Russia" may well be cut out of "China–Russia"; nor is a hyphen before a number (Primorye-1).
 */
export function isSpanEdge(text: string, tokens: readonly Token[], i: number, j: number): boolean {
  const before = tokens[i - 1];
  const after = tokens[j + 1];
  return (
    tokens[i]!.content &&
    tokens[j]!.content &&
    (before === undefined || !HYPHEN.test(text.slice(before.end, tokens[i]!.start)) || /^\d/.test(tokens[i]!.word)) &&
    (after === undefined || !HYPHEN.test(text.slice(tokens[j]!.end, after.start)) || /^\d/.test(after.word))
  );
}

const HYPHEN = /^[-‐‑]$/u;

/** Normalised key of a run of tokens: stems of content words, stop words as they are. */
export function keyOf(tokens: readonly Token[]): string {
  return tokens.map((t) => t.stem).join(' ');
}
