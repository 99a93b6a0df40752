/**
 * How a cost grows with the corpus, and how a measuring child process ended: the pure parts of
 * `npm run bench:scale` (scale.bench.ts), apart so they can be tested.
 */

/** One measured point: a cost at a corpus size. */
export interface Point {
  size: number;
  value: number;
}

/**
 * The exponent k of cost ∝ size^k between consecutive points (log–log slope), and over all of them
 * (least squares on the logs). 1 is linear growth; above 1, each extra character costs more than
 * the one before. Points with a non-positive or non-finite size or value are left out (a log of
 * them means nothing); fewer than two usable points give no slope.
 */
export function logLogSlopes(points: readonly Point[]): {
  steps: Array<{ from: number; to: number; k: number }>;
  overall: number | null;
} {
  const usable = points
    .filter((p) => Number.isFinite(p.size) && Number.isFinite(p.value) && p.size > 0 && p.value > 0)
    .sort((a, b) => a.size - b.size);
  const steps: Array<{ from: number; to: number; k: number }> = [];
  for (let i = 1; i < usable.length; i++) {
    const a = usable[i - 1]!;
    const b = usable[i]!;
    if (a.size === b.size) continue;
    steps.push({ from: a.size, to: b.size, k: Math.log(b.value / a.value) / Math.log(b.size / a.size) });
  }
  const xs = usable.map((p) => Math.log(p.size));
  const ys = usable.map((p) => Math.log(p.value));
  const n = xs.length;
  if (n < 2) return { steps, overall: null };
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i]! - mx) ** 2;
    sxy += (xs[i]! - mx) * (ys[i]! - my);
  }
  return { steps, overall: sxx === 0 ? null : sxy / sxx };
}

/** The cost at `size` if it keeps growing as size^k from the last measured point. */
export function extrapolate(last: Point, k: number, size: number): number {
  return last.value * (size / last.size) ** k;
}

/** "1M", "2.5M", "300k", "100000" → characters; NaN for anything else. */
export function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(text.trim());
  if (!m) return Number.NaN;
  const unit = m[2]!.toLowerCase() === 'm' ? 1e6 : m[2]!.toLowerCase() === 'k' ? 1e3 : 1;
  return Math.round(Number(m[1]) * unit);
}

/** A comma-separated list of sizes, or a clear error naming the bad one. */
export function parseSizes(text: string, option: string): number[] {
  if (text.trim() === '') return [];
  return text.split(',').map((part) => {
    const n = parseSize(part);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${option}: "${part}" is not a size (e.g. 500k, 1M, 2.5M)`);
    return n;
  });
}

/** "100M", "2.5M", "500k": a size as the tables print it. */
export function formatSize(n: number): string {
  if (n >= 1e6) return `${Number((n / 1e6).toPrecision(3))}M`;
  if (n >= 1e3) return `${Number((n / 1e3).toPrecision(3))}k`;
  return String(n);
}

export type Outcome = 'ok' | 'out of memory' | 'timeout' | 'failed';

/**
 * How a measuring child ended. V8 prints "JavaScript heap out of memory" (or "Reached heap limit")
 * and aborts when the old space limit is hit; the kernel's OOM killer sends SIGKILL with no message.
 * A timeout is ours (we kill it), so the caller says so.
 */
export function classifyExit(
  code: number | null,
  signal: string | null,
  stderrTail: string,
  timedOut: boolean,
): Outcome {
  if (timedOut) return 'timeout';
  if (/heap out of memory|Reached heap limit|Invalid array length|Array buffer allocation failed/i.test(stderrTail))
    return 'out of memory';
  if (signal === 'SIGKILL') return 'out of memory';
  if (code === 0 && signal === null) return 'ok';
  return 'failed';
}
