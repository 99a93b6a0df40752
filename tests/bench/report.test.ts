import { describe, expect, it } from 'vitest';
import {
  figureTable,
  formatNumber,
  formatRatio,
  formatTarget,
  reportMarkdown,
  runFailed,
  statusText,
  verdict,
  type BenchReport,
  type BenchRun,
} from './report';
import { figure } from './results';

const machine: BenchReport['machine'] = {
  date: '2026-11-21T18:00:00.000Z',
  node: 'v20.20.0',
  os: 'linux 6.1',
  cpu: 'AMD EPYC',
  cores: 2,
  memoryGB: 7.8,
  commit: 'abc1234',
  dirty: false,
};

const run = (over: Partial<BenchRun>): BenchRun => ({
  bench: 'ingest',
  script: 'bench:ingest',
  status: 'ok',
  exitCode: 0,
  seconds: 41.2,
  loadavgBefore: [1.5, 2, 3],
  loadavgAfter: [2.25, 2, 3],
  ...over,
});

const report = (runs: BenchRun[], preparation: BenchReport['preparation'] = []): BenchReport => ({
  command: 'npm run bench',
  machine,
  preparation,
  runs,
  totalSeconds: 600,
});

describe('formatNumber', () => {
  it('keeps three significant digits and separates thousands', () => {
    expect(formatNumber(13178.28)).toBe('13,178');
    expect(formatNumber(11723274.7)).toBe('11,723,275');
    expect(formatNumber(196.7)).toBe('197');
    expect(formatNumber(12.345)).toBe('12.3');
    expect(formatNumber(0.90398)).toBe('0.904');
    expect(formatNumber(0.0011241)).toBe('0.00112');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-2.5)).toBe('-2.5');
  });

  it('shows a dash for what JSON made of NaN, and for infinities', () => {
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(undefined)).toBe('—');
    expect(formatNumber(Number.NaN)).toBe('—');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('—');
    expect(formatRatio(null)).toBe('—');
    expect(formatRatio(2.855)).toBe('2.85×');
  });
});

describe('verdict', () => {
  const gc = { name: 'Gale–Church', value: 0.317 };
  it('calls a higher value a gain when higher is better', () => {
    expect(verdict(figure('strict F1', 0.904, 'score', 'higher', gc))).toBe('gain, 2.85×');
  });
  it('calls a lower value a gain when lower is better, by the inverse factor', () => {
    expect(verdict(figure('median', 0.15, 'ms', 'lower', { name: 'scan', value: 1.89 }))).toBe('gain, 12.6×');
  });
  it('calls the other direction a loss', () => {
    expect(verdict(figure('ingest', 13_178, 'chars/s', 'higher', { name: 'OpenCC', value: 11_723_275 }))).toBe(
      'loss, 890×',
    );
    expect(verdict(figure('first view', 196.7, 'kB', 'lower', { name: 'shortest', value: 184.4 }))).toBe('loss, 1.07×');
  });
  it('says even within half a percent, and nothing without a usable ratio', () => {
    expect(verdict(figure('x', 100.2, 'ms', 'lower', { name: 'y', value: 100 }))).toBe('even');
    expect(verdict(figure('x', 1, 'ms', 'lower', { name: 'y', value: 0 }))).toBe('—');
    expect(verdict(figure('x', 1, 'ms', 'lower'))).toBe('—');
  });
});

describe('formatTarget', () => {
  it('marks a target beaten in the better direction', () => {
    expect(formatTarget(figure('LCP', 300, 'ms', 'lower', undefined, { target: 1000 }))).toBe('< 1,000 ✓');
    expect(formatTarget(figure('popover', 62, 'ms', 'lower', undefined, { target: 50 }))).toBe('< 50 ✗');
    expect(formatTarget(figure('F1', 0.9, 'score', 'higher', undefined, { target: 0.85 }))).toBe('> 0.85 ✓');
    expect(formatTarget(figure('LCP', 300, 'ms', 'lower'))).toBe('');
  });
});

describe('figureTable', () => {
  it('writes one row per figure, with the direction, baseline, ratio and verdict', () => {
    const lines = figureTable([
      figure('strict F1', 0.904, 'score', 'higher', { name: 'Gale–Church, same run', value: 0.317 }),
      figure('CC-CEDICT load', 835.7, 'ms', 'lower'),
    ]);
    expect(lines).toEqual([
      '| figure | value | unit | better | baseline | baseline value | ratio | verdict |',
      '| --- | ---: | --- | ---: | --- | ---: | ---: | ---: |',
      '| strict F1 | 0.904 | score | ↑ | Gale–Church, same run | 0.317 | 2.85× | gain, 2.85× |',
      '| CC-CEDICT load | 836 | ms | ↓ |  |  |  |  |',
    ]);
  });

  it('adds a target column only when a figure has a target, and escapes pipes', () => {
    const lines = figureTable([figure('a | b', 1, 'ms', 'lower', undefined, { target: 2 })]);
    expect(lines[0]).toMatch(/\| target \|$/);
    expect(lines[2]).toBe('| a \\| b | 1 | ms | ↓ |  |  |  |  | < 2 ✓ |');
  });
});

describe('statusText and runFailed', () => {
  it('says why a benchmark failed or did not run', () => {
    expect(statusText(run({}))).toBe('ok');
    expect(statusText(run({ status: 'failed', exitCode: 1 }))).toBe('**failed** (exit code 1)');
    expect(statusText(run({ status: 'failed', exitCode: 0, reason: 'it wrote no result' }))).toBe(
      '**failed** (exit code 0): it wrote no result',
    );
    expect(statusText(run({ status: 'missing', exitCode: null, reason: 'no npm script bench:load' }))).toBe(
      'not run: missing (no npm script bench:load)',
    );
  });

  it('fails the run for a failed benchmark or preparation step, not for a missing one', () => {
    expect(runFailed(report([run({}), run({ bench: 'load', status: 'missing', exitCode: null })]))).toBe(false);
    expect(runFailed(report([run({ status: 'failed', exitCode: 1 })]))).toBe(true);
    expect(
      runFailed(
        report(
          [run({})],
          [{ name: 'production build', command: 'npx next build', ok: false, exitCode: 1, seconds: 3 }],
        ),
      ),
    ).toBe(true);
  });
});

describe('reportMarkdown', () => {
  const ingest = run({
    result: {
      bench: 'ingest',
      title: 'Ingest',
      figures: [
        figure('ingest end to end', 13_178, 'zh chars/s', 'higher', { name: 'OpenCC alone', value: 11_723_275 }),
      ],
      context: { documents: 5, counted: 'code points' },
    },
  });
  const failed = run({
    bench: 'align',
    script: 'bench:align',
    status: 'failed',
    exitCode: 1,
    tail: ['Error: no development set'],
  });
  const missing = run({
    bench: 'load',
    script: 'bench:load',
    status: 'missing',
    exitCode: null,
    reason: 'no npm script bench:load',
  });
  const md = reportMarkdown(
    report(
      [ingest, failed, missing],
      [{ name: 'ingest of the corpus', command: 'npm run duizhao -- ingest', ok: true, exitCode: 0, seconds: 8 }],
    ),
  );

  it('gives the machine, the preparation and a summary row per benchmark', () => {
    expect(md).toMatch(/^# Benchmark report\n/);
    expect(md).toContain('- commit abc1234\n');
    expect(md).toContain('- Node v20.20.0 on linux 6.1; AMD EPYC, 2 cores, 7.8 GB memory');
    expect(md).toContain('- ingest of the corpus (`npm run duizhao -- ingest`): ok in 8.0 s');
    expect(md).toContain(
      '| ingest | ok | 41 s | 1.50 → 2.25 | ingest end to end: 13,178 zh chars/s vs 11,723,275 (OpenCC alone): 0.00112×, loss, 890× |',
    );
    expect(md).toContain('| load | not run: missing (no npm script bench:load) |  |  |  |');
    expect(md).toContain('in 10 min 0 s');
  });

  it('gives each benchmark its table and context, and a failed one its exit code and last lines', () => {
    expect(md).toContain(
      '## ingest: Ingest\n\n`npm run bench:ingest`: ok in 41 s; load average 1.50 2.00 3.00 before, 2.25 2.00 3.00 after.',
    );
    expect(md).toContain(
      '| ingest end to end | 13,178 | zh chars/s | ↑ | OpenCC alone | 11,723,275 | 0.00112× | loss, 890× |',
    );
    expect(md).toContain('- documents: 5\n- counted: code points');
    expect(md).toContain('## align\n\n`npm run bench:align`: **failed** (exit code 1) in 41 s');
    expect(md).toContain('```\nError: no development set\n```');
    expect(md).toContain('## load\n\n`npm run bench:load`: not run: missing (no npm script bench:load).');
    expect(md.endsWith('\n')).toBe(true);
  });
});
