/**
 * `npm run bench:search`: search speed and memory, in process, on
 *   (a) the real corpus: the records of build/search.jsonl (`--build DIR`; by default the build
 *       DUIZHAO_BUILD names, else build/), and
 *   (b) a synthetic corpus of at least 10 million Chinese characters that are not one text
 *       repeated: seeded random sentences of CC-CEDICT headwords (the commonest function words
 *       mixed in at their usual rates, so 的 is as frequent as in real text), English made of the
 *       headwords' senses, pinyin from their CEDICT readings (`--chars N` changes the size);
 * each next to a plain substring scan over the same records, in the same run. Prints a table and
 * one JSON line. Every query is run once, cold (no result cache): the searcher is warmed up on a
 * different query set first, so the JIT is warm but no answer is.
 *
 *   --server URL --concurrency N --requests M
 *       instead: M requests `GET URL/api/search?q=…` (the same query sets, from the real corpus),
 *       N at a time; prints p50 and p99 latency and the status counts.
 */
import { loadavg } from 'node:os';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { Converter as ToTraditional } from 'opencc-js/cn2t';
import type { IndexBundle, PairRecord } from '../../lib/model';
import { englishWords, toSimplified } from '../../lib/search/encode';
import { BUNDLE_FILE, loadSearcher, readBundleFile, searcherOver, type Searcher } from '../../lib/search/index';
import { hanSlots } from '../../lib/search/pinyin';
import { configureStore, getSearcher } from '../../lib/store';
import { sentenceHits } from '../../lib/store/search-hits';
import { gzipSync } from 'node:zlib';
import { seededRandom } from '../fixtures/random';
import { figure, writeBenchResult, type Figure } from './results';
import { percentile } from './stats';
import { syntheticRecords } from './synthetic';
import { runBench, UsageError } from './usage';

const USAGE = `npm run bench:search [-- options]: search in process, each query once, cold, beside a plain substring
scan of the same records, on the real corpus and on a synthetic corpus; a table and one JSON line.

  --build DIR           the build whose search.jsonl is the real corpus (default: DUIZHAO_BUILD, else build)
  --chars N             Han characters of the synthetic corpus (default 10000000: minutes and about 1.6 GB)
  --skip-synthetic      the real corpus only
  --queries N           queries of the mix per corpus (default 1000; the synthetic one adds a tenth as many
                        typed in traditional)
  --scan-queries N      how many of the synthetic corpus's queries the plain scan runs too (default 100)
  --server URL          instead: send the real corpus's queries to URL/api/search and print the latency
  --concurrency N       with --server: requests at a time (default 8)
  --requests M          with --server: requests in all (default 2000)
  -h, --help            this text`;

const HAN = /\p{Script=Han}/u;

const rng = seededRandom;

const pick = <T>(xs: readonly T[], r: () => number): T => xs[Math.floor(r() * xs.length)] as T;

interface QueryCase {
  query: string;
  kind: string;
}

// ---------------------------------------------------------------------------------------------
// Queries

/** A Han run of a record, at random, by code points. */
function hanRun(record: PairRecord, r: () => number): string[] | null {
  const runs = record.zh.split(/[^\p{Script=Han}]+/u).filter((x) => x !== '');
  return runs.length === 0 ? null : Array.from(pick(runs, r));
}

function substringOf(chars: string[], length: number, r: () => number): string | null {
  if (chars.length < length) return null;
  const at = Math.floor(r() * (chars.length - length + 1));
  return chars.slice(at, at + length).join('');
}

/** A run of 1–3 syllables of a record's pinyin line, typed run together (hezuo) or spaced. */
function pinyinOf(record: PairRecord, syllableCount: number, r: () => number): string | null {
  const runs = (record.pinyin ?? '')
    .split('|')
    .map((run) => run.split(' '))
    .filter((run) => run.length >= syllableCount && !run.includes('?'));
  if (runs.length === 0) return null;
  const run = pick(runs, r);
  const at = Math.floor(r() * (run.length - syllableCount + 1));
  return run.slice(at, at + syllableCount).join(r() < 0.5 ? '' : ' ');
}

function englishOf(record: PairRecord, wordCount: number, r: () => number): string | null {
  const words = englishWords(record.en).map((w) => record.en.slice(w.start, w.end));
  if (words.length < wordCount) return null;
  const at = Math.floor(r() * (words.length - wordCount + 1));
  return words.slice(at, at + wordCount).join(' ');
}

/**
 * The fixed query mix: drawn from random records, so frequent characters and words come up as
 * often as they occur (the single-common-character case included), plus queries that are absent.
 */
export function querySet(records: readonly PairRecord[], count: number, seed: number): QueryCase[] {
  const r = rng(seed);
  const out: QueryCase[] = [];
  const seen = new Set<string>();
  const makers: Array<[string, (rec: PairRecord) => string | null]> = [
    ['zh 1 char', (rec) => substringOf(hanRun(rec, r) ?? [], 1, r)],
    ['zh 2 chars', (rec) => substringOf(hanRun(rec, r) ?? [], 2, r)],
    ['zh 4 chars', (rec) => substringOf(hanRun(rec, r) ?? [], 4, r)],
    [
      'zh traditional',
      (rec) => {
        if (rec.zhOriginal === undefined) return null;
        return substringOf(hanRun({ ...rec, zh: rec.zhOriginal }, r) ?? [], 2, r);
      },
    ],
    ['pinyin 1 syllable', (rec) => pinyinOf(rec, 1, r)],
    ['pinyin 2-3 syllables', (rec) => pinyinOf(rec, 2 + Math.floor(r() * 2), r)],
    ['english word', (rec) => englishOf(rec, 1, r)],
    [
      'english "phrase"',
      (rec) => {
        const p = englishOf(rec, 2, r);
        return p && `"${p}"`;
      },
    ],
    [
      'multi-term',
      (rec) => {
        const zh = substringOf(hanRun(rec, r) ?? [], 2, r);
        const en = englishOf(rec, 1, r);
        return zh && en ? `${zh} ${en}` : null;
      },
    ],
    [
      'absent',
      () =>
        `${String.fromCodePoint(0x4e00 + Math.floor(r() * 0x5000))}${String.fromCodePoint(0x20000 + Math.floor(r() * 0xa000))} zq${Math.floor(r() * 1e6)}`,
    ],
  ];
  for (let attempts = 0; out.length < count && attempts < count * 20; attempts++) {
    const [kind, make] = makers[attempts % makers.length] ?? makers[0]!;
    const query = make(pick(records, r));
    if (query === null || query.trim() === '' || seen.has(query)) continue;
    seen.add(query);
    out.push({ query, kind });
  }
  return out;
}

/**
 * Queries typed in traditional characters for a corpus written in simplified (the synthetic one has
 * no traditional originals): two-character runs of the text that OpenCC writes differently in the
 * Taiwan standard (合作 stays, 关系 becomes 關係). Drawn apart from `querySet`, so its mix stays the
 * mix earlier runs measured.
 */
export function traditionalSet(records: readonly PairRecord[], count: number, seed: number): QueryCase[] {
  const r = rng(seed);
  const toTraditional = ToTraditional({ from: 'cn', to: 'tw' });
  const out: QueryCase[] = [];
  const seen = new Set<string>();
  for (let attempts = 0; out.length < count && attempts < count * 50; attempts++) {
    const simplified = substringOf(hanRun(pick(records, r), r) ?? [], 2, r);
    const query = simplified && toTraditional(simplified);
    if (!query || query === simplified || seen.has(query)) continue;
    seen.add(query);
    out.push({ query, kind: 'zh traditional' });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Measurement

/** The plain scan: every record, `includes` on the side each term belongs to (no index, no ranking). */
function plainScan(records: readonly PairRecord[], query: string): number {
  const terms = query.replace(/"/g, ' ').split(/\s+/).filter(Boolean);
  let n = 0;
  for (const rec of records) {
    const en = rec.en.toLowerCase();
    const pinyin = (rec.pinyin ?? '').replace(/[ |]/g, '');
    if (
      terms.every((t) =>
        HAN.test(t)
          ? rec.zh.includes(toSimplified(t))
          : en.includes(t.toLowerCase()) || pinyin.includes(t.toLowerCase()),
      )
    )
      n++;
  }
  return n;
}

interface Timing {
  median: number;
  p99: number;
  max: number;
}

function timing(ms: number[]): Timing {
  const sorted = [...ms].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? Number.NaN };
}

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const value = f();
  return [value, performance.now() - t0];
}

/**
 * Wall time and the process's CPU time of one call, in ms. On a shared machine the wall time of a
 * sub-millisecond call includes however long the scheduler kept the process off the cores (at a
 * load of 10 on 2 cores a query that does nothing takes 15 ms at p99); the CPU time is the work
 * the call did, and what a change to the searcher changes. Both are reported.
 */
function timeWithCpu<T>(f: () => T): [T, number, number] {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = f();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  return [value, wall, (cpu.user + cpu.system) / 1000];
}

const mb = (bytes: number) => bytes / 1024 / 1024;

/** After a full collection when --expose-gc is on (npm run bench:search turns it on). */
function memory(): { heap: number; buffers: number; rss: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, buffers: m.arrayBuffers, rss: m.rss };
}

interface CorpusReport {
  corpus: string;
  records: number;
  hanChars: number;
  buildSeconds: number;
  heapMB: number;
  /** Typed arrays (the common-term tables), outside the JavaScript heap. */
  buffersMB: number;
  rssMB: number;
  /** The process's peak resident memory so far (records, dictionary and all). */
  peakRssMB: number;
  queries: number;
  search: Timing;
  /** The plain scan, over the first `scanned` queries, and the search over the same queries. */
  scan: Timing;
  scanned: number;
  searchOfScanned: Timing;
  /** The CPU time of each search (see timeWithCpu). */
  searchCpu: Timing;
  byKind: Record<string, Timing>;
  byKindCpu: Record<string, Timing>;
  slowest: Array<{ query: string; ms: number; total: number }>;
}

/**
 * Builds the searcher, then runs every query once, and the plain scan for the first `scanned`
 * queries (the set interleaves the kinds, so these cover all of them; scanning 10 M characters a
 * thousand times would take a quarter of an hour). The ratio compares the same queries.
 */
async function benchCorpus(
  name: string,
  records: PairRecord[],
  build: () => Promise<Searcher>,
  queries: QueryCase[],
  warmup: QueryCase[],
  scanned: number,
): Promise<CorpusReport> {
  const before = memory();
  const t0 = performance.now();
  const searcher = await build();
  const buildMs = performance.now() - t0;
  const after = memory();
  process.stderr.write(`${name}: built in ${(buildMs / 1000).toFixed(1)} s, querying\n`);
  for (const q of warmup) searcher.search(q.query);
  const searchMs: number[] = [];
  const scanMs: number[] = [];
  const searchOfScanned: number[] = [];
  const cpuMs: number[] = [];
  const byKind = new Map<string, number[]>();
  const byKindCpu = new Map<string, number[]>();
  const slowest: Array<{ query: string; ms: number; total: number }> = [];
  queries.forEach((q, i) => {
    const [result, ms, cpu] = timeWithCpu(() => searcher.search(q.query));
    searchMs.push(ms);
    cpuMs.push(cpu);
    byKind.set(q.kind, [...(byKind.get(q.kind) ?? []), ms]);
    byKindCpu.set(q.kind, [...(byKindCpu.get(q.kind) ?? []), cpu]);
    slowest.push({ query: q.query, ms, total: result.total });
    if (i < scanned) {
      scanMs.push(time(() => plainScan(records, q.query))[1]);
      searchOfScanned.push(ms);
    }
  });
  slowest.sort((a, b) => b.ms - a.ms);
  return {
    corpus: name,
    records: records.length,
    hanChars: records.reduce((n, rec) => n + hanSlots(rec.zh).start.length, 0),
    buildSeconds: buildMs / 1000,
    heapMB: mb(after.heap - before.heap),
    buffersMB: mb(after.buffers - before.buffers),
    rssMB: mb(after.rss - before.rss),
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    queries: queries.length,
    search: timing(searchMs),
    scan: timing(scanMs),
    scanned: scanMs.length,
    searchOfScanned: timing(searchOfScanned),
    searchCpu: timing(cpuMs),
    byKind: Object.fromEntries([...byKind].map(([k, ms]) => [k, timing(ms)])),
    byKindCpu: Object.fromEntries([...byKindCpu].map(([k, ms]) => [k, timing(ms)])),
    slowest: slowest.slice(0, 5),
  };
}

function printReport(r: CorpusReport): void {
  const f = (ms: number) => ms.toFixed(2).padStart(8);
  console.log(
    `\n${r.corpus}: ${r.records.toLocaleString('en')} records, ${r.hanChars.toLocaleString('en')} Han characters`,
  );
  console.log(
    `  index built in ${r.buildSeconds.toFixed(1)} s; heap +${r.heapMB.toFixed(0)} MB, typed arrays +${r.buffersMB.toFixed(0)} MB, RSS +${r.rssMB.toFixed(0)} MB (process peak ${r.peakRssMB.toFixed(0)} MB)`,
  );
  console.log(
    `  ${'queries (ms)'.padEnd(22)}${'median'.padStart(8)}${'p99'.padStart(8)}${'max'.padStart(8)}   CPU:${'median'.padStart(8)}${'p99'.padStart(8)}${'max'.padStart(8)}`,
  );
  console.log(
    `  ${`search (${r.queries})`.padEnd(22)}${f(r.search.median)}${f(r.search.p99)}${f(r.search.max)}       ${f(r.searchCpu.median)}${f(r.searchCpu.p99)}${f(r.searchCpu.max)}`,
  );
  console.log(
    `  ${`search (first ${r.scanned})`.padEnd(22)}${f(r.searchOfScanned.median)}${f(r.searchOfScanned.p99)}${f(r.searchOfScanned.max)}`,
  );
  console.log(`  ${`plain scan (first ${r.scanned})`.padEnd(22)}${f(r.scan.median)}${f(r.scan.p99)}${f(r.scan.max)}`);
  console.log(
    `  ${'scan ÷ search'.padEnd(22)}${(r.scan.median / r.searchOfScanned.median).toFixed(0).padStart(7)}×${(r.scan.p99 / r.searchOfScanned.p99).toFixed(0).padStart(7)}×`,
  );
  for (const [kind, t] of Object.entries(r.byKind)) {
    const c = r.byKindCpu[kind]!;
    console.log(
      `    ${kind.padEnd(20)}${f(t.median)}${f(t.p99)}${f(t.max)}       ${f(c.median)}${f(c.p99)}${f(c.max)}`,
    );
  }
  console.log(
    `  slowest: ${r.slowest.map((s) => `${JSON.stringify(s.query)} ${s.ms.toFixed(1)} ms (${s.total} hits)`).join('; ')}`,
  );
}

/** The headline figures of one corpus for the report, each search figure beside the plain scan of the same queries. */
function reportFigures(label: string, r: CorpusReport, built: 'built' | 'loaded'): Figure[] {
  const scan = { name: `plain scan, the same ${r.scanned} queries` };
  const over = r.scanned < r.queries ? ` (first ${r.scanned} queries)` : ` (${r.queries} queries)`;
  return [
    figure(`${label}: search median${over}`, r.searchOfScanned.median, 'ms', 'lower', {
      ...scan,
      value: r.scan.median,
    }),
    figure(`${label}: search p99${over}`, r.searchOfScanned.p99, 'ms', 'lower', { ...scan, value: r.scan.p99 }),
    figure(`${label}: search CPU time median (all ${r.queries} queries)`, r.searchCpu.median, 'ms', 'lower'),
    figure(`${label}: search CPU time p99 (all ${r.queries} queries)`, r.searchCpu.p99, 'ms', 'lower'),
    ...(r.scanned < r.queries
      ? [
          figure(`${label}: search median (all ${r.queries} queries)`, r.search.median, 'ms', 'lower'),
          figure(`${label}: search p99 (all ${r.queries} queries)`, r.search.p99, 'ms', 'lower'),
        ]
      : []),
    figure(`${label}: index ${built} in`, r.buildSeconds, 's', 'lower'),
    figure(`${label}: index memory (heap + typed arrays)`, r.heapMB + r.buffersMB, 'MB', 'lower'),
  ];
}

async function realRecords(buildDir: string): Promise<IndexBundle> {
  const file = path.join(buildDir, BUNDLE_FILE);
  if (!existsSync(file)) throw new Error(`no ${file}: run "npm run ingest" first (or pass --build DIR)`);
  return readBundleFile(file);
}

// ---------------------------------------------------------------------------------------------
// The answer's size

interface AnswerSize {
  query: string;
  limit: number;
  total: number;
  /** `GET /api/search`'s body as the route makes it (each sentence its snippet), and gzipped. */
  bytes: number;
  gzipBytes: number;
  /** The same answer with its sentences whole, as it was before the snippets were cut where it is made. */
  wholeBytes: number;
  wholeGzipBytes: number;
}

/** The body `GET /api/search?q=…&limit=…` answers, made as the route makes it, from the build's store. */
async function answerSizes(
  buildDir: string,
  queries: readonly string[],
  limits: readonly number[],
): Promise<AnswerSize[]> {
  configureStore({ buildDir });
  const searcher = await getSearcher();
  const out: AnswerSize[] = [];
  for (const query of queries)
    for (const limit of limits) {
      const { total, hits } = await searcher.search(query, { limit });
      const body = JSON.stringify({ total, hits: await sentenceHits(hits) });
      const whole = JSON.stringify({ total, hits: await sentenceHits(hits, { whole: true }) });
      out.push({
        query,
        limit,
        total,
        bytes: Buffer.byteLength(body),
        gzipBytes: gzipSync(body).length,
        wholeBytes: Buffer.byteLength(whole),
        wholeGzipBytes: gzipSync(whole).length,
      });
    }
  return out;
}

function printSizes(sizes: readonly AnswerSize[]): void {
  console.log(`\nGET /api/search answer size (bytes; baseline: the same hits with whole sentences)`);
  console.log(
    `  ${'query'.padEnd(16)}${'limit'.padStart(6)}${'hits'.padStart(6)}${'bytes'.padStart(9)}${'gzip'.padStart(8)}${'whole'.padStart(9)}${'gzip'.padStart(8)}`,
  );
  for (const s of sizes)
    console.log(
      `  ${s.query.padEnd(16)}${String(s.limit).padStart(6)}${String(s.total).padStart(6)}${String(s.bytes).padStart(9)}${String(s.gzipBytes).padStart(8)}${String(s.wholeBytes).padStart(9)}${String(s.wholeGzipBytes).padStart(8)}`,
    );
}

// ---------------------------------------------------------------------------------------------
// Against a running server

async function benchServer(url: string, concurrency: number, requests: number, queries: QueryCase[]): Promise<void> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < requests) {
      const q = queries[next++ % queries.length]!;
      const t0 = performance.now();
      let status = 0;
      try {
        const res = await fetch(`${url.replace(/\/$/, '')}/api/search?q=${encodeURIComponent(q.query)}`);
        await res.arrayBuffer();
        status = res.status;
      } catch {
        status = -1;
      }
      latencies.push(performance.now() - t0);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - t0) / 1000;
  const t = timing(latencies);
  console.log(
    `${requests} requests to ${url}/api/search, ${concurrency} at a time, in ${seconds.toFixed(1)} s (${(requests / seconds).toFixed(0)}/s)`,
  );
  console.log(
    `  p50 ${t.median.toFixed(1)} ms, p99 ${t.p99.toFixed(1)} ms, max ${t.max.toFixed(1)} ms; statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
  );
  console.log(
    JSON.stringify({
      bench: 'search-server',
      url,
      concurrency,
      requests,
      p50: t.median,
      p99: t.p99,
      max: t.max,
      statuses: Object.fromEntries(statuses),
    }),
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      build: { type: 'string', default: process.env.DUIZHAO_BUILD ?? 'build' },
      chars: { type: 'string', default: '10000000' },
      queries: { type: 'string', default: '1000' },
      server: { type: 'string' },
      concurrency: { type: 'string', default: '8' },
      requests: { type: 'string', default: '2000' },
      'scan-queries': { type: 'string', default: '100' },
      'skip-synthetic': { type: 'boolean' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  for (const name of ['chars', 'queries', 'concurrency', 'requests', 'scan-queries'] as const) {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} takes a whole number, not "${values[name]}"`);
  }
  const bundle = await realRecords(path.resolve(values.build));
  const queryCount = Number(values.queries);
  if (values.server) {
    await benchServer(
      values.server,
      Number(values.concurrency),
      Number(values.requests),
      querySet(bundle.records, queryCount, 1),
    );
    return;
  }
  const sizes = await answerSizes(path.resolve(values.build), ['合作', '的', 'cooperation'], [20, 5]);
  printSizes(sizes);
  const reports: CorpusReport[] = [];
  reports.push(
    await benchCorpus(
      `real corpus (${path.relative(process.cwd(), path.join(values.build, BUNDLE_FILE))}, loaded from its export)`,
      bundle.records,
      () => loadSearcher(bundle),
      querySet(bundle.records, queryCount, 1),
      querySet(bundle.records, 200, 99),
      queryCount,
    ),
  );
  printReport(reports[0]!);
  if (!values['skip-synthetic']) {
    process.stderr.write('generating the synthetic corpus\n');
    const [records, genMs] = time(() => syntheticRecords(Number(values.chars)));
    console.log(`\n(synthetic corpus generated in ${(genMs / 1000).toFixed(1)} s)`);
    const scanned = Number(values['scan-queries']);
    reports.push(
      await benchCorpus(
        'synthetic corpus (indexed in memory)',
        records,
        async () => searcherOver(records),
        [...querySet(records, queryCount, 1), ...traditionalSet(records, Math.ceil(queryCount / 10), 1)],
        querySet(records, 200, 99),
        scanned,
      ),
    );
    printReport(reports[1]!);
  }
  console.log(JSON.stringify({ bench: 'search', sizes, reports }));
  const [real, synthetic] = reports;
  await writeBenchResult({
    bench: 'search',
    title: 'Search: each query once, cold, against a plain substring scan',
    figures: [
      ...sizes
        .filter((s) => s.query === '合作')
        .map((s) =>
          figure(`GET /api/search?q=合作&limit=${s.limit}: answer bytes`, s.bytes, 'bytes', 'lower', {
            name: 'the same hits with whole sentences',
            value: s.wholeBytes,
          }),
        ),
      ...reportFigures('real corpus', real!, 'loaded'),
      ...(synthetic
        ? reportFigures(`synthetic ${(synthetic.hanChars / 1e6).toFixed(0)} M chars`, synthetic, 'built')
        : []),
    ],
    context: {
      ...Object.fromEntries(
        reports.map((r, i) => [`corpus ${i + 1}`, `${r.corpus}: ${r.records} records, ${r.hanChars} Han characters`]),
      ),
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      loadavg: loadavg()
        .map((l) => l.toFixed(2))
        .join(' '),
    },
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void runBench(USAGE, main);
}
