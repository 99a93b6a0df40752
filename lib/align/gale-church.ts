/**
 * Plain Gale & Church (1993) on character counts: the baseline the aligner is measured against,
 * and the length model it builds on. Lengths: Han characters count 1, other characters of the
 * Chinese side carry over to English one for one.
 */
import type { Bead } from '../model';

/** English characters per Chinese character and variance per character, fitted on literary Chinese–English. */
export const GC_RATIO = 3.3;
export const GC_VARIANCE = 25;

/** Standard normal upper tail (Abramowitz–Stegun), as Gale & Church used. */
function normalTail(z: number): number {
  const t = 1 / (1 + 0.2316419 * z);
  const poly = t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return (Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI)) * poly;
}

/** −log probability that lengths lz (Chinese) and le (English) translate each other. */
export function lengthCost(lz: number, le: number, ratio = GC_RATIO, variance = GC_VARIANCE): number {
  if (lz === 0 && le === 0) return 0;
  const mean = (lz + le / ratio) / 2;
  const delta = (le - lz * ratio) / Math.sqrt(Math.max(mean, 1) * variance);
  return -Math.log(Math.max(2 * normalTail(Math.abs(delta)), 1e-12));
}

const SHAPES = [
  { zh: 1, en: 1, prior: 0.89 },
  { zh: 1, en: 0, prior: 0.0099 },
  { zh: 0, en: 1, prior: 0.0099 },
  { zh: 2, en: 1, prior: 0.089 / 2 },
  { zh: 1, en: 2, prior: 0.089 / 2 },
  { zh: 2, en: 2, prior: 0.011 },
] as const;
const PENALTY = SHAPES.map((s) => -Math.log(s.prior));

/**
 * The Gale–Church path. With `band`, only cells within `band` sentences of the diagonal are searched
 * (a full table of a book is tens of gigabytes), as a length-only aligner is used on long texts;
 * the band is widened where it must be so that a path always exists.
 */
export function galeChurch(zh: string[], en: string[], band = Infinity): Bead[] {
  // Prefix sums of the lengths, so that a bead's length is two lookups.
  const sz = new Float64Array(zh.length + 1);
  const se = new Float64Array(en.length + 1);
  zh.forEach((s, i) => (sz[i + 1] = sz[i]! + [...s].length));
  en.forEach((s, j) => (se[j + 1] = se[j]! + [...s].length));
  const n = zh.length;
  const m = en.length;
  const lo = new Int32Array(n + 1);
  const hi = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) {
    const c = n === 0 ? 0 : (i * m) / n;
    lo[i] = i === 0 ? 0 : Math.max(0, Math.floor(c - band));
    hi[i] = i === n ? m : Math.min(m, Math.ceil(c + band));
    if (i > 0) hi[i] = Math.max(hi[i]!, lo[i]!);
    if (i > 0 && lo[i]! > hi[i - 1]!) lo[i] = hi[i - 1]!;
  }
  const cost: Float64Array[] = [];
  const back: Int8Array[] = [];
  for (let i = 0; i <= n; i++) {
    cost.push(new Float64Array(hi[i]! - lo[i]! + 1).fill(Infinity));
    back.push(new Int8Array(hi[i]! - lo[i]! + 1).fill(-1));
  }
  cost[0]![0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = lo[i]!; j <= hi[i]!; j++) {
      if (i === 0 && j === 0) continue;
      let best = Infinity;
      let bestShape = -1;
      for (let k = 0; k < SHAPES.length; k++) {
        const s = SHAPES[k]!;
        const pi = i - s.zh;
        const pj = j - s.en;
        if (pi < 0 || pj < 0 || pj < lo[pi]! || pj > hi[pi]!) continue;
        const here = cost[pi]![pj - lo[pi]!]!;
        if (here === Infinity) continue;
        const c = here + PENALTY[k]! + (s.zh && s.en ? lengthCost(sz[i]! - sz[pi]!, se[j]! - se[pj]!) : 0);
        if (c < best) {
          best = c;
          bestShape = k;
        }
      }
      cost[i]![j - lo[i]!] = best;
      back[i]![j - lo[i]!] = bestShape;
    }
  }
  const beads: Bead[] = [];
  for (let i = n, j = m; i > 0 || j > 0;) {
    const s = SHAPES[back[i]![j - lo[i]!]!]!;
    beads.push({ zh: range(i - s.zh, i), en: range(j - s.en, j), confidence: 1 });
    i -= s.zh;
    j -= s.en;
  }
  return beads.reverse();
}

export function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, k) => from + k);
}
