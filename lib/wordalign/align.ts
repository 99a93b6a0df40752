/**
 * Word alignment of sentence pairs: both directions of the diagonal model (model.ts) trained over
 * the pairs (and any extra training pairs), then an HMM started from it (hmm.ts); each pair's
 * links are those whose posterior, averaged over the two directions, passes a threshold
 * (grow-diag-final-and over the Viterbi links is kept as an option). A Chinese word CC-CEDICT
 * lacks is aligned as its dictionary parts (split.ts), a word linked into a dictionary phrase of
 * its that the sentence writes takes the whole phrase (phrases.ts), and a word's links are filled
 * across short unlinked English gaps (gaps.ts). Deterministic: the same pairs give the same links.
 */
import type { Dictionary } from '../dictionary/cedict';
import { cooccurrences, transposed } from './cells';
import {
  DEFAULT_MODEL_OPTIONS,
  type DirectionModel,
  type IdPair,
  type ModelOptions,
  trainAgreement,
  trainDirection,
  type TranslationTable,
} from './model';
import { DEFAULT_HMM_OPTIONS, type HmmOptions, trainHmm } from './hmm';
import { irregularStems } from './lemma';
import { englishKey, Priors } from './prior';
import { growDiagFinalAnd, type Link } from './symmetrize';
import { isBlank, type TokenPair } from './tokens';
import { fillEnglishGaps } from './gaps';
import { linkSensePhrases } from './phrases';
import { joinParts, splitUnknownWords } from './split';
import { clausePieces } from './long-pairs';
import { CLAUSE_ENDS_EN, CLAUSE_ENDS_ZH } from './data';

export type { TokenPair } from './tokens';

export interface AlignOptions {
  /** Pairs to learn from as well, whose links are not needed (the corpus, for the CLI's input). */
  training?: readonly TokenPair[];
  model?: Partial<ModelOptions>;
  /** The HMM trained after the diagonal model (hmm.ts); false stops at the diagonal model. */
  hmm?: Partial<HmmOptions> | false;
  /**
   * How the two directions are combined: grow-diag-final-and over their Viterbi links, or the
   * links whose posterior, averaged over both directions, reaches `threshold` (Liang et al. 2006's
   * soft intersection).
   */
  combine?: { kind: 'gdfa' } | { kind: 'posterior'; threshold: number };
  /** Train the two directions' first model together, by agreement (model.ts trainAgreement); off by default. */
  agreement?: boolean;
  /** Align a Chinese word CC-CEDICT lacks as its dictionary parts (split.ts). */
  splitUnknown?: boolean;
  /**
   * The longest run of unlinked English tokens a Chinese word's links are filled across (gaps.ts);
   * 0 fills nothing.
   */
  maxGap?: number;
  /**
   * A pair over the HMM's limit is cut into clause pieces, each aligned by the HMM (long-pairs.ts);
   * false keeps the diagonal model's posteriors for it (the aligner before the pieces).
   */
  clausePieces?: boolean;
  /** A word linked into a dictionary phrase of its that the sentence writes takes all of it (phrases.ts). */
  sensePhrases?: boolean;
}

/**
 * The soft intersection beat grow-diag-final-and on the corpus gold (AER 17.8 against 22.0): on
 * small data the Viterbi links of either direction are noisy, and the union grows from them.
 */
const DEFAULT_COMBINE: NonNullable<AlignOptions['combine']> = { kind: 'posterior', threshold: 0.45 };

/**
 * Training by agreement (model.ts) lowered AER a little on both golds (corpus 14.1 → 13.7, MAC-Dev
 * 28.8 → 28.6) but left the possessive of "People's Republic of China" unlinked, so that
 * 中华人民共和国, the glossary's eighth commonest term, led with the gapped "People … Republic of
 * China" (53%): off until the renderings bridge such a gap (docs/word-alignment.md).
 */
const DEFAULT_AGREEMENT = false;

/**
 * Aligning a word CC-CEDICT lacks as its parts lowered AER on both golds (corpus 13.5 → 13.2,
 * MAC-Dev 26.3 → 26.1 without gap filling; 12.0 → 11.7 and 26.3 → 26.0 with it): the parts'
 * translations are learned from the whole training text, the word's own from its one or two uses.
 */
const DEFAULT_SPLIT_UNKNOWN = true;

/**
 * Chosen on the corpus gold (AER 13.15 without filling, 11.67 at 1, 11.69 at 2, 3 and 4, 11.86
 * unbounded): the low stretch's middle. A phrase's inner words are one or two ("of an", "of").
 */
const DEFAULT_MAX_GAP = 2;

/**
 * Completing the dictionary's phrases lowered AER on both golds (corpus 11.72 → 11.20, MAC-Dev
 * 25.83 → 25.42; joined 12.21 → 11.71 and 29.18 → 28.78), with no setting to choose.
 */
const DEFAULT_SENSE_PHRASES = true;

/**
 * Links whose mean posterior over both directions reaches the threshold. `forward[j·m + i]` is
 * p(English j from Chinese i); `backward[i·n + j]` is p(Chinese i from English j).
 */
function posteriorLinks(
  forward: Float64Array,
  backward: Float64Array,
  m: number,
  n: number,
  threshold: number,
): Link[] {
  const links: Link[] = [];
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) if ((forward[j * m + i]! + backward[i * n + j]!) / 2 >= threshold) links.push([i, j]);
  }
  return links;
}

/**
 * A long pair's posteriors, clause piece by clause piece (long-pairs.ts): each piece aligned by
 * the HMM as a pair of its own, nothing linked across a cut. The cuts follow the diagonal model's
 * posteriors, which is what both directions answer for a pair over the HMM's limit.
 */
function piecewisePosteriors(
  pair: IdPair,
  reversed: IdPair,
  directions: {
    zhToEn: DirectionModel;
    enToZh: DirectionModel;
    cells: [Int32Array | undefined, Int32Array | undefined];
  },
  maxTokens: number,
  cutAfter: { zh: (i: number) => boolean; en: (j: number) => boolean },
): { forward: Float64Array; backward: Float64Array } {
  const { zhToEn, enToZh } = directions;
  const [forwardCells, backwardCells] = directions.cells;
  const m = pair.src.length;
  const n = pair.tgt.length;
  const diagonalForward = zhToEn.posteriors(pair);
  const diagonalBackward = enToZh.posteriors(reversed);
  const pieces = clausePieces(
    m,
    n,
    (i, j) => (diagonalForward[j * m + i]! + diagonalBackward[i * n + j]!) / 2,
    cutAfter.zh,
    cutAfter.en,
    maxTokens,
  );
  if (pieces.length === 1) return { forward: diagonalForward, backward: diagonalBackward };
  const forward = new Float64Array(n * m);
  const backward = new Float64Array(m * n);
  for (const [a0, a1, b0, b1] of pieces) {
    const src = pair.src.slice(a0, a1);
    const tgt = pair.tgt.slice(b0, b1);
    const pm = a1 - a0;
    const pn = b1 - b0;
    // A piece still over the limit (no clause mark inside it) is answered by the diagonal model, as before.
    // The piece's cells cut from the pair's: looking each up again cost more than the HMM itself.
    const f = zhToEn.posteriors({ src, tgt }, forwardCells && subGrid(forwardCells, m, b0, pn, a0, pm));
    const b = enToZh.posteriors({ src: tgt, tgt: src }, backwardCells && subGrid(backwardCells, n, a0, pm, b0, pn));
    for (let j = 0; j < pn; j++) for (let i = 0; i < pm; i++) forward[(b0 + j) * m + a0 + i] = f[j * pm + i]!;
    for (let i = 0; i < pm; i++) for (let j = 0; j < pn; j++) backward[(a0 + i) * n + b0 + j] = b[i * pn + j]!;
  }
  return { forward, backward };
}

/** Rows [row0, row0 + rows) × columns [col0, col0 + cols) of a grid `width` columns wide, row by row. */
function subGrid(grid: Int32Array, width: number, row0: number, rows: number, col0: number, cols: number): Int32Array {
  const out = new Int32Array(rows * cols);
  for (let r = 0; r < rows; r++)
    out.set(grid.subarray((row0 + r) * width + col0, (row0 + r) * width + col0 + cols), r * cols);
  return out;
}

/** Word ids, handed out in first-seen order (so the same input gives the same ids). */
class Vocabulary {
  readonly ids = new Map<string, number>();
  readonly words: string[] = [];
  id(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(word, id);
      this.words.push(word);
    }
    return id;
  }
}

/** The positions of a token list that take part in alignment (blanks do not). */
function alignable(tokens: readonly string[]): number[] {
  const out: number[] = [];
  tokens.forEach((t, i) => {
    if (!isBlank(t)) out.push(i);
  });
  return out;
}

/** Both directions' link posteriors of one sentence pair, over its alignable tokens. */
export interface PairPosteriors {
  /** Positions (into the pair's token lists) of the Chinese and English tokens that take part. */
  zh: readonly number[];
  en: readonly number[];
  /** `forward[j·m + i]`: p(English j from Chinese i); `backward[i·n + j]`: p(Chinese i from English j). */
  forward: Float64Array;
  backward: Float64Array;
}

/**
 * Trains both directions over `pairs` (and `options.training`) and returns each pair's
 * posteriors, for a decoder to turn into links (alignWords) or for a caller to weigh.
 */
export function alignPosteriors(
  pairs: readonly TokenPair[],
  dict: Dictionary | null,
  options: AlignOptions = {},
): { posteriors: PairPosteriors[]; viterbi: (k: number) => Link[] } {
  const model = { ...DEFAULT_MODEL_OPTIONS, ...options.model };
  const priors = new Priors(dict);
  const zhVocab = new Vocabulary();
  const enVocab = new Vocabulary();
  const all = [...pairs, ...(options.training ?? [])];
  const positions = all.map((p) => ({ zh: alignable(p.zh), en: alignable(p.en) }));
  // An English key's irregular base forms (went → go), from the first token seen with it.
  const enBases: string[][] = [];
  const enId = (token: string): number => {
    const id = enVocab.id(englishKey(token));
    if (enBases[id] === undefined) enBases[id] = /\p{L}/u.test(token) ? irregularStems(token) : [];
    return id;
  };
  const ids = all.map((p, k): IdPair => ({
    src: positions[k]!.zh.map((i) => zhVocab.id(p.zh[i]!)),
    tgt: positions[k]!.en.map((j) => enId(p.en[j]!)),
  }));
  // Each Chinese word's priors looked up once, not once per co-occurring English word.
  const zhPriors = zhVocab.words.map((w) => priors.of(w).keys);
  const prior = (zh: number, en: number): number => {
    const keys = zhPriors[zh]!;
    let p = keys.get(enVocab.words[en]!) ?? 0;
    for (const base of enBases[en]!) p = Math.max(p, keys.get(base) ?? 0);
    return p;
  };
  // The vocabularies are complete before training: both directions key cells by them.
  const forwardCells = cooccurrences(ids);
  const reversed = ids.map(({ src, tgt }) => ({ src: tgt, tgt: src }));
  const forward = { pairs: ids, tgtVocab: enVocab.words.length, prior, cells: forwardCells };
  const backward = {
    pairs: reversed,
    tgtVocab: zhVocab.words.length,
    prior: (en: number, zh: number) => prior(zh, en),
    cells: transposed(forwardCells, reversed),
  };
  type Trained = DirectionModel & { table: TranslationTable };
  const [firstForward, firstBackward]: [Trained, Trained] =
    (options.agreement ?? DEFAULT_AGREEMENT)
      ? trainAgreement(forward, backward, model)
      : [
          trainDirection(forward.pairs, forward.tgtVocab, forward.prior, model, forward.cells),
          trainDirection(backward.pairs, backward.tgtVocab, backward.prior, model, backward.cells),
        ];
  const hmm = (first: Trained, input: typeof forward): DirectionModel =>
    options.hmm === false
      ? first
      : trainHmm(input.pairs, first, input.prior, model.priorBoost, { ...DEFAULT_HMM_OPTIONS, ...options.hmm });
  const zhToEn = hmm(firstForward, forward);
  const enToZh = hmm(firstBackward, backward);
  const maxTokens = options.hmm === false ? Infinity : { ...DEFAULT_HMM_OPTIONS, ...options.hmm }.maxTokens;
  const posteriors = pairs.map((p, k): PairPosteriors => {
    const { zh, en } = positions[k]!;
    if (zh.length === 0 || en.length === 0)
      return { zh, en, forward: new Float64Array(0), backward: new Float64Array(0) };
    if (Math.max(zh.length, en.length) <= maxTokens || options.clausePieces === false)
      return { zh, en, forward: zhToEn.posteriors(ids[k]!), backward: enToZh.posteriors(reversed[k]!) };
    return {
      zh,
      en,
      ...piecewisePosteriors(
        ids[k]!,
        reversed[k]!,
        {
          zhToEn,
          enToZh,
          cells: [firstForward.table.cellsOf(ids[k]!), firstBackward.table.cellsOf(reversed[k]!)],
        },
        maxTokens,
        {
          zh: (i) => CLAUSE_ENDS_ZH.has(p.zh[zh[i]!]!),
          en: (j) => CLAUSE_ENDS_EN.has(p.en[en[j]!]!),
        },
      ),
    };
  });
  const viterbi = (k: number): Link[] => {
    const { zh, en } = positions[k]!;
    if (zh.length === 0 || en.length === 0) return [];
    return growDiagFinalAnd(zhToEn.viterbi(ids[k]!), enToZh.viterbi(reversed[k]!), zh.length, en.length);
  };
  return { posteriors, viterbi };
}

/** Each pair's links as the two directions' posteriors decode them, before any gap is filled. */
function decodedLinks(pairs: readonly TokenPair[], dict: Dictionary | null, options: AlignOptions): Link[][] {
  const { posteriors, viterbi } = alignPosteriors(pairs, dict, options);
  const combine = options.combine ?? DEFAULT_COMBINE;
  return posteriors.map((p, k) => {
    const { zh, en } = p;
    if (zh.length === 0 || en.length === 0) return [];
    const links =
      combine.kind === 'gdfa'
        ? viterbi(k)
        : posteriorLinks(p.forward, p.backward, zh.length, en.length, combine.threshold);
    return links.map(([i, j]) => [zh[i]!, en[j]!] as const);
  });
}

/**
 * Links (Chinese token i, English token j; indices into the given token lists) of every pair of
 * `pairs`, in order. `dict` gives the priors; null aligns from the counts and exact matches alone.
 * Words CC-CEDICT lacks are aligned as their parts (split.ts), and a word's gaps are filled on
 * the words as given (gaps.ts), so that a word whose parts link apart is one word there.
 */
export function alignWords(pairs: readonly TokenPair[], dict: Dictionary | null, options: AlignOptions = {}): Link[][] {
  let links: Link[][];
  if (options.splitUnknown ?? DEFAULT_SPLIT_UNKNOWN) {
    const priors = new Priors(dict);
    const split = pairs.map((p) => splitUnknownWords(p, priors));
    const training = options.training?.map((p) => splitUnknownWords(p, priors).pair);
    links = decodedLinks(
      split.map((s) => s.pair),
      dict,
      { ...options, training },
    ).map((l, k) => joinParts(l, split[k]!.origin));
  } else links = decodedLinks(pairs, dict, options);
  if (options.sensePhrases ?? DEFAULT_SENSE_PHRASES) {
    const priors = new Priors(dict);
    links = links.map((l, k) => linkSensePhrases(l, pairs[k]!, priors));
  }
  const maxGap = options.maxGap ?? DEFAULT_MAX_GAP;
  return links.map((l, k) => fillEnglishGaps(l, pairs[k]!.en.length, maxGap));
}
