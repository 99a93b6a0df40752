/**
 * Verification and highlighting: whether a record really contains the query, and where. The index
 * only proposes candidates; this is what makes search exact.
 */
import { foldForMatching, isWordCodePoint, stemWord, type Folded } from './encode';
import type { EnQueryTerm, ZhQueryTerm } from './query';

/** A run of a pair's text, marked when it matched: rendered as React text, never as HTML. */
export interface Part {
  text: string;
  mark: boolean;
}

/** A match, as UTF-16 offsets into the source text (for slicing; they never cut a code point). */
interface Range {
  start: number;
  end: number;
}

/** Non-overlapping occurrences of any form of a Chinese term, mapped back to the source text. */
function findChinese(folded: Folded, term: ZhQueryTerm): Range[] {
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
 * Occurrences of an English term: its words, by stem, as consecutive words of the text (the words
 * `englishWords` would split it into). Instead of splitting and stemming the whole text, finds the
 * first word by the part of its stem that every matching word starts with (see stemWord), then
 * reads words from there: most candidates hold only a few places worth stemming.
 */
function findEnglish(folded: Folded, term: EnQueryTerm): Range[] {
  const out: Range[] = [];
  const [first, ...rest] = term.stems;
  if (first === undefined) return out;
  const text = folded.text;
  const probe = first.length > 1 ? first.slice(0, -1) : first.slice(0, 1);
  for (let at = text.indexOf(probe); at !== -1; at = text.indexOf(probe, at + 1)) {
    if (isWordCodePoint(codePointBefore(text, at))) continue; // inside a word, not at its start
    let end = wordEnd(text, at);
    if (stemWord(text.slice(at, end)) !== first) continue;
    let ok = true;
    for (const stem of rest) {
      const start = nextWordStart(text, end);
      const next = wordEnd(text, start);
      if (next === start || stemWord(text.slice(start, next)) !== stem) {
        ok = false;
        break;
      }
      end = next;
    }
    if (ok) out.push(folded.origin ? { start: folded.origin[at] ?? at, end: folded.origin[end] ?? end } : { start: at, end });
  }
  return out;
}

/** The texts a record is matched on. */
export interface MatchTexts {
  zh: string;
  en: string;
}

/** Every match of every term in a record, or null when some term does not occur. */
export interface RecordMatch {
  zh: Range[];
  en: Range[];
  /** Number of occurrences of all terms: the ranking's first key. */
  count: number;
}

export function matchRecord(record: MatchTexts, zhTerms: ZhQueryTerm[], enTerms: EnQueryTerm[]): RecordMatch | null {
  const zh: Range[] = [];
  const en: Range[] = [];
  if (zhTerms.length > 0) {
    const folded = foldForMatching(record.zh);
    for (const term of zhTerms) {
      const found = findChinese(folded, term);
      if (found.length === 0) return null;
      for (const r of found) zh.push(r); // not push(...found): a long text may hold 100k matches
    }
  }
  if (enTerms.length > 0) {
    const folded = foldForMatching(record.en);
    for (const term of enTerms) {
      const found = findEnglish(folded, term);
      if (found.length === 0) return null;
      for (const r of found) en.push(r);
    }
  }
  return { zh, en, count: zh.length + en.length };
}

/**
 * Cuts a text into marked and unmarked runs. Overlapping or touching matches merge into one mark;
 * the parts always concatenate back to the text. An empty text gives no parts.
 */
export function toParts(text: string, ranges: readonly Range[]): Part[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: Part[] = [];
  let at = 0;
  let markStart = -1;
  let markEnd = -1;
  const flush = (): void => {
    if (markStart < 0) return;
    if (markStart > at) parts.push({ text: text.slice(at, markStart), mark: false });
    parts.push({ text: text.slice(markStart, markEnd), mark: true });
    at = markEnd;
  };
  for (const { start, end } of sorted) {
    if (end <= start) continue;
    if (markStart >= 0 && start <= markEnd) {
      markEnd = Math.max(markEnd, end);
    } else {
      flush();
      markStart = start;
      markEnd = end;
    }
  }
  flush();
  if (at < text.length) parts.push({ text: text.slice(at), mark: false });
  return parts;
}
