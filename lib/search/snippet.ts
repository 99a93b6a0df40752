/**
 * Search snippets: a hit's sentence cut to about two lines around its marks, between words. Done once
 * where the answer is made (lib/store/search-hits.ts), so `GET /api/search` sends what the page shows
 * and no more: a 2,000-character sentence, or a pair without sentence beads shown whole, costs its
 * snippet, not its length. Pure; parts are text and nothing is parsed.
 */
import { codePointLength } from '../base/unicode';
import type { MarkedSentence } from '../model';

const ELLIPSIS = '…';

/** A run of a hit's text: marked as the query's match, as its aligned counterpart, or not at all. */
export interface HitPart {
  text: string;
  mark: 'match' | 'linked' | null;
}

const codePoints = codePointLength;

const SPACE = /\s/u;
const zhWords = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * Where a text may be cut without cutting a word, ascending, 0 and the end included. English at the
 * edges of its spaces only (a hyphenated or apostrophised word is one word: good-neighbourliness);
 * Chinese between the words of ICU's dictionary segmentation (Intl.Segmenter, built into Node and
 * the browser), so 合作 is never cut into 合…作.
 */
function cutPoints(text: string, lang: 'zh' | 'en'): number[] {
  if (lang === 'zh') return [...[...zhWords.segment(text)].map((s) => s.index), text.length];
  const out = [0];
  for (let i = 1; i < text.length; i++) if (SPACE.test(text[i - 1]!) !== SPACE.test(text[i]!)) out.push(i);
  out.push(text.length);
  return out;
}

/** The longest tail of `text` of at most `radius` code points that starts at a cut point. */
function tail(text: string, radius: number, lang: 'zh' | 'en'): string {
  const at = cutPoints(text, lang).find((b) => codePoints(text.slice(b)) <= radius) ?? text.length;
  // Chinese punctuation at the cut (，、) would open the line; the ellipsis stands for it.
  return at === 0 ? text : ELLIPSIS + text.slice(at).replace(lang === 'zh' ? LEADING_MARKS : /^\s+/u, '');
}

const LEADING_MARKS = /^[\s\p{Po}\p{Pd}]+/u;
const TRAILING_MARKS = /[\s\p{Po}\p{Pd}]+$/u;

/** The longest head of `text` of at most `radius` code points that ends at a cut point. */
function head(text: string, radius: number, lang: 'zh' | 'en'): string {
  const points = cutPoints(text, lang);
  const at = points.findLast((b) => codePoints(text.slice(0, b)) <= radius) ?? 0;
  return at === text.length ? text : text.slice(0, at).replace(lang === 'zh' ? TRAILING_MARKS : /\s+$/u, '') + ELLIPSIS;
}

/**
 * A hit's line: unmarked runs longer than the context are cut to about `radius` code points on the
 * side that touches a mark (both sides in the middle), so every mark stays with its context and a
 * 2,000-character sentence does not fill the page. Cuts fall between words ("… high quality", never
 * "…g high quality"). Parts are text; nothing is parsed.
 */
export function excerpt<P extends { text: string; mark: unknown }>(
  parts: readonly P[],
  radius: number,
  lang: 'zh' | 'en',
): P[] {
  if (!parts.some((p) => p.mark)) return [...parts];
  return parts.map((part, i) => {
    if (part.mark || codePoints(part.text) <= radius) return part;
    const first = i === 0;
    const last = i === parts.length - 1;
    if (first && last) return part;
    if (first) return { ...part, text: tail(part.text, radius, lang) };
    if (last) return { ...part, text: head(part.text, radius, lang) };
    if (codePoints(part.text) <= radius * 2 + 1) return part;
    const before = head(part.text, radius, lang);
    const after = tail(part.text, radius, lang);
    // Two cuts that meet leave the run whole rather than repeat a word.
    if (!before.endsWith(ELLIPSIS) || !after.startsWith(ELLIPSIS)) return part;
    return { ...part, text: before + (lang === 'en' ? ' ' : '') + after.slice(ELLIPSIS.length) };
  });
}

/**
 * A sentence with its marks as runs: a match wins over a linked word where they overlap (a query
 * with words on both sides). The runs concatenate back to the text.
 */
export function sentenceParts(sentence: {
  text: string;
  match: ReadonlyArray<readonly [number, number]>;
  linked: ReadonlyArray<readonly [number, number]>;
}): HitPart[] {
  const { text } = sentence;
  const cuts = new Set([0, text.length]);
  for (const [s, e] of [...sentence.match, ...sentence.linked]) {
    cuts.add(Math.max(0, Math.min(s, text.length)));
    cuts.add(Math.max(0, Math.min(e, text.length)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const inside = (ranges: ReadonlyArray<readonly [number, number]>, s: number, e: number) =>
    ranges.some(([a, b]) => a <= s && e <= b);
  const parts: HitPart[] = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const s = points[k]!;
    const e = points[k + 1]!;
    if (e <= s) continue;
    const mark = inside(sentence.match, s, e) ? 'match' : inside(sentence.linked, s, e) ? 'linked' : null;
    const prev = parts[parts.length - 1];
    if (prev && prev.mark === mark) prev.text += text.slice(s, e);
    else parts.push({ text: text.slice(s, e), mark });
  }
  return parts;
}

/**
 * Context kept around the marks, in code points: about two lines of each language on the page (the
 * page's hit is a Chinese line over an English one).
 */
export const SNIPPET_RADIUS = { zh: 60, en: 160 } as const;

/**
 * The sentence as its snippet: the text cut by `excerpt` around its marks, with the match and linked
 * ranges moved onto the cut text (a match wins over a linked word where they overlapped). A
 * sentence short enough, or without marks, comes back as it was.
 */
export function cutSentence(
  sentence: MarkedSentence,
  lang: 'zh' | 'en',
  radius: number = SNIPPET_RADIUS[lang],
): MarkedSentence {
  if (codePoints(sentence.text) <= radius) return sentence;
  const parts = excerpt(sentenceParts(sentence), radius, lang);
  let text = '';
  const match: Array<[number, number]> = [];
  const linked: Array<[number, number]> = [];
  for (const part of parts) {
    const start = text.length;
    text += part.text;
    if (part.mark === 'match') match.push([start, text.length]);
    else if (part.mark === 'linked') linked.push([start, text.length]);
  }
  return { text, match, linked };
}
