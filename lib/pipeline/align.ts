/**
 * Stage 6: paragraph and sentence alignment by length and anchors (Gale & Church 1993, with
 * numbers, Latin-script tokens and block kinds as anchors). A baseline the aligner issue replaces;
 * what it guarantees already: every unit of both sides lands in exactly one bead, in order, and
 * unmatched units stay as beads with an empty side.
 */
import type { Bead, BlockKind } from '../model';
import { countHan } from './text-width';

/** What the aligner needs of a unit (a block or a sentence) on either side. */
export interface AlignUnit {
  text: string;
  kind?: BlockKind;
}

/** English characters per Chinese character and the variance per character (fitted on the development set). */
export const EN_PER_ZH = 3.3;
export const VARIANCE = 25;
/** Below this confidence a bead is marked for review. */
export const LOW_CONFIDENCE = 0.4;

/** Bead shapes with their prior probabilities (Gale & Church's, with 2-2 added). */
const SHAPES: ReadonlyArray<{ zh: number; en: number; prior: number }> = [
  { zh: 1, en: 1, prior: 0.89 },
  { zh: 1, en: 0, prior: 0.0099 },
  { zh: 0, en: 1, prior: 0.0099 },
  { zh: 2, en: 1, prior: 0.089 / 2 },
  { zh: 1, en: 2, prior: 0.089 / 2 },
  { zh: 2, en: 2, prior: 0.011 },
];

function numbers(text: string): string[] {
  return (text.match(/\d+(?:[.,]\d+)*/gu) ?? []).map((n) => n.replace(/,/g, ''));
}

function latinTokens(text: string): string[] {
  return (text.match(/[A-Za-z][A-Za-z-]{2,}/gu) ?? []).map((t) => t.toLowerCase());
}

/** Standard normal upper tail, by the Abramowitz–Stegun approximation Gale & Church used. */
function normalTail(z: number): number {
  const t = 1 / (1 + 0.2316419 * z);
  const poly = t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return (Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI)) * poly;
}

interface Prepared {
  /** Han characters (Chinese side) or all characters (English side). */
  length: number;
  /** Chinese side: characters that are not Han (Latin, digits, URLs, punctuation): they carry over to the English about one for one. */
  carried: number;
  numbers: string[];
  latin: string[];
  kind?: BlockKind;
}

function prepare(units: AlignUnit[], zh: boolean): Prepared[] {
  return units.map((u) => {
    const all = [...u.text].length;
    const han = zh ? countHan(u.text) : all;
    return { length: han, carried: zh ? all - han : 0, numbers: numbers(u.text), latin: latinTokens(u.text), kind: u.kind };
  });
}

/** Share of anchors of each side found on the other: 1 when there are none to disagree on. */
function anchorAgreement(zh: Prepared[], en: Prepared[]): { agreement: number; anchors: number } {
  const zhAnchors = zh.flatMap((u) => [...u.numbers, ...u.latin]);
  const enAnchors = new Set(en.flatMap((u) => [...u.numbers, ...u.latin]));
  if (zhAnchors.length === 0) return { agreement: 1, anchors: 0 };
  const found = zhAnchors.filter((a) => enAnchors.has(a)).length;
  return { agreement: found / zhAnchors.length, anchors: zhAnchors.length };
}

/**
 * The length model of one text pair: the expected ratio is the texts' own when both sides are
 * long enough to tell (translators differ: diplomatic prose runs longer in English than novels),
 * otherwise the fitted default; the variance scales with the ratio.
 */
interface LengthModel {
  ratio: number;
  variance: number;
}

function sums(zh: Prepared[], en: Prepared[]): { han: number; carried: number; en: number } {
  let han = 0;
  let carried = 0;
  let english = 0;
  for (const u of zh) {
    han += u.length;
    carried += u.carried;
  }
  for (const u of en) english += u.length;
  return { han, carried, en: english };
}

function lengthModel(zh: Prepared[], en: Prepared[]): LengthModel {
  const t = sums(zh, en);
  const translated = t.en - t.carried;
  const ratio = t.han >= 200 && translated >= 200 ? translated / t.han : EN_PER_ZH;
  return { ratio, variance: VARIANCE * (ratio / EN_PER_ZH) ** 2 };
}

/** How far the English length is from what the Chinese predicts, in standard deviations. */
function lengthDelta(zh: Prepared[], en: Prepared[], model: LengthModel): number {
  const t = sums(zh, en);
  const expected = t.han * model.ratio + t.carried;
  return (t.en - expected) / Math.sqrt(Math.max(t.han + t.carried / EN_PER_ZH, 1) * model.variance);
}

function beadCost(zh: Prepared[], en: Prepared[], prior: number, model: LengthModel): number {
  let cost = -Math.log(prior);
  if (zh.length > 0 && en.length > 0) {
    const delta = lengthDelta(zh, en, model);
    cost += -Math.log(Math.max(2 * normalTail(Math.abs(delta)), 1e-12));
    const { agreement, anchors } = anchorAgreement(zh, en);
    cost += anchors > 0 ? 4 * (1 - agreement) - Math.min(anchors, 4) * agreement * 0.5 : 0;
    const headingMismatch = (zh[0]?.kind === 'heading') !== (en[0]?.kind === 'heading');
    if (headingMismatch) cost += 2;
  }
  return cost;
}

/** A confidence in 0..1 from the bead's own evidence (length fit and anchors), not its prior. */
function confidence(zh: Prepared[], en: Prepared[], model: LengthModel): number {
  if (zh.length === 0 || en.length === 0) return 0;
  const delta = lengthDelta(zh, en, model);
  const lengthFit = 2 * normalTail(Math.abs(delta));
  const { agreement, anchors } = anchorAgreement(zh, en);
  const anchorWeight = Math.min(anchors, 3) / 6;
  return Math.round(((1 - anchorWeight) * lengthFit + anchorWeight * agreement) * 1000) / 1000;
}

/**
 * Dynamic programming over bead shapes. Quadratic in the number of units: fine for paragraphs and
 * for the sentences inside one aligned paragraph group, which is all this stage is asked to do.
 */
export function align(zhUnits: AlignUnit[], enUnits: AlignUnit[]): Bead[] {
  const zh = prepare(zhUnits, true);
  const en = prepare(enUnits, false);
  const model = lengthModel(zh, en);
  const n = zh.length;
  const m = en.length;
  const width = m + 1;
  const cost = new Float64Array((n + 1) * width).fill(Infinity);
  const back = new Int8Array((n + 1) * width).fill(-1);
  cost[0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const here = cost[i * width + j] ?? Infinity;
      if (here === Infinity) continue;
      SHAPES.forEach((shape, s) => {
        const i2 = i + shape.zh;
        const j2 = j + shape.en;
        if (i2 > n || j2 > m) return;
        const c = here + beadCost(zh.slice(i, i2), en.slice(j, j2), shape.prior, model);
        if (c < (cost[i2 * width + j2] ?? Infinity)) {
          cost[i2 * width + j2] = c;
          back[i2 * width + j2] = s;
        }
      });
    }
  }
  const beads: Bead[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const shape = SHAPES[back[i * width + j] ?? -1];
    if (!shape) throw new Error(`alignment has no path at ${i}:${j}`); // unreachable: 1-0 and 0-1 always connect
    const zhIdx = range(i - shape.zh, i);
    const enIdx = range(j - shape.en, j);
    beads.push({ zh: zhIdx, en: enIdx, confidence: confidence(zhIdx.map((k) => zh[k]!), enIdx.map((k) => en[k]!), model) });
    i -= shape.zh;
    j -= shape.en;
  }
  return beads.reverse();
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, k) => from + k);
}
