/**
 * Query parsing: untrusted input in, terms the searcher can use out, or a QueryError the API turns
 * into a 400. Nothing here touches the index, so a bad query is refused before it gets near it.
 */
import {
  chineseQueryTerms,
  englishWords,
  foldForMatching,
  hasHan,
  stemWord,
  toSimplified,
} from './encode';

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
export interface ZhForm {
  folded: string;
  /** Null when no index term is certain to be present (a lone character): every record is checked. */
  terms: string[] | null;
}

/** A term with Han characters, found as a substring of the simplified Chinese side. */
export interface ZhQueryTerm {
  side: 'zh';
  /** The term as typed. */
  raw: string;
  /**
   * The simplified form first, then the form as typed when it differs: a simplified text may keep a
   * character that t→cn would change out of context (乾 of 乾隆 becomes 干 on its own).
   */
  forms: ZhForm[];
}

/** A term without Han characters, found as a run of consecutive words of the English side. */
export interface EnQueryTerm {
  side: 'en';
  raw: string;
  /** The term's words, folded to lowercase, in order: what the English index is queried with. */
  words: string[];
  /** Their match keys (stems). */
  stems: string[];
}

export type QueryTerm = ZhQueryTerm | EnQueryTerm;

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

// In a /u regex a surrogate range matches only unpaired halves: a pair is one code point.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
/** Control characters, zero-width space and BOM: invisible in a query box, so treated as spaces. */
const INVISIBLE = /[\p{Cc}\u200B\uFEFF]/gu;
const WORDISH = /[\p{L}\p{N}]/u;

function zhForm(text: string): ZhForm {
  const folded = foldForMatching(text).text;
  return { folded, terms: chineseQueryTerms(folded) };
}

function zhTerm(raw: string): ZhQueryTerm {
  const simplified = zhForm(toSimplified(raw));
  const asTyped = zhForm(raw);
  return {
    side: 'zh',
    raw,
    forms: asTyped.folded === simplified.folded ? [simplified] : [simplified, asTyped],
  };
}

function enTerm(raw: string): EnQueryTerm {
  const words = englishWords(raw).map((w) => w.word);
  return { side: 'en', raw, words, stems: words.map(stemWord) };
}

/**
 * Splits a query into terms, all of which a hit must contain. A term with a Han character searches
 * the Chinese side (traditional input is converted, so 關係 finds 关系); any other term with a
 * letter or digit searches the English side; a term of punctuation alone (`*`, `\`) matches nothing
 * and is ignored. An empty list means "no query": the searcher returns no hits.
 */
export function parseQuery(query: unknown): QueryTerm[] {
  if (typeof query !== 'string') throw new QueryError('The query must be a string.');
  checkLength(query);
  if (LONE_SURROGATE.test(query)) throw new QueryError('The query is not valid Unicode text.');
  const seen = new Set<string>();
  const terms: QueryTerm[] = [];
  for (const raw of query.replace(INVISIBLE, ' ').split(/\s+/u)) {
    if (raw === '') continue;
    const term = hasHan(raw) ? zhTerm(raw) : WORDISH.test(raw) ? enTerm(raw) : null;
    if (term === null) continue;
    // "Cooperation cooperation" is one term: counting it twice would only skew the ranking.
    const key = term.side === 'zh' ? `zh:${term.forms.map((f) => f.folded).join('\u0000')}` : `en:${term.stems.join(' ')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push(term);
  }
  return terms;
}
