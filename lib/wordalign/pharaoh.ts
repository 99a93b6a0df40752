/** Links in the Pharaoh format (`0-1 2-3`, Chinese index first) and alignment error rate. */
import type { Link } from './symmetrize';

/** `0-1 2-3`: the links sorted by Chinese then English index. */
export function formatLinks(links: readonly Link[]): string {
  return [...links]
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
    .map(([i, j]) => `${i}-${j}`)
    .join(' ');
}

/**
 * Parses `0-1 2-3` (and `0p1` or `0?1` for a possible link, as gold files write them).
 * Throws on anything else, naming the bad item.
 */
export function parseLinks(line: string): { sure: Link[]; possible: Link[] } {
  const sure: Link[] = [];
  const possible: Link[] = [];
  for (const item of line.trim().split(/\s+/).filter(Boolean)) {
    const m = /^(\d+)([-p?])(\d+)$/.exec(item);
    if (!m) throw new Error(`not a link: "${item}" (expected i-j, or i?j for a possible link)`);
    (m[2] === '-' ? sure : possible).push([Number(m[1]), Number(m[3])]);
  }
  return { sure, possible };
}

export interface AerCounts {
  /** |A ∩ S|, |A ∩ P|, |A|, |S| summed over sentences (P includes S). */
  aSure: number;
  aPossible: number;
  a: number;
  s: number;
}

/** Adds one sentence's counts: `sure` ⊆ possible by definition, so `possible` need not repeat them. */
export function addAer(
  counts: AerCounts,
  test: readonly Link[],
  sure: readonly Link[],
  possible: readonly Link[],
): AerCounts {
  const key = ([i, j]: Link) => `${i}-${j}`;
  const s = new Set(sure.map(key));
  const p = new Set([...possible.map(key), ...s]);
  const a = new Set(test.map(key));
  let aSure = 0;
  let aPossible = 0;
  for (const k of a) {
    if (s.has(k)) aSure++;
    if (p.has(k)) aPossible++;
  }
  return {
    aSure: counts.aSure + aSure,
    aPossible: counts.aPossible + aPossible,
    a: counts.a + a.size,
    s: counts.s + s.size,
  };
}

export const NO_COUNTS: AerCounts = { aSure: 0, aPossible: 0, a: 0, s: 0 };

/** Och & Ney (2003): precision |A∩P|/|A|, recall |A∩S|/|S|, AER 1 − (|A∩S| + |A∩P|)/(|A| + |S|); as percentages. */
export function aerScores(c: AerCounts): { precision: number; recall: number; aer: number } {
  return {
    precision: c.a === 0 ? 0 : (100 * c.aPossible) / c.a,
    recall: c.s === 0 ? 0 : (100 * c.aSure) / c.s,
    aer: c.a + c.s === 0 ? 0 : 100 * (1 - (c.aSure + c.aPossible) / (c.a + c.s)),
  };
}
