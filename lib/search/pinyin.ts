/**
 * The pinyin view of search: how a pair's Chinese becomes a line of toneless syllables (from the
 * readings the gloss stage chose, never re-derived), how that line is indexed, and how a typed
 * pinyin term is read. Pure functions, shared by the index and the query, like `encode.ts`.
 *
 * The stored line (`PairRecord.pinyin`) has one token per Han code point of the record's `zh`, in
 * order: the toneless syllable (ü written v), or `?` for a character without a reading. Tokens of
 * one Han run are separated by a space, runs by `|`, so "a contiguous run of syllables" is a
 * substring between separators, and a match never joins 合 and 作 across a comma: the same rule
 * as the Chinese view. Variation selectors do not break a run (search ignores them elsewhere too).
 *
 * Syllable boundaries follow pinyin orthography: a syllable that starts with a, o or e is written
 * after an apostrophe (xi'an, chang'an), so a term typed without one is read that way too: `xian`
 * is the one syllable xian and never xi + an; `xi'an`, `xi an`, `XiAn` and `xi1an1` are xi + an;
 * `fangan` is fan + gan. With that rule every spelling has at most one reading.
 */
import { hasHan, isHanCodePoint, isVariationSelector } from './encode';
import { LONGEST_SYLLABLE, PINYIN_SYLLABLES, SYLLABLE_ALIASES } from './pinyin-syllables';

/** Token of a Han character the gloss stage could not read: never equal to a typed syllable. */
const UNREAD = '?';
const SYLLABLE_SEPARATOR = ' ';
const RUN_SEPARATOR = '|';

/** Where the Han code points of a text are (UTF-16 offsets), and which of them start a new run. */
export interface HanSlots {
  start: number[];
  end: number[];
  /** True when something other than a variation selector stands between this and the previous Han. */
  runStart: boolean[];
}

/** The Han code points of a text: one slot per pinyin token. */
export function hanSlots(text: string): HanSlots {
  const slots: HanSlots = { start: [], end: [], runStart: [] };
  let inRun = false;
  let at = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (isHanCodePoint(cp)) {
      slots.start.push(at);
      slots.end.push(at + ch.length);
      slots.runStart.push(!inRun);
      inRun = true;
    } else if (!isVariationSelector(cp)) {
      inRun = false;
    }
    at += ch.length;
  }
  return slots;
}

const TONE_MARKS = /[\u0300\u0301\u0304\u030C]/gu;

/**
 * One syllable as the gloss writes it (`Xí`, `lǜ`, `r`) → the index's form (`xi`, `lv`, `er`), or
 * null when it is not a pinyin syllable (a Latin letter CEDICT spells out, `·`).
 */
export function tonelessSyllable(marked: string): string | null {
  const plain = marked
    .normalize('NFD')
    .replace(TONE_MARKS, '')
    .replace(/u\u0308|u:/giu, 'v')
    .toLowerCase();
  // Erhua: CC-CEDICT reads the 儿 of 一点儿 as a bare r; it is the syllable er to anyone typing it.
  const syllable = plain === 'r' ? 'er' : (SYLLABLE_ALIASES.get(plain) ?? plain);
  return PINYIN_SYLLABLES.has(syllable) ? syllable : null;
}

/**
 * The toneless syllables of a word's pinyin (the gloss stage's `Word.pinyin`), one per Han code
 * point of the word, or null when they cannot be lined up with its characters (CEDICT spells the
 * Latin letters of 卡拉OK as syllables too: those are dropped first).
 */
export function wordSyllables(word: string, pinyin: string): Array<string | null> | null {
  const hanCount = Array.from(word).filter(hasHan).length;
  if (hanCount === 0) return [];
  const tokens = pinyin.split(/\s+/u).filter(Boolean);
  const readable = tokens.length === hanCount ? tokens : tokens.filter((t) => !/^[A-Za-z]$/u.test(t));
  if (readable.length !== hanCount) return null;
  return readable.map(tonelessSyllable);
}

/**
 * The stored pinyin line of a text (see the module comment), from one syllable (or null) per Han
 * code point; undefined when no character has a reading, so records without one stay as they were.
 */
export function pinyinLine(text: string, syllables: ReadonlyArray<string | null>): string | undefined {
  const { runStart } = hanSlots(text);
  if (!syllables.some((s) => s !== null)) return undefined;
  // Joined once: appending token by token would leave a rope of thousands of string pieces.
  const parts: string[] = [];
  runStart.forEach((starts, k) => {
    if (k > 0) parts.push(starts ? RUN_SEPARATOR : SYLLABLE_SEPARATOR);
    parts.push(syllables[k] ?? UNREAD);
  });
  return parts.join('');
}

/** Separator between syllables of an index term: `he_zuo` is the bigram he + zuo. */
const BIGRAM_JOINER = '_';

/**
 * Index terms of a pinyin line: every syllable, and every pair of neighbouring syllables of a run
 * (like the Han bigrams of the Chinese view). Also maps the terms `pinyinQueryTerms` gives, joined
 * by `|`, to themselves, which is how the searcher looks them up.
 */
export function pinyinTerms(line: string): string[] {
  const out: string[] = [];
  for (const run of line.split(RUN_SEPARATOR)) {
    const tokens = run.split(SYLLABLE_SEPARATOR);
    tokens.forEach((token, i) => {
      if (token === '' || token.includes(UNREAD)) return;
      out.push(token);
      const next = tokens[i + 1];
      if (next !== undefined && next !== '' && !next.includes(UNREAD)) out.push(token + BIGRAM_JOINER + next);
    });
  }
  return out;
}

/** The index terms every record containing these syllables (in a run) was indexed under. */
export function pinyinQueryTerms(syllables: readonly string[]): string[] {
  if (syllables.length === 1) return [...syllables];
  const out: string[] = [];
  for (let i = 0; i + 1 < syllables.length; i++) out.push(syllables[i] + BIGRAM_JOINER + syllables[i + 1]);
  return out;
}

/** Joins lookup terms so that `pinyinTerms` gives them back unchanged. */
export function joinPinyinLookup(terms: readonly string[]): string {
  return terms.join(RUN_SEPARATOR);
}

/** A typed term read as pinyin. */
export interface PinyinReading {
  syllables: string[];
  /** Tone marks or tone numbers: no English word has them, so the term is pinyin and nothing else. */
  toned: boolean;
}

const APOSTROPHES = new Set(["'", '\u2019', '\u2018', '\u02BC']);
const VOWEL_INITIAL = /^[aoe]/u;

/**
 * A segment (letters between boundaries) as syllables, or null. Longest syllable first, with
 * backtracking; only the first syllable may start with a, o or e (see the module comment).
 * Failures are memoised by position, so a long segment costs O(length × LONGEST_SYLLABLE).
 */
function splitSegment(segment: string): string[] | null {
  const failed = new Set<number>();
  const walk = (at: number): string[] | null => {
    if (at === segment.length) return [];
    if (failed.has(at)) return null;
    for (let len = Math.min(LONGEST_SYLLABLE, segment.length - at); len > 0; len--) {
      const piece = segment.slice(at, at + len);
      const syllable = SYLLABLE_ALIASES.get(piece) ?? piece;
      if (!PINYIN_SYLLABLES.has(syllable) || (at > 0 && VOWEL_INITIAL.test(syllable))) continue;
      const rest = walk(at + len);
      if (rest !== null) return [syllable, ...rest];
    }
    failed.add(at);
    return null;
  };
  return walk(0);
}

/**
 * Reads one whitespace-free term as pinyin: `hezuo`, `hé zuò` (one token at a time), `he2zuo4`,
 * `HeZuo`, `xi'an`, `lü`, `lu:`, `lv`. Boundaries are apostrophes, tone numbers (1–5, after a
 * syllable) and, in a term that is not all capitals, a capital letter (XiAn = xi + an). Null when
 * the term is not pinyin (a letter outside pinyin, a digit elsewhere, a segment that does not
 * split into syllables).
 */
export function readPinyin(term: string): PinyinReading | null {
  const decomposed = term.normalize('NFD');
  const toneMarked = /[\u0300\u0301\u0304\u030C]/u.test(decomposed);
  const letters = decomposed
    .replace(TONE_MARKS, '')
    .replace(/u\u0308|u:/gu, 'v')
    .replace(/U\u0308|U:/gu, 'V');
  const camel = letters !== letters.toUpperCase();
  const segments: string[] = [];
  let segment = '';
  let toneNumbered = false;
  const close = (): void => {
    if (segment !== '') segments.push(segment.toLowerCase());
    segment = '';
  };
  for (const ch of letters) {
    if (/^[a-z]$/u.test(ch)) {
      segment += ch;
    } else if (/^[A-Z]$/u.test(ch)) {
      if (camel) close();
      segment += ch;
    } else if (/^[1-5]$/u.test(ch)) {
      if (segment === '') return null; // a tone number belongs right after a syllable
      toneNumbered = true;
      close();
    } else if (APOSTROPHES.has(ch)) {
      close();
    } else {
      return null;
    }
  }
  close();
  if (segments.length === 0) return null;
  const syllables: string[] = [];
  for (const s of segments) {
    const split = splitSegment(s);
    if (split === null) return null;
    syllables.push(...split);
  }
  return { syllables, toned: toneMarked || toneNumbered };
}

/** A match, as UTF-16 offsets into the Chinese text. */
export interface PinyinRange {
  start: number;
  end: number;
}

function isSeparator(line: string, at: number): boolean {
  const c = line[at];
  return c === undefined || c === SYLLABLE_SEPARATOR || c === RUN_SEPARATOR;
}

/**
 * Token index (which Han character) of each non-overlapping occurrence of the syllables as a
 * contiguous run of the line. Separators are counted incrementally: one pass over the line.
 */
function occurrences(line: string | undefined, syllables: readonly string[]): number[] {
  const out: number[] = [];
  if (line === undefined || syllables.length === 0) return out;
  const needle = syllables.join(SYLLABLE_SEPARATOR);
  let scanned = 0;
  let token = 0;
  for (let at = line.indexOf(needle); at !== -1; at = line.indexOf(needle, at + 1)) {
    if (!isSeparator(line, at - 1) || !isSeparator(line, at + needle.length)) continue;
    for (; scanned < at; scanned++) if (isSeparator(line, scanned)) token++;
    out.push(token);
    at += needle.length - 1; // non-overlapping, as for Chinese terms
  }
  return out;
}

/** Number of occurrences of the syllables in a pinyin line (what the ranking counts). */
export function countPinyin(line: string | undefined, syllables: readonly string[]): number {
  return occurrences(line, syllables).length;
}

/**
 * The occurrences of the syllables, mapped onto the Han characters of `zh` that carry them. A line
 * that does not fit its text (a bundle written by something else) gives no match rather than a
 * wrong highlight. One pass over the text, stopping after the last occurrence: a hit's paragraph
 * may run to thousands of characters, and the page highlights twenty of them per query.
 */
export function findPinyin(zh: string, line: string | undefined, syllables: readonly string[]): PinyinRange[] {
  const found = occurrences(line, syllables);
  if (found.length === 0) return [];
  const span = syllables.length - 1;
  const out: PinyinRange[] = [];
  let next = 0; // the occurrence being mapped
  let token = -1; // index of the current Han code point
  let inRun = false;
  let start = -1; // where the occurrence being mapped starts, once its first character is reached
  let broken = false; // a run boundary inside it: a stale bundle, never a match across a comma
  for (let at = 0; at < zh.length;) {
    const cp = zh.codePointAt(at) as number;
    const width = cp > 0xffff ? 2 : 1;
    if (isHanCodePoint(cp)) {
      token++;
      const runStart = !inRun;
      inRun = true;
      const first = found[next] as number;
      if (token === first) {
        start = at;
        broken = false;
      } else if (start >= 0 && runStart) broken = true;
      if (start >= 0 && token === first + span) {
        if (!broken) out.push({ start, end: at + width });
        start = -1;
        if (++next === found.length) return out;
      }
    } else if (!isVariationSelector(cp)) {
      inRun = false;
    }
    at += width;
  }
  return []; // the text has fewer Han characters than the line has syllables
}
