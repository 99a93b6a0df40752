import { describe, expect, it } from 'vitest';
import { bucket, DEFAULT_HMM_OPTIONS, forwardBackward, type HmmOptions, Scratch } from './hmm';

/**
 * The forward–backward as it was written before its loops were arranged for speed: the plain loops
 * whose sums the fast one must reproduce to the bit (the links of the build must not change).
 */
function plainForwardBackward(
  m: number,
  n: number,
  emit: Float64Array,
  emitNull: Float64Array,
  jumps: Float64Array,
  options: HmmOptions,
  scratch: Scratch,
  jumpCounts?: Float64Array,
): Float64Array {
  const { maxJump, nullShare: p0 } = options;
  // trans[(p + 1)·m + i]: from last position p to source i, normalised over i.
  const trans = scratch.get('trans', (m + 1) * m);
  for (let p = -1; p < m; p++) {
    let z = 0;
    for (let i = 0; i < m; i++) z += trans[(p + 1) * m + i] = jumps[bucket(i - p, maxJump)]!;
    for (let i = 0; i < m; i++) trans[(p + 1) * m + i] = ((1 - p0) * trans[(p + 1) * m + i]!) / (z || 1);
  }
  // alpha[j·(2m + 1) + s]: s < m real source s; s = m + 1 + p NULL remembering p.
  const width = 2 * m + 1;
  const alpha = scratch.get('alpha', n * width);
  const scale = scratch.get('scale', n);
  const last = scratch.get('last', m + 1); // mass by remembered position, index p + 1
  const into = scratch.get('into', m);
  for (let j = 0; j < n; j++) {
    if (j === 0) {
      last.fill(0);
      last[0] = 1;
    } else {
      for (let p = -1; p < m; p++) {
        last[p + 1] = (p >= 0 ? alpha[(j - 1) * width + p]! : 0) + alpha[(j - 1) * width + m + 1 + p]!;
      }
    }
    // Row by row through `trans` (each source's mass spread over the next positions), not column by column.
    into.fill(0);
    for (let p = -1; p < m; p++) {
      const w = last[p + 1]!;
      if (w === 0) continue;
      const row = (p + 1) * m;
      for (let i = 0; i < m; i++) into[i]! += w * trans[row + i]!;
    }
    let total = 0;
    for (let i = 0; i < m; i++) total += alpha[j * width + i] = into[i]! * emit[j * m + i]!;
    for (let p = -1; p < m; p++) total += alpha[j * width + m + 1 + p] = last[p + 1]! * p0 * emitNull[j]!;
    scale[j] = total || 1;
    for (let s = 0; s < width; s++) alpha[j * width + s]! /= scale[j]!;
  }
  // back[j·(m + 1) + p + 1]: the backward value of any state remembering p (real p or NULL p).
  const back = scratch.get('back', n * (m + 1));
  for (let p = -1; p < m; p++) back[(n - 1) * (m + 1) + p + 1] = 1;
  const ahead = scratch.get('ahead', m); // emission × backward value of each source at the next target
  for (let j = n - 2; j >= 0; j--) {
    for (let i = 0; i < m; i++) ahead[i] = emit[(j + 1) * m + i]! * back[(j + 1) * (m + 1) + i + 1]!;
    for (let p = -1; p < m; p++) {
      let b = p0 * emitNull[j + 1]! * back[(j + 1) * (m + 1) + p + 1]!;
      const row = (p + 1) * m;
      for (let i = 0; i < m; i++) b += trans[row + i]! * ahead[i]!;
      back[j * (m + 1) + p + 1] = b / scale[j + 1]!;
    }
  }
  const posteriors = new Float64Array(n * m);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < m; i++) posteriors[j * m + i] = alpha[j * width + i]! * back[j * (m + 1) + i + 1]!;
  }
  if (jumpCounts) {
    for (let j = 0; j < n; j++) {
      for (let p = -1; p < m; p++) {
        const from =
          j === 0
            ? p === -1
              ? 1
              : 0
            : (p >= 0 ? alpha[(j - 1) * width + p]! : 0) + alpha[(j - 1) * width + m + 1 + p]!;
        if (from === 0) continue;
        const weight = from / scale[j]!;
        for (let i = 0; i < m; i++) {
          const xi = weight * trans[(p + 1) * m + i]! * emit[j * m + i]! * back[j * (m + 1) + i + 1]!;
          jumpCounts[bucket(i - p, maxJump)]! += xi;
        }
      }
    }
  }
  return posteriors;
}

/** A deterministic pseudo-random stream (a linear congruential generator), so that failures repeat. */
function stream(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** Same bits: equal numbers are not enough (−0 and +0 are equal, and so are NaN and NaN as Object.is sees them). */
function sameBits(a: Float64Array, b: Float64Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

describe('forwardBackward', () => {
  const random = stream(7);
  // Shapes on both sides of maxJump (40), odd and even m (rows go two at a time), and 1 × 1.
  const shapes: Array<[number, number]> = [
    [1, 1],
    [1, 5],
    [5, 1],
    [2, 3],
    [7, 4],
    [41, 12],
    [60, 60],
    [59, 17],
    [13, 58],
  ];
  for (let k = 0; k < 30; k++) shapes.push([1 + Math.floor(random() * 60), 1 + Math.floor(random() * 60)]);
  const jumps = Float64Array.from({ length: 81 }, () => random());
  const options: HmmOptions = DEFAULT_HMM_OPTIONS;

  it('gives the posteriors and jump counts of the plain loops to the bit, zeros included', () => {
    const fast = new Scratch();
    const plain = new Scratch();
    const countsFast = new Float64Array(81);
    const countsPlain = new Float64Array(81);
    for (const [m, n] of shapes) {
      // Cubes make many tiny emissions; some exact zeros leave states without mass, which both skip.
      const emit = Float64Array.from({ length: m * n }, () => (random() < 0.2 ? 0 : random() ** 3));
      const emitNull = Float64Array.from({ length: n }, () => random() * 0.01);
      const a = forwardBackward(m, n, emit, emitNull, jumps, options, fast);
      const b = plainForwardBackward(m, n, emit, emitNull, jumps, options, plain);
      expect(a).toHaveLength(m * n);
      expect(sameBits(a, b)).toBe(true);
      forwardBackward(m, n, emit, emitNull, jumps, options, fast, countsFast);
      plainForwardBackward(m, n, emit, emitNull, jumps, options, plain, countsPlain);
      expect(sameBits(countsFast, countsPlain)).toBe(true);
    }
    expect(countsFast.some((v) => v > 0)).toBe(true);
  });

  it('counts jumps longer than maxJump in the end buckets', () => {
    const narrow: HmmOptions = { ...options, maxJump: 2 };
    const m = 9;
    const n = 6;
    const emit = Float64Array.from({ length: m * n }, () => random());
    const emitNull = new Float64Array(n).fill(0.001);
    const few = Float64Array.from({ length: 5 }, () => random());
    const countsFast = new Float64Array(5);
    const countsPlain = new Float64Array(5);
    forwardBackward(m, n, emit, emitNull, few, narrow, new Scratch(), countsFast);
    plainForwardBackward(m, n, emit, emitNull, few, narrow, new Scratch(), countsPlain);
    expect(sameBits(countsFast, countsPlain)).toBe(true);
    expect(countsFast[0]).toBeGreaterThan(0);
    expect(countsFast[4]).toBeGreaterThan(0);
  });
});
