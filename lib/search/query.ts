/**
 * Query parsing: untrusted input in, terms the searcher can use out, or a QueryError the API turns
 * into a 400. Nothing here touches the index, so a bad query is refused before it gets near it.
 *
 * How a term is recognised (all terms must match):
 *  - with a Han character: Chinese, `simplified` or `traditional` (converted with OpenCC; the form
 *    as typed is searched too), found as a substring of the pair's simplified Chinese;
 *  - Latin text that reads as pinyin (see `pinyin.ts`) with tone marks or tone numbers (`hé zuò`,
 *    `he2zuo4`): `pinyin` only, since no English word has them;
 *  - Latin text that reads as pinyin without tones (`hezuo`, `long`, `men`, `Xi Jinping`, `China`):
 *    `english-or-pinyin`, searched both ways, and a pair counts when it has it either way. Neither
 *    reading can be ruled out from the spelling (`women` is 我们 and a word; `China` is chi na), a
 *    translator who types `hezuo` means 合作 and one who types `China` means the English word, and
 *    a union of two exact searches is still exact: each hit really contains one of them. (The
 *    searcher reports such a term as `pinyin` or `english` when the corpus has only one reading.)
 *  - any other text with a letter or digit: `english`, matched by stem (cooperate finds cooperation);
 *  - punctuation alone (`*`, `\`): ignored.
 * Neighbouring Latin terms that all read as pinyin are one term, their syllables one contiguous
 * run: `he zuo` finds 合作 and `xi an` finds 西安 (in English: he and zuo, each anywhere).
 * A phrase in double quotes ("…", “…”, 「…」) is one exact term: English words in that order,
 * unstemmed, case-insensitive; Chinese as typed, spaces and punctuation included; pinyin only when
 * it carries tones. An unclosed quote runs to the end of the query.
 */
import {
  chineseQueryTerms,
  englishWords,
  foldForMatching,
  hanCharacters,
  hasHan,
  stemWord,
  toSimplified,
} from './encode';
import { readPinyin, type PinyinReading } from './pinyin';
import { LONE_SURROGATE } from '../base/unicode';

/** Longest query, in code points: enough for a sentence, small enough to keep every query cheap. */
export const MAX_QUERY_CODE_POINTS = 200;

/** A query the searcher refuses; its message is safe to show to the user. */
export class QueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueryError';
  }
}

/** One spelling of a Chinese term: folded text to find, and the index terms that narrow the search. */
interface ZhForm {
  folded: string;
  /** Terms of the bigram index; null when none is certain to be present (a lone character). */
  terms: string[] | null;
  /** Its Han characters, looked up in the character index when `terms` is null. */
  chars: string[];
}

/** Chinese text, found as a substring of the simplified Chinese side. */
export interface ZhNeedle {
  side: 'zh';
  /**
   * The simplified form first, then the form as typed when it differs: a simplified text may keep a
   * character that t→cn would change out of context (乾 of 乾隆 becomes 干 on its own).
   */
  forms: ZhForm[];
}

/** English words, found as a run of consecutive words of the English side. */
export interface EnNeedle {
  side: 'en';
  /** The words, folded to lowercase, in order: what the English index is queried with. */
  words: string[];
  /** Their match keys: the stems, or the words themselves when `exact`. */
  stems: string[];
  /** A quoted phrase: words compared as they are (lowercased), not by stem. */
  exact: boolean;
}

/** Toneless pinyin syllables, found as a contiguous run of the pair's pinyin line. */
interface PyNeedle {
  side: 'py';
  syllables: string[];
}

export type Needle = ZhNeedle | EnNeedle | PyNeedle;

/** How a term was read, reported with the result. */
export type TermKind = 'simplified' | 'traditional' | 'pinyin' | 'english' | 'english-or-pinyin';

export interface QueryTerm {
  /** The term as typed (a quoted phrase without its quotes; a pinyin run with single spaces). */
  raw: string;
  kind: TermKind;
  quoted: boolean;
  /**
   * A record contains the term when it contains every needle of at least one alternative. Most
   * terms have one alternative of one needle; `english-or-pinyin` has [pinyin] and [its words].
   */
  alternatives: Needle[][];
}

/** Refuses over-long input without walking all of it: a 10 MB query costs at most 201 steps. */
function checkLength(query: string): void {
  if (query.length <= MAX_QUERY_CODE_POINTS) return;
  let n = 0;
  for (const _ of query) {
    if (++n > MAX_QUERY_CODE_POINTS) {
      throw new QueryError(`The query is longer than ${MAX_QUERY_CODE_POINTS} characters.`);
    }
  }
}

/** Control characters: invisible in a query box, so treated as spaces. */
const INVISIBLE = /\p{Cc}/gu;
/**
 * Format characters (\p{Cf}): zero-width space, joiner and non-joiner, word joiner, BOM, soft hyphen,
 * the bidi marks, embeddings and isolates. Pasted from a web page or a right-to-left context they
 * sit inside a word (合\u200B作), invisible: removed, not made spaces, so the word is still one word.
 */
const FORMAT = /\p{Cf}/gu;
const WORDISH = /[\p{L}\p{N}]/u;
/** Straight, curly and corner quotes: each one opens or closes a phrase. */
const QUOTE = /["\u201C\u201D\u300C\u300D\u300E\u300F]/u;

function zhForm(text: string): ZhForm {
  const folded = foldForMatching(text).text;
  return { folded, terms: chineseQueryTerms(folded), chars: hanCharacters(folded) };
}

function zhTerm(raw: string, quoted: boolean): QueryTerm {
  const simplified = zhForm(toSimplified(raw));
  const asTyped = zhForm(raw);
  const same = asTyped.folded === simplified.folded;
  return {
    raw,
    kind: same ? 'simplified' : 'traditional',
    quoted,
    alternatives: [[{ side: 'zh', forms: same ? [simplified] : [simplified, asTyped] }]],
  };
}

function enNeedle(text: string, exact: boolean): EnNeedle {
  const words = englishWords(text).map((w) => w.word);
  return { side: 'en', words, stems: exact ? words : words.map(stemWord), exact };
}

function englishTerm(raw: string, quoted: boolean): QueryTerm {
  return { raw, kind: 'english', quoted, alternatives: [[enNeedle(raw, quoted)]] };
}

/** A run of neighbouring terms that all read as pinyin (see the module comment). */
function pinyinRunTerm(tokens: ReadonlyArray<{ raw: string; reading: PinyinReading }>): QueryTerm {
  const raw = tokens.map((t) => t.raw).join(' ');
  const pinyin: PyNeedle = { side: 'py', syllables: tokens.flatMap((t) => t.reading.syllables) };
  if (tokens.some((t) => t.reading.toned)) return { raw, kind: 'pinyin', quoted: false, alternatives: [[pinyin]] };
  return {
    raw,
    kind: 'english-or-pinyin',
    quoted: false,
    alternatives: [[pinyin], tokens.map((t) => enNeedle(t.raw, false))],
  };
}

function quotedTerm(phrase: string): QueryTerm | null {
  if (hasHan(phrase)) return zhTerm(phrase, true);
  if (!WORDISH.test(phrase)) return null;
  const readings = phrase.split(/\s+/u).filter(Boolean).map(readPinyin);
  if (readings.every((r) => r !== null) && readings.some((r) => r?.toned)) {
    const syllables = readings.flatMap((r) => r?.syllables ?? []);
    return { raw: phrase, kind: 'pinyin', quoted: true, alternatives: [[{ side: 'py', syllables }]] };
  }
  return englishTerm(phrase, true);
}

/** The query cut into unquoted words and quoted phrases, in order. */
function pieces(query: string): Array<{ text: string; quoted: boolean }> {
  const out: Array<{ text: string; quoted: boolean }> = [];
  const parts = query.split(QUOTE);
  parts.forEach((part, i) => {
    // Odd parts sit between an opening and a closing quote (or after an unclosed one).
    if (i % 2 === 1) out.push({ text: part.trim(), quoted: true });
    else for (const word of part.split(/\s+/u)) if (word !== '') out.push({ text: word, quoted: false });
  });
  return out;
}

/** What a term searches for, so "合作  關係" and "关系 合作" are the same query to a cache. */
export function termKey(term: QueryTerm): string {
  return JSON.stringify(
    term.alternatives.map((alt) =>
      alt.map((n) =>
        n.side === 'zh'
          ? ['z', n.forms.map((f) => f.folded)]
          : n.side === 'en'
            ? ['e', n.exact, n.stems]
            : ['p', n.syllables],
      ),
    ),
  );
}

/**
 * Splits a query into terms, all of which a hit must contain (see the module comment for how each
 * is recognised). An empty list means "no query": the searcher returns no hits.
 */
export function parseQuery(query: unknown): QueryTerm[] {
  if (typeof query !== 'string') throw new QueryError('The query must be a string.');
  checkLength(query);
  if (LONE_SURROGATE.test(query)) throw new QueryError('The query is not valid Unicode text.');
  const terms: QueryTerm[] = [];
  let run: Array<{ raw: string; reading: PinyinReading }> = [];
  const endRun = (): void => {
    if (run.length > 0) terms.push(pinyinRunTerm(run));
    run = [];
  };
  for (const { text, quoted } of pieces(query.replace(FORMAT, '').replace(INVISIBLE, ' '))) {
    const reading = quoted || hasHan(text) ? null : readPinyin(text);
    if (reading !== null) {
      run.push({ raw: text, reading });
      continue;
    }
    endRun();
    const term = quoted
      ? quotedTerm(text)
      : hasHan(text)
        ? zhTerm(text, false)
        : WORDISH.test(text)
          ? englishTerm(text, false)
          : null;
    if (term !== null) terms.push(term);
  }
  endRun();
  // "Cooperation cooperation" is one term: counting it twice would only skew the ranking.
  const seen = new Set<string>();
  return terms.filter((term) => {
    const key = termKey(term);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
