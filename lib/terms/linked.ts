/**
 * A term's rendering in one occurrence, read off the word links (lib/wordalign) of its sentence
 * bead: the English tokens linked to the term's words, as the phrase pair consistent with the
 * links (no token inside it linked to a Chinese word outside the term). Where tokens linked to
 * other words sit inside, the rendering has a gap: 全面战略协作伙伴 → "comprehensive strategic …
 * coordination" around "partner of". Function words at a part's edges are trimmed ("the two
 * countries" → "two countries"); the key is case-folded and stemmed, so "Good-Neighbourliness" and
 * "good-neighbourliness" are one rendering.
 */
import type { TermOccurrence } from '../model';
import { englishTokens, parseLinks } from '../wordalign/index';
import { MAX_SPAN_TOKENS } from './corpus';
import { isContentWord, keyOf, tokenize } from './english';
import type { TermPair } from './pairs';

/** More parts than this is a scattering of links, not a rendering. */
const MAX_PARTS = 3;

type Rendering = NonNullable<TermOccurrence['rendering']>;

/**
 * The rendering of the term at [zhStart, zhEnd) of the pair's Chinese, or null when the bead has no
 * links to the term's words, or the term is only part of a segmented word (时代 inside 新时代: the
 * links are the whole word's, not the term's). Undefined when the pair's bead has no word links at
 * all (the caller may then fall back on another method).
 */
export function linkedRendering(pair: TermPair, zhStart: number, zhEnd: number): Rendering | null | undefined {
  const bead = pair.links?.find((l) => l.zh[0] <= zhStart && zhEnd <= l.zh[1]);
  if (!bead?.words) return undefined;
  const { starts, links } = bead.words;
  const first = starts.indexOf(zhStart);
  const afterLast = starts.indexOf(zhEnd, first + 1);
  if (first < 0 || afterLast < 0) return null;
  const { sure } = parseLinks(links);
  const linked = new Set<number>();
  const elsewhere = new Set<number>();
  for (const [i, j] of sure) (i >= first && i < afterLast ? linked : elsewhere).add(j);
  if (linked.size === 0) return null;
  const tokens = englishTokens(pair.en.slice(bead.en[0], bead.en[1]));
  const lo = Math.min(...linked);
  const hi = Math.max(...linked);
  // Runs of the span between tokens linked elsewhere (or marks not linked to the term).
  const runs: number[][] = [];
  let run: number[] = [];
  for (let j = lo; j <= hi; j++) {
    const isWord = /[\p{L}\p{N}]/u.test(tokens[j]?.text ?? '');
    if (!linked.has(j) && (elsewhere.has(j) || !isWord)) {
      if (run.length > 0) runs.push(run);
      run = [];
    } else run.push(j);
  }
  if (run.length > 0) runs.push(run);
  const content = (j: number) => linked.has(j) && isContentWord(tokens[j]!.text.toLowerCase());
  const parts = runs
    .map((r) => {
      let a = 0;
      let b = r.length - 1;
      while (a <= b && !content(r[a]!)) a++;
      while (b >= a && !content(r[b]!)) b--;
      return r.slice(a, b + 1);
    })
    .filter((r) => r.length > 0);
  if (parts.length === 0 || parts.length > MAX_PARTS || parts.reduce((n, p) => n + p.length, 0) > MAX_SPAN_TOKENS)
    return null;
  // Keys as term spotting makes them (its tokenizer, stems, stop words kept), so the two group
  // alike. A part repeating another (合作 linked to both "cooperation"s of a long sentence; 联邦 of
  // 俄罗斯联邦 linked to "Federal" of "the Federal Antimonopoly Service of the Russian Federation"
  // too) is the same rendering found twice, not a gap: only the fuller part is kept.
  const found = parts.map((p) => {
    const span: [number, number] = [bead.en[0] + tokens[p[0]!]!.start, bead.en[0] + tokens[p[p.length - 1]!]!.end];
    return { span, key: keyOf(tokenize(pair.en, span[0], span[1])) };
  });
  const repeats = (a: string, b: string) => ` ${b} `.includes(` ${a} `);
  const kept = found.filter(
    (f, k) => !found.some((g, m) => m !== k && repeats(f.key, g.key) && (g.key !== f.key || m < k)),
  );
  const offsets = kept.map((f) => f.span);
  const keys = kept.map((f) => f.key);
  return {
    start: offsets[0]![0],
    end: offsets[offsets.length - 1]![1],
    key: keys.join(' … '),
    ...(offsets.length > 1 ? { parts: offsets } : {}),
  };
}

/**
 * Whether [zhStart, zhEnd) cuts across the segmenter's words of its bead: a word boundary inside it
 * and one of its ends inside a word, as 大国 in 重大|国际 ("major international"). Such a match
 * of the characters is not the term; a term inside one word (时代 of 新时代) or made of whole words
 * is. False where the bead has no words to tell.
 */
export function straddlesWords(pair: TermPair, zhStart: number, zhEnd: number): boolean {
  const bead = pair.links?.find((l) => l.zh[0] <= zhStart && zhEnd <= l.zh[1]);
  if (!bead?.words) return false;
  const { starts } = bead.words;
  const isBoundary = (at: number) => starts.includes(at);
  const boundaryInside = starts.some((at) => at > zhStart && at < zhEnd);
  return boundaryInside && !(isBoundary(zhStart) && isBoundary(zhEnd));
}

/**
 * What the word links say of the English span [start, end) for the term at [zhStart, zhEnd):
 * whether some token in it is linked to the term, and whether some is linked to a Chinese word
 * outside it. Null where the bead has no links to tell, or the span is not in the term's bead.
 */
function spanLinks(
  pair: TermPair,
  zhStart: number,
  zhEnd: number,
  start: number,
  end: number,
): { toTerm: boolean; elsewhere: boolean } | null {
  const bead = pair.links?.find((l) => l.zh[0] <= zhStart && zhEnd <= l.zh[1]);
  if (!bead?.words || start < bead.en[0] || end > bead.en[1]) return null;
  const { starts, links } = bead.words;
  const first = starts.indexOf(zhStart);
  const afterLast = starts.indexOf(zhEnd, first + 1);
  if (first < 0 || afterLast < 0) return null;
  const tokens = englishTokens(pair.en.slice(bead.en[0], bead.en[1]));
  let toTerm = false;
  let elsewhere = false;
  for (const [i, j] of parseLinks(links).sure) {
    const token = tokens[j];
    if (!token || bead.en[0] + token.start < start || bead.en[0] + token.end > end) continue;
    if (i >= first && i < afterLast) toTerm = true;
    else elsewhere = true;
  }
  return { toTerm, elsewhere };
}

/**
 * Whether term spotting's span [start, end) agrees with the word links of the term at
 * [zhStart, zhEnd): some token in it is linked to the term and none to a Chinese word outside it.
 * Spotting then wins: it keeps words the aligner left unlinked ("two" of "two countries" for 两国).
 */
export function consistentWithLinks(
  pair: TermPair,
  zhStart: number,
  zhEnd: number,
  start: number,
  end: number,
): boolean {
  const said = spanLinks(pair, zhStart, zhEnd, start, end);
  return said !== null && said.toTerm && !said.elsewhere;
}

/**
 * Whether the links give term spotting's span [start, end) to other Chinese words of the bead and
 * none of it to the term at [zhStart, zhEnd): spotting matched a word that translates something
 * else ("people-to-people" of 人文交流 taken for 人民, which the links tie to "peoples" further on).
 */
export function claimedElsewhere(pair: TermPair, zhStart: number, zhEnd: number, start: number, end: number): boolean {
  const said = spanLinks(pair, zhStart, zhEnd, start, end);
  return said !== null && said.elsewhere && !said.toTerm;
}

/** The text a rendering shows: its span, or its parts joined by an ellipsis. */
export function renderingText(en: string, rendering: Rendering): string {
  return rendering.parts
    ? rendering.parts.map(([s, e]) => en.slice(s, e)).join(' … ')
    : en.slice(rendering.start, rendering.end);
}
