/**
 * `npm run bench:scale`: how Duizhao's costs grow with the corpus, up to 100 M Chinese characters
 * (issue 8, "Measured"). Each measurement runs in a fresh child process (this file with --child),
 * so its memory figures are its own, and an out-of-memory is a result, not a crash of the bench:
 *
 *   ingest   the real `ingest()` (full: true) over a synthetic corpus written as document folders
 *            of ~100 k characters, with 1 and 2 worker threads: chars/s, the time of each phase
 *            (documents, search index, glossary), peak RSS. At --ingest-sizes only (a full ingest
 *            runs at a few thousand chars/s here: 100 M would take hours; it is extrapolated).
 *   memory   the search index built in memory over the records: build time, heap + typed arrays,
 *            RSS, the exported index's bytes, query latency (median, p99). At --sizes, first with
 *            Node's default heap limit; from the first size where that fails, again with
 *            --max-old-space-size=--raised-heap.
 *   pg       the same index written to PostgreSQL (FlexSearch's postgres adapter,
 *            lib/search/pg-index.ts): write time, bytes on disk (tables + their indexes), rows,
 *            query latency through pgSearcher. At --pg-sizes. Needs DATABASE_URL_TEST or DATABASE_URL.
 *
 * Then the log–log slope of each cost between sizes (cost ∝ N^k). Progress on stderr; a table and
 * one JSON line on stdout. Not part of `npm run bench` (it takes an hour or more at full size).
 */
import { spawn } from 'node:child_process';
import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { connect, disconnectAll } from '../../lib/db/pg';
import { loadCedict } from '../../lib/dictionary/cedict';
import type { PairRecord } from '../../lib/model';
import { ingest } from '../../lib/pipeline/run';
import { indexesOver, sourceOver } from '../../lib/search/bundle';
import { loadSearcherFromFile } from '../../lib/search/bundle-file';
import { bundleLines } from '../../lib/search/bundle-lines';
import { dropPgIndexes, indexSchema, mountPgIndexes, writePgIndexes } from '../../lib/search/pg-index';
import { pgSearcher } from '../../lib/search/pg-searcher';
import { createSearcher } from '../../lib/search/searcher';
import { VIEWS } from '../../lib/search/views';
import { classifyExit, extrapolate, formatSize, logLogSlopes, parseSizes, type Outcome, type Point } from './growth';
import { treeRss } from './proc-memory';
import { figure, writeBenchResult, type Figure } from './results';
import { querySet } from './search.bench';
import { summarise } from './stats';
import { syntheticStream, writeSyntheticCorpus } from './synthetic';

const HERE = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(HERE), '../..');
/** Every line a child reports starts with this; the last one of each kind wins (a child reports as it goes). */
const RESULT = 'SCALE_RESULT ';
/** V8's longest string (2^29 − 24 UTF-16 units on 64-bit Node 20): JSON.stringify of anything longer throws. */
const MAX_STRING = 2 ** 29 - 24;

const USAGE = `npm run bench:scale [-- options]

  --sizes LIST         in-memory index sizes (default 1M,3M,10M,30M,100M)
  --pg-sizes LIST      PostgreSQL index sizes (default 300k,1M,3M); needs DATABASE_URL_TEST or DATABASE_URL
  --ingest-sizes LIST  full-ingest sizes (default 500k,1M,2M)
  --workers LIST       ingest worker threads (default 1,2)
  --only LIST          of memory, pg, ingest (default all three)
  --raised-heap MB     --max-old-space-size for the raised-heap runs (default 16384)
  --both-heaps         run every memory size with both heaps (default: raised only from the first default failure)
  --raised-only        run every memory size with the raised heap only (a size the default is known to fail)
  --queries N          queries per size (default 400; a warm-up of 100 others first)
  --timeout MIN        per child process (default 120)
  --work DIR           where ingest corpora are written (default .bench/scale; deleted after each run)
  --seed N             the generator's seed (default 2026)
  --record FILE        append each finished run to FILE as a JSON line
  --report FILE        (repeatable) print the tables of runs recorded in FILEs, measuring nothing
  -h, --help

Sizes are Han characters: 500k, 1M, 2.5M. Each measurement runs in its own child process.`;

// ---------------------------------------------------------------------------------------------
// Children: one measurement each, reported as JSON lines on stdout

const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
const peakRssMB = () => Math.round(process.resourceUsage().maxRSS / 1024);
const report = (kind: string, data: Record<string, unknown>) =>
  process.stdout.write(`${RESULT}${JSON.stringify({ kind, ...data })}\n`);
const progress = (text: string) => process.stderr.write(`  [${process.pid}] ${text}\n`);

function memoryNow(): { heap: number; buffers: number; rss: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, buffers: m.arrayBuffers, rss: m.rss };
}

/** The records of a size, collected (the searcher keeps them for verification and display anyway). */
function generate(
  chars: number,
  seed: number,
): { records: PairRecord[]; hanChars: number; recordChars: number; seconds: number } {
  const t0 = performance.now();
  const records: PairRecord[] = [];
  let hanChars = 0;
  // UTF-16 units of the records as one JSON text of the bundle would hold them (build format 2's search.json).
  let recordChars = 0;
  for (const s of syntheticStream(chars, seed)) {
    records.push(s.record);
    hanChars += s.hanChars;
    recordChars += JSON.stringify(s.record).length + 1;
  }
  progress(
    `${records.length.toLocaleString('en')} records, ${hanChars.toLocaleString('en')} Han chars generated in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );
  return { records, hanChars, recordChars, seconds: (performance.now() - t0) / 1000 };
}

function latencies(search: (q: string) => unknown, records: PairRecord[], count: number): { p50: number; p99: number } {
  for (const q of querySet(records, 100, 11)) search(q.query);
  const ms: number[] = [];
  for (const q of querySet(records, count, 12)) {
    const t = performance.now();
    search(q.query);
    ms.push(performance.now() - t);
  }
  const s = summarise(ms);
  return { p50: round(s.p50, 3), p99: round(s.p99, 3) };
}

async function asyncLatencies(
  search: (q: string) => Promise<unknown>,
  records: PairRecord[],
  count: number,
): Promise<{ p50: number; p99: number }> {
  for (const q of querySet(records, 100, 11)) await search(q.query);
  const ms: number[] = [];
  for (const q of querySet(records, count, 12)) {
    const t = performance.now();
    await search(q.query);
    ms.push(performance.now() - t);
  }
  const s = summarise(ms);
  return { p50: round(s.p50, 3), p99: round(s.p99, 3) };
}

/** The index built and queried in memory, then written as build/search.jsonl; big objects end with this function. */
async function buildQueryWrite(chars: number, seed: number, queries: number, file: string) {
  const { records, hanChars, recordChars, seconds } = generate(chars, seed);
  const base = {
    hanChars,
    records: records.length,
    generateSeconds: round(seconds, 1),
    heapLimitMB: mb((await import('node:v8')).getHeapStatistics().heap_size_limit),
  };
  const before = memoryNow();
  // The whole heap after a collection (records, dictionary and all): what Node's limit is against.
  report('memory', { ...base, stage: 'generated', heapUsedMB: mb(before.heap), peakRssMB: peakRssMB() });
  const t0 = performance.now();
  const { indexes, common } = indexesOver(records);
  const buildSeconds = (performance.now() - t0) / 1000;
  const after = memoryNow();
  const built = {
    ...base,
    buildSeconds: round(buildSeconds, 1),
    heapMB: mb(after.heap - before.heap),
    buffersMB: mb(after.buffers - before.buffers),
    rssMB: mb(after.rss),
    heapUsedMB: mb(after.heap),
  };
  progress(
    `index built in ${buildSeconds.toFixed(0)} s, heap +${built.heapMB} MB, typed arrays +${built.buffersMB} MB`,
  );
  report('memory', { ...built, stage: 'built', peakRssMB: peakRssMB() });
  const searcher = createSearcher(records, indexes, common);
  const query = latencies((q) => searcher.search(q), records, queries);
  progress(`queries: median ${query.p50} ms, p99 ${query.p99} ms`);
  report('memory', { ...built, stage: 'queried', query, peakRssMB: peakRssMB() });
  // What the reloaded bundle must answer: the totals and first hits of a sample of queries.
  const sample = querySet(records, 50, 13).map((q) => q.query);
  const answers = sample.map((q) => answerOf(searcher.search(q)));
  // The bundle as the ingest writes it: exported part by part and written line by line, never one
  // string (one JSON text of it passes V8's longest string near 12 M characters; docs/scale.md).
  const t1 = performance.now();
  const bundle = sourceOver(records, indexes, common);
  let bundleBytes = 0;
  let indexBytes = 0;
  let longestLine = 0;
  await writeFile(
    file,
    (function* measured() {
      for (const line of bundleLines(bundle)) {
        const bytes = Buffer.byteLength(line);
        bundleBytes += bytes;
        if (!line.startsWith('["records"')) indexBytes += bytes;
        longestLine = Math.max(longestLine, line.length);
        yield line;
      }
    })(),
  );
  const writeSeconds = (performance.now() - t1) / 1000;
  const asOneString = recordChars + indexBytes; // UTF-16 units, about: the index parts are ASCII
  progress(
    `search.jsonl written in ${writeSeconds.toFixed(0)} s: ${mb(bundleBytes)} MB, longest line ${longestLine.toLocaleString('en')} units`,
  );
  const exported = {
    ...built,
    query,
    indexMB: mb(indexBytes),
    bundleMB: mb(bundleBytes),
    writeSeconds: round(writeSeconds, 1),
    longestLineMUnits: round(longestLine / 1e6, 2),
    oneStringMUnits: round(asOneString / 1e6, 1),
    oneStringFits: asOneString < MAX_STRING,
  };
  report('memory', { ...exported, stage: 'exported', peakRssMB: peakRssMB() });
  return { exported, sample, answers };
}

/** A search result reduced to what a reloaded index must reproduce. */
const answerOf = (r: { total: number; hits: ReadonlyArray<{ docId: string; pair: number }> }) =>
  JSON.stringify([r.total, r.hits.slice(0, 10).map((h) => [h.docId, h.pair])]);

async function childMemory(chars: number, seed: number, queries: number): Promise<void> {
  const file = path.join(tmpdir(), `duizhao-scale-${process.pid}.jsonl`);
  try {
    const { exported, sample, answers } = await buildQueryWrite(chars, seed, queries, file);
    // The app's start: the bundle read back line by line and loaded (bundle-file.ts, bundle.ts),
    // with the builder's index gone; it must answer as the index it was written from.
    memoryNow();
    const t0 = performance.now();
    const searcher = await loadSearcherFromFile(file);
    const loadSeconds = (performance.now() - t0) / 1000;
    const mismatches = sample.filter((q, i) => answerOf(searcher.search(q)) !== answers[i]).length;
    progress(
      `search.jsonl read back and loaded in ${loadSeconds.toFixed(0)} s; ${sample.length - mismatches} of ${sample.length} queries answered alike`,
    );
    if (mismatches > 0)
      throw new Error(`the reloaded bundle answered ${mismatches} of ${sample.length} queries differently`);
    report('memory', {
      ...exported,
      stage: 'reloaded',
      loadSeconds: round(loadSeconds, 1),
      reloadedRssMB: mb(memoryNow().rss),
      peakRssMB: peakRssMB(),
    });
  } finally {
    await rm(file, { force: true });
  }
}

async function childPg(chars: number, seed: number, queries: number): Promise<void> {
  const url = process.env.DATABASE_URL_TEST || process.env.DATABASE_URL;
  if (!url)
    throw new Error(
      'the pg measurement needs DATABASE_URL_TEST or DATABASE_URL (bash tests/pg/ensure-postgres.sh prints one)',
    );
  const { records, hanChars } = generate(chars, seed);
  const db = connect(url);
  const ns = `scale_${process.pid}`;
  try {
    const t0 = performance.now();
    const common = await writePgIndexes(db, ns, records);
    const writeSeconds = (performance.now() - t0) / 1000;
    progress(`written to PostgreSQL in ${writeSeconds.toFixed(0)} s`);
    const tables: Array<{ view: string; table: string; rows: number; bytes: number }> = [];
    for (const view of VIEWS) {
      const rows = await db.any<{ table: string; bytes: string }>(
        `SELECT c.relname AS table, pg_total_relation_size(c.oid)::text AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = $1 AND c.relkind = 'r' ORDER BY c.relname`,
        [indexSchema(ns, view)],
      );
      for (const r of rows) {
        const count = await db.one<{ n: string }>('SELECT count(*)::text AS n FROM $1:name.$2:name', [
          indexSchema(ns, view),
          r.table,
        ]);
        tables.push({ view, table: r.table, rows: Number(count.n), bytes: Number(r.bytes) });
      }
    }
    const bytes = tables.reduce((s, t) => s + t.bytes, 0);
    const base = {
      hanChars,
      records: records.length,
      writeSeconds: round(writeSeconds, 1),
      diskMB: mb(bytes),
      bytesPerChar: round(bytes / hanChars, 1),
      tables,
    };
    report('pg', { ...base, stage: 'written', peakRssMB: peakRssMB() });
    const searcher = pgSearcher(records, common, await mountPgIndexes(db, ns));
    const query = await asyncLatencies((q) => searcher.search(q), records, queries);
    progress(`queries: median ${query.p50} ms, p99 ${query.p99} ms`);
    report('pg', { ...base, stage: 'queried', query, peakRssMB: peakRssMB() });
  } finally {
    await dropPgIndexes(db, ns);
    disconnectAll();
  }
}

async function childIngest(chars: number, seed: number, workers: number, work: string): Promise<void> {
  const root = path.join(work, `ingest-${process.pid}`);
  await rm(root, { recursive: true, force: true });
  try {
    let t = performance.now();
    const written = await writeSyntheticCorpus(root, chars, { seed });
    progress(
      `${written.documents} documents (${written.hanChars.toLocaleString('en')} Han chars) written in ${((performance.now() - t) / 1000).toFixed(0)} s; ingesting with ${workers} worker(s)`,
    );
    const phases: Record<string, number> = {};
    let phaseStart = performance.now();
    let phase = 'documents';
    const t0 = performance.now();
    let lastNote = 0;
    const result = await ingest({
      root,
      loadDictionary: loadCedict,
      workers,
      full: true,
      onProgress: (step) => {
        if (step.stage === 'built' && performance.now() - lastNote > 30_000) {
          lastNote = performance.now();
          progress(`${step.done}/${step.total} documents built`);
        }
        if (step.stage !== 'indexing') return;
        phases[phase] = round((performance.now() - phaseStart) / 1000, 1);
        phase = step.doc === 'search index' ? 'searchIndex' : step.doc === 'glossary' ? 'glossary' : step.doc;
        phaseStart = performance.now();
      },
    });
    phases[phase] = round((performance.now() - phaseStart) / 1000, 1);
    t = performance.now() - t0;
    progress(`ingested in ${(t / 1000).toFixed(0)} s (${JSON.stringify(phases)})`);
    report('ingest', {
      hanChars: written.hanChars,
      documents: written.documents,
      workers: result.workers,
      seconds: round(t / 1000, 1),
      charsPerSecond: Math.round(written.hanChars / (t / 1000)),
      phases,
      peakRssMB: peakRssMB(),
    });
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// The parent: runs the children, gathers their lines, prints the tables

interface ChildRun {
  /** When it ended. */
  at: string;
  kind: 'memory' | 'pg' | 'ingest';
  chars: number;
  heap: 'default' | 'raised' | null;
  workers: number | null;
  outcome: Outcome;
  /** The last line of the child's stderr when it did not end well. */
  reason?: string;
  seconds: number;
  /** Sampled every second from /proc: the child and its threads (and any children). */
  sampledPeakRssMB: number;
  loadBefore: number;
  result: Record<string, unknown> | null;
}

function runChild(
  args: string[],
  nodeFlags: string[],
  timeoutMin: number,
): Promise<{
  outcome: Outcome;
  reason?: string;
  seconds: number;
  peakRss: number;
  result: Record<string, unknown> | null;
}> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [...nodeFlags, '--expose-gc', '--import', 'tsx', HERE, '--child', ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let result: Record<string, unknown> | null = null;
    let out = '';
    let errTail = '';
    let peak = 0;
    let timedOut = false;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      let nl: number;
      while ((nl = out.indexOf('\n')) >= 0) {
        const line = out.slice(0, nl);
        out = out.slice(nl + 1);
        if (line.startsWith(RESULT)) result = JSON.parse(line.slice(RESULT.length)) as Record<string, unknown>;
        else process.stderr.write(`${line}\n`);
      }
    });
    child.stderr.on('data', (d: Buffer) => {
      process.stderr.write(d);
      errTail = (errTail + d.toString()).slice(-4000);
    });
    const sampler = setInterval(() => {
      if (child.pid !== undefined) peak = Math.max(peak, treeRss(child.pid).kb);
    }, 1000);
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMin * 60_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearInterval(sampler);
      clearTimeout(timer);
      const outcome = classifyExit(code, signal, errTail, timedOut);
      const lines = errTail
        .trim()
        .split('\n')
        .filter((l) => l.trim() !== '' && !l.includes('[' + String(child.pid) + ']'));
      resolve({
        outcome,
        ...(outcome === 'ok'
          ? {}
          : {
              reason: timedOut
                ? `killed after ${timeoutMin} min`
                : (lines.find((l) => /Error|heap|memory/i.test(l)) ?? lines.at(-1) ?? `exit ${code ?? signal}`)
                    .trim()
                    .slice(0, 200),
            }),
        seconds: (performance.now() - t0) / 1000,
        peakRss: Math.round(peak / 1024),
        result,
      });
    });
  });
}

/** Where each finished run is appended as a JSON line (--record), so a long ladder loses nothing when stopped. */
let recordFile: string | undefined;

async function measure(
  run: Omit<ChildRun, 'at' | 'outcome' | 'seconds' | 'sampledPeakRssMB' | 'loadBefore' | 'result' | 'reason'>,
  args: string[],
  nodeFlags: string[],
  timeoutMin: number,
): Promise<ChildRun> {
  const loadBefore = round(loadavg()[0] ?? 0);
  process.stderr.write(
    `\n${run.kind} ${formatSize(run.chars)}${run.heap ? `, ${run.heap} heap` : ''}${run.workers ? `, ${run.workers} worker(s)` : ''} (load ${loadBefore})\n`,
  );
  const r = await runChild(args, nodeFlags, timeoutMin);
  const out: ChildRun = {
    ...run,
    at: new Date().toISOString(),
    outcome: r.outcome,
    ...(r.reason ? { reason: r.reason } : {}),
    seconds: round(r.seconds, 1),
    sampledPeakRssMB: r.peakRss,
    loadBefore,
    result: r.result,
  };
  process.stderr.write(`  → ${r.outcome}${r.reason ? ` (${r.reason})` : ''} in ${r.seconds.toFixed(0)} s\n`);
  if (recordFile) await appendFile(recordFile, `${JSON.stringify(out)}\n`);
  return out;
}

const num = (r: ChildRun, key: string): number => {
  const v = r.result?.[key];
  return typeof v === 'number' ? v : Number.NaN;
};
const queryOf = (r: ChildRun): { p50: number; p99: number } =>
  (r.result?.query as { p50: number; p99: number } | undefined) ?? { p50: Number.NaN, p99: Number.NaN };
const cell = (x: number, d = 1) => (Number.isFinite(x) ? x.toLocaleString('en', { maximumFractionDigits: d }) : '—');
const status = (r: ChildRun) =>
  r.outcome === 'ok' ? 'ok' : `${r.outcome}${r.result?.stage ? ` after "${String(r.result.stage)}"` : ''}`;

function slopeLine(name: string, points: Point[]): string {
  const { steps, overall } = logLogSlopes(points);
  if (overall === null) return `  ${name}: too few points`;
  return `  ${name}: k = ${overall.toFixed(2)} overall (${steps.map((s) => `${formatSize(s.from)}→${formatSize(s.to)} ${s.k.toFixed(2)}`).join(', ')})`;
}

function slopeOf(points: Point[]): number | null {
  return logLogSlopes(points).overall;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      child: { type: 'string' },
      chars: { type: 'string' },
      workers: { type: 'string', default: '1,2' },
      sizes: { type: 'string', default: '1M,3M,10M,30M,100M' },
      'pg-sizes': { type: 'string', default: '300k,1M,3M' },
      'ingest-sizes': { type: 'string', default: '500k,1M,2M' },
      only: { type: 'string', default: 'memory,pg,ingest' },
      'raised-heap': { type: 'string', default: '16384' },
      'both-heaps': { type: 'boolean', default: false },
      'raised-only': { type: 'boolean', default: false },
      queries: { type: 'string', default: '400' },
      timeout: { type: 'string', default: '120' },
      work: { type: 'string', default: path.join(ROOT, '.bench/scale') },
      seed: { type: 'string', default: '2026' },
      record: { type: 'string' },
      report: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const seed = Number(values.seed);
  const queries = Number(values.queries);
  if (values.child) {
    const chars = Number(values.chars);
    if (values.child === 'memory') await childMemory(chars, seed, queries);
    else if (values.child === 'pg') await childPg(chars, seed, queries);
    else if (values.child === 'ingest')
      await childIngest(chars, seed, Number(values.workers), path.resolve(values.work));
    else throw new Error(`unknown child ${values.child}`);
    return;
  }

  if (values.report) {
    // Only the tables of runs recorded earlier (by one or several invocations), nothing measured.
    const runs: ChildRun[] = [];
    for (const file of values.report) {
      for (const line of (await readFile(file, 'utf8')).split('\n'))
        if (line.trim() !== '') runs.push(JSON.parse(line) as ChildRun);
    }
    await printReport(
      runs,
      [...new Set(runs.map((r) => r.workers).filter((w): w is number => w !== null))].sort(),
      new Date(),
      loadavg(),
      loadavg(),
    );
    return;
  }
  recordFile = values.record && path.resolve(values.record);
  const only = new Set(values.only.split(','));
  for (const o of only)
    if (!['memory', 'pg', 'ingest'].includes(o)) throw new Error(`--only: unknown "${o}" (memory, pg, ingest)`);
  const sizes = parseSizes(values.sizes, '--sizes');
  const pgSizes = parseSizes(values['pg-sizes'], '--pg-sizes');
  const ingestSizes = parseSizes(values['ingest-sizes'], '--ingest-sizes');
  const workerCounts = values.workers.split(',').map(Number);
  if (workerCounts.some((w) => !Number.isInteger(w) || w < 1))
    throw new Error(`--workers: "${values.workers}" is not a list of thread counts`);
  const raised = Number(values['raised-heap']);
  const timeout = Number(values.timeout);
  if (only.has('pg') && pgSizes.length > 0 && !(process.env.DATABASE_URL_TEST || process.env.DATABASE_URL)) {
    throw new Error(
      'pg sizes need DATABASE_URL_TEST or DATABASE_URL (bash tests/pg/ensure-postgres.sh prints one), or --only memory,ingest',
    );
  }
  const common = ['--seed', String(seed), '--queries', String(queries)];
  const started = new Date();
  const loadStart = loadavg();
  const runs: ChildRun[] = [];

  if (only.has('memory')) {
    let defaultFailed = false;
    for (const chars of sizes) {
      const args = ['memory', '--chars', String(chars), ...common];
      const runDefault = !defaultFailed && !values['raised-only'];
      if (runDefault) {
        const r = await measure({ kind: 'memory', chars, heap: 'default', workers: null }, args, [], timeout);
        runs.push(r);
        // Only running out of memory says the default heap is not enough; a timeout or another failure says nothing about it.
        if (r.outcome === 'out of memory') defaultFailed = true;
      }
      if (values['both-heaps'] || values['raised-only'] || defaultFailed)
        runs.push(
          await measure(
            { kind: 'memory', chars, heap: 'raised', workers: null },
            args,
            [`--max-old-space-size=${raised}`],
            timeout,
          ),
        );
    }
  }
  if (only.has('pg')) {
    for (const chars of pgSizes) {
      runs.push(
        await measure(
          { kind: 'pg', chars, heap: 'raised', workers: null },
          ['pg', '--chars', String(chars), ...common],
          [`--max-old-space-size=${raised}`],
          timeout,
        ),
      );
    }
  }
  if (only.has('ingest')) {
    for (const chars of ingestSizes) {
      for (const workers of workerCounts) {
        runs.push(
          await measure(
            { kind: 'ingest', chars, heap: null, workers },
            ['ingest', '--chars', String(chars), '--workers', String(workers), '--work', values.work, ...common],
            [`--max-old-space-size=${raised}`],
            timeout,
          ),
        );
      }
    }
  }

  await printReport(runs, workerCounts, started, loadStart, loadavg());
}

/**
 * The tables, the growth slopes and the JSON line, over runs of this invocation or recorded by
 * earlier ones (--record, --report): sizes measured in parallel invocations end in one report.
 */
async function printReport(
  runs: ChildRun[],
  workerCounts: number[],
  started: Date,
  loadStart: number[],
  loadEnd: number[],
): Promise<void> {
  console.log(
    `\nbench:scale, ${started.toISOString()}; Node ${process.version}; ${Math.round(totalmem() / 2 ** 30)} GiB; load average ${loadStart.map((l) => l.toFixed(2)).join(' ')} at the start, ${loadEnd.map((l) => l.toFixed(2)).join(' ')} at the end (each run's 1-minute load at its start: the load column)`,
  );
  const memoryRuns = runs.filter((r) => r.kind === 'memory');
  if (memoryRuns.length > 0) {
    console.log(
      '\nIn memory (index over the records; heap and typed arrays: growth during the build; heap in use: the whole heap after it, records included, against the limit; RSS: after it)',
    );
    console.log(
      '| Han chars | heap | outcome | build s | heap MB | heap in use MB | typed arrays MB | RSS MB | peak RSS MB | exported index MB | search.jsonl MB, written in s | longest line (M units) | as one string (format 2) | reloaded in s | query median ms | p99 ms | load |',
    );
    console.log('|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|');
    for (const r of memoryRuns) {
      const q = queryOf(r);
      // Runs recorded before build format 3 measured only whether one string would hold the bundle.
      const fits = r.result?.oneStringFits ?? r.result?.searchJsonFits;
      const units = r.result?.oneStringMUnits ?? r.result?.searchJsonMChars;
      const written = num(r, 'bundleMB') ? `${cell(num(r, 'bundleMB'), 0)}, ${cell(num(r, 'writeSeconds'))}` : '—';
      console.log(
        `| ${formatSize(r.chars)} | ${r.heap} (${cell(num(r, 'heapLimitMB'), 0)} MB) | ${status(r)}${r.reason ? `: ${r.reason}` : ''} | ${cell(num(r, 'buildSeconds'))} | ${cell(num(r, 'heapMB'), 0)} | ${cell(num(r, 'heapUsedMB'), 0)} | ${cell(num(r, 'buffersMB'), 0)} | ${cell(num(r, 'rssMB'), 0)} | ${cell(Math.max(num(r, 'peakRssMB') || 0, r.sampledPeakRssMB), 0)} | ${cell(num(r, 'indexMB'), 0)} | ${written} | ${cell(num(r, 'longestLineMUnits'))} | ${fits === undefined ? '—' : fits ? `fits (${String(units)} M units)` : `too long (${String(units)} M units)`} | ${cell(num(r, 'loadSeconds'))} | ${cell(q.p50, 3)} | ${cell(q.p99, 2)} | ${r.loadBefore} |`,
      );
    }
  }
  const pgRuns = runs.filter((r) => r.kind === 'pg');
  if (pgRuns.length > 0) {
    console.log(
      '\nPostgreSQL (FlexSearch postgres adapter; bytes: pg_total_relation_size of every table, indexes and TOAST included)',
    );
    console.log(
      '| Han chars | outcome | write s | on disk MB | bytes / char | rows (map + reg) | query median ms | p99 ms | peak RSS MB | load |',
    );
    console.log('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of pgRuns) {
      const q = queryOf(r);
      const tables = (r.result?.tables as Array<{ table: string; rows: number }> | undefined) ?? [];
      const rows = (name: string) => tables.filter((t) => t.table.startsWith(name)).reduce((s, t) => s + t.rows, 0);
      console.log(
        `| ${formatSize(r.chars)} | ${status(r)}${r.reason ? `: ${r.reason}` : ''} | ${cell(num(r, 'writeSeconds'))} | ${cell(num(r, 'diskMB'), 0)} | ${cell(num(r, 'bytesPerChar'))} | ${tables.length ? `${rows('map').toLocaleString('en')} + ${rows('reg').toLocaleString('en')}` : '—'} | ${cell(q.p50, 3)} | ${cell(q.p99, 2)} | ${cell(Math.max(num(r, 'peakRssMB') || 0, r.sampledPeakRssMB), 0)} | ${r.loadBefore} |`,
      );
    }
  }
  const ingestRuns = runs.filter((r) => r.kind === 'ingest');
  if (ingestRuns.length > 0) {
    console.log('\nFull ingest (ingest({ full: true }) over document folders of ~100 k chars)');
    console.log(
      '| Han chars | workers | outcome | seconds | chars/s | documents s | search index s | glossary s | peak RSS MB | load |',
    );
    console.log('|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of ingestRuns) {
      const phases = (r.result?.phases as Record<string, number> | undefined) ?? {};
      console.log(
        `| ${formatSize(r.chars)} | ${r.workers} | ${status(r)}${r.reason ? `: ${r.reason}` : ''} | ${cell(num(r, 'seconds'))} | ${cell(num(r, 'charsPerSecond'), 0)} | ${cell(phases.documents ?? Number.NaN)} | ${cell(phases.searchIndex ?? Number.NaN)} | ${cell(phases.glossary ?? Number.NaN)} | ${cell(Math.max(num(r, 'peakRssMB') || 0, r.sampledPeakRssMB), 0)} | ${r.loadBefore} |`,
      );
    }
  }

  // ------------------------------------------------------------------ growth
  const ok = (rs: ChildRun[]) => rs.filter((r) => r.outcome === 'ok');
  const pts = (rs: ChildRun[], f: (r: ChildRun) => number): Point[] =>
    ok(rs).map((r) => ({ size: num(r, 'hanChars'), value: f(r) }));
  // One point per size: the raised heap's where the default failed.
  const memBest = ok(memoryRuns).filter(
    (r, _, all) => !(r.heap === 'default' && all.some((o) => o.chars === r.chars && o.heap === 'raised')),
  );
  const slopes: Record<string, number | null> = {};
  const extrapolated: Record<string, number> = {};
  console.log('\nGrowth: cost ∝ N^k (log–log least squares over the sizes that finished; per step in brackets)');
  const series: Array<[string, Point[]]> = [
    ['memory: build time', pts(memBest, (r) => num(r, 'buildSeconds'))],
    ['memory: heap + typed arrays', pts(memBest, (r) => num(r, 'heapMB') + num(r, 'buffersMB'))],
    ['memory: exported index bytes', pts(memBest, (r) => num(r, 'indexMB'))],
    ['memory: query median', pts(memBest, (r) => queryOf(r).p50)],
    ['memory: query p99', pts(memBest, (r) => queryOf(r).p99)],
    ['pg: write time', pts(pgRuns, (r) => num(r, 'writeSeconds'))],
    ['pg: bytes on disk', pts(pgRuns, (r) => num(r, 'diskMB'))],
    ['pg: query median', pts(pgRuns, (r) => queryOf(r).p50)],
    ['pg: query p99', pts(pgRuns, (r) => queryOf(r).p99)],
    ...workerCounts.map((w): [string, Point[]] => [
      `ingest (${w} worker${w > 1 ? 's' : ''}): total time`,
      pts(
        ingestRuns.filter((r) => r.workers === w),
        (r) => num(r, 'seconds'),
      ),
    ]),
    ['memory: peak RSS', pts(memBest, (r) => Math.max(num(r, 'peakRssMB') || 0, r.sampledPeakRssMB))],
    ...workerCounts.map((w): [string, Point[]] => [
      `ingest (${w} worker${w > 1 ? 's' : ''}): peak RSS`,
      pts(
        ingestRuns.filter((r) => r.workers === w),
        (r) => Math.max(num(r, 'peakRssMB') || 0, r.sampledPeakRssMB),
      ),
    ]),
    ...workerCounts.map((w): [string, Point[]] => [
      `ingest (${w} worker${w > 1 ? 's' : ''}): glossary time`,
      pts(
        ingestRuns.filter((r) => r.workers === w),
        (r) => (r.result?.phases as Record<string, number> | undefined)?.glossary ?? Number.NaN,
      ),
    ]),
  ];
  for (const [name, points] of series) {
    if (points.length === 0) continue;
    console.log(slopeLine(name, points));
    slopes[name] = slopeOf(points);
  }
  // The 100 M figures we could not afford to measure, from the last measured point and its slope.
  const target = 100e6;
  for (const [name, points] of series) {
    const k = slopes[name];
    const last = [...points].sort((a, b) => a.size - b.size).at(-1);
    // Two points on this noisy machine give slopes of 2 and of 0.2 for the same code: no extrapolation from fewer than three.
    if (k === null || k === undefined || !last || last.size >= target || points.length < 3) continue;
    if (!/time|bytes|RSS/.test(name)) continue;
    extrapolated[name] = round(extrapolate(last, k, target), 1);
  }
  if (Object.keys(extrapolated).length > 0) {
    console.log(
      '\nExtrapolated to 100 M chars (NOT measured: last measured point × (100M / its size)^k; only series of three sizes or more):',
    );
    for (const [name, v] of Object.entries(extrapolated))
      console.log(`  ${name}: ${v.toLocaleString('en')} ${/bytes|RSS/.test(name) ? 'MB' : 's'}`);
  }
  const defaultRuns = memoryRuns.filter((r) => r.heap === 'default');
  const defaultBreak = defaultRuns.find((r) => r.outcome === 'out of memory');
  const unsettled = defaultRuns
    .filter((r) => r.outcome !== 'ok' && r.outcome !== 'out of memory')
    .map((r) => `${formatSize(r.chars)}: ${r.outcome}`);
  const lastDefaultOk = ok(defaultRuns).at(-1);
  const heapNote =
    memoryRuns.length === 0
      ? 'no in-memory runs'
      : defaultRuns.length === 0
        ? 'no run with the default heap (--raised-only): no verdict on it'
        : defaultBreak
          ? `Node's default heap: ${lastDefaultOk ? `enough at ${formatSize(lastDefaultOk.chars)}` : 'never enough'}, not at ${formatSize(defaultBreak.chars)} (${defaultBreak.outcome})`
          : `Node's default heap was enough at every size that finished (up to ${formatSize(Math.max(...ok(defaultRuns).map((r) => r.chars), 0))})${unsettled.length ? `; no verdict at ${unsettled.join(', ')}` : ''}`;
  console.log(`\n${heapNote}`);
  console.log(
    JSON.stringify({
      bench: 'scale',
      started: started.toISOString(),
      loadStart,
      loadEnd,
      runs,
      slopes,
      extrapolated,
      heapNote,
    }),
  );

  const figures: Figure[] = [];
  for (const r of ok(ingestRuns))
    figures.push(
      figure(`ingest ${formatSize(r.chars)}, ${r.workers} worker(s)`, num(r, 'charsPerSecond'), 'chars/s', 'higher'),
    );
  for (const r of memBest)
    figures.push(figure(`in memory ${formatSize(r.chars)}: query p99`, queryOf(r).p99, 'ms', 'lower'));
  for (const r of ok(pgRuns))
    figures.push(figure(`PostgreSQL ${formatSize(r.chars)}: bytes per char`, num(r, 'bytesPerChar'), 'B', 'lower'));
  await writeBenchResult({
    bench: 'scale',
    title: 'Scale: ingest, in-memory and PostgreSQL index as the corpus grows',
    figures,
    context: { heap: heapNote, load: loadStart.map((l) => l.toFixed(2)).join(' ') },
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error && !process.argv.includes('--child') ? e.message : e);
    process.exitCode = 1;
  });
}
