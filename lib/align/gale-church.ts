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
export function normalTail(z: number): number {
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

export function galeChurch(zh: string[], en: string[]): Bead[] {
  const lz = zh.map((s) => [...s].length);
  const le = en.map((s) => [...s].length);
  const n = zh.length;
  const m = en.length;
  const w = m + 1;
  const cost = new Float64Array((n + 1) * w).fill(Infinity);
  const back = new Int8Array((n + 1) * w).fill(-1);
  cost[0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const here = cost[i * w + j]!;
      if (here === Infinity) continue;
      SHAPES.forEach((s, k) => {
        if (i + s.zh > n || j + s.en > m) return;
        let a = 0;
        let b = 0;
        for (let x = i; x < i + s.zh; x++) a += lz[x]!;
        for (let y = j; y < j + s.en; y++) b += le[y]!;
        const c = here - Math.log(s.prior) + (s.zh && s.en ? lengthCost(a, b) : 0);
        const at = (i + s.zh) * w + j + s.en;
        if (c < cost[at]!) {
          cost[at] = c;
          back[at] = k;
        }
      });
    }
  }
  const beads: Bead[] = [];
  for (let i = n, j = m; i > 0 || j > 0; ) {
    const s = SHAPES[back[i * w + j]!]!;
    beads.push({ zh: range(i - s.zh, i), en: range(j - s.en, j), confidence: 1 });
    i -= s.zh;
    j -= s.en;
  }
  return beads.reverse();
}

export function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, k) => from + k);
}
