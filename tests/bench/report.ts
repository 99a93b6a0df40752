/**
 * The report of `npm run bench` (tests/bench/run-all.ts): what each benchmark gave, as Markdown.
 * Pure formatting: the orchestrator gathers a BenchReport, this turns it into report.md.
 */
import type { BenchResult, Figure } from './results';

export interface Machine {
  date: string;
  node: string;
  os: string;
  cpu: string;
  cores: number;
  memoryGB: number;
  commit: string;
  /** Uncommitted changes in the work tree when the run started (the report files aside). */
  dirty: boolean;
}

/** One step of the preparation (ingest, `next build`) that some benchmarks need. */
export interface Step {
  name: string;
  command: string;
  ok: boolean;
  exitCode: number | null;
  seconds: number;
}

export interface BenchRun {
  bench: string;
  /** The npm script it ran, e.g. "bench:ingest". */
  script: string;
  status: 'ok' | 'failed' | 'missing';
  /** Why it failed or did not run, in a few words. */
  reason?: string;
  /** null when it was not run, or was killed by a signal. */
  exitCode: number | null;
  seconds: number;
  loadavgBefore: number[];
  loadavgAfter: number[];
  result?: BenchResult;
  /** The last lines of a failed benchmark's output. */
  tail?: string[];
}

export interface BenchReport {
  /** How it was run, e.g. "npm run bench" or "npm run bench -- --only ingest". */
  command: string;
  machine: Machine;
  preparation: Step[];
  runs: BenchRun[];
  totalSeconds: number;
}

/** A run fails when a benchmark or a preparation step failed; a missing benchmark does not fail it. */
export function runFailed(report: BenchReport): boolean {
  return report.preparation.some((s) => !s.ok) || report.runs.some((r) => r.status === 'failed');
}

// JSON turns NaN into null, so a figure read back from a file may hold null where a number was.
const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Three significant digits, thousands separated; a dash for a missing or non-finite value. */
export function formatNumber(x: number | null | undefined): string {
  if (!isNumber(x)) return '—';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 1000) return Math.round(x).toLocaleString('en');
  if (abs >= 100) return x.toFixed(0);
  return String(Number(x.toPrecision(3)));
}

export function formatRatio(ratio: number | null | undefined): string {
  return isNumber(ratio) ? `${formatNumber(ratio)}×` : '—';
}

export const arrow = (better: Figure['better']): string => (better === 'higher' ? '↑' : '↓');

/**
 * Whether the figure beats its baseline, and by how much: "gain, 12×" when lower is better and the
 * value is a twelfth of the baseline's; "even" within half a percent.
 */
export function verdict(f: Figure): string {
  if (!isNumber(f.ratio) || f.ratio <= 0) return '—';
  if (Math.abs(f.ratio - 1) < 0.005) return 'even';
  const gain = f.better === 'higher' ? f.ratio > 1 : f.ratio < 1;
  const factor = f.ratio > 1 ? f.ratio : 1 / f.ratio;
  return `${gain ? 'gain' : 'loss'}, ${formatRatio(factor)}`;
}

/** "< 200 ✓" when the value beats its target in the better direction, ✗ otherwise. */
export function formatTarget(f: Figure): string {
  if (!isNumber(f.target)) return '';
  const met = isNumber(f.value) && (f.better === 'lower' ? f.value < f.target : f.value > f.target);
  return `${f.better === 'lower' ? '<' : '>'} ${formatNumber(f.target)} ${met ? '✓' : '✗'}`;
}

/** A table cell: no line breaks, pipes escaped. */
const cell = (text: string): string => text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
const row = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |`;

export function figureTable(figures: readonly Figure[]): string[] {
  const targets = figures.some((f) => isNumber(f.target));
  const header = [
    'figure',
    'value',
    'unit',
    'better',
    'baseline',
    'baseline value',
    'ratio',
    'verdict',
    ...(targets ? ['target'] : []),
  ];
  return [
    row(header),
    row(header.map((_, i) => (i === 0 || i === 2 || i === 4 ? '---' : '---:'))),
    ...figures.map((f) =>
      row([
        f.name,
        formatNumber(f.value),
        f.unit,
        arrow(f.better),
        f.baseline?.name ?? '',
        f.baseline ? formatNumber(f.baseline.value) : '',
        f.baseline ? formatRatio(f.ratio) : '',
        f.baseline ? verdict(f) : '',
        ...(targets ? [formatTarget(f)] : []),
      ]),
    ),
  ];
}

const seconds = (s: number): string =>
  s >= 90 ? `${Math.floor(s / 60)} min ${Math.round(s % 60)} s` : `${s.toFixed(s < 10 ? 1 : 0)} s`;
const load = (l: readonly number[]): string => (l.length === 0 ? '?' : l.map((x) => x.toFixed(2)).join(' '));

export function statusText(run: BenchRun): string {
  if (run.status === 'ok') return 'ok';
  if (run.status === 'missing') return `not run: missing${run.reason ? ` (${run.reason})` : ''}`;
  return `**failed**${run.exitCode === null ? '' : ` (exit code ${run.exitCode})`}${run.reason ? `: ${run.reason}` : ''}`;
}

/** The first figure with a baseline: what the summary shows for a benchmark. */
function headline(run: BenchRun): string {
  const f = run.result?.figures.find((x) => x.baseline);
  if (!f || !f.baseline) return '';
  return `${f.name}: ${formatNumber(f.value)} ${f.unit} vs ${formatNumber(f.baseline.value)} (${f.baseline.name}): ${formatRatio(f.ratio)}, ${verdict(f)}`;
}

function benchSection(run: BenchRun): string[] {
  const out = [`## ${run.bench}${run.result ? `: ${run.result.title}` : ''}`, ''];
  const when =
    run.status === 'missing'
      ? ''
      : ` in ${seconds(run.seconds)}; load average ${load(run.loadavgBefore)} before, ${load(run.loadavgAfter)} after`;
  out.push(`\`npm run ${run.script}\`: ${statusText(run)}${when}.`, '');
  if (run.result) {
    out.push(...figureTable(run.result.figures), '');
    const context = Object.entries(run.result.context ?? {});
    if (context.length > 0)
      out.push(...context.map(([k, v]) => `- ${k}: ${typeof v === 'number' ? formatNumber(v) : v}`), '');
  }
  if (run.status === 'failed' && run.tail && run.tail.length > 0)
    out.push('Last lines of its output:', '', '```', ...run.tail, '```', '');
  return out;
}

export function reportMarkdown(report: BenchReport): string {
  const m = report.machine;
  const out = [
    '# Benchmark report',
    '',
    `Written by \`${report.command}\` (tests/bench/run-all.ts) on ${m.date}, in ${seconds(report.totalSeconds)}; how to reproduce it: docs/benchmarks.md.`,
    'Every figure is measured beside its baseline in the same run; on a shared, noisy machine the ratio is the figure to compare between runs.',
    'better: ↑ higher is better, ↓ lower is better; ratio: value ÷ baseline value; verdict: whether the ratio is a gain, and by what factor.',
    '',
    `- commit ${m.commit}${m.dirty ? ' (with uncommitted changes)' : ''}`,
    `- Node ${m.node} on ${m.os}; ${m.cpu}, ${m.cores} cores, ${formatNumber(m.memoryGB)} GB memory`,
    '',
  ];
  if (report.preparation.length > 0) {
    out.push('Prepared once for the benchmarks that need it:', '');
    for (const s of report.preparation)
      out.push(
        `- ${s.name} (\`${s.command}\`): ${s.ok ? 'ok' : `**failed** (exit code ${s.exitCode ?? 'none'})`} in ${seconds(s.seconds)}`,
      );
    out.push('');
  }
  out.push(
    row(['bench', 'status', 'time', '1-min load before → after', 'headline']),
    row(['---', '---', '---:', '---', '---']),
  );
  for (const r of report.runs) {
    const ran = r.status !== 'missing';
    out.push(
      row([
        r.bench,
        statusText(r),
        ran ? seconds(r.seconds) : '',
        ran ? `${load(r.loadavgBefore.slice(0, 1))} → ${load(r.loadavgAfter.slice(0, 1))}` : '',
        headline(r),
      ]),
    );
  }
  out.push('');
  for (const r of report.runs) out.push(...benchSection(r));
  return `${out.join('\n').trimEnd()}\n`;
}
