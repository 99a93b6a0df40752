/**
 * Grow-diag-final-and (Koehn et al. 2003; Moses' default): start from the links both directions
 * agree on, grow into neighbours (diagonals included) that either direction proposed and that
 * align a still-unaligned word, then add the remaining one-directional links whose two words are
 * both unaligned. Precise where the directions agree, recall from either where they do not.
 */

/** A link: Chinese token i ↔ English token j. */
export type Link = readonly [number, number];

const NEIGHBOURS: ReadonlyArray<readonly [number, number]> = [
  [-1, 0],
  [0, -1],
  [1, 0],
  [0, 1],
  [-1, -1],
  [-1, 1],
  [1, -1],
  [1, 1],
];

/**
 * `zhToEn[j]` is the Chinese token generating English token j (or -1); `enToZh[i]` the English
 * token generating Chinese token i (or -1). Returns links sorted by i then j.
 */
export function growDiagFinalAnd(zhToEn: ArrayLike<number>, enToZh: ArrayLike<number>, m: number, n: number): Link[] {
  const key = (i: number, j: number) => i * n + j;
  const forward = new Set<number>();
  const backward = new Set<number>();
  for (let j = 0; j < zhToEn.length; j++) if (zhToEn[j]! >= 0) forward.add(key(zhToEn[j]!, j));
  for (let i = 0; i < enToZh.length; i++) if (enToZh[i]! >= 0) backward.add(key(i, enToZh[i]!));
  const union = new Set([...forward, ...backward]);
  const links = new Set([...forward].filter((k) => backward.has(k)));
  const zhAligned = new Uint8Array(m);
  const enAligned = new Uint8Array(n);
  for (const k of links) {
    zhAligned[Math.floor(k / n)] = 1;
    enAligned[k % n] = 1;
  }
  let grown = true;
  while (grown) {
    grown = false;
    for (const k of [...links].sort((a, b) => a - b)) {
      const i = Math.floor(k / n);
      const j = k % n;
      for (const [di, dj] of NEIGHBOURS) {
        const ni = i + di;
        const nj = j + dj;
        if (ni < 0 || nj < 0 || ni >= m || nj >= n) continue;
        const nk = key(ni, nj);
        if (links.has(nk) || !union.has(nk) || (zhAligned[ni] && enAligned[nj])) continue;
        links.add(nk);
        zhAligned[ni] = 1;
        enAligned[nj] = 1;
        grown = true;
      }
    }
  }
  for (const directional of [forward, backward]) {
    for (const k of [...directional].sort((a, b) => a - b)) {
      const i = Math.floor(k / n);
      const j = k % n;
      if (links.has(k) || zhAligned[i] || enAligned[j]) continue;
      links.add(k);
      zhAligned[i] = 1;
      enAligned[j] = 1;
    }
  }
  return [...links].sort((a, b) => a - b).map((k) => [Math.floor(k / n), k % n] as const);
}
