/**
 * Verification and highlighting: whether a record really contains the query, and where. The index
 * only proposes candidates; this is what makes search exact.
 */
import {
  foldForMatching,
  hasVariationSelector,
  isHanCodePoint,
  isWordCodePoint,
  stemWord,
  type Folded,
} from './encode';
import { countPinyin, findPinyin } from './pinyin';
import type { EnNeedle, Needle, QueryTerm, ZhNeedle } from './query';

/** A run of a pair's text, marked when it matched: rendered as React text, never as HTML. */
export interface Part {
  text: string;
  mark: boolean;
}

/** A match, as UTF-16 offsets into the source text (for slicing; they never cut a code point). */
export interface Range {
  start: number;
  end: number;
}

/** Non-overlapping occurrences of any form of a Chinese term, mapped back to the source text. */
function findChinese(folded: Folded, term: ZhNeedle): Range[] {
  const out: Range[] = [];
  for (const { folded: needle } of term.forms) {
    if (needle === '') continue;
    // Both strings are well-formed UTF-16, so indexOf cannot match half of a surrogate pair:
    // 𠀀 (D840 DC00) is never found inside 𠀁𠐀 (D840 DC01 D841 DC00).
    for (let at = folded.text.indexOf(needle); at !== -1; at = folded.text.indexOf(needle, at + needle.length)) {
      const end = at + needle.length;
      out.push(folded.origin ? { start: folded.origin[at] ?? at, end: folded.origin[end] ?? end } : { start: at, end });
    }
  }
  return out;
}

/** The code point that ends just before UTF-16 index `at`, or -1 at the start. */
function codePointBefore(text: string, at: number): number {
  if (at <= 0) return -1;
  const low = text.charCodeAt(at - 1);
  if (low >= 0xdc00 && low <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(at - 2) ?? -1;
  }
  return low;
}

/** Index just past the word (maximal run of word code points) starting at `at`. */
function wordEnd(text: string, at: number): number {
  let i = at;
  while (i < text.length) {
    const cp = text.codePointAt(i) ?? 0;
    if (!isWordCodePoint(cp)) break;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

/** Index of the next word code point at or after `at`. */
function nextWordStart(text: string, at: number): number {
  let i = at;
  while (i < text.length) {
    const cp = text.codePointAt(i) ?? 0;
    if (isWordCodePoint(cp)) break;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

/**
 * Occurrences of an English term: its words, by stem (or as they are, for a quoted phrase), as
 * consecutive words of the text (the words `englishWords` would split it into). Instead of
 * splitting and stemming the whole text, finds the first word by the part of its stem that every
 * matching word starts with (see stemWord), then reads words from there: most candidates hold only
 * a few places worth stemming.
 */
function findEnglish(folded: Folded, term: EnNeedle): Range[] {
  const out: Range[] = [];
  const [first, ...rest] = term.stems;
  if (first === undefined) return out;
  const key = term.exact ? (word: string) => word : stemWord;
  const text = folded.text;
  const probe = term.exact ? first : first.length > 1 ? first.slice(0, -1) : first.slice(0, 1);
  for (let at = text.indexOf(probe); at !== -1; at = text.indexOf(probe, at + 1)) {
    if (isWordCodePoint(codePointBefore(text, at))) continue; // inside a word, not at its start
    let end = wordEnd(text, at);
    if (key(text.slice(at, end)) !== first) continue;
    let ok = true;
    for (const stem of rest) {
      const start = nextWordStart(text, end);
      const next = wordEnd(text, start);
      if (next === start || key(text.slice(start, next)) !== stem) {
        ok = false;
        break;
      }
      end = next;
    }
    if (ok)
      out.push(folded.origin ? { start: folded.origin[at] ?? at, end: folded.origin[end] ?? end } : { start: at, end });
  }
  return out;
}

/** The texts a record is matched on. */
export interface MatchTexts {
  zh: string;
  en: string;
  /** The pinyin line of `zh` (see pinyin.ts); absent when no character has a reading. */
  pinyin?: string;
}

/** Every match of every term in a record, or null when some term does not occur. */
export interface RecordMatch {
  zh: Range[];
  en: Range[];
  /** Number of occurrences of all terms: the ranking's first key. */
  count: number;
}

/** A record's texts folded once, on first use: most needles look at one side only. */
class FoldedRecord {
  private zhFolded: Folded | undefined;
  private enFolded: Folded | undefined;
  constructor(readonly record: MatchTexts) {}
  get zh(): Folded {
    this.zhFolded ??= foldForMatching(this.record.zh);
    return this.zhFolded;
  }
  get en(): Folded {
    this.enFolded ??= foldForMatching(this.record.en);
    return this.enFolded;
  }
  /**
   * The Chinese side for a needle of Han characters alone: the text as it is unless it holds a
   * variation selector (see hasVariationSelector). Verifying a candidate then costs one scan of the
   * text instead of folding it: lowercasing a Chinese string is most of what folding costs.
   */
  get zhForHan(): Folded {
    if (this.zhFolded !== undefined) return this.zhFolded;
    return hasVariationSelector(this.record.zh) ? this.zh : { text: this.record.zh, origin: null };
  }
}

/** Whether every form of a Chinese needle is Han characters alone (remembered per needle: it is asked per candidate). */
const hanOnly = new WeakMap<ZhNeedle, boolean>();

function isHanOnly(needle: ZhNeedle): boolean {
  let known = hanOnly.get(needle);
  if (known === undefined) {
    known = needle.forms.every(({ folded }) => {
      for (const ch of folded) if (!isHanCodePoint(ch.codePointAt(0) ?? 0)) return false;
      return true;
    });
    hanOnly.set(needle, known);
  }
  return known;
}

/** Where a needle occurs, on which side (pinyin matches are marked on the Chinese). */
function findNeedle(texts: FoldedRecord, needle: Needle): { side: 'zh' | 'en'; ranges: Range[] } {
  switch (needle.side) {
    case 'zh':
      if (needle.forms.length === 0) return { side: 'zh', ranges: [] };
      return { side: 'zh', ranges: findChinese(isHanOnly(needle) ? texts.zhForHan : texts.zh, needle) };
    case 'en':
      return { side: 'en', ranges: findEnglish(texts.en, needle) };
    case 'py':
      return { side: 'zh', ranges: findPinyin(texts.record.zh, texts.record.pinyin, needle.syllables) };
  }
}

/**
 * A term's matches: those of every alternative found whole (every needle occurs). A record with
 * 合作 and "hezuo" in its English counts both for the term `hezuo`: it has it both ways.
 */
function matchTerm(
  texts: FoldedRecord,
  term: QueryTerm,
  out: RecordMatch,
  absent: readonly boolean[] | undefined,
): boolean {
  let found = false;
  for (let k = 0; k < term.alternatives.length; k++) {
    if (absent?.[k] === true) continue;
    const alternative = term.alternatives[k]!;
    const hits = [];
    for (const needle of alternative) {
      const hit = findNeedle(texts, needle);
      if (hit.ranges.length === 0) break;
      hits.push(hit);
    }
    if (hits.length < alternative.length || alternative.length === 0) continue;
    found = true;
    // Not push(...ranges): a long text may hold 100k matches.
    for (const { side, ranges } of hits) for (const r of ranges) out[side].push(r);
  }
  return found;
}

/** How often a needle occurs: what findNeedle would find, without mapping pinyin onto characters. */
function countNeedle(texts: FoldedRecord, needle: Needle): number {
  return needle.side === 'py'
    ? countPinyin(texts.record.pinyin, needle.syllables)
    : findNeedle(texts, needle).ranges.length;
}

/**
 * The occurrences of an alternative of a term in a record (as `matchRecord` counts them), or 0 when
 * one of its needles does not occur: verification for the ranking, which needs no highlight.
 */
export function countAlternative(record: MatchTexts, alternative: readonly Needle[]): number {
  const texts = new FoldedRecord(record);
  let sum = 0;
  for (const needle of alternative) {
    const n = countNeedle(texts, needle);
    if (n === 0) return 0;
    sum += n;
  }
  return sum;
}

/**
 * The matches of all terms in a record, or null when one of them does not occur. `absent[t][k]`
 * true says that alternative `k` of term `t` is known not to occur in the record (the searcher
 * knows each alternative's exact records): it is not looked for, which is what looking would find.
 * Marking `fa` on a page of hits otherwise folds and scans every hit's English for the word "fa".
 */
export function matchRecord(
  record: MatchTexts,
  terms: readonly QueryTerm[],
  absent?: ReadonlyArray<readonly boolean[] | undefined>,
): RecordMatch | null {
  const texts = new FoldedRecord(record);
  const out: RecordMatch = { zh: [], en: [], count: 0 };
  for (let t = 0; t < terms.length; t++) if (!matchTerm(texts, terms[t]!, out, absent?.[t])) return null;
  out.count = out.zh.length + out.en.length;
  return out;
}

/**
 * Cuts a text into marked and unmarked runs. Overlapping or touching matches merge into one mark;
 * the parts always concatenate back to the text. An empty text gives no parts. No closure inside:
 * it runs for both sides of every hit on a page, and under tsx (the benches) each closure made
 * costs a property definition for its name.
 */
export function toParts(text: string, ranges: readonly Range[]): Part[] {
  const sorted = ranges.length > 1 ? [...ranges].sort((a, b) => a.start - b.start || a.end - b.end) : ranges;
  const parts: Part[] = [];
  let at = 0;
  let markStart = -1;
  let markEnd = -1;
  for (let i = 0; i <= sorted.length; i++) {
    const range = sorted[i];
    if (range !== undefined) {
      if (range.end <= range.start) continue;
      if (markStart >= 0 && range.start <= markEnd) {
        markEnd = Math.max(markEnd, range.end);
        continue;
      }
    }
    // A new mark starts (or the ranges end): the one before is complete.
    if (markStart >= 0) {
      if (markStart > at) parts.push({ text: text.slice(at, markStart), mark: false });
      parts.push({ text: text.slice(markStart, markEnd), mark: true });
      at = markEnd;
    }
    if (range !== undefined) {
      markStart = range.start;
      markEnd = range.end;
    }
  }
  if (at < text.length) parts.push({ text: text.slice(at), mark: false });
  return parts;
}
