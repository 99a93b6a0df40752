/**
 * Sentence (and paragraph) alignment of Chinese and English without a neural model. A bead is
 * scored by how much of each side the other explains through CC-CEDICT (idf-weighted, both
 * directions; in the second pass also through the names the first pass's sure beads taught, see
 * learned.ts), by numbers and names found on both sides, and by a Gale–Church length model fitted
 * to the text at hand; dynamic programming over bead shapes up to 1-5/4-1 finds the cheapest path
 * inside a band that follows a first, cheap pass, so long books align in near-linear time.
 */
import type { Bead } from '../model';
import type { Dictionary } from '../dictionary/cedict';
import { type Anchor, anchorPath, findAnchors } from './anchors';
import { chineseFeatures, englishFeatures, Interner, type EnFeatures, type ZhFeatures } from './features';
import { chineseClauses, clauseRatio, englishClauses } from './clauses';
import { ClauseTerms } from './clause-terms';
import { GC_RATIO, GC_VARIANCE, lengthCost, range } from './gale-church';
import { type Lexicon, lexiconFor } from './lexicon';
import { addLearned, DEFAULT_LEARN_OPTIONS, learnTranslations, type LearnOptions } from './learned';
import { PairHits } from './pair-hits';
import {
  bracketStates,
  chineseQuoteStates,
  chineseSpeechEnds,
  englishQuoteStates,
  englishSpeechEnds,
  type SpeechEnd,
} from './quotes';
import { DEFAULT_WEIGHTS, type AlignWeights } from './weights';
import { measuredRatio } from './length-ratio';
import { lengthCostFloor } from './length-floor';

/** The widest first-pass band (sentences either side), however long the stretch between anchors. */
const MAX_BAND = 100;

export interface AlignOptions {
  weights?: Partial<AlignWeights>;
  /** Half-width of the search band around the first pass's path (sentences). */
  band?: number;
  /** Least half-width of the first pass's band around the anchors' line (default `band`: the anchors hold the drift). */
  firstBand?: number;
  /** Translations learned over the text from the sure beads of a first alignment (see learned.ts); false: none. */
  learn?: Partial<LearnOptions> | false;
  /** Called as each phase of `align` ends (what a benchmark times phase by phase). */
  onPhase?: (phase: AlignPhase) => void;
  /**
   * English characters per Chinese one, for a text too short to measure its own (see
   * length-ratio.ts): a paragraph's sentences take their document's. Default: the fitted GC_RATIO.
   */
  lengthRatio?: number;
}

export const ALIGN_PHASES = ['features', 'anchors', 'first', 'learn', 'second', 'confidence'] as const;
export type AlignPhase = (typeof ALIGN_PHASES)[number];

/**
 * What each unit is, for paragraph alignment: a heading is translated by a heading, a footnote by a
 * footnote. Both arrays as long as the texts they describe.
 */
export interface Structure {
  zh: readonly string[];
  en: readonly string[];
}

/**
 * Bead shapes searched: deletions, insertions, and merges up to four sentences on one side; and one
 * Chinese sentence as five English ones, because a long Chinese sentence of comma-joined clauses is
 * often rendered so (not the reverse, which is rare and would cost the time of a shape).
 */
const SHAPES: ReadonlyArray<readonly [number, number]> = [
  [1, 1],
  [1, 0],
  [0, 1],
  [1, 2],
  [2, 1],
  [2, 2],
  [1, 3],
  [3, 1],
  [1, 4],
  [4, 1],
  [1, 5],
];

interface Texts {
  zh: ZhFeatures[];
  en: EnFeatures[];
  ratio: number;
  variance: number;
  scratch: Scratch;
  /** Whether each sentence ends inside quoted speech (see quotes.ts). */
  zhQuoted: boolean[];
  enQuoted: boolean[];
  /** Whether each sentence ends inside a parenthesis that closes in a later sentence (see quotes.ts). */
  zhBracketed: boolean[];
  enBracketed: boolean[];
  /** How each sentence ends: speech, narration or either (see quotes.ts). */
  zhSpeechEnds: SpeechEnd[];
  enSpeechEnds: SpeechEnd[];
  /** Clauses of each sentence (see clauses.ts), and English clauses per Chinese one in the text. */
  zhClauses: number[];
  enClauses: number[];
  clauseRatio: number;
  /** Prefix sums of clauses and of lengths (Chinese in Han-character equivalents), so a bead's are two reads. */
  zhClauseSums: Float64Array;
  enClauseSums: Float64Array;
  zhLengthSums: Float64Array;
  enLengthSums: Float64Array;
  /** Kind of each unit on each side (heading, paragraph, footnote…), when the caller knows it. */
  structure?: Structure;
  /** Prefix sums of the English sentences' question marks and numbers. */
  enQuestionSums: Float64Array;
  enNumberSums: Float64Array;
  /** Each English id's weight (its idf over the English text: the same in every sentence). */
  idWeight: Float64Array;
  /** Per window size 1..5, the weight of the distinct ids of the window at each start (NaN: not yet summed). */
  enWindowTotals: Float64Array[];
  /** Index of each Chinese sentence's first word among all the text's words. */
  wordOffset: Int32Array;
  hits: PairHits;
}

interface BeadEvidence {
  similarity: number;
  /** Share of the Chinese side's word weight that the English side renders, 0..1. */
  zhCoverage: number;
  /** Share of the English side's word weight that the Chinese side accounts for, 0..1. */
  enCoverage: number;
  /** Lengths of the two sides (Chinese in Han-character equivalents), for the length cost where it is needed. */
  zhLength: number;
  enLength: number;
  numbers: number;
  questions: number;
}

/**
 * Scratch space for scoring beads, reused from bead to bead: a generation counter stamps what belongs
 * to the bead being scored, so nothing is cleared or allocated.
 */
interface Scratch {
  /** Per English id, the generation that found it in the English window being summed. */
  present: Int32Array;
  /** Per English id, the generation that found it matched. */
  matched: Int32Array;
  /** Per Chinese word of the text (see `wordOffset`), the generation that found it matched. */
  wordHit: Int32Array;
  generation: number;
  /** Per English sentence of the bead being bounded, what its pairs hit (see `similarityBound`). */
  enSums: Float64Array;
  /** What `evidence` returns, refilled by each call. */
  evidence: BeadEvidence;
}

/** Agreement in -1..1 of `found` pairs among `total` items on both sides; 0 when there are none. */
function agreement(found: number, total: number): number {
  return total > 0 ? ((2 * found) / total) * 2 - 1 : 0;
}

/** The F-measure of two coverages, 0 when both are 0. */
function fMeasure(zc: number, ec: number): number {
  return zc + ec > 0 ? (2 * zc * ec) / (zc + ec) : 0;
}

/**
 * The totals of the English windows of j2 - j sentences, that at j summed (read `[j]`): the weight
 * of the distinct English ids of sentences j..j2-1, in sentence and id order. It depends on the
 * English side only, so each window is summed once per alignment (a bead's English side is one of
 * at most five windows per position, weighed by thousands of beads).
 */
function englishTotals(t: Texts, j: number, j2: number): Float64Array {
  // The array, not the number: a number returned from a call the compiler did not inline is boxed
  // on the heap, and windows' totals are read millions of times.
  const cache = t.enWindowTotals[j2 - j - 1]!;
  if (cache[j] !== cache[j]) sumEnglishWindow(t, cache, j, j2); // NaN: not summed yet
  return cache;
}

function sumEnglishWindow(t: Texts, cache: Float64Array, j: number, j2: number): void {
  const sc = t.scratch;
  const gen = ++sc.generation;
  let total = 0;
  for (let y = j; y < j2; y++) {
    const ids = t.en[y]!.ids;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!;
      if (sc.present[id] !== gen) {
        sc.present[id] = gen;
        total += t.idWeight[id]!;
      }
    }
  }
  cache[j] = total;
}

/** How much of a bead each side explains of the other, 0..1 (F-measure of the two coverages). */
function evidence(t: Texts, i: number, i2: number, j: number, j2: number): BeadEvidence {
  const sc = t.scratch;
  const enTotal = englishTotals(t, j, j2)[j]!;
  const enChars = t.enLengthSums[j2]! - t.enLengthSums[j]!;
  const enQuestions = t.enQuestionSums[j2]! - t.enQuestionSums[j]!;
  const enNumberCount = t.enNumberSums[j2]! - t.enNumberSums[j]!;
  let han = 0;
  let other = 0;
  let zhTotal = 0;
  let zhNumbers = 0;
  let zhQuestions = 0;
  let numbersFound = 0;
  for (let x = i; x < i2; x++) {
    const z = t.zh[x]!;
    han += z.han;
    other += z.other;
    zhTotal += z.wordWeight;
    zhNumbers += z.numbers.length;
    zhQuestions += z.questions;
    if (enNumberCount > 0)
      for (const n of z.numbers) {
        for (let y = j; y < j2; y++)
          if (t.en[y]!.numbers.includes(n)) {
            numbersFound++;
            break;
          }
      }
  }
  // The words matched: the union of what each English sentence finds in each Chinese one, found
  // once per pair (see pair-hits.ts). An id counts once for the bead, a word once. A 1-1 bead's
  // union is its pair's: the pair's sums, added in this same order when the pair was found.
  let zhMatched = 0;
  let enMatched = 0;
  const hits = t.hits;
  if (i2 - i === 1 && j2 - j === 1) {
    hits.find(i, j);
    zhMatched = hits.zhSum;
    enMatched = hits.enSum;
  } else {
    const gen = ++sc.generation;
    for (let x = i; x < i2; x++) {
      const z = t.zh[x]!;
      const offset = t.wordOffset[x]!;
      for (let y = j; y < j2; y++) {
        hits.find(x, y);
        for (let q = hits.idFrom; q < hits.idTo; q++) {
          const id = hits.ids[q]!;
          if (sc.matched[id] !== gen) {
            sc.matched[id] = gen;
            enMatched += t.idWeight[id]!;
          }
        }
        for (let q = hits.wordFrom; q < hits.wordTo; q++) {
          const w = hits.words[q]!;
          if (sc.wordHit[offset + w] !== gen) {
            sc.wordHit[offset + w] = gen;
            zhMatched += z.words[w]!.weight;
          }
        }
      }
    }
  }
  const zc = zhTotal > 0 ? zhMatched / zhTotal : 0;
  const ec = enTotal > 0 ? enMatched / enTotal : 0;
  // Numbers: agreement in -1..1, 0 when neither side has any.
  const numbers = agreement(numbersFound, zhNumbers + enNumberCount);
  const questions = agreement(Math.min(zhQuestions, enQuestions), zhQuestions + enQuestions);
  // One object, refilled by every call (read before the next): a search scores millions of beads.
  const out = sc.evidence;
  out.similarity = fMeasure(zc, ec);
  out.zhCoverage = zc;
  out.enCoverage = ec;
  out.zhLength = han + other / t.ratio;
  out.enLength = enChars;
  out.numbers = numbers;
  out.questions = questions;
  return out;
}

/**
 * An upper bound of a bead's lexical similarity (larger than one sentence on a side) from its
 * pairs' sums alone, without the union of their hits: a Chinese sentence's words hit are at most
 * what its pairs hit together (and at most its words), an English sentence's ids likewise. A bead
 * off the path matches little, and its evidence need not be summed to know it loses.
 */
function similarityBound(t: Texts, i: number, i2: number, j: number, j2: number): number {
  const hits = t.hits;
  const enSums = t.scratch.enSums;
  let zhTotal = 0;
  let zhMatched = 0;
  for (let x = i; x < i2; x++) {
    const weight = t.zh[x]!.wordWeight;
    zhTotal += weight;
    let sum = 0;
    for (let y = j; y < j2; y++) {
      const pair = hits.sumsAt(x, y);
      sum += pair.zhSum[y]!;
      enSums[y - j] = (x === i ? 0 : enSums[y - j]!) + pair.enSum[y]!;
    }
    zhMatched += Math.min(weight, sum);
  }
  let enMatched = 0;
  for (let y = j; y < j2; y++) enMatched += Math.min(englishTotals(t, y, y + 1)[y]!, enSums[y - j]!);
  const enTotal = englishTotals(t, j, j2)[j]!;
  const zc = zhTotal > 0 ? Math.min(1, zhMatched / zhTotal) : 0;
  const ec = enTotal > 0 ? Math.min(1, enMatched / enTotal) : 0;
  return fMeasure(zc, ec);
}

/**
 * Whether a bead keeps to the structure: both sides hold units of the same kinds, and a heading
 * stands alone (it is translated by a heading, not merged with the text under it).
 */
function keepsStructure(
  zh: readonly string[],
  i: number,
  i2: number,
  en: readonly string[],
  j: number,
  j2: number,
): boolean {
  const zhKinds = new Set(zh.slice(i, i2));
  const enKinds = new Set(en.slice(j, j2));
  if ((zhKinds.has('heading') && i2 - i > 1) || (enKinds.has('heading') && j2 - j > 1)) return false;
  return zhKinds.size === enKinds.size && [...zhKinds].every((k) => enKinds.has(k));
}

/**
 * The part of a bead's cost that needs no lexical evidence (length, clauses, quotation state,
 * structure, shape): a few array reads. With the most the evidence can take off (every number and
 * question mark agreeing), it bounds the whole cost from below, so that the search skips the
 * evidence of a bead that cannot beat the best bead of its cell (the same path, found for less).
 * What depends only on the bead's end (its quotation and speech-end terms) is the cell's, worked out
 * once per cell by the search (`end`), not once per shape.
 */
function cheapCost(t: Texts, w: ScoringWeights, end: CellEnd, i: number, i2: number, j: number, j2: number): void {
  const reg = end.reg;
  const bound = reg[BOUND]!;
  const nz = i2 - i;
  const ne = j2 - j;
  const zhClauses = t.zhClauseSums[i2]! - t.zhClauseSums[i]!;
  const enClauses = t.enClauseSums[j2]! - t.enClauseSums[j]!;
  const structureMismatch = t.structure && !keepsStructure(t.structure.zh, i, i2, t.structure.en, j, j2) ? 1 : 0;
  const clauses = end.clauseTerms.cost(zhClauses, enClauses);
  const shape = w.shapeCost[nz * SHAPE_SIDE + ne]!;
  // The length cost (an exponential, a logarithm and a square root) only when the rest leaves room
  // for it: it is never below LENGTH_FLOOR, and the margin covers the sums' rounding.
  const rest = clauses + w.structure * structureMismatch + end.quotes + end.speechEnds;
  if (rest + shape + w.length * LENGTH_FLOOR - BOUND_MARGIN >= bound) {
    reg[COST] = Infinity;
    return;
  }
  const lz = t.zhLengthSums[i2]! - t.zhLengthSums[i]!;
  const le = t.enLengthSums[j2]! - t.enLengthSums[j]!;
  // Most beads that get this far lose by their length alone: a floor under the length cost with a
  // square root but no exponential or logarithm says so first (see length-floor.ts).
  if (w.length > 0 && rest + shape + w.length * lengthCostFloor(lz, le, t.ratio, t.variance) - BOUND_MARGIN >= bound) {
    reg[COST] = Infinity;
    return;
  }
  // Summed in the order it always was, so that the path stays the same to the last bit.
  reg[COST] =
    clauses +
    w.structure * structureMismatch +
    end.quotes +
    end.speechEnds +
    w.length * lengthCost(lz, le, t.ratio, t.variance) +
    shape;
}

/**
 * The terms of a bead's cost that depend only on its last sentence on each side, for the cell the
 * search is filling (every shape ending there shares them), and the clause costs' table.
 */
interface CellEnd {
  /** `w.quotes` times the quotation cuts on one side only (a parenthesis cut weighs as one). */
  quotes: number;
  /** `w.speechEnds` if one side closes a speech where the other ends in narration, else 0. */
  speechEnds: number;
  clauseTerms: ClauseTerms;
  /** A bead's bound in and cost out (see `beadCost`). */
  reg: Float64Array;
}

const BOUND = 0;
const COST = 1;

/** Fills `end` for the beads that end with Chinese sentence i2 - 1 and English sentence j2 - 1. */
function cellEnd(t: Texts, w: ScoringWeights, end: CellEnd, i2: number, j2: number): void {
  // A parenthesis cut on one side only weighs as a quotation cut on one side only: both are one unit.
  const quoteMismatch =
    (t.zhQuoted[i2 - 1] !== t.enQuoted[j2 - 1] ? 1 : 0) + (t.zhBracketed[i2 - 1] !== t.enBracketed[j2 - 1] ? 1 : 0);
  const speechEndMismatch = t.zhSpeechEnds[i2 - 1]! * t.enSpeechEnds[j2 - 1]! < 0 ? 1 : 0;
  end.quotes = w.quotes * quoteMismatch;
  end.speechEnds = w.speechEnds * speechEndMismatch;
}

/** The least length cost (lengths in exact proportion; the tail's approximation puts it a hair below 0). */
const LENGTH_FLOOR = Math.min(0, lengthCost(1, GC_RATIO));
/** What the bounds give away to rounding: far below any difference of costs that matters, far above an ulp. */
const BOUND_MARGIN = 1e-9;

/** Shapes have at most this many sentences a side, less one (the shape cost table's stride). */
const SHAPE_SIDE = 8;

/** The weights with each shape's cost worked out once (a bead's shape key built per bead kept the collector busy). */
interface ScoringWeights extends AlignWeights {
  /** The cost of shape nz-ne at `nz * SHAPE_SIDE + ne`. */
  shapeCost: Float64Array;
}

function scoringWeights(w: AlignWeights): ScoringWeights {
  const shapeCost = new Float64Array(SHAPE_SIDE * SHAPE_SIDE);
  for (let nz = 0; nz < SHAPE_SIDE; nz++)
    for (let ne = 0; ne < SHAPE_SIDE; ne++)
      shapeCost[nz * SHAPE_SIDE + ne] =
        w.shape * (nz + ne - 2) * (w.shapeScale[`${Math.min(nz, ne)}-${Math.max(nz, ne)}`] ?? 1);
  return { ...w, shapeCost };
}

/**
 * A bead's cost, or Infinity as soon as it is sure not to come under the bound: the bound read from
 * `end.reg[BOUND]`, the cost written to `end.reg[COST]`. Through a typed array rather than an argument
 * and a return value: a number passed to or returned from a function the compiler did not inline is
 * boxed on the heap, and at millions of beads that was most of what the collector cleared.
 */
function beadCost(t: Texts, w: ScoringWeights, end: CellEnd, i: number, i2: number, j: number, j2: number): void {
  const reg = end.reg;
  const bound = reg[BOUND]!;
  const nz = i2 - i;
  const ne = j2 - j;
  if (nz === 0 || ne === 0) {
    reg[COST] = w.skip * (nz + ne);
    return;
  }
  const reward = w.numbers + w.questions;
  reg[BOUND] = bound + reward;
  cheapCost(t, w, end, i, i2, j, j2);
  const cheap = reg[COST]!;
  if (cheap - w.numbers - w.questions >= bound) {
    reg[COST] = Infinity;
    return;
  }
  if (nz > 1 || ne > 1) {
    // The least the bead can cost with the most similarity its pairs allow (the margin covers
    // the bound's sums made in another order than the evidence's).
    const least = cheap + w.similarity * (1 - similarityBound(t, i, i2, j, j2)) * ((nz + ne) / 2) - reward;
    if (least - BOUND_MARGIN >= bound) {
      reg[COST] = Infinity;
      return;
    }
  }
  const e = evidence(t, i, i2, j, j2);
  reg[COST] =
    cheap + w.similarity * (1 - e.similarity) * ((nz + ne) / 2) - w.numbers * e.numbers - w.questions * e.questions;
}

function prefixSums(values: readonly number[]): Float64Array {
  const sums = new Float64Array(values.length + 1);
  values.forEach((v, k) => (sums[k + 1] = sums[k]! + v));
  return sums;
}

/** The length model of the text pair: its own ratio when long enough, else the fitted default. */
function lengthModel(zh: ZhFeatures[], en: EnFeatures[], fallback: number): { ratio: number; variance: number } {
  const han = zh.reduce((s, z) => s + z.han, 0);
  const other = zh.reduce((s, z) => s + z.other, 0);
  const chars = en.reduce((s, e) => s + e.chars, 0);
  const ratio = measuredRatio(han, other, chars) ?? fallback;
  return { ratio, variance: GC_VARIANCE * (ratio / GC_RATIO) ** 2 };
}

/**
 * Dynamic programming over bead shapes, restricted to cells within `band(i)` of `center(i)` (the
 * expected English position of Chinese sentence i). Memory and time: O(n · band · shapes).
 */
function search(
  t: Texts,
  w: ScoringWeights,
  shapes: ReadonlyArray<readonly [number, number]>,
  center: (i: number) => number,
  band: (i: number) => number,
): Bead[] {
  const n = t.zh.length;
  const m = t.en.length;
  // Each row's band [lo, hi], made to overlap the row before it, so that 1-0 and 0-1 beads always
  // connect the start to the end.
  const lo = new Int32Array(n + 1);
  const hi = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) {
    const c = center(i);
    lo[i] = Math.max(0, Math.min(m, Math.floor(c) - band(i)));
    hi[i] = Math.max(0, Math.min(m, Math.ceil(c) + band(i)));
    if (i === 0) lo[i] = 0;
    if (i === n) hi[i] = m;
    if (i > 0) {
      lo[i] = Math.min(Math.max(lo[i]!, lo[i - 1]!), hi[i - 1]!);
      hi[i] = Math.max(hi[i]!, lo[i]!);
    }
  }
  // The cells of every row in one flat array each (row i's cell j at `rowAt[i] + j`): a typed array
  // per row was two allocations per sentence and pass, with their backing stores for the collector.
  const rowAt = new Int32Array(n + 1);
  let cells = 0;
  for (let i = 0; i <= n; i++) {
    rowAt[i] = cells - lo[i]!;
    cells += hi[i]! - lo[i]! + 1;
  }
  const cost = new Float64Array(cells).fill(Infinity);
  const back = new Int8Array(cells).fill(-1);
  // The shapes as two typed arrays, read in the innermost loop without a tuple per read.
  const shapeZh = Int32Array.from(shapes, ([dz]) => dz);
  const shapeEn = Int32Array.from(shapes, ([, de]) => de);
  const end: CellEnd = {
    quotes: 0,
    speechEnds: 0,
    clauseTerms: new ClauseTerms(w.clauses, t.clauseRatio),
    reg: new Float64Array(2),
  };
  for (let i = 0; i <= n; i++) {
    const row = rowAt[i]!;
    for (let j = lo[i]!; j <= hi[i]!; j++) {
      if (i === 0 && j === 0) {
        cost[row] = 0;
        continue;
      }
      let best = Infinity;
      let bestShape = -1;
      if (i > 0 && j > 0) cellEnd(t, w, end, i, j);
      for (let s = 0; s < shapeZh.length; s++) {
        const pi = i - shapeZh[s]!;
        const pj = j - shapeEn[s]!;
        if (pi < 0 || pj < 0 || pj < lo[pi]! || pj > hi[pi]!) continue;
        const prev = cost[rowAt[pi]! + pj]!;
        if (prev === Infinity) continue;
        end.reg[BOUND] = best - prev;
        beadCost(t, w, end, pi, i, pj, j);
        const c = prev + end.reg[COST]!;
        if (c < best) {
          best = c;
          bestShape = s;
        }
      }
      cost[row + j] = best;
      back[row + j] = bestShape;
    }
  }
  const beads: Bead[] = [];
  for (let i = n, j = m; i > 0 || j > 0;) {
    const shape = shapes[back[rowAt[i]! + j]!];
    if (!shape) throw new Error(`no alignment path through ${i}:${j}`); // unreachable: see the band above
    const [dz, de] = shape;
    beads.push({ zh: range(i - dz, i), en: range(j - de, j), confidence: 0 });
    i -= dz;
    j -= de;
  }
  return beads.reverse();
}

/** The English position after each Chinese position 0..n on a path of beads (a sentence left out keeps its predecessor's). */
function pathOf(beads: readonly Bead[], n: number): Float64Array {
  const path = new Float64Array(n + 1);
  for (const b of beads) for (const i of b.zh) path[i + 1] = (b.en.at(-1) ?? (b.en[0] ?? 0) - 1) + 1;
  for (let i = 1; i <= n; i++) if (path[i] === 0) path[i] = Math.max(path[i]!, path[i - 1]!);
  return path;
}

/** A confidence in 0..1 from the bead's evidence: how well it is explained (words, numbers), and its length fit. */
function confidenceOf(t: Texts, bead: Bead): number {
  if (bead.zh.length === 0 || bead.en.length === 0) return 0;
  const e = evidence(t, bead.zh[0]!, bead.zh.at(-1)! + 1, bead.en[0]!, bead.en.at(-1)! + 1);
  const lengthFit = Math.exp(-lengthCost(e.zhLength, e.enLength, t.ratio, t.variance) / 2);
  // Numbers that all agree (a section number, a footnote marker, a date) vouch for a short unit
  // that has few words to match.
  const lexical = Math.min(1, Math.max(e.similarity / 0.35, e.numbers));
  return Math.round((0.7 * lexical + 0.3 * lengthFit) * 1000) / 1000;
}

export class Aligner {
  private readonly lexicon: Lexicon;
  private readonly interner = new Interner();

  constructor(
    private readonly dict: Dictionary,
    private readonly options: AlignOptions = {},
  ) {
    this.lexicon = lexiconFor(dict);
  }

  /**
   * The features of both sides that every bead's score reads.
   */
  private texts(zhSentences: string[], enSentences: string[], structure?: Structure): Texts {
    const zh = chineseFeatures(zhSentences, this.dict, this.lexicon, this.interner);
    const en = englishFeatures(enSentences, this.interner);
    const size = this.interner.size;
    const wordOffset = new Int32Array(zh.length + 1);
    zh.forEach((z, i) => (wordOffset[i + 1] = wordOffset[i]! + z.words.length));
    const idWeight = new Float64Array(size);
    for (const e of en) e.ids.forEach((id, k) => (idWeight[id] = e.weights[k]!));
    const windows = Math.max(...SHAPES.map(([, ne]) => ne));
    const scratch: Scratch = {
      present: new Int32Array(size),
      matched: new Int32Array(size),
      enSums: new Float64Array(windows),
      wordHit: new Int32Array(wordOffset[zh.length]!),
      generation: 0,
      evidence: { similarity: 0, zhCoverage: 0, enCoverage: 0, zhLength: 0, enLength: 0, numbers: 0, questions: 0 },
    };
    const zhClauses = zhSentences.map(chineseClauses);
    const enClauses = enSentences.map(englishClauses);
    const model = lengthModel(zh, en, this.options.lengthRatio ?? GC_RATIO);
    return {
      zh,
      en,
      ...model,
      zhClauseSums: prefixSums(zhClauses),
      enClauseSums: prefixSums(enClauses),
      zhLengthSums: prefixSums(zh.map((z) => z.han + z.other / model.ratio)),
      enLengthSums: prefixSums(en.map((e) => e.chars)),
      scratch,
      enQuestionSums: prefixSums(en.map((e) => e.questions)),
      enNumberSums: prefixSums(en.map((e) => e.numbers.length)),
      idWeight,
      enWindowTotals: range(0, windows).map(() => new Float64Array(en.length).fill(NaN)),
      hits: new PairHits(zh, en, size, idWeight),
      zhQuoted: chineseQuoteStates(zhSentences),
      enQuoted: englishQuoteStates(enSentences),
      zhBracketed: bracketStates(zhSentences),
      enBracketed: bracketStates(enSentences),
      zhSpeechEnds: chineseSpeechEnds(zhSentences),
      enSpeechEnds: englishSpeechEnds(enSentences),
      wordOffset,
      structure,
      zhClauses,
      enClauses,
      clauseRatio: clauseRatio(zhClauses, enClauses),
    };
  }

  /**
   * How much of the Chinese text the English renders and the other way round (0..1 each), by the
   * same dictionary evidence the beads are scored with: all of `zh` taken as one bead with all of `en`.
   */
  coverage(zh: string[], en: string[]): { zh: number; en: number } {
    if (zh.length === 0 || en.length === 0) return { zh: 0, en: 0 };
    const e = evidence(this.texts(zh, en), 0, zh.length, 0, en.length);
    return { zh: e.zhCoverage, en: e.enCoverage };
  }

  /** The same aligner, taking `ratio` as the length ratio of any text too short to measure its own. */
  withLengthRatio(ratio: number | undefined): Aligner {
    return ratio === undefined ? this : new Aligner(this.dict, { ...this.options, lengthRatio: ratio });
  }

  /** The anchors the search is laid along (see anchors.ts): 1-1 pairs sure by dictionary evidence. */
  anchors(zhSentences: string[], enSentences: string[]): Anchor[] {
    const t = this.texts(zhSentences, enSentences);
    return this.anchorsOf(t);
  }

  private anchorsOf(t: Texts): Anchor[] {
    return findAnchors(t.zh, t.en, this.interner.size, (i, j) => evidence(t, i, i + 1, j, j + 1).similarity);
  }

  /** Aligns two lists of sentences (or paragraphs): every index in exactly one bead, in order. */
  align(zhSentences: string[], enSentences: string[], structure?: Structure): Bead[] {
    const n = zhSentences.length;
    const m = enSentences.length;
    // One side empty (a preview without a translation): nothing to weigh, so no features computed.
    if (n === 0 || m === 0)
      return [
        ...range(0, n).map((i) => ({ zh: [i], en: [], confidence: 0 })),
        ...range(0, m).map((j) => ({ zh: [], en: [j], confidence: 0 })),
      ];
    const lap = this.options.onPhase ?? (() => undefined);
    const t = this.texts(zhSentences, enSentences, structure);
    lap('features');
    const w = scoringWeights({ ...DEFAULT_WEIGHTS, ...this.options.weights });
    const band = this.options.band ?? 12;
    // First pass: 1-1/1-0/0-1/1-2/2-1 only, around the line through the anchors found over the whole
    // text (see anchors.ts), in a band that widens with the stretch between two anchors (the drift a
    // stretch can hold grows with it) and is capped, so that a long book stays linear in its length;
    // second pass: every shape in a narrow band around the first path.
    const anchors = this.anchorsOf(t);
    lap('anchors');
    const { center, stretch } = anchorPath(anchors, n, m);
    const wide = (i: number) =>
      Math.min(Math.max(this.options.firstBand ?? band, Math.ceil(0.05 * stretch[i]!)), MAX_BAND);
    const first = search(t, w, SHAPES.slice(0, 5), (i) => center[i]!, wide);
    lap('first');
    const path = pathOf(first, n);
    // Second pass: every shape in a narrow band around the first path, with what the first path's
    // sure beads taught of this text's translations added to the dictionary's (see learned.ts).
    if (this.options.learn !== false) {
      const sure = first.map((b) => ({ ...b, confidence: confidenceOf(t, b) }));
      const learned = learnTranslations(t.zh, t.en, sure, { ...DEFAULT_LEARN_OPTIONS, ...this.options.learn });
      // The pairs found so far were found without the learned ids: found again.
      if (addLearned(t.zh, learned) > 0) t.hits = new PairHits(t.zh, t.en, this.interner.size, t.idWeight);
    }
    lap('learn');
    const second = search(
      t,
      w,
      SHAPES,
      (i) => path[i]!,
      () => band,
    );
    lap('second');
    const out = second.map((b) => ({ ...b, confidence: confidenceOf(t, b) }));
    lap('confidence');
    return out;
  }
}
