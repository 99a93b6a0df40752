/**
 * `npm run bench`: every benchmark of the project, one child process after another, then one report
 * (tests/bench/report.md and report.json). See docs/benchmarks.md.
 *
 * What the benchmarks need is prepared once, here, not by each: an ingest of corpus/ into
 * .bench/build (never the repo's build/) for those that read a build, and `next build` of the app
 * over it for those that run `next start`. Each child gets DUIZHAO_BUILD (that build),
 * BENCH_PREPARED=1 (both are ready: do not rebuild) and BENCH_JSON (where to write its BenchResult).
 * Its output streams through. A benchmark that fails is reported as failed and the command exits
 * non-zero at the end; one whose npm script does not exist is reported as missing.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { reportMarkdown, runFailed, type BenchReport, type BenchRun, type Machine, type Step } from './report';
import type { BenchResult } from './results';

const ROOT = path.resolve(import.meta.dirname, '../..');
const OUT = path.join(ROOT, 'tests/bench');
const BENCH_BUILD = path.join(ROOT, '.bench/build');

type Need = 'build' | 'next';

/** In the order they run. `needs`: the ingested corpus (build), the production build of the app (next). */
const BENCHES: ReadonlyArray<{ id: string; needs: readonly Need[] }> = [
  { id: 'cedict', needs: [] },
  { id: 'ingest', needs: [] },
  { id: 'align', needs: [] },
  { id: 'clean', needs: [] },
  { id: 'search', needs: ['build'] },
  { id: 'reader', needs: ['build', 'next'] },
  { id: 'load', needs: ['build', 'next'] },
];

const USAGE = `npm run bench [-- options]

Runs ${BENCHES.map((b) => b.id).join(', ')} (each \`npm run bench:<id>\`) one after another and writes
tests/bench/report.md and tests/bench/report.json. Takes 7–10 minutes on 2 busy cores.

  --only IDS      a comma-separated subset, e.g. --only ingest,align (the report then holds those only)
  --reuse-build   skip the ingest and \`next build\` when .bench/build and .next are already there
  --help          this text`;

/** Lines kept from a child's output, for the report of a failure. */
const TAIL_LINES = 20;

/** Runs a command with its output streaming through; resolves to its exit code (null: killed) and last lines. */
function run(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<{ exitCode: number | null; tail: string[] }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail: string[] = [];
    const keep = (chunk: Buffer) => {
      tail = [...tail, ...chunk.toString('utf8').split('\n')].filter((l) => l.trim() !== '').slice(-TAIL_LINES);
    };
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      keep(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      keep(chunk);
    });
    child.on('error', (e) => {
      tail.push(String(e));
      resolve({ exitCode: null, tail });
    });
    child.on('close', (exitCode) => resolve({ exitCode, tail }));
  });
}

function git(args: string[]): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn('git', args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('error', () => resolve(''));
    child.on('close', () => resolve(out.trim()));
  });
}

async function machine(): Promise<Machine> {
  return {
    date: new Date().toISOString(),
    node: process.version,
    os: `${process.platform} ${release()}`,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGB: totalmem() / 1024 ** 3,
    commit: (await git(['rev-parse', 'HEAD'])) || 'unknown',
    // The report itself, written by the previous run, is no change to the code measured.
    dirty:
      (await git(['status', '--porcelain', '--', '.', ':!tests/bench/report.md', ':!tests/bench/report.json'])) !== '',
  };
}

const banner = (text: string) => process.stderr.write(`\n=== ${text}\n`);
const elapsed = (t0: number) => (performance.now() - t0) / 1000;

async function step(name: string, command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<Step> {
  banner(`${name}: ${command} ${args.join(' ')}`);
  const t0 = performance.now();
  const { exitCode } = await run(command, args, env);
  return { name, command: [command, ...args].join(' '), ok: exitCode === 0, exitCode, seconds: elapsed(t0) };
}

/** What the chosen benchmarks need, built once; the needs that could not be met. */
async function prepare(
  needs: ReadonlySet<Need>,
  reuse: boolean,
  env: NodeJS.ProcessEnv,
): Promise<{ steps: Step[]; unmet: Set<Need> }> {
  const steps: Step[] = [];
  const unmet = new Set<Need>();
  const haveBuild = existsSync(path.join(BENCH_BUILD, 'manifest.json'));
  const haveNext = existsSync(path.join(ROOT, '.next/BUILD_ID'));
  if (needs.has('build') && !(reuse && haveBuild)) {
    const s = await step(
      'ingest of corpus/ into .bench/build',
      'npm',
      ['run', '--silent', 'duizhao', '--', 'ingest', '--build', path.relative(ROOT, BENCH_BUILD)],
      env,
    );
    steps.push(s);
    if (!s.ok) unmet.add('build');
  }
  if (needs.has('next') && !(reuse && haveNext && haveBuild)) {
    if (unmet.has('build')) unmet.add('next');
    else {
      const s = await step('production build of the app over it', 'npx', ['next', 'build'], env);
      steps.push(s);
      if (!s.ok) unmet.add('next');
    }
  }
  return { steps, unmet };
}

async function readResult(file: string): Promise<BenchResult | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as BenchResult;
  } catch {
    return undefined;
  }
}

async function runBench(
  id: string,
  scripts: Record<string, string>,
  unmet: readonly Need[],
  env: NodeJS.ProcessEnv,
  tmp: string,
): Promise<BenchRun> {
  const script = `bench:${id}`;
  const base = { bench: id, script, exitCode: null, seconds: 0, loadavgBefore: loadavg(), loadavgAfter: loadavg() };
  if (!(script in scripts)) return { ...base, status: 'missing', reason: `no npm script ${script} on this branch` };
  if (unmet.length > 0)
    return { ...base, status: 'failed', reason: `not run: preparing ${unmet.join(' and ')} failed` };
  banner(`${id}: npm run ${script}`);
  const jsonFile = path.join(tmp, `${id}.json`);
  const t0 = performance.now();
  const { exitCode, tail } = await run('npm', ['run', '--silent', script], { ...env, BENCH_JSON: jsonFile });
  const done = { ...base, exitCode, seconds: elapsed(t0), loadavgAfter: loadavg() };
  const result = await readResult(jsonFile);
  if (exitCode !== 0)
    return {
      ...done,
      status: 'failed',
      ...(result ? { result } : {}),
      tail,
      ...(exitCode === null ? { reason: 'killed by a signal' } : {}),
    };
  if (!result) return { ...done, status: 'failed', reason: `it wrote no result to BENCH_JSON`, tail };
  return { ...done, status: 'ok', result };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      'reuse-build': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const only = values.only
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = only?.filter((id) => !BENCHES.some((b) => b.id === id)) ?? [];
  if (unknown.length > 0) {
    console.error(`unknown benchmark ${unknown.join(', ')}; known: ${BENCHES.map((b) => b.id).join(', ')}\n\n${USAGE}`);
    return 2;
  }
  const chosen = BENCHES.filter((b) => !only || only.includes(b.id));
  const scripts = (
    JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  ).scripts;

  const t0 = performance.now();
  const host = await machine();
  const env: NodeJS.ProcessEnv = { ...process.env, DUIZHAO_BUILD: BENCH_BUILD, BENCH_PREPARED: '1' };
  // Only what a benchmark that exists will use is prepared.
  const needs = new Set(chosen.filter((b) => `bench:${b.id}` in scripts).flatMap((b) => b.needs));
  const { steps, unmet } = await prepare(needs, values['reuse-build'], env);

  const tmp = await mkdtemp(path.join(tmpdir(), 'duizhao-bench-'));
  const runs: BenchRun[] = [];
  try {
    for (const b of chosen)
      runs.push(
        await runBench(
          b.id,
          scripts,
          b.needs.filter((n) => unmet.has(n)),
          env,
          tmp,
        ),
      );
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }

  const report: BenchReport = {
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    machine: host,
    preparation: steps,
    runs,
    totalSeconds: elapsed(t0),
  };
  await mkdir(OUT, { recursive: true });
  await writeFile(path.join(OUT, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  const markdown = reportMarkdown(report);
  await writeFile(path.join(OUT, 'report.md'), markdown);
  banner('report (tests/bench/report.md, report.json)');
  process.stdout.write(markdown);
  return runFailed(report) ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  },
);
