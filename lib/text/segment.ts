/**
 * Segment stage: a block's text → sentences → words. Pure functions (the one Jieba instance is
 * a read-only dictionary loaded on first use).
 *
 * Every split is lossless: joining the sentences gives the block, joining the words gives the
 * sentence, code point for code point (Extension-B characters, emoji sequences and variation
 * selectors included). Pinyin and dictionary keys are the gloss stage's; here they stay '' and null.
 */
import type { Dictionary } from '../dictionary/cedict';
import { jiebaFor } from './jieba-dict';
import { fewestWordCover } from './word-cover';
import type { Word, ZhSentence } from '../model';
import { HAN_ONLY } from '../base/han';
import { codePointLength } from '../base/unicode';

/** Sentence-final punctuation; a run of them (？！, ……, 。。。) ends one sentence. */
const TERMINATORS = new Set(['。', '！', '？', '；', '…', '⋯', '!', '?']);
/**
 * Closing quotes and brackets that belong to the sentence they close: 他说：“好。” | 然后…
 * ASCII quotes are left out: " and ' open as often as they close.
 */
const CLOSERS = new Set(['”', '’', '」', '』', '）', '》', '】', '〉', '〕', '〗', '〙', '〛', ')', ']']);

/** Footnote markers (①–⑳, ㉑–㉟, ㊱–㊿). */
const QUOTE_CLOSERS = new Set(['”', '’', '」', '』']);
const FOOTNOTE_MARKER = /^[\u2460-\u2473\u3251-\u325F\u32B1-\u32BF]$/u;

/**
 * Splits Chinese text into sentences after 。！？； and ellipses (…… … ⋯⋯), a run of terminators
 * counting as one; closing quotes and brackets, then any whitespace, stay with the sentence
 * before them, and so do footnote markers that end the text or precede whitespace (…认同。① ). Never
 * returns an empty sentence; `splitSentences(t).join('') === t`.
 *
 * A terminator inside a book or article title (《…？…》) ends nothing.
 *
 * Half-width ! and ? end a sentence too (they occur in Chinese text typed on Latin keyboards);
 * the half-width full stop does not, because it is also the decimal point (3.5%).
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let current = '';
  // 'open': inside a sentence; 'ending': after its terminators, where more terminators, closers
  // and whitespace still belong to it; 'trailing': after whitespace, where only whitespace does.
  let state: 'open' | 'ending' | 'trailing' = 'open';
  const chars = Array.from(text);
  const titled = insideTitles(chars);
  for (let k = 0; k < chars.length; k++) {
    const ch = chars[k]!;
    const terminator = TERMINATORS.has(ch) && !titled[k];
    const whitespace = isWhitespace(ch);
    if (state === 'ending' && !terminator && !CLOSERS.has(ch) && !endingMarker(chars, k) && !whitespace) state = cut();
    else if (state === 'trailing' && !whitespace) state = cut();
    current += ch;
    if (state === 'open' && terminator) state = 'ending';
    else if (state === 'ending' && whitespace) state = 'trailing';
  }
  if (current !== '') sentences.push(current);
  return sentences;

  function cut(): 'open' {
    sentences.push(current);
    current = '';
    return 'open';
  }
}

/**
 * Which characters stand inside a title in 《》 that closes in the same text: a title is a name, and a
 * question or exclamation mark in it (《怎样评价对方人民？中俄关系民意调查报告发布》) ends no sentence.
 * A 《 never closed marks nothing, so that a stray bracket cannot swallow the rest of the text.
 */
function insideTitles(chars: readonly string[]): boolean[] {
  const inside = new Array<boolean>(chars.length).fill(false);
  const open: number[] = [];
  chars.forEach((ch, k) => {
    if (ch === '《') open.push(k);
    else if (ch === '》' && open.length > 0) {
      const from = open.pop()!;
      // The outermost title marks its whole span; an inner one lies within it.
      for (let q = from + 1; q < k; q++) inside[q] = true;
    }
  });
  return inside;
}

/**
 * A footnote marker after a sentence's terminator that belongs to that sentence: one right after a
 * closing quote (……依托。”①2013年以来: a quotation's source), or one that ends the text or is
 * followed by whitespace (……认同。① ). One after "；" or "。" followed by text (；②发展…) numbers
 * the next item of a list.
 */
function endingMarker(chars: readonly string[], k: number): boolean {
  let end = k;
  while (end < chars.length && FOOTNOTE_MARKER.test(chars[end]!)) end++;
  if (end === k) return false;
  return QUOTE_CLOSERS.has(chars[k - 1] ?? '') || end === chars.length || isWhitespace(chars[end]!);
}

function isWhitespace(ch: string): boolean {
  return /^\s$/u.test(ch);
}

/** jieba's own cut (HMM on, its own dictionary): the benchmarks' baseline for the ingest's rate. */
export function jiebaCut(text: string): string[] {
  return jiebaFor().cut(text, true);
}

/**
 * Segments one sentence into words with jieba; `segmentWords(s).join('') === s`. Given the
 * dictionary, jieba knows its headwords too (jieba-dict.ts).
 *
 * HMM is on: it is how jieba finds words missing from its dictionary, which in news text are
 * mostly people's names (蔡奇, 何立峰, 谌贻琴, 杨依军, which without HMM fall apart into single
 * characters), and it keeps numbers such as 3.5% and COVID-19 whole. Its cost, measured on the
 * seeds: spurious merges of a function word onto its neighbour (他长|得, 两国要, 中俄新, 以新质),
 * and about 4× the time (0.8 against 3.2 M characters/s on the seeds, on a busy machine).
 *
 * Given the dictionary, words it lacks are re-cut into dictionary words (see `refineWithDictionary`),
 * which undoes those merges and lets the gloss stage find an entry for nearly every word.
 */
export function segmentWords(sentence: string, dictionary?: Dictionary): string[] {
  if (sentence === '') return [];
  const tokens = coverExactly(sentence, jiebaFor(dictionary).cut(sentence, true));
  return joinBrokenClusters(dictionary === undefined ? tokens : refineWithDictionary(tokens, dictionary));
}

/**
 * Jieba's dictionary differs from CC-CEDICT: about 9% of jieba's Han tokens on the seeds have no
 * CEDICT entry, so the reader could gloss none of them. They are compounds CEDICT splits
 * (伙伴关系, 两国关系, 举行会谈, 亿美元, even 和普京) and HMM merges (他长, 两国要, 中俄新).
 * Such a token is replaced by its cover with the fewest CEDICT words (伙伴|关系, 和|普京, 中俄|新,
 * 北京|人民大会堂; see word-cover.ts) when the cover holds a word of two or more characters. When the cover is single characters
 * only, the token is kept if jieba's own dictionary has it (班列, 三方: real words CEDICT lacks)
 * or if it looks like a name the HMM found (2–3 characters, the first a CEDICT surname: 蔡奇,
 * 何立峰); otherwise it is an HMM merge of unrelated characters and is split (他|长, 以|新|质).
 */
function refineWithDictionary(tokens: readonly string[], dictionary: Dictionary): string[] {
  const memo = refinedTokens(dictionary);
  const words: string[] = [];
  for (const token of tokens) {
    let cut = memo.get(token);
    if (cut === undefined) {
      cut = refineToken(token, dictionary);
      if (memo.size < MAX_REFINED_TOKENS) memo.set(token, cut);
    }
    if (cut.length === 1) words.push(cut[0]!);
    else words.push(...cut);
  }
  return words;
}

/** One token of jieba's as `refineWithDictionary` keeps or re-cuts it (see there). */
function refineToken(token: string, dictionary: Dictionary): readonly string[] {
  const chars = HAN_ONLY.test(token) ? Array.from(token) : [];
  if (chars.length < 2 || dictionary.has(token)) return [token];
  const cover = fewestWordCover(chars, dictionary);
  const keep =
    cover.length === chars.length &&
    (jiebaFor(dictionary).cut(token, false).length === 1 ||
      (chars.length <= 3 && isSurname(chars[0] ?? '', dictionary)));
  return keep ? [token] : cover;
}

/** A memo by string for each dictionary (what a word is depends on the dictionary it is cut with). */
function perDictionary<V>(): (dictionary: Dictionary) => Map<string, V> {
  const memos = new WeakMap<Dictionary, Map<string, V>>();
  return (dictionary) => {
    let memo = memos.get(dictionary);
    if (memo === undefined) {
      memo = new Map();
      memos.set(dictionary, memo);
    }
    return memo;
  };
}

/**
 * Each token's refinement once per dictionary: a token's words depend on the token and the
 * dictionary only, and a book repeats a few tens of thousands of tokens hundreds of thousands of
 * times (the regular expression, the code points and, for a word CC-CEDICT lacks, its cover and a
 * second cut by jieba, were redone for each). Capped, for a long-lived process.
 */
const refinedTokens = perDictionary<readonly string[]>();
const MAX_REFINED_TOKENS = 200_000;

const surnames = perDictionary<boolean>();

function isSurname(char: string, dictionary: Dictionary): boolean {
  const known = surnames(dictionary);
  let surname = known.get(char);
  if (surname === undefined) {
    surname = dictionary.lookup(char).some((entry) => entry.senses.some((sense) => sense.startsWith('surname ')));
    known.set(char, surname);
  }
  return surname;
}

/**
 * Jieba's tokens laid over the sentence so that they cover it exactly. Measured, jieba keeps every
 * character (each space is its own token); this guards against a version that drops or rewrites
 * some: text between tokens becomes a token of its own, a token not found in the text is skipped.
 */
function coverExactly(sentence: string, tokens: readonly string[]): string[] {
  const words: string[] = [];
  let at = 0; // a UTF-16 offset, used only at token edges, which are code-point boundaries
  for (const token of tokens) {
    if (token === '') continue;
    if (!sentence.startsWith(token, at)) {
      const found = sentence.indexOf(token, at);
      if (found < 0) continue;
      words.push(sentence.slice(at, found));
      at = found;
    }
    words.push(token);
    at += token.length;
  }
  if (at < sentence.length) words.push(sentence.slice(at));
  return words;
}

/** Code points that continue the character before them (marks, variation selectors, ZWJ, skin tones, emoji tags). */
const CONTINUES_CLUSTER = /^[\p{M}\u200D\p{Emoji_Modifier}\u{E0020}-\u{E007F}]/u;
const PICTOGRAPHIC = /^\p{Extended_Pictographic}/u;
const REGIONAL_INDICATOR = /\p{Regional_Indicator}/u;

/**
 * Jieba cuts between code points that form one user-perceived character (葛 + U+E0100, the parts
 * of 👨‍👩‍👧 or 🇨🇳); this glues them back. The rules are the grapheme-cluster rules that can occur
 * in our text, applied directly: Intl.Segmenter would do it in general, but its grapheme iterator
 * is quadratic on long strings in V8 (a 40,000-character paragraph takes 1.2 s) and slower than
 * jieba even on sentences.
 */
function joinBrokenClusters(tokens: readonly string[]): string[] {
  const words: string[] = [];
  for (const token of tokens) {
    const previous = words[words.length - 1];
    if (previous !== undefined && continuesCluster(previous, token)) words[words.length - 1] = previous + token;
    else words.push(token);
  }
  return words;
}

function continuesCluster(previous: string, next: string): boolean {
  if (CONTINUES_CLUSTER.test(next)) return true;
  if (previous.endsWith('\u200D') && PICTOGRAPHIC.test(next)) return true;
  if (previous.endsWith('\r') && next.startsWith('\n')) return true;
  // Flags are pairs of regional indicators: join when the previous token ends with an odd number.
  const first = String.fromCodePoint(next.codePointAt(0) ?? 0);
  if (!REGIONAL_INDICATOR.test(first)) return false;
  let trailing = 0;
  const before = Array.from(previous);
  for (let i = before.length - 1; i >= 0 && REGIONAL_INDICATOR.test(before[i] ?? ''); i--) trailing++;
  return trailing % 2 === 1;
}

/**
 * Splits a block into glossable sentences. `original` is the block as written, `simplified` its
 * conversion; both are split the same way and paired sentence by sentence. A word's `original`
 * is cut from the original sentence at the code-point positions of the simplified word only when
 * the two sentences have the same code-point length (OpenCC hk/tw → cn nearly always keeps it);
 * otherwise the word's `original` is its simplified form and the sentence still carries both
 * full strings: offsets are never guessed across a conversion that changed length.
 *
 * When the two texts split into different numbers of sentences (conversion touched
 * punctuation), the simplified split is applied to the original by position if the texts are of
 * equal length, and otherwise the block is one sentence.
 *
 * `dictionary`, when given, refines jieba's words (see `segmentWords`).
 */
export function segmentBlock(original: string, simplified: string, dictionary?: Dictionary): ZhSentence[] {
  const simplifiedSentences = splitSentences(simplified);
  let originalSentences = splitSentences(original);
  if (originalSentences.length !== simplifiedSentences.length) {
    if (codePointLength(original) !== codePointLength(simplified)) return [sentence(original, simplified, dictionary)];
    originalSentences = cutLike(Array.from(original), simplifiedSentences);
  }
  return simplifiedSentences.map((s, i) => sentence(originalSentences[i] ?? s, s, dictionary));
}

function sentence(original: string, simplified: string, dictionary: Dictionary | undefined): ZhSentence {
  const parts = segmentWords(simplified, dictionary);
  const originalParts =
    original === simplified
      ? parts
      : codePointLength(original) === codePointLength(simplified)
        ? cutLike(Array.from(original), parts)
        : parts;
  const words = parts.map((part, i): Word => ({
    original: originalParts[i] ?? part,
    simplified: part,
    pinyin: '',
    key: null,
  }));
  return { original, simplified, words };
}

/** Cuts `codePoints` into pieces of the same code-point lengths as `pieces`. */
function cutLike(codePoints: readonly string[], pieces: readonly string[]): string[] {
  let at = 0;
  return pieces.map((piece) => {
    const length = codePointLength(piece);
    const cut = codePoints.slice(at, at + length).join('');
    at += length;
    return cut;
  });
}
