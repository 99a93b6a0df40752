/**
 * Nested words for the reader's popover: the longer words a tapped word stands inside in its
 * sentence (睦邻 → 睦邻友好 → 中俄睦邻友好合作条约), and the words inside it, longest first and
 * recursively (睦邻友好合作条约 → 睦邻友好合作 → 睦邻友好 → 睦邻 / 友好).
 *
 * Pure and free of Node imports: the popover builds its context with `contextWindow` in the
 * browser, the gloss API answers with `wordsAround` and `wordsInside` on the server. What counts
 * as a word is the caller's `isWord` (the corpus's CC-CEDICT extract and glossary terms).
 * Offsets are code points, never UTF-16 units (𠀀 is one character).
 */

/** A word found at code point `at` of the text it was sought in. */
export interface Span {
  word: string;
  at: number;
}

/** A word inside another, with the words inside it in turn. */
export interface NestedSpan extends Span {
  inside: NestedSpan[];
}

/** Separates the words of a context: a boundary the segmenter drew, never part of a word. */
const WORD_SEPARATOR = ' ';

/** Code points each side of the word that the popover sends as context. */
export const CONTEXT_RADIUS = 16;

/** Longest word looked for around a word: CC-CEDICT's useful headwords and the glossary's terms fit. */
export const MAX_NESTED_LENGTH = 16;

// Where a sentence ends, the context stops: a word never spans these.
const SENTENCE_END = /[。！？!?；;…]/u;

const length = (s: string): number => Array.from(s).length;

/**
 * The context the popover sends for word `index` of `pieces` (the words and the text between
 * them in one block, each in simplified characters): whole pieces either side, up to `radius`
 * code points and never past the end of a sentence, joined by WORD_SEPARATOR. `at` is where the
 * word starts in `ctx`, in code points. Whitespace inside a piece is folded to one space.
 */
export function contextWindow(
  pieces: readonly string[],
  index: number,
  radius = CONTEXT_RADIUS,
): { ctx: string; at: number } {
  const clean = (s: string | undefined) => (s ?? '').replace(/\s+/gu, ' ').trim();
  const take = (step: 1 | -1): string[] => {
    const taken: string[] = [];
    let used = 0;
    for (let i = index + step; i >= 0 && i < pieces.length; i += step) {
      const piece = clean(pieces[i]);
      if (piece === '') continue;
      if (SENTENCE_END.test(piece)) break;
      used += length(piece);
      if (used > radius) break;
      taken.push(piece);
    }
    return taken;
  };
  const before = take(-1).reverse();
  const after = take(1);
  const word = clean(pieces[index]);
  const head = before.length > 0 ? before.join(WORD_SEPARATOR) + WORD_SEPARATOR : '';
  return { ctx: head + [word, ...after].join(WORD_SEPARATOR), at: length(head) };
}

/**
 * Where each code point of `word` stands in `ctx` when the word starts at code point `at` and may
 * run across WORD_SEPARATORs (睦邻友好合作 in "睦邻友好 合作"); null when it does not stand there.
 */
export function positionsInContext(ctx: string, at: number, word: string): number[] | null {
  const cps = Array.from(ctx);
  const chars = Array.from(word);
  if (!Number.isInteger(at) || at < 0 || chars.length === 0) return null;
  const positions: number[] = [];
  let i = at;
  for (const char of chars) {
    // A separator may stand between the word's characters, never before the first.
    while (positions.length > 0 && cps[i] === WORD_SEPARATOR) i++;
    if (cps[i] !== char) return null;
    positions.push(i++);
  }
  return positions;
}

/**
 * The words of `ctx` that contain `word` (standing at code point `at`) and are longer than it,
 * longest first, then leftmost; `at` of each is its start in `ctx`. They may run across the
 * context's words, but must start and end where those do (at an edge or a WORD_SEPARATOR): 好时
 * is not around 好 in "友好 时期". At most `limit`; none when `word` is not at `at`.
 */
export function wordsAround(
  ctx: string,
  at: number,
  word: string,
  isWord: (word: string) => boolean,
  { maxLength = MAX_NESTED_LENGTH, limit = 8 }: { maxLength?: number; limit?: number } = {},
): Span[] {
  const positions = positionsInContext(ctx, at, word);
  if (positions === null) return [];
  const cps = Array.from(ctx);
  const end = positions[positions.length - 1]! + 1;
  const startsWord = (i: number) => i === 0 || cps[i - 1] === WORD_SEPARATOR;
  const endsWord = (i: number) => i === cps.length || cps[i] === WORD_SEPARATOR;
  const found: Span[] = [];
  const seen = new Set<string>();
  let before = 0;
  for (let from = at; from >= 0; from--) {
    if (from < at && cps[from] !== WORD_SEPARATOR) before++;
    if (before + positions.length > maxLength) break;
    if (!startsWord(from) || cps[from] === WORD_SEPARATOR) continue;
    let inner = before + positions.length;
    for (let to = end; to <= cps.length && inner <= maxLength; to++) {
      if (to > end && cps[to - 1] !== WORD_SEPARATOR) inner++;
      if (inner > maxLength) break;
      if (inner === positions.length || !endsWord(to)) continue;
      const candidate = cps.slice(from, to).join('').replaceAll(WORD_SEPARATOR, '');
      if (!seen.has(candidate) && isWord(candidate)) {
        seen.add(candidate);
        found.push({ word: candidate, at: from });
      }
    }
  }
  return found.sort((a, b) => length(b.word) - length(a.word) || a.at - b.at).slice(0, limit);
}

/**
 * Every word of `ctx` that covers the character at code point `char`, as Zhongwen offers them:
 * longest first, then leftmost, single characters last. Unlike `wordsAround` these may start or
 * end inside the segmenter's words (人民 and 人民大会堂 cover 民 in "北京人 民 大会 堂"): the
 * segmenter can be wrong, and the reader pointed at a character, not at a cut. Separators are
 * skipped over; `at` of each is its start in `ctx`. None when `char` is a separator or outside.
 */
export function wordsCovering(
  ctx: string,
  char: number,
  isWord: (word: string) => boolean,
  { maxLength = MAX_NESTED_LENGTH, limit = 8 }: { maxLength?: number; limit?: number } = {},
): Span[] {
  const cps = Array.from(ctx);
  if (!Number.isInteger(char) || cps[char] === undefined || cps[char] === WORD_SEPARATOR) return [];
  // The context's characters without separators, and where each stands in `ctx`.
  const chars: string[] = [];
  const positions: number[] = [];
  cps.forEach((cp, i) => {
    if (cp === WORD_SEPARATOR) return;
    chars.push(cp);
    positions.push(i);
  });
  const tapped = positions.indexOf(char);
  const found: Span[] = [];
  const seen = new Set<string>();
  for (let start = Math.max(0, tapped - maxLength + 1); start <= tapped; start++) {
    for (let end = tapped + 1; end <= Math.min(chars.length, start + maxLength); end++) {
      const candidate = chars.slice(start, end).join('');
      if (!seen.has(candidate) && isWord(candidate)) {
        seen.add(candidate);
        found.push({ word: candidate, at: positions[start]! });
      }
    }
  }
  return found.sort((a, b) => length(b.word) - length(a.word) || a.at - b.at).slice(0, limit);
}

/**
 * The words inside `word` (never the word itself), as a tree: the longest word inside it first
 * (leftmost among equals), then the same for what lies left and right of it, so the parts never
 * overlap (睦邻友好合作条约 → 睦邻友好合作 + 条约, not also 友好合作). Each part then gets its own
 * parts, down to `depth` levels. Parts have at least two characters; a word with no such parts
 * gets its characters that are words, at the top level only (睦邻 → 睦, 邻), as learners want
 * them. `at` is the offset in `word`.
 */
export function wordsInside(word: string, isWord: (word: string) => boolean, depth = 4): NestedSpan[] {
  const cps = Array.from(word);
  if (cps.length > 64) return [];
  const parts = partsOf(cps, 0, isWord, depth);
  if (parts.length > 0 || cps.length < 2) return parts;
  return cps.flatMap((char, at) => (isWord(char) ? [{ word: char, at, inside: [] }] : []));
}

/** The multi-character parts of `cps`, offset by `base`, recursively. */
function partsOf(cps: readonly string[], base: number, isWord: (word: string) => boolean, depth: number): NestedSpan[] {
  if (depth <= 0) return [];
  const spans = cover(cps, 0, cps.length, cps.length - 1, isWord);
  return spans.map(({ word, at }) => ({
    word,
    at: base + at,
    inside: partsOf(cps.slice(at, at + length(word)), base + at, isWord, depth - 1),
  }));
}

/** The longest word (2 to `maxLength` code points) in cps[from, to), then the same left and right of it, in order. */
function cover(
  cps: readonly string[],
  from: number,
  to: number,
  maxLength: number,
  isWord: (word: string) => boolean,
): Span[] {
  for (let len = Math.min(maxLength, to - from); len >= 2; len--) {
    for (let at = from; at + len <= to; at++) {
      const word = cps.slice(at, at + len).join('');
      if (isWord(word)) {
        return [
          ...cover(cps, from, at, maxLength, isWord),
          { word, at },
          ...cover(cps, at + len, to, maxLength, isWord),
        ];
      }
    }
  }
  return [];
}

/** Every word of a tree of nested words, depth first (to look them all up at once). */
export function flattenNested(spans: readonly NestedSpan[]): string[] {
  return spans.flatMap((s) => [s.word, ...flattenNested(s.inside)]);
}
