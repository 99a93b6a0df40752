/**
 * The encoders of search: how text becomes index terms, and the folding that makes a query and a
 * text comparable. Pure functions; the index and the query go through the same ones, which is what
 * makes "the index holds every term of a text that contains the query" true.
 *
 * Chinese: simplified script, whole code points, overlapping Han bigrams (a single character for a
 * one-character Han run), other letter/digit runs as lowercase words. FlexSearch's own encoders do
 * not fit: the default keeps a whole clause as one token, and `Charset.CJK` splits UTF-16 units, so
 * 合作 matched 合…作 and 𠀀 matched surrogate halves of 𠀁 (STACK-NOTES).
 * English: lowercase words reduced to their Porter stem, so cooperate finds cooperation.
 */
import { Converter } from 'opencc-js/t2cn';
import { stemmer } from 'stemmer';
import { HAN } from '../base/han';

/**
 * Longest index term, in code points. A longer letter run (a URL, a base64 blob) is cut to this
 * length on both sides, so it still matches itself; FlexSearch would otherwise drop terms over its
 * `maxlength` silently, and nobody searches for the 65th letter of a word.
 */
export const MAX_TERM_CODE_POINTS = 64;

type ConvertFn = (text: string) => string;
let toCn: ConvertFn | undefined;

/**
 * Traditional → mainland simplified (OpenCC t→cn: character and phrase tables, no vocabulary
 * rewriting; `twp` would turn 建立 into 创建). Built on first use because the tables take a
 * moment to load and most importers of this module never convert.
 */
export function toSimplified(text: string): string {
  toCn ??= Converter({ from: 't', to: 'cn' });
  return toCn(text);
}

/** Variation selectors (葛󠄀 = 葛 + U+E0100) choose a glyph, not a character: search ignores them. */
export function isVariationSelector(cp: number): boolean {
  return (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
}

/** Full-width letters and digits (Ｇ２０): folded to ASCII. Full-width punctuation is left alone. */
function isFullWidthAlnum(cp: number): boolean {
  return (cp >= 0xff10 && cp <= 0xff19) || (cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a);
}

/** Characters that folding may change; everything else is copied as is by the native replace. */
const FOLDABLE =
  /[\uFE00-\uFE0F\u{E0100}-\u{E01EF}\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]|\p{Changes_When_Lowercased}/gu;
const HAS_VARIATION_SELECTOR = /[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u;
/** The same set as UTF-16 units (U+E0100–E01EF is DB40 DD00–DDEF): a plain regex scans faster. */
const NON_ASCII = /[^\x00-\x7F]/;
const MAY_FOLD_UNITS = /[\uFE00-\uFE0F\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]|\uDB40[\uDD00-\uDDEF]/;
/** Variation selectors as UTF-16 units: three times faster than HAS_VARIATION_SELECTOR's `u` regex. */
const VARIATION_SELECTOR_UNITS = /[\uFE00-\uFE0F]|\uDB40[\uDD00-\uDDEF]/;

/**
 * True when folding would drop something from the text: the only change of folding that a needle
 * made of Han characters alone can see (the rest lowercases or narrows letters and digits, in
 * place), so without one such a needle is found in the text as it is, at the same offsets.
 */
export function hasVariationSelector(text: string): boolean {
  return VARIATION_SELECTOR_UNITS.test(text);
}

/** One code point folded: '' for a variation selector, never a change of UTF-16 length otherwise. */
function foldChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  if (isVariationSelector(cp)) return '';
  const folded = isFullWidthAlnum(cp) ? String.fromCodePoint(cp - 0xfee0) : ch;
  const lower = folded.toLowerCase();
  return lower.length === folded.length ? lower : folded;
}

/** Text prepared for matching, with the way back to the source text. */
export interface Folded {
  text: string;
  /**
   * `origin[i]` is the UTF-16 index in the source of folded unit `i`, and `origin[text.length]` is
   * the source's length; null when offsets are the same in both (no variation selector dropped).
   */
  origin: number[] | null;
}

/**
 * Folds text for matching: variation selectors dropped, full-width letters and digits to ASCII,
 * letters lowercased — per code point (no context rules) and only when lowercasing keeps the UTF-16
 * length (İ stays İ), so that offsets survive and a query folds the way the text around it does.
 * Verification folds every candidate, so the common case is one native replace and no array.
 */
export function foldForMatching(source: string): Folded {
  // Most text has nothing to fold: two cheap native checks, and no unicode-property regex scan.
  const lower = source.toLowerCase();
  if (lower === source && !MAY_FOLD_UNITS.test(source)) return { text: source, origin: null };
  // In ASCII, lowercasing is per character and keeps length: the whole-string result is the fold.
  if (!NON_ASCII.test(source)) return { text: lower, origin: null };
  // Beyond ASCII, whole-string lowercasing equals the per-character fold unless it changed a length
  // (only İ grows; no character shrinks) or met Σ (the one context rule: final ς). English with
  // curly quotes and dashes takes this path; the regex with a callback below is ten times slower.
  if (lower.length === source.length && !source.includes('\u03A3') && !MAY_FOLD_UNITS.test(source))
    return { text: lower, origin: null };
  if (!HAS_VARIATION_SELECTOR.test(source)) return { text: source.replace(FOLDABLE, foldChar), origin: null };
  const parts: string[] = [];
  const origin: number[] = [];
  let at = 0;
  for (const ch of source) {
    const folded = foldChar(ch);
    for (let k = 0; k < folded.length; k++) origin.push(at);
    parts.push(folded);
    at += ch.length;
  }
  origin.push(at);
  return { text: parts.join(''), origin };
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
/** A Han run, or a run of other letters, marks and digits (Latin, Cyrillic, kana, numbers). */
const RUN = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{M}\p{N}])+)/gu;

/** True when the text holds at least one Han character. */
export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/**
 * True when one code point is Han, as `\p{Script=Han}` says. Per character of a paragraph this is
 * the hot test of highlighting pinyin, so the two ranges that decide nearly all text skip the
 * regular expression: nothing below U+2E80 (Latin, punctuation, kana excepted below) is Han, and
 * the whole CJK Unified Ideographs block U+4E00–U+9FFF is (assigned since Unicode 14, which every
 * supported Node's ICU has).
 */
export function isHanCodePoint(cp: number): boolean {
  if (cp < 0x2e80) return false;
  if (cp >= 0x4e00 && cp <= 0x9fff) return true;
  return HAN_CODE_POINT.test(String.fromCodePoint(cp));
}

const HAN_CODE_POINT = /^\p{Script=Han}$/u;

/** A letter run as an index term: cut to MAX_TERM_CODE_POINTS (see there). */
function capTerm(run: string): string {
  if (run.length <= MAX_TERM_CODE_POINTS) return run;
  return Array.from(run).slice(0, MAX_TERM_CODE_POINTS).join('');
}

/** Overlapping bigrams of a Han run, by code point; the character itself for a one-character run. */
function hanBigrams(run: string, out: string[]): void {
  const chars = Array.from(run);
  if (chars.length === 1) {
    out.push(run);
    return;
  }
  for (let i = 0; i + 1 < chars.length; i++) out.push((chars[i] ?? '') + (chars[i + 1] ?? ''));
}

/**
 * Index terms of Chinese text that is already simplified (a PairRecord's `zh`): folded, then Han
 * bigrams and lowercase words. The index uses this directly: converting simplified text again is
 * wasted work, and t→cn is not a no-op on every simplified character (乾 alone becomes 干).
 */
export function chineseTerms(simplified: string): string[] {
  const text = foldForMatching(simplified).text;
  const out: string[] = [];
  for (const m of text.matchAll(RUN)) {
    if (m[1] !== undefined) hanBigrams(m[1], out);
    else if (m[2] !== undefined) out.push(capTerm(m[2]));
  }
  return out;
}

/**
 * Terms of the character view: every Han character of already-simplified text, once per
 * occurrence, so that a one-character query (的, 𠀀) has a posting list instead of a scan of every
 * record. A view apart from the bigrams: there a lone character stands for a one-character run, and
 * a common character's counts must be its occurrences and nothing else.
 */
export function hanCharacters(simplified: string): string[] {
  const text = foldForMatching(simplified).text;
  const out: string[] = [];
  for (const ch of text) if (HAN.test(ch)) out.push(ch);
  return out;
}

/** The Chinese encoder: any Chinese text (traditional or simplified) → index terms. */
export function encodeChinese(text: string): string[] {
  return chineseTerms(toSimplified(text));
}

type CharClass = 'han' | 'word' | 'other';

/** The classes RUN splits text into, for one code point. */
function classOf(ch: string): CharClass {
  if (HAN.test(ch)) return 'han';
  return WORD_CHAR.test(ch) ? 'word' : 'other';
}

/**
 * The terms of a folded Chinese query term that every text containing it is certain to have been
 * indexed under, or null when there are none (the term is then checked on every record in scope).
 * A bigram always qualifies. A lone Han character or a letter run qualifies only when the term
 * shows what stands on both sides of it: 合 in 合作 was indexed as 合作, never as 合, and "20" may
 * be the tail of "g20" in the text.
 */
export function chineseQueryTerms(folded: string): string[] | null {
  const chars = Array.from(folded);
  const out: string[] = [];
  let i = 0;
  while (i < chars.length) {
    const cls = classOf(chars[i] ?? '');
    let j = i + 1;
    if (cls !== 'other') while (j < chars.length && classOf(chars[j] ?? '') === cls) j++;
    const bounded = i > 0 && j < chars.length;
    const run = chars.slice(i, j).join('');
    if (cls === 'han' && j - i > 1) hanBigrams(run, out);
    else if (cls === 'han' && bounded) out.push(run);
    else if (cls === 'word' && bounded) out.push(capTerm(run));
    i = j;
  }
  return out.length > 0 ? out : null;
}

/** A word of English text: where it sits in the source and its folded (lowercase) form. */
export interface WordSpan {
  start: number;
  end: number;
  word: string;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** Whether a code point belongs in a word (letter, mark, digit); ASCII answered without a regex. */
export function isWordCodePoint(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a);
  return WORD_CHAR.test(String.fromCodePoint(cp));
}

/**
 * The words (runs of letters, marks and digits) of a text with their source offsets (UTF-16, for
 * slicing), folded to lowercase. An `exec` loop over the folded text: it measured faster than
 * `matchAll` and than a hand-written scan.
 */
export function englishWords(text: string): WordSpan[] {
  const { text: folded, origin } = foldForMatching(text);
  const out: WordSpan[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(folded); m !== null; m = WORD.exec(folded)) {
    const start = m.index;
    const end = start + m[0].length;
    out.push(
      origin ? { start: origin[start] ?? start, end: origin[end] ?? end, word: m[0] } : { start, end, word: m[0] },
    );
  }
  return out;
}

/**
 * Stems are cached: verification stems the words of every candidate, and a corpus has far fewer
 * distinct words than word occurrences. Cleared when full rather than evicted one by one: simple,
 * and refilling is cheap.
 */
const stemCache = new Map<string, string>();
const STEM_CACHE_MAX = 200_000;

/**
 * What two words must share to count as the same word: the Porter stem of a folded word. A word
 * longer than MAX_TERM_CODE_POINTS is its own key, unstemmed and uncut, so verification never
 * confuses two long words with a common beginning.
 *
 * A key starts with the word's first UTF-16 unit, and the key minus its last unit is a prefix of
 * the word: Porter only rewrites the end of a word (happy → happi, filing → file), and the rare
 * stem that breaks this (the stemmer's own lowercasing turns İ into i̇) is not used. Verification
 * relies on it to find a word by `indexOf` instead of splitting the whole text into words.
 */
export function stemWord(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  let stem = word;
  if (capTerm(word) === word) {
    const porter = stemmer(word);
    if (porter.charCodeAt(0) === word.charCodeAt(0) && word.startsWith(porter.slice(0, -1))) stem = porter;
  }
  if (stemCache.size >= STEM_CACHE_MAX) stemCache.clear();
  stemCache.set(word, stem);
  return stem;
}

/** The index term of a folded English word. */
export function englishTerm(word: string): string {
  return capTerm(stemWord(word));
}

/** The English encoder: text → stemmed lowercase words, cut to MAX_TERM_CODE_POINTS. */
export function encodeEnglish(text: string): string[] {
  return englishWords(text).map((w) => englishTerm(w.word));
}
