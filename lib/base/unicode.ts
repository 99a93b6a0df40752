/**
 * Text as code points. JavaScript strings count UTF-16 units, in which an Extension-B character
 * such as 𠀀 is two; a reader counts it as one, so lengths shown or limited count code points.
 */

/** The number of code points: 𠀀 is one character, not two. */
export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * Matches a lone surrogate (text that is not well-formed UTF-16). In a /u regex a surrogate range
 * matches only unpaired halves, since a pair is read as one code point. Lone surrogates cannot come
 * out of decodeURIComponent, but they can out of other decoders (Next's searchParams, JSON);
 * checked by hand because String#isWellFormed is ES2024.
 */
export const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
