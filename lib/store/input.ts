import { isDocId as isIngestDocId } from '../base/doc-id';
import { CONTEXT_RADIUS, positionsInContext } from '../learner/nested';
import { MAX_QUERY_CODE_POINTS } from '../search';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../base/limits';
import { codePointLength, LONE_SURROGATE } from '../base/unicode';

/**
 * Validation of everything that arrives from a URL before it reaches the build folder or the
 * search index. Each function returns a value or a client error (status + message); none throws,
 * so a route can never turn bad input into a 500.
 */

/** Why input was refused, for pages that explain it in the UI language. */
export type Refusal = 'missing' | 'empty' | 'too-long' | 'malformed' | 'repeated' | 'invalid';

export type Checked<T> = { ok: true; value: T } | { ok: false; status: 400; reason: Refusal; message: string };

export const fail = (message: string, reason: Refusal = 'invalid'): Checked<never> => ({
  ok: false,
  status: 400,
  reason,
  message,
});

/**
 * A document id as the ingest allows them (lowercase letters, digits, inner hyphens: the ingest's
 * own rule, so the two can never disagree), which is also what makes a safe file name.
 */
export function isDocId(value: unknown): value is string {
  return typeof value === 'string' && /^[a-z0-9-]+$/.test(value) && isIngestDocId(value);
}

// NUL and the other C0/C1 controls (tab and newline are folded to spaces by the trim below).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/**
 * Parses a raw query string (`?a=1&b=2`) strictly. URLSearchParams silently turns broken
 * percent-encoding into U+FFFD; here `%E4%B8` or an encoded surrogate is an error instead.
 */
export function parseQueryString(search: string): Checked<Map<string, string[]>> {
  const params = new Map<string, string[]>();
  const body = search.startsWith('?') ? search.slice(1) : search;
  if (body.length === 0) return { ok: true, value: params };
  for (const part of body.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawKey = eq === -1 ? part : part.slice(0, eq);
    const rawValue = eq === -1 ? '' : part.slice(eq + 1);
    let key: string;
    let value: string;
    try {
      key = decodeURIComponent(rawKey.replace(/\+/g, ' '));
      value = decodeURIComponent(rawValue.replace(/\+/g, ' '));
    } catch {
      return fail('The query string is not valid percent-encoded UTF-8.', 'malformed');
    }
    const list = params.get(key);
    if (list) list.push(value);
    else params.set(key, [value]);
  }
  return { ok: true, value: params };
}

/** Exactly one value of a parameter, or undefined when it is absent. */
export function single(params: Map<string, string[]>, name: string): Checked<string | undefined> {
  const values = params.get(name);
  if (values === undefined) return { ok: true, value: undefined };
  if (values.length !== 1) return fail(`Give "${name}" once, not ${values.length} times.`, 'repeated');
  return { ok: true, value: values[0] };
}

/** The search library's own limit, so the API refuses exactly what the searcher would. */
export const MAX_QUERY = MAX_QUERY_CODE_POINTS;

/** A search query: 1–200 code points after trimming, well-formed, no control characters. */
export function checkSearchQuery(raw: string | undefined): Checked<string> {
  if (raw === undefined) return fail('Missing query: add ?q=<words>.', 'missing');
  if (raw.length > MAX_QUERY * 2 + 64) return fail(`The query is longer than ${MAX_QUERY} characters.`, 'too-long');
  if (LONE_SURROGATE.test(raw) || raw.includes('\uFFFD'))
    return fail('The query is not valid Unicode text.', 'malformed');
  if (CONTROL.test(raw)) return fail('The query contains control characters.', 'malformed');
  const q = raw.replace(/\s+/g, ' ').trim();
  if (q === '') return fail('The query is empty.', 'empty');
  if (codePointLength(q) > MAX_QUERY) return fail(`The query is longer than ${MAX_QUERY} characters.`, 'too-long');
  return { ok: true, value: q };
}

export function checkInteger(
  raw: string | undefined,
  name: string,
  min: number,
  max: number,
  fallback: number,
): Checked<number> {
  if (raw === undefined) return { ok: true, value: fallback };
  if (!/^\d{1,9}$/.test(raw)) return fail(`"${name}" must be a whole number from ${min} to ${max}.`);
  const n = Number(raw);
  if (n < min || n > max) return fail(`"${name}" must be a whole number from ${min} to ${max}.`);
  return { ok: true, value: n };
}

export interface SearchRequest {
  q: string;
  doc: string | undefined;
  limit: number;
  offset: number;
}

const MAX_OFFSET = 100_000;

/** `GET /api/search?q=&doc=&limit=&offset=`, from the raw query string. */
export function checkSearchRequest(search: string): Checked<SearchRequest> {
  const parsed = parseQueryString(search);
  if (!parsed.ok) return parsed;
  const params = parsed.value;
  const q = single(params, 'q');
  if (!q.ok) return q;
  const query = checkSearchQuery(q.value);
  if (!query.ok) return query;
  const doc = single(params, 'doc');
  if (!doc.ok) return doc;
  if (doc.value !== undefined && !isDocId(doc.value)) return fail('"doc" is not a document id.');
  const limitRaw = single(params, 'limit');
  if (!limitRaw.ok) return limitRaw;
  const limit = checkInteger(limitRaw.value, 'limit', 1, MAX_LIMIT, DEFAULT_LIMIT);
  if (!limit.ok) return limit;
  const offsetRaw = single(params, 'offset');
  if (!offsetRaw.ok) return offsetRaw;
  const offset = checkInteger(offsetRaw.value, 'offset', 0, MAX_OFFSET, 0);
  if (!offset.ok) return offset;
  return { ok: true, value: { q: query.value, doc: doc.value, limit: limit.value, offset: offset.value } };
}

const MAX_GLOSS_WORD = 32;
// Han characters (Extension B included) and Latin letters: CC-CEDICT headwords such as 卡拉OK.
const GLOSS_WORD = /^[\p{Script=Han}\p{Script=Latin}]+$/u;

/** The sentence around a word, for the popover's nested words (lib/learner/nested.ts). */
interface GlossContext {
  /** Simplified text, its words separated by single spaces. */
  text: string;
  /** Where the word starts in `text`, in code points. */
  at: number;
  /** The character the reader tapped (a position in `text` inside the word), when known. */
  char?: number;
}

export interface GlossRequest {
  word: string;
  context?: GlossContext;
  /** The English words aligned with the word in its translation (word links): the sense they support goes first. */
  aligned?: string;
}

/** Room for the word, CONTEXT_RADIUS code points either side and a separator between every two words, with some to spare. */
const MAX_GLOSS_CONTEXT = 2 * CONTEXT_RADIUS + MAX_GLOSS_WORD + 64;

/**
 * `GET /api/gloss?w=&ctx=&at=`: one word of 1–32 code points, Han or Latin only; optionally the
 * sentence around it (`ctx`, well-formed text of at most MAX_GLOSS_CONTEXT code points, no control
 * characters) with the word standing at code point `at` of it. `ctx` and `at` come together.
 * `en`, optional, is the English aligned with the word in its translation (see `GlossRequest.aligned`).
 */
export function checkGlossRequest(search: string): Checked<GlossRequest> {
  const parsed = parseQueryString(search);
  if (!parsed.ok) return parsed;
  const en = single(parsed.value, 'en');
  if (!en.ok) return en;
  if (en.value !== undefined && (en.value.length > MAX_ALIGNED || !ALIGNED.test(en.value)))
    return fail(
      `"en" is the aligned English: at most ${MAX_ALIGNED} letters, digits, spaces, hyphens and apostrophes.`,
    );
  const checked = checkGlossWord(parsed.value);
  return checked.ok && en.value !== undefined && en.value.trim() !== ''
    ? { ok: true, value: { ...checked.value, aligned: en.value.trim() } }
    : checked;
}

/** The aligned English a gloss request may carry (`en`): a few words of the translation. */
const MAX_ALIGNED = 120;
const ALIGNED = /^[\p{L}\p{M}\p{N} '’-]*$/u;

function checkGlossWord(params: Map<string, string[]>): Checked<GlossRequest> {
  const parsed = { value: params };
  const w = single(parsed.value, 'w');
  if (!w.ok) return w;
  if (w.value === undefined) return fail('Missing word: add ?w=<word>.', 'missing');
  if (w.value === '') return fail('The word is empty.', 'empty');
  if (w.value.length > MAX_GLOSS_WORD * 2 || codePointLength(w.value) > MAX_GLOSS_WORD) {
    return fail(`The word is longer than ${MAX_GLOSS_WORD} characters.`, 'too-long');
  }
  if (!GLOSS_WORD.test(w.value)) return fail('A word may contain only Chinese characters and Latin letters.');
  const ctx = single(parsed.value, 'ctx');
  if (!ctx.ok) return ctx;
  const atRaw = single(parsed.value, 'at');
  if (!atRaw.ok) return atRaw;
  if (ctx.value === undefined && atRaw.value === undefined) {
    if (parsed.value.has('c')) return fail('"c" (the tapped character) needs "ctx" and "at".', 'missing');
    return { ok: true, value: { word: w.value } };
  }
  if (ctx.value === undefined || atRaw.value === undefined)
    return fail('Give "ctx" and "at" together: the sentence and where the word starts in it.', 'missing');
  const text = ctx.value;
  if (text.length > MAX_GLOSS_CONTEXT * 2 || codePointLength(text) > MAX_GLOSS_CONTEXT) {
    return fail(`The context is longer than ${MAX_GLOSS_CONTEXT} characters.`, 'too-long');
  }
  if (LONE_SURROGATE.test(text) || text.includes('\uFFFD'))
    return fail('The context is not valid Unicode text.', 'malformed');
  if (CONTROL.test(text) || /[\t\n\r]/.test(text)) return fail('The context contains control characters.', 'malformed');
  const at = checkInteger(atRaw.value, 'at', 0, MAX_GLOSS_CONTEXT - 1, 0);
  if (!at.ok) return at;
  const positions = positionsInContext(text, at.value, w.value);
  if (positions === null) return fail('The word does not stand at "at" in the context.');
  const charRaw = single(parsed.value, 'c');
  if (!charRaw.ok) return charRaw;
  if (charRaw.value === undefined) return { ok: true, value: { word: w.value, context: { text, at: at.value } } };
  const char = checkInteger(charRaw.value, 'c', 0, MAX_GLOSS_CONTEXT - 1, 0);
  if (!char.ok) return char;
  if (!positions.includes(char.value))
    return fail('"c" must be the position of one of the word\'s characters in the context.');
  return { ok: true, value: { word: w.value, context: { text, at: at.value, char: char.value } } };
}

const MAX_TERM = 16;
/** A term is Chinese: Han characters, with a middle dot or hyphen inside names (普京·弗拉基米尔). */
const TERM = /^\p{Script=Han}(?:[\p{Script=Han}·・-]*\p{Script=Han})?$/u;

/** A term as typed (in a path segment or `?term=`): 1–16 Han characters, simplified or traditional. */
export function checkTerm(raw: string | undefined): Checked<string> {
  if (raw === undefined) return fail('Missing term: add ?term=<Chinese term>.', 'missing');
  if (raw.length > MAX_TERM * 2 + 8) return fail(`The term is longer than ${MAX_TERM} characters.`, 'too-long');
  if (LONE_SURROGATE.test(raw) || raw.includes('\uFFFD'))
    return fail('The term is not valid Unicode text.', 'malformed');
  const term = raw.trim();
  if (term === '') return fail('The term is empty.', 'empty');
  if (codePointLength(term) > MAX_TERM) return fail(`The term is longer than ${MAX_TERM} characters.`, 'too-long');
  if (!TERM.test(term))
    return fail('A term is a Chinese word or phrase: Chinese characters only (search finds English and pinyin).');
  return { ok: true, value: term };
}

/** `GET /api/term?term=`: one term; `lines` (0–500) caps the concordance lines returned. */
export function checkTermRequest(search: string): Checked<{ term: string; lines: number }> {
  const parsed = parseQueryString(search);
  if (!parsed.ok) return parsed;
  const term = single(parsed.value, 'term');
  if (!term.ok) return term;
  const checked = checkTerm(term.value);
  if (!checked.ok) return checked;
  const linesRaw = single(parsed.value, 'lines');
  if (!linesRaw.ok) return linesRaw;
  const lines = checkInteger(linesRaw.value, 'lines', 0, 500, 50);
  if (!lines.ok) return lines;
  return { ok: true, value: { term: checked.value, lines: lines.value } };
}
