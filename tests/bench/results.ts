import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The one shape every benchmark hands to the report (`npm run bench` → tests/bench/report.md and
 * report.json). A figure is measured beside its baseline in the same process and run, so that the
 * ratio, not the raw number, is what survives a noisy 2-core machine.
 */
export interface Figure {
  /** What was measured, e.g. "ingest, end to end". */
  name: string;
  value: number;
  /** e.g. "chars/s", "ms", "kB", "F1", "req/s". */
  unit: string;
  /** Which direction is better, so the report can say whether a ratio is a gain. */
  better: 'higher' | 'lower';
  /** The same quantity for the baseline, measured in the same run. Absent where none exists. */
  baseline?: { name: string; value: number };
  /** value / baseline.value, present exactly when a baseline is. */
  ratio?: number;
  /** A target the value should beat in the `better` direction (below it for "lower"), where the issue set one. */
  target?: number;
}

export interface BenchResult {
  /** Short id: "ingest", "align", "search", "reader", "load". */
  bench: string;
  title: string;
  figures: Figure[];
  /** Conditions worth printing beside the figures: load average, corpus size, device… */
  context?: Record<string, string | number>;
}

/** A figure with its baseline and ratio filled in consistently. */
export function figure(
  name: string,
  value: number,
  unit: string,
  better: Figure['better'],
  baseline?: { name: string; value: number },
  options: { target?: number } = {},
): Figure {
  const target = options.target === undefined ? {} : { target: options.target };
  if (!baseline) return { name, value, unit, better, ...target };
  return {
    name,
    value,
    unit,
    better,
    baseline,
    ratio: baseline.value === 0 ? Number.NaN : value / baseline.value,
    ...target,
  };
}

/**
 * Writes a benchmark's result where `npm run bench` asked for it (BENCH_JSON). Run on its own, a
 * benchmark only prints, as before.
 */
export async function writeBenchResult(result: BenchResult): Promise<void> {
  const target = process.env.BENCH_JSON;
  if (!target) return;
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, `${JSON.stringify(result, null, 2)}\n`);
}
