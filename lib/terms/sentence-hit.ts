/**
 * A search hit as sentence pairs, as Linguee shows one: of a matching pair (a paragraph), the
 * sentence beads that hold a match, each with the query's matches marked on its side and, through
 * the bead's word links (lib/wordalign), the words aligned to them marked on the other side
 * (合作 → "cooperation"; "partnership" → 伙伴关系). Pure: the store hands in the pair with its
 * beads and links (`termPairs`) and the matches search verified.
 */
import type { MarkedSentence, SearchPairHit, SentencePairHit } from '../model';
import { englishTokens, parseLinks } from '../wordalign/index';
import type { TermPair } from './pairs';

/** [start, end) in UTF-16 units, end exclusive. */
type Span = [number, number];

/** Sentence pairs a hit shows at most; the rest of the pair is one click away in the reader. */
const MAX_HIT_SENTENCES = 2;

type SentenceLink = NonNullable<TermPair['links']>[number];

const overlaps = (a: readonly [number, number], s: number, e: number): boolean => a[0] < a[1] && s < a[1] && e > a[0];

/** A token worth marking as a counterpart: it has a letter or a digit, not only punctuation or space. */
const WORDLIKE = /[\p{L}\p{N}]/u;

/** The matches inside [from, to), clipped to it and made relative to `from`. */
function clip(ranges: readonly Span[], from: number, to: number): Span[] {
  const out: Span[] = [];
  for (const [s, e] of ranges)
    if (overlaps([from, to], s, e)) out.push([Math.max(s, from) - from, Math.min(e, to) - from]);
  return out;
}

/** Consecutive indices as runs: [1, 2, 4] → [[1, 2], [4, 4]]. */
function runs(indices: ReadonlySet<number>): Array<[number, number]> {
  const sorted = [...indices].sort((a, b) => a - b);
  const out: Array<[number, number]> = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && last[1] === i - 1) last[1] = i;
    else out.push([i, i]);
  }
  return out;
}

/**
 * The words aligned to the matches of one bead: English spans linked to the matched Chinese words,
 * Chinese spans linked to the matched English tokens, relative to each side's sentence text.
 * Neighbouring linked words join into one span ("two countries", not "two" and "countries").
 */
function linkedSpans(
  en: string,
  bead: SentenceLink,
  zhMatch: readonly Span[],
  enMatch: readonly Span[],
): { zh: Span[]; en: Span[] } {
  if (!bead.words) return { zh: [], en: [] };
  const { starts, links } = bead.words;
  const tokens = englishTokens(en);
  const zhText = (i: number) => [starts[i] ?? 0, starts[i + 1] ?? 0] as const;
  const zhHit = (i: number) => {
    const [s, e] = zhText(i);
    return zhMatch.some((m) => overlaps(m, s - bead.zh[0], e - bead.zh[0]));
  };
  const enHit = (j: number) => {
    const t = tokens[j];
    return t !== undefined && enMatch.some((m) => overlaps(m, t.start, t.end));
  };
  const toEn = new Set<number>();
  const toZh = new Set<number>();
  for (const [i, j] of parseLinks(links).sure) {
    if (zhHit(i) && WORDLIKE.test(tokens[j]?.text ?? '')) toEn.add(j);
    if (enHit(j) && i < starts.length - 1) toZh.add(i);
  }
  return {
    en: runs(toEn).map(([a, b]): Span => [tokens[a]!.start, tokens[b]!.end]),
    zh: runs(toZh).map(([a, b]): Span => [zhText(a)[0] - bead.zh[0], zhText(b)[1] - bead.zh[0]]),
  };
}

function side(text: string, match: Span[], linked: Span[]): MarkedSentence {
  return { text, match, linked };
}

/** The whole pair as one "sentence pair": a pair without sentence beads (or words) to narrow it to. */
function wholePair(pair: TermPair, zhMatch: readonly Span[], enMatch: readonly Span[]): SentencePairHit {
  return { bead: -1, zh: side(pair.zh, [...zhMatch], []), en: side(pair.en, [...enMatch], []) };
}

/**
 * The hit of a pair whose record matched at `zhMatch` (on `pair.zh`, pinyin matches included) and
 * `enMatch` (on `pair.en`): its first `max` sentence beads with a match, in order, and how many more
 * there are.
 */
export function sentenceHit(
  pair: TermPair,
  zhMatch: readonly Span[],
  enMatch: readonly Span[],
  max = MAX_HIT_SENTENCES,
): SearchPairHit {
  const base = { docId: pair.docId, pair: pair.pair };
  const beads = (pair.links ?? [])
    .map((bead, k) => ({ bead, k }))
    .filter(
      ({ bead }) =>
        zhMatch.some(([s, e]) => overlaps(bead.zh, s, e)) || enMatch.some(([s, e]) => overlaps(bead.en, s, e)),
    );
  if (beads.length === 0) return { ...base, sentences: [wholePair(pair, zhMatch, enMatch)], more: 0 };
  const sentences = beads.slice(0, Math.max(1, max)).map(({ bead, k }): SentencePairHit => {
    const zh = pair.zh.slice(bead.zh[0], bead.zh[1]);
    const en = pair.en.slice(bead.en[0], bead.en[1]);
    const zhOwn = clip(zhMatch, bead.zh[0], bead.zh[1]);
    const enOwn = clip(enMatch, bead.en[0], bead.en[1]);
    const linked = linkedSpans(en, bead, zhOwn, enOwn);
    return { bead: k, zh: side(zh, zhOwn, linked.zh), en: side(en, enOwn, linked.en) };
  });
  return { ...base, sentences, more: beads.length - sentences.length };
}
