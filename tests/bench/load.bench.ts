/**
 * `npm run bench:load`: a bounded load test on loopback against `next start` of the production
 * build (issue "Load"; RELIABILITY.md, "Under load"). See USAGE and docs/load-test.md.
 *
 * The sequence: start `next start` on 127.0.0.1 (with gc-on-signal.mjs preloaded) → warm-up at
 * full concurrency (the index loaded, the JIT warm, the heap at its working size; every search's
 * `total` noted) → memory baseline, after full collections → the same mix at one connection (the
 * latency baseline) → the measured run (memory sampled throughout for the peak) → memory collected
 * and read until it is back near the baseline or the settle time runs out → the server stopped (on
 * error and Ctrl-C too). Prints a table and one JSON line, writes the shared result shape
 * (results.ts), and exits 1 on any error, timeout or non-2xx answer, or memory that stays up.
 */
import { readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { BuildFormatError, BuildMissingError, buildDir, getGlossary, getManifest } from '../../lib/store';
import {
  ceilingFigures,
  ceilingTable,
  endpoints,
  runAlone,
  staticChunkPath,
  verdicts,
  type EndpointFigures,
} from './load-ceiling';
import {
  describeMix,
  glossaryQueries,
  manifestDocIds,
  partition,
  requestSequence,
  type LoadKind,
  type LoadRequest,
} from './load-mix';
import { hasProductionBuild, ROOT, ServerStartError, startNextServer, type NextServer } from './next-server';
import { allowedGrowthKb, isBackNearBaseline, treeRss, type MemoryTolerance } from './proc-memory';
import { figure, writeBenchResult, type Figure } from './results';
import { summarise, type LatencySummary } from './stats';

/**
 * How far above its warm baseline the server's memory may stay after the run, read after full
 * collections. Two readings, because they answer different questions (docs/load-test.md):
 *
 * - The JS heap in use is what the app's code keeps: the leak check. Measured after 30 s and 90 s
 *   runs: 2.6–3.1 MB above a baseline of 58–64 MB, the same for 7,000 requests as for 22,000; over
 *   seven 15 s rounds against one server it levels off (+1.5 MB from the first round to the
 *   seventh). Tried with a leak put into the search route (a 1 kB string kept per request): +5.4 MB
 *   in a 30 s run, which the 5 MB bound fails.
 * - RSS is what the machine pays. After a run at 50 connections it stays 30–47 MB above the warm
 *   baseline however long the server then idles, while the heap is back: the allocator keeps the
 *   pages 50 concurrent renders needed (the RSS peak is twice the baseline), and over the seven
 *   rounds it levels off rather than climbing. So its bound is looser, max(30%, 64 MB): it
 *   catches native memory that grows with the run, not the allocator's working size.
 */
export const HEAP_TOLERANCE: MemoryTolerance = { fraction: 0.05, minKb: 5 * 1024 };
export const RSS_TOLERANCE: MemoryTolerance = { fraction: 0.3, minKb: 64 * 1024 };

const tolerance = (t: MemoryTolerance) => `max(${t.fraction * 100}% of the baseline, ${t.minKb / 1024} MB)`;

/**
 * Rounds the endpoints alone are interleaved in. Two, not more: a slice ends with the requests
 * still in flight dropped, and a page rendered per request on a loaded machine (seconds at 50
 * connections) answered nothing in 3 s slices.
 */
const ALONE_ROUNDS = 2;

const USAGE = `npm run bench:load -- [options]

Load-tests \`next start\` of the production build in .next/ on 127.0.0.1: /api/search with real
queries from the build's glossary (Chinese, traditional, pinyin with and without tones, English,
multi-term and quoted phrases) mixed with reader pages (/en/read/<id>) of every document.
It does not build: run \`npx next build\` first; without .next/BUILD_ID it says so and exits 2.
The build folder is DUIZHAO_BUILD, or build/, as for the app; the server is given the same.

  --port N               port for the \`next start\` it starts on 127.0.0.1 (default 3200)
  --seconds N            length of the measured run (default 30)
  --connections N        concurrent connections of the measured run (default 50)
  --warmup-seconds N     warm-up at the same concurrency before anything is measured (default 5)
  --baseline-seconds N   the same mix at 1 connection, the latency baseline (default 10; 0: none)
  --settle-seconds N     how long memory may take to come back after the run (default 30;
                         it is read for 12 s at least, as the baseline is)
  --reader-share F       share of requests that are reader pages (default 0.2)
  --terms N              glossary entries the queries are drawn from (default 40)
  --timeout N            seconds before a request counts as timed out (default 10)
  --alone-seconds N      after the memory check, each target endpoint alone at the same
                         concurrency for N s (default 16, in ${ALONE_ROUNDS} interleaved rounds; 0: none): a static JS chunk (the
                         server's ceiling), the library page, reader pages, /api/search?q=合作;
                         each one's req/s is printed as a share of the chunk's, beside the
                         targets (pages ≥ 25%, search ≥ 50%, p99 < 100 ms, no error)
  --enforce-targets      fail the run when one of those targets is not met (default: reported)
  --reader-p99-budget MS the reader pages' p99 latency this run may reach: over it, the run fails.
                         Without it the figure is tracked (printed beside its 1-connection
                         baseline, and in the JSON line as readerP99) but fails nothing
  --help                 this text

Exit code 0: no error, timeout or non-2xx answer, the reader pages' p99 within its budget when one
is given, and memory (RSS of the server's process tree)
back near its warm baseline after full collections: the JS heap in use within
${tolerance(HEAP_TOLERANCE)}, RSS of the server's process tree within ${tolerance(RSS_TOLERANCE)}; 1: one of these failed (the reason is
printed); 2: it could not run (no build, port taken, server did not start).`;

const KINDS: readonly LoadKind[] = ['search', 'reader'];

interface RunFigures {
  connections: number;
  seconds: number;
  requests: number;
  /** autocannon's mean of requests completed per second. */
  rps: number;
  bytesPerSecond: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Every response, and each kind's, in ms (measured per request, from autocannon's hooks). */
  latency: LatencySummary;
  /**
   * Per kind. `timeouts`: requests of the kind cut off by the timeout, which no percentile above
   * includes; `p99WithTimeouts`: the p99 with each of them counted at the timeout (a lower bound).
   */
  byKind: Record<LoadKind, LatencySummary & { rps: number; non2xx: number; timeouts: number; p99WithTimeouts: number }>;
  /** The first few distinct request errors, to print. */
  errorMessages: string[];
  /** The first few paths answered with a non-2xx status, and the status. */
  failedPaths: Map<string, number>;
  /** Search paths and the `total` they answered (only when asked for, in the warm-up). */
  totals: Map<string, number>;
  /** The three slowest requests, and when each was sent (s into the run). */
  slowest: Array<{ path: string; ms: number; at: number }>;
  /** Seconds autocannon took to set up its connections. */
  setupSeconds: number;
  /**
   * How late the load generator's own event loop ran (ms): when it is late, so are the latencies
   * it measures, whatever the server did.
   */
  clientLoopDelay: { p99: number; max: number };
}

/** `total` of a search answer, or null when the body is not one. */
function searchTotal(body: string): number | null {
  try {
    const total = (JSON.parse(body) as { total?: unknown }).total;
    return typeof total === 'number' ? total : null;
  } catch {
    return null;
  }
}

/**
 * One autocannon run of the mix. Each connection cycles its own part of the sequence, so the
 * server sees different requests at once and the whole mix in every round. Latency per kind: a
 * request's `onResponse` hook runs, synchronously, just before autocannon emits that response's
 * time, so the hook names the kind.
 */
async function runMix(
  url: string,
  sequence: readonly LoadRequest[],
  connections: number,
  seconds: number,
  timeout: number,
  recordTotals = false,
): Promise<RunFigures> {
  let lastKind: LoadKind | null = null;
  let lastPath = '';
  let lastOk = true;
  const slowest: Array<{ path: string; ms: number; at: number }> = [];
  const t0 = performance.now();
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  let startedAt = Number.NaN;
  const latencies: Record<LoadKind, number[]> = { search: [], reader: [] };
  const non2xxByKind: Record<LoadKind, number> = { search: 0, reader: 0 };
  const timeoutsByKind: Record<LoadKind, number> = { search: 0, reader: 0 };
  const totals = new Map<string, number>();
  const errorMessages = new Set<string>();
  const failedPaths = new Map<string, number>();
  const asRequests = (part: readonly LoadRequest[]): autocannon.Request[] =>
    part.map((r) => ({
      method: 'GET',
      path: r.path,
      onResponse: (status: number, body: string) => {
        lastKind = r.kind;
        lastPath = r.path;
        lastOk = status >= 200 && status < 300;
        if (!lastOk && failedPaths.size < 10) failedPaths.set(r.path, status);
        if (recordTotals && r.kind === 'search' && lastOk) {
          const total = searchTotal(body);
          if (total !== null) totals.set(r.path, total);
        }
      },
    }));
  const parts = partition(sequence, connections);
  let clients = 0;
  let instance!: autocannon.Instance;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        timeout,
        // Each connection is given its own part here, not the sequence in `requests`: autocannon
        // sets up its connections one after another, each one's clock running from its first
        // request, and copying and encoding the whole sequence for each of 50 connections made the
        // first requests of a run up to 1.6 s slower (measured).
        setupClient: (client) => {
          const part = parts[clients++ % parts.length] ?? [];
          client.setRequests(asRequests(part));
          // Which kind a timeout cut off: a client sends its part in order, one request at a time
          // (no pipelining), so the last one it sent. autocannon reports timeouts only in total.
          let sent = 0;
          // autocannon's types name only headers, body and response; its client (lib/httpClient.js) emits these too.
          const events = client as unknown as NodeJS.EventEmitter;
          events.on('request', () => sent++);
          events.on('timeout', () => {
            const cut = part[(sent - 1) % part.length];
            if (cut) timeoutsByKind[cut.kind]++;
          });
        },
      },
      (error: unknown, result) =>
        error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(result),
    );
  });
  instance.on('response', (_client, _status, _bytes, ms) => {
    if (lastKind === null) return;
    latencies[lastKind].push(ms);
    if (!lastOk) non2xxByKind[lastKind]++;
    if (slowest.length < 3 || ms > slowest.at(-1)!.ms) {
      slowest.push({ path: lastPath, ms, at: (performance.now() - t0 - ms) / 1000 });
      slowest.sort((a, b) => b.ms - a.ms);
      slowest.length = Math.min(slowest.length, 3);
    }
    lastKind = null;
  });
  instance.on('start', () => {
    startedAt = (performance.now() - t0) / 1000;
  });
  instance.on('reqError', (error: unknown) => {
    if (errorMessages.size < 5) errorMessages.add(error instanceof Error ? error.message : String(error));
  });
  const result = await done;
  loopDelay.disable();
  const duration = result.duration || seconds;
  return {
    connections,
    seconds: duration,
    requests: result.requests.total,
    rps: result.requests.average,
    bytesPerSecond: result.throughput.average,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    latency: summarise([...latencies.search, ...latencies.reader]),
    byKind: Object.fromEntries(
      KINDS.map((k) => [
        k,
        {
          ...summarise(latencies[k]),
          rps: latencies[k].length / duration,
          non2xx: non2xxByKind[k],
          timeouts: timeoutsByKind[k],
          p99WithTimeouts: summarise([...latencies[k], ...Array<number>(timeoutsByKind[k]).fill(timeout * 1000)]).p99,
        },
      ]),
    ) as RunFigures['byKind'],
    errorMessages: [...errorMessages],
    failedPaths,
    totals,
    slowest,
    setupSeconds: startedAt,
    clientLoopDelay: { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 },
  };
}

// ---------------------------------------------------------------------------------------------
// Memory

const MB = 1024;
const mb = (kb: number) => kb / MB;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The preload that makes the server collect its garbage on SIGUSR2; no code of the app changes. */
const GC_PRELOAD = pathToFileURL(path.join(import.meta.dirname, 'gc-on-signal.mjs')).href;

/** How long a collection's report may take to appear. */
const REPORT_TIMEOUT_MS = 30_000;

/** Where the preload writes the server's memory use after each collection (one file per run). */
const GC_REPORT = path.join(tmpdir(), `duizhao-load-gc-${process.pid}.json`);

/** What `npm start` preloads (the pages' cache, the request guard, the peer's address): the app as it ships. */
const START_PRELOAD = pathToFileURL(path.join(ROOT, 'lib/security/peer-preload.mjs')).href;

const serverEnv = (): Record<string, string> => ({
  NODE_OPTIONS: [process.env.NODE_OPTIONS, `--import=${START_PRELOAD}`, `--import=${GC_PRELOAD}`]
    .filter(Boolean)
    .join(' '),
  DUIZHAO_GC_REPORT: GC_REPORT,
});

/** Memory after a full collection: the tree's RSS, and the JS heap in use in `next start`. */
interface Reading {
  rssKb: number;
  heapKb: number;
}

/** The JS heap the preload last reported, written after `since` (ms); null when none is. */
function reportedHeapKb(since: number): number | null {
  try {
    const report = JSON.parse(readFileSync(GC_REPORT, 'utf8')) as { heapUsed: number; at: number };
    return report.at >= since ? report.heapUsed / 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Memory after a full collection in the server: what it keeps, not where V8's collector happens to
 * be (measured: an idle server's RSS does not move for 30 s after a run; with a trickle of requests
 * V8 shrinks it 18–33 s later; a collection does it in under a second). Only `next start` itself is
 * signalled: in Next 16 it is the whole tree (measured), and a child would be summed, not collected.
 */
async function collected(pid: number): Promise<Reading> {
  const sent = Date.now();
  process.kill(pid, 'SIGUSR2');
  await sleep(1000);
  // A server still working through queued requests (the machine loaded to 12) handles the signal
  // late: wait for its report rather than read a stale one.
  let heapKb = reportedHeapKb(sent);
  while (heapKb === null && Date.now() - sent < REPORT_TIMEOUT_MS) {
    await sleep(100);
    heapKb = reportedHeapKb(sent);
  }
  if (heapKb === null)
    throw new Error(
      `next start did not report its heap within ${REPORT_TIMEOUT_MS / 1000} s of a collection (${GC_REPORT}); is gc-on-signal.mjs preloaded?`,
    );
  return { rssKb: treeRss(pid).kb, heapKb };
}

/**
 * How long memory is read, after full collections every 2 s, for the baseline and after the run:
 * for some seconds after traffic even a collected reading stands about 30 MB above where the
 * server settles (measured: it drops 7–11 s after the end of a run). The lowest reading counts.
 */
const MEMORY_WINDOW_SECONDS = 12;

/** The lowest of each reading over a trace. */
const lowest = (trace: readonly Reading[]): Reading => ({
  rssKb: Math.min(...trace.map((r) => r.rssKb)),
  heapKb: Math.min(...trace.map((r) => r.heapKb)),
});

/** Whether both readings are back within their tolerances of the baseline's. */
const isBack = (baseline: Reading, now: Reading) =>
  isBackNearBaseline(baseline.heapKb, now.heapKb, HEAP_TOLERANCE) &&
  isBackNearBaseline(baseline.rssKb, now.rssKb, RSS_TOLERANCE);

/** The lowest collected readings over `MEMORY_WINDOW_SECONDS`. */
async function baselineMemory(pid: number): Promise<{ reading: Reading; trace: Reading[] }> {
  const t0 = Date.now();
  const trace: Reading[] = [];
  do {
    trace.push(await collected(pid));
    await sleep(1000);
  } while ((Date.now() - t0) / 1000 < MEMORY_WINDOW_SECONDS);
  return { reading: lowest(trace), trace };
}

/** Samples the tree's RSS every `everyMs` until stopped; returns the highest reading. */
function rssSampler(pid: number, everyMs = 500): { stop: () => number; processes: () => number } {
  let peak = 0;
  let processes = 0;
  const sample = () => {
    const now = treeRss(pid);
    peak = Math.max(peak, now.kb);
    processes = Math.max(processes, now.pids.length);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return peak;
    },
    processes: () => processes,
  };
}

/**
 * The lowest collected readings after the run, read as the baseline was, and on for up to
 * `seconds` while they are not back near the baseline.
 */
async function settledMemory(
  pid: number,
  baseline: Reading,
  seconds: number,
): Promise<{ reading: Reading; afterSeconds: number; trace: Reading[] }> {
  const t0 = Date.now();
  const trace: Reading[] = [];
  for (;;) {
    trace.push(await collected(pid));
    const reading = lowest(trace);
    const elapsed = (Date.now() - t0) / 1000;
    if (
      (elapsed >= MEMORY_WINDOW_SECONDS && isBack(baseline, reading)) ||
      elapsed >= Math.max(seconds, MEMORY_WINDOW_SECONDS)
    ) {
      return { reading, afterSeconds: elapsed, trace };
    }
    await sleep(1000);
  }
}

// ---------------------------------------------------------------------------------------------
// Report

const ms = (v: number) => (Number.isNaN(v) ? '—' : v.toFixed(1));
const row = (cells: Array<string | number>, widths: readonly number[]) =>
  cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!))).join('  ');

function latencyTable(run: RunFigures, label: string): string[] {
  const widths = [28, 8, 9, 8, 8, 8, 8, 7];
  const lines = [row(['latency (ms)', 'requests', 'req/s', 'p50', 'p90', 'p99', 'max', 'non-2xx'], widths)];
  lines.push(
    row(
      [
        `all, ${label}`,
        run.latency.n,
        run.rps.toFixed(0),
        ms(run.latency.p50),
        ms(run.latency.p90),
        ms(run.latency.p99),
        ms(run.latency.max),
        run.non2xx,
      ],
      widths,
    ),
  );
  for (const k of KINDS) {
    const s = run.byKind[k];
    lines.push(
      row(
        [
          `  ${k === 'search' ? '/api/search' : 'reader page'}`,
          s.n,
          s.rps.toFixed(0),
          ms(s.p50),
          ms(s.p90),
          ms(s.p99),
          ms(s.max),
          s.non2xx,
        ],
        widths,
      ),
    );
  }
  return lines;
}

interface Memory {
  /** After the warm-up, collected (the lowest readings over MEMORY_WINDOW_SECONDS). */
  baseline: Reading;
  peakKb: number;
  /** RSS right after the run, as it stands. */
  uncollectedKb: number;
  /** After the run, collected, read as the baseline was: what is compared with it. */
  after: Reading;
  afterSeconds: number;
  processes: number;
  trace: Reading[];
}

function figures(run: RunFigures, base: RunFigures | null, memory: Memory): Figure[] {
  const c1 = (name: string, value: number | undefined) =>
    base && value !== undefined && !Number.isNaN(value) ? { name: `${name}, 1 connection`, value } : undefined;
  const out: Figure[] = [
    figure(`requests/s, ${run.connections} connections`, run.rps, 'req/s', 'higher', c1('requests/s', base?.rps)),
    figure('latency p50, all', run.latency.p50, 'ms', 'lower', c1('latency p50, all', base?.latency.p50)),
    figure('latency p90, all', run.latency.p90, 'ms', 'lower', c1('latency p90, all', base?.latency.p90)),
    figure('latency p99, all', run.latency.p99, 'ms', 'lower', c1('latency p99, all', base?.latency.p99)),
    figure('latency max, all', run.latency.max, 'ms', 'lower'),
  ];
  for (const k of KINDS) {
    const name = k === 'search' ? '/api/search' : 'reader page';
    for (const p of ['p50', 'p90', 'p99'] as const)
      out.push(
        figure(`${name} latency ${p}`, run.byKind[k][p], 'ms', 'lower', c1(`${name} latency ${p}`, base?.byKind[k][p])),
      );
    out.push(figure(`${name} latency max`, run.byKind[k].max, 'ms', 'lower'));
    out.push(
      figure(`${name} requests/s`, run.byKind[k].rps, 'req/s', 'higher', c1(`${name} requests/s`, base?.byKind[k].rps)),
    );
  }
  const baseline = { name: 'server RSS before the run (warm, collected)', value: mb(memory.baseline.rssKb) };
  out.push(
    figure('errors', run.errors, 'count', 'lower'),
    figure('timeouts', run.timeouts, 'count', 'lower'),
    figure('non-2xx responses', run.non2xx, 'count', 'lower'),
    figure('throughput', run.bytesPerSecond / 1024 / 1024, 'MB/s', 'higher'),
    figure('server RSS, peak during the run', mb(memory.peakKb), 'MB', 'lower', baseline),
    figure('server RSS right after the run (not collected)', mb(memory.uncollectedKb), 'MB', 'lower', baseline),
    figure('server RSS after the run (collected)', mb(memory.after.rssKb), 'MB', 'lower', baseline),
    figure('server JS heap in use after the run (collected)', mb(memory.after.heapKb), 'MB', 'lower', {
      name: 'JS heap in use before the run (warm, collected)',
      value: mb(memory.baseline.heapKb),
    }),
  );
  return out;
}

/**
 * Why the run fails, or nothing when it passes. The warm-up passes no `memory` and is held to its
 * answers only: on a machine loaded to 15 (other work, 2 cores) a reader page at 50 connections
 * took over the warm-up's 5 s, so none had completed yet, which says nothing about the server.
 */
/**
 * The reader pages' p99 as tracked: the figure, its 1-connection baseline, and whether it is within
 * the budget given (null: none given, tracked only). Reader pages are the slow part of the mix
 * (p99 13.5 s at 100 connections in an adversarial test, with no error), so this is the figure
 * to watch; making it fast is the performance work's, this only keeps it in sight.
 */
export function readerP99(
  run: Pick<RunFigures, 'connections' | 'byKind'>,
  base: Pick<RunFigures, 'byKind'> | null,
  budgetMs: number | null,
) {
  const { timeouts } = run.byKind.reader;
  // Pages cut off by the timeout count, at the timeout: a p99 of the answered pages alone would
  // look better the more pages never came back.
  const ms = timeouts > 0 ? run.byKind.reader.p99WithTimeouts : run.byKind.reader.p99;
  const baselineMs = base ? base.byKind.reader.p99 : null;
  const within = budgetMs === null ? null : run.byKind.reader.n > 0 && ms <= budgetMs;
  const against = baselineMs === null || Number.isNaN(baselineMs) ? '' : ` (1 connection: ${baselineMs.toFixed(0)} ms)`;
  const cut =
    timeouts > 0 ? ` (≥: ${timeouts} page${timeouts === 1 ? '' : 's'} timed out, counted at the timeout)` : '';
  const verdict =
    budgetMs === null
      ? 'tracked, no budget given'
      : within
        ? `within the ${budgetMs} ms budget`
        : `OVER the ${budgetMs} ms budget`;
  return {
    ms,
    timeouts,
    baselineMs,
    budgetMs,
    within,
    connections: run.connections,
    line: `reader pages p99: ${ms.toFixed(0)} ms at ${run.connections} connections${cut}${against}; ${verdict}`,
  };
}

function failures(run: RunFigures, memory: Memory | null, budgetMs: number | null = null): string[] {
  const out: string[] = [];
  const reader = readerP99(run, null, budgetMs);
  if (memory && reader.within === false) out.push(`${reader.line} (--reader-p99-budget)`);
  if (run.errors > 0)
    out.push(`${run.errors} request errors (${run.timeouts} of them timeouts): ${run.errorMessages.join('; ')}`);
  if (run.non2xx > 0) {
    const paths = [...run.failedPaths].map(([p, status]) => `${status} ${decodeURIComponent(p)}`).join(', ');
    out.push(
      `${run.non2xx} non-2xx responses (search ${run.byKind.search.non2xx}, reader page ${run.byKind.reader.non2xx}), e.g. ${paths}`,
    );
  }
  if (memory) for (const k of KINDS) if (run.byKind[k].n === 0) out.push(`no ${k} request completed`);
  if (memory) {
    const checks = [
      {
        what: 'the JS heap in use',
        baselineKb: memory.baseline.heapKb,
        afterKb: memory.after.heapKb,
        tolerance: HEAP_TOLERANCE,
      },
      { what: 'RSS', baselineKb: memory.baseline.rssKb, afterKb: memory.after.rssKb, tolerance: RSS_TOLERANCE },
    ];
    for (const { what, baselineKb, afterKb, tolerance } of checks) {
      if (isBackNearBaseline(baselineKb, afterKb, tolerance)) continue;
      out.push(
        `memory did not come back: ${what} is ${mb(afterKb).toFixed(0)} MB ${memory.afterSeconds.toFixed(0)} s after the run, against a baseline of ${mb(baselineKb).toFixed(0)} MB (allowed: +${mb(allowedGrowthKb(baselineKb, tolerance)).toFixed(0)} MB)`,
      );
    }
  }
  return out;
}

const traceMb = (r: Reading) => ({ rss: Math.round(mb(r.rssKb)), heap: Math.round(mb(r.heapKb) * 10) / 10 });

const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

// ---------------------------------------------------------------------------------------------

function options() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '3200' },
      seconds: { type: 'string', default: '30' },
      connections: { type: 'string', default: '50' },
      'warmup-seconds': { type: 'string', default: '5' },
      'baseline-seconds': { type: 'string', default: '10' },
      'settle-seconds': { type: 'string', default: '30' },
      'reader-share': { type: 'string', default: '0.2' },
      terms: { type: 'string', default: '40' },
      timeout: { type: 'string', default: '10' },
      'reader-p99-budget': { type: 'string' },
      'alone-seconds': { type: 'string', default: '16' },
      'enforce-targets': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const number = (name: keyof typeof values, min: number, max: number): number => {
    const n = Number(values[name]);
    if (!Number.isFinite(n) || n < min || n > max)
      throw new UsageError(`--${name} must be a number from ${min} to ${max}`);
    return n;
  };
  return {
    help: values.help === true,
    port: number('port', 1024, 65535),
    seconds: number('seconds', 1, 600),
    connections: number('connections', 1, 1000),
    warmupSeconds: number('warmup-seconds', 1, 120),
    baselineSeconds: number('baseline-seconds', 0, 120),
    settleSeconds: number('settle-seconds', 0, 300),
    readerShare: number('reader-share', 0, 0.95),
    terms: number('terms', 1, 10_000),
    timeout: number('timeout', 1, 60),
    aloneSeconds: number('alone-seconds', 0, 120),
    enforceTargets: values['enforce-targets'] === true,
    readerP99BudgetMs: values['reader-p99-budget'] === undefined ? null : number('reader-p99-budget', 1, 600_000),
  };
}

class UsageError extends Error {}

async function main(): Promise<number> {
  const opts = options();
  if (opts.help) {
    console.log(USAGE);
    return 0;
  }
  const log = (line: string) => process.stderr.write(`${line}\n`);
  if (!hasProductionBuild()) {
    log(
      `No production build: ${path.join(ROOT, '.next', 'BUILD_ID')} is missing. Run \`npx next build\` first (this test does not build).`,
    );
    return 2;
  }
  const [glossary, manifest] = await Promise.all([getGlossary(), getManifest()]);
  const queries = glossaryQueries(glossary, opts.terms);
  const docIds = manifestDocIds(manifest);
  if (queries.length === 0) throw new Error(`${buildDir()}/glossary.json has no terms to search for`);
  const sequence = requestSequence(
    queries.map((q) => q.query),
    docIds,
    opts.readerShare,
  );
  const mix = describeMix(queries, docIds, sequence);

  log(`build ${buildDir()}; starting next start on 127.0.0.1:${opts.port}`);
  let server: NextServer | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping the server`);
    void (server?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    server = await startNextServer(opts.port, { env: serverEnv() });
    const { url, pid } = server;
    const loadBefore = loadAverage();

    log(`warm-up: ${opts.warmupSeconds} s at ${opts.connections} connections`);
    const warmup = await runMix(url, sequence, opts.connections, opts.warmupSeconds, opts.timeout, true);
    const withHits = [...warmup.totals.values()].filter((t) => t > 0).length;

    const warmupFailures = failures(warmup, null);
    if (warmupFailures.length > 0) {
      console.log(`FAIL in the warm-up\n${warmupFailures.map((w) => `  - ${w}`).join('\n')}`);
      return 1;
    }

    const baseline = await baselineMemory(pid);
    // The 1-connection run after the collections, so that the measured run starts on a server that
    // has just been serving, as it would in use.
    let base: RunFigures | null = null;
    if (opts.baselineSeconds > 0) {
      log(`baseline: ${opts.baselineSeconds} s at 1 connection`);
      base = await runMix(url, sequence, 1, opts.baselineSeconds, opts.timeout);
    }

    log(
      `measured run: ${opts.seconds} s at ${opts.connections} connections (memory baseline: RSS ${mb(baseline.reading.rssKb).toFixed(0)} MB, JS heap ${mb(baseline.reading.heapKb).toFixed(0)} MB)`,
    );
    const sampler = rssSampler(pid);
    const run = await runMix(url, sequence, opts.connections, opts.seconds, opts.timeout);
    const loadAfter = loadAverage();
    const peakKb = sampler.stop();
    const uncollectedKb = treeRss(pid).kb;
    log(`waiting up to ${opts.settleSeconds} s for memory to come back`);
    const settled = await settledMemory(pid, baseline.reading, opts.settleSeconds);
    const memory: Memory = {
      baseline: baseline.reading,
      peakKb,
      uncollectedKb,
      after: settled.reading,
      afterSeconds: settled.afterSeconds,
      processes: sampler.processes(),
      trace: settled.trace,
    };

    // The targets, each endpoint alone: after the memory check, which they would otherwise disturb.
    const alone: EndpointFigures[] =
      opts.aloneSeconds > 0
        ? await runAlone(
            url,
            endpoints(await staticChunkPath(url), docIds),
            opts.connections,
            opts.aloneSeconds,
            opts.timeout,
            ALONE_ROUNDS,
            log,
          )
        : [];
    const missed = verdicts(alone).filter((v) => !v.met);
    const why = [
      ...failures(run, memory, opts.readerP99BudgetMs),
      ...(opts.enforceTargets ? missed.map((v) => `target not met: ${v.name} (--enforce-targets)`) : []),
    ];
    const reader = readerP99(run, base, opts.readerP99BudgetMs);
    const context = {
      mix,
      connections: opts.connections,
      seconds: opts.seconds,
      'load average before (1, 5, 15 min)': loadBefore,
      'load average after': loadAfter,
      'server processes': memory.processes,
      'memory tolerance': `JS heap ${tolerance(HEAP_TOLERANCE)}; RSS ${tolerance(RSS_TOLERANCE)}`,
      'queries with hits (warm-up)': `${withHits}/${warmup.totals.size}`,
      build: buildDir(),
    };
    console.log(`\nLoad test: next start on 127.0.0.1, ${opts.connections} connections for ${opts.seconds} s`);
    console.log(`mix: ${mix}`);
    const noHits = [...warmup.totals]
      .filter(([, total]) => total === 0)
      .map(([p]) => decodeURIComponent(p.slice(p.indexOf('=') + 1)));
    console.log(
      `queries with hits: ${withHits} of ${warmup.totals.size} (answered in the warm-up)${noHits.length > 0 ? `; none for ${noHits.map((q) => JSON.stringify(q)).join(', ')}` : ''}`,
    );
    console.log(`load average before ${loadBefore}, after ${loadAfter} (2 cores, shared with other work)\n`);
    for (const line of latencyTable(run, `${opts.connections} conn.`)) console.log(line);
    if (base) for (const line of latencyTable(base, '1 conn. (baseline)').slice(1)) console.log(line);
    console.log(reader.line);
    console.log(
      `load generator: set up in ${run.setupSeconds.toFixed(2)} s; its event loop late by ${run.clientLoopDelay.p99.toFixed(0)} ms at p99, ${run.clientLoopDelay.max.toFixed(0)} ms at most`,
    );
    console.log(
      `slowest: ${run.slowest.map((r) => `${decodeURIComponent(r.path)} ${r.ms.toFixed(0)} ms (sent at ${r.at.toFixed(1)} s)`).join('; ')}`,
    );
    console.log(
      `\nerrors ${run.errors}, timeouts ${run.timeouts}, non-2xx ${run.non2xx}; ${(run.bytesPerSecond / 1024 / 1024).toFixed(2)} MB/s; ${run.requests} requests in ${run.seconds} s`,
    );
    console.log(
      `server memory (RSS of ${memory.processes} process${memory.processes === 1 ? '' : 'es'}): baseline ${mb(memory.baseline.rssKb).toFixed(0)} MB (collected), peak ${mb(memory.peakKb).toFixed(0)} MB, ` +
        `right after ${mb(memory.uncollectedKb).toFixed(0)} MB, after ${mb(memory.after.rssKb).toFixed(0)} MB (collected, ${memory.afterSeconds.toFixed(0)} s after the run; allowed +${mb(allowedGrowthKb(memory.baseline.rssKb, RSS_TOLERANCE)).toFixed(0)} MB)\n` +
        `JS heap in use (collected): baseline ${mb(memory.baseline.heapKb).toFixed(1)} MB, after ${mb(memory.after.heapKb).toFixed(1)} MB (allowed +${mb(allowedGrowthKb(memory.baseline.heapKb, HEAP_TOLERANCE)).toFixed(0)} MB)`,
    );
    if (alone.length > 0) {
      console.log('');
      for (const line of ceilingTable(alone, opts.connections)) console.log(line);
    }
    console.log(why.length === 0 ? '\nPASS' : `\nFAIL\n${why.map((w) => `  - ${w}`).join('\n')}`);

    const result = {
      bench: 'load',
      title: 'Load: /api/search and a reader page on next start',
      figures: [...figures(run, base, memory), ...ceilingFigures(alone)],
      context,
    };
    const { line: _line, ...readerFigures } = reader;
    console.log(
      JSON.stringify({
        ...result,
        pass: why.length === 0,
        failures: why,
        readerP99: readerFigures,
        alone: verdicts(alone),
        memoryTraceMB: { baseline: baseline.trace.map(traceMb), after: memory.trace.map(traceMb) },
      }),
    );
    await writeBenchResult(result);
    return why.length === 0 ? 0 : 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await server?.stop();
    rmSync(GC_REPORT, { force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
      else if (
        error instanceof BuildMissingError ||
        error instanceof BuildFormatError ||
        error instanceof ServerStartError
      )
        console.error(error.message);
      else console.error(error);
      process.exitCode = 2;
    },
  );
}
