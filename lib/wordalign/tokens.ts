/**
 * The tokens word alignment counts: Chinese words as the segmenter cut them (or as given), English
 * words and punctuation marks with their UTF-16 offsets, so a link can be shown on the text.
 * The English cut is the word aligner's own and is stored nowhere: links index it, and every
 * reader of links re-cuts the sentence with `englishTokens` (it is deterministic and cheap).
 */

export interface Token {
  text: string;
  /** UTF-16 offsets into the sentence, end exclusive. */
  start: number;
  end: number;
}

// A word keeps its inner hyphens and apostrophes (good-neighbourliness, twenty-eight, don't), but
// a possessive 's is its own token: it renders 的 or nothing, never the noun's Chinese word.
// A number keeps its separators and percent sign (1,200.5 / 3.5%); anything else is one mark,
// footnote markers included (relations② → relations ②).
const EN_TOKEN =
  /\p{L}[\p{L}\p{M}\p{Nd}]*(?:['’](?![sS]\b)\p{L}+)*(?:-[\p{L}\p{Nd}]+)*|['’][sS]\b|\p{Nd}+(?:[.,:]\p{Nd}+)*%?|\S/gu;

/** A sentence pair as tokens: Chinese words and English tokens. */
export interface TokenPair {
  zh: readonly string[];
  en: readonly string[];
}

/** The English tokens of a sentence, in order, with offsets. */
export function englishTokens(sentence: string): Token[] {
  const tokens: Token[] = [];
  for (const m of sentence.matchAll(EN_TOKEN)) tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return tokens;
}

/** Tokens given one per space (the CLI's --pretokenized): kept exactly, never re-cut. */
export function spaceTokens(line: string): string[] {
  return line.split(/[ \t]+/).filter((t) => t !== '');
}

/** A token that carries no text to align (a space the segmenter kept between words). */
export function isBlank(token: string): boolean {
  return token.trim() === '';
}
