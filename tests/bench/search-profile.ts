/**
 * What makes a search slow, apart from the machine's load: builds the synthetic corpus's index once
 * per size (`--chars N`, or `--sizes N,M,…` for several), then runs `bench:search`'s query mix
 * `--rounds R` times (the whole mix in turn, so the searcher's answer cache of 32 queries never
 * answers a repeat) and prints, per kind, the median and p99 of the first round (each query once,
 * cold: what `bench:search` measures) and of each query's fastest round (the work a query needs,
 * with the scheduler's pauses left out: they are not the searcher's, and on 2 shared cores they are
 * most of a single run's p99). Then the slowest queries by that time.
 *
 * `--baseline FILE` adds a second searcher over the same records, indexes and tables: FILE is
 * another version's `lib/search/searcher.ts` (e.g. the main branch's, from `git archive`), the
 * baseline measured in the same run. Each query runs on both, in alternating order, so the load of
 * the moment falls on both alike; their totals, ranked hits and marks are compared, and any difference is
 * counted and printed (a faster searcher must answer the same). For a CPU profile of the queries:
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --max-old-space-size=2048 --import tsx tests/bench/search-profile.ts
 */
import { createWriteStream, existsSync } from 'node:fs';
import { once } from 'node:events';
import { rename } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import path from 'node:path';
import { Index } from 'flexsearch';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { PairRecord } from '../../lib/model';
import { INDEX_OPTIONS, indexesOver, sourceOver } from '../../lib/search/bundle';
import { strictLines } from '../../lib/search/bundle-file';
import { bundleLines, readBundleLines } from '../../lib/search/bundle-lines';
import { importCommonEntry, type CommonTables } from '../../lib/search/common-terms';
import type { Postings } from '../../lib/search/postings';
import { VIEWS } from '../../lib/search/views';
import type { Indexes } from '../../lib/search/searcher';
import { createSearcher, type Searcher } from '../../lib/search/searcher';
import { querySet, traditionalSet } from './search.bench';
import { percentile } from './stats';
import { syntheticRecords } from './synthetic';

const USAGE = `tests/bench/search-profile.ts: each query's first and fastest of several rounds, per kind, on the synthetic corpus

  --chars N        Han characters of the synthetic corpus (default 2000000)
  --sizes N,M,…    several corpus sizes instead, each built and measured in turn (e.g. 1000000,10000000)
  --baseline FILE  another version's lib/search/searcher.ts, measured beside this one on the same index
  --queries N      queries of the mix (default 1000, plus a tenth as many traditional ones)
  --rounds R       runs of the whole mix (default 3)
  --cache DIR      keep each size's index in DIR/search-N.jsonl and read it from there when it is
                   already written (a 10 M index takes 5–30 minutes to build on a shared machine)
  --slowest K      how many of the slowest queries to list (default 15)
  --help           this text`;

type CreateSearcher = typeof createSearcher;

interface Stats {
  median: number;
  p99: number;
  max: number;
}

function stats(ms: readonly number[]): Stats {
  const sorted = [...ms].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN };
}

/** A hit's marks, as the lengths of its parts with the marked ones in brackets. */
function marksOf(parts: ReadonlyArray<{ text: string; mark: boolean }>): string {
  return parts.map((p) => (p.mark ? `[${p.text.length}]` : String(p.text.length))).join(',');
}

/** What a searcher answered on a page, to compare two searchers: the total and the ranked hits with their marks. */
function answerOf(searcher: Searcher, query: string, options: { limit: number; offset: number }): string {
  const { total, hits } = searcher.search(query, options);
  return `${total} ${hits.map((h) => `${h.docId}#${h.pair}:${marksOf(h.zhParts)}/${marksOf(h.enParts)}`).join(' ')}`;
}

interface Timings {
  first: number[];
  best: number[];
  /** When each query's fastest round started (performance.now()), to find the collector's pauses in it. */
  bestStart: number[];
  totals: number[];
}

/**
 * The garbage collector's pauses while `during` runs. A query slow in all of its rounds may be one
 * during which the collector runs every time (the rounds allocate alike, so a collection falls at
 * the same place in each): the slowest queries are listed with the pauses inside their fastest round.
 */
async function withCollections<T>(during: () => T): Promise<{ result: T; pauses: PerformanceEntry[] }> {
  const pauses: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => pauses.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  const result = during();
  // The entries are delivered after the synchronous run: wait for them before disconnecting.
  await new Promise((resolve) => setTimeout(resolve, 100));
  observer.disconnect();
  return { result, pauses };
}

/** Milliseconds of the collector's pauses within [start, start + ms]. */
function pausedIn(pauses: readonly PerformanceEntry[], start: number, ms: number): number {
  let sum = 0;
  for (const p of pauses) {
    const from = Math.max(start, p.startTime);
    const to = Math.min(start + ms, p.startTime + p.duration);
    if (to > from) sum += to - from;
  }
  return sum;
}

interface IndexedCorpus {
  records: PairRecord[];
  indexes: Indexes;
  common: CommonTables;
}

/** The index of the synthetic corpus, read from the bundle `bundleLines` writes (as the app's start reads it). */
async function readIndexedCorpus(file: string): Promise<IndexedCorpus> {
  const indexes = Object.fromEntries(VIEWS.map((v) => [v, new Index(INDEX_OPTIONS)])) as Indexes;
  const common = Object.fromEntries(VIEWS.map((v) => [v, new Map<string, Postings>()])) as CommonTables;
  const records: PairRecord[] = [];
  let recordCount = 0;
  await readBundleLines(strictLines(file), {
    start: (count) => {
      recordCount = count;
    },
    records: (batch) => {
      for (const record of batch) records.push(record as PairRecord);
    },
    indexPart: (view, key, data) => {
      indexes[view].import(key, data);
    },
    commonEntry: (view, entry) => importCommonEntry(common[view], entry, view, recordCount),
  });
  return { records, indexes, common };
}

/** The synthetic corpus of `chars` characters and its index: built, or read from the cache when it holds it. */
async function indexedCorpus(chars: number, cache: string | null): Promise<IndexedCorpus> {
  const file = cache === null ? null : path.join(cache, `search-${chars}.jsonl`);
  if (file !== null && existsSync(file)) return readIndexedCorpus(file);
  const records: PairRecord[] = syntheticRecords(chars);
  const { indexes, common } = indexesOver(records);
  if (file !== null) {
    // Written under a temporary name first, so that a run stopped while writing leaves no half file.
    const out = createWriteStream(`${file}.part`);
    for (const text of bundleLines(sourceOver(records, indexes, common)))
      if (!out.write(text)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
    await rename(`${file}.part`, file);
  }
  return { records, indexes, common };
}

async function measureSize(
  chars: number,
  options: {
    baseline: CreateSearcher | null;
    queryCount: number;
    rounds: number;
    slowestCount: number;
    cache: string | null;
  },
): Promise<Record<string, unknown>> {
  let t0 = performance.now();
  const { records, indexes, common } = await indexedCorpus(chars, options.cache);
  const buildS = (performance.now() - t0) / 1000;
  t0 = performance.now();
  const now = createSearcher(records, indexes, common);
  const makeMs = performance.now() - t0;
  t0 = performance.now();
  const base = options.baseline?.(records, indexes, common) ?? null;
  const baseMakeMs = performance.now() - t0;
  process.stderr.write(
    `${chars} chars: index ${options.cache ? 'built or read' : 'built'} in ${buildS.toFixed(1)} s, querying\n`,
  );
  const searchers: Array<[string, Searcher]> = base
    ? [
        ['baseline', base],
        ['this', now],
      ]
    : [['this', now]];
  const queries = [
    ...querySet(records, options.queryCount, 1),
    ...traditionalSet(records, Math.ceil(options.queryCount / 10), 1),
  ];
  for (const q of querySet(records, 200, 99)) for (const [, s] of searchers) s.search(q.query);
  const timings = new Map<string, Timings>(
    searchers.map(([name]) => [
      name,
      {
        first: queries.map(() => Infinity),
        best: queries.map(() => Infinity),
        bestStart: queries.map(() => 0),
        totals: queries.map(() => 0),
      },
    ]),
  );
  let differences = 0;
  const examples: string[] = [];
  t0 = performance.now();
  const { pauses } = await withCollections(() => {
    for (let round = 0; round < options.rounds; round++)
      queries.forEach((q, i) => {
        const order = (i + round) % 2 === 0 ? searchers : [...searchers].reverse();
        for (const [name, searcher] of order) {
          const start = performance.now();
          const total = searcher.search(q.query).total;
          const ms = performance.now() - start;
          const t = timings.get(name)!;
          t.totals[i] = total;
          if (round === 0) t.first[i] = ms;
          if (ms < t.best[i]!) {
            t.best[i] = ms;
            t.bestStart[i] = start;
          }
        }
      });
  });
  const queryS = (performance.now() - t0) / 1000;
  // The answers compared apart from the timed runs: the first two pages at two limits, marks included.
  if (base)
    for (const q of queries)
      for (const limit of [20, 100]) {
        const pages = [0, limit].map((offset) => ({ limit, offset }));
        const [x, y] = [base, now].map((s) => pages.map((page) => answerOf(s, q.query, page)).join(' | '));
        if (x !== y) {
          differences++;
          if (examples.length < 5) examples.push(q.query);
        }
      }
  const kinds = ['all queries', ...new Set(queries.map((q) => q.kind))];
  const load = loadavg().map((l) => Number(l.toFixed(1)));
  console.log(
    `\n${chars.toLocaleString('en')} Han characters, ${records.length.toLocaleString('en')} records: index ${options.cache ? 'built or read' : 'built'} in ${buildS.toFixed(1)} s; searcher made in ${makeMs.toFixed(0)} ms${base ? ` (baseline ${baseMakeMs.toFixed(0)} ms)` : ''}; ${queries.length} queries × ${options.rounds} rounds in ${queryS.toFixed(1)} s; load ${load.join(' ')}`,
  );
  if (base)
    console.log(
      `  answers (total, hits and their marks, pages 1 and 2 at limits 20 and 100) differing from the baseline: ${differences}${examples.length ? ` (${examples.map((q) => JSON.stringify(q)).join(', ')})` : ''}`,
    );
  const f = (x: number) => x.toFixed(2).padStart(7);
  console.log(
    `  ${'ms'.padEnd(21)}${'n'.padStart(5)} ${searchers.map(([name]) => `${name}: first median/p99  fastest median/p99`.padStart(44)).join('')}`,
  );
  const byKind: Record<string, Record<string, { first: Stats; fastest: Stats }>> = {};
  for (const kind of kinds) {
    const pick = (xs: number[]) => xs.filter((_, i) => kind === 'all queries' || queries[i]!.kind === kind);
    byKind[kind] = Object.fromEntries(
      searchers.map(([name]) => {
        const t = timings.get(name)!;
        return [name, { first: stats(pick(t.first)), fastest: stats(pick(t.best)) }];
      }),
    );
    const n = kind === 'all queries' ? queries.length : queries.filter((q) => q.kind === kind).length;
    console.log(
      `  ${kind.padEnd(21)}${String(n).padStart(5)} ${searchers
        .map(([name]) => {
          const s = byKind[kind]![name]!;
          return `${' '.repeat(16)}${f(s.first.median)}${f(s.first.p99)}${f(s.fastest.median)}${f(s.fastest.p99)}`;
        })
        .join('')}`,
    );
  }
  for (const [name] of searchers) {
    const t = timings.get(name)!;
    const order = queries.map((_, i) => i).sort((a, b) => t.best[b]! - t.best[a]!);
    console.log(`  slowest (${name}, fastest round):`);
    for (const i of order.slice(0, options.slowestCount))
      console.log(
        `    ${t.best[i]!.toFixed(2).padStart(7)} ms  ${queries[i]!.kind.padEnd(20)} ${JSON.stringify(queries[i]!.query)} (${t.totals[i]} hits; collector ${pausedIn(pauses, t.bestStart[i]!, t.best[i]!).toFixed(2)} ms of it)`,
      );
  }
  return { chars, records: records.length, buildS, makeMs, baseMakeMs, loadavg: load, differences, byKind };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      chars: { type: 'string', default: '2000000' },
      sizes: { type: 'string' },
      baseline: { type: 'string' },
      queries: { type: 'string', default: '1000' },
      rounds: { type: 'string', default: '3' },
      slowest: { type: 'string', default: '15' },
      cache: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  const sizes = (values.sizes ?? values.chars).split(',').map(Number);
  const [queryCount, rounds, slowestCount] = [values.queries, values.rounds, values.slowest].map(Number) as [
    number,
    number,
    number,
  ];
  if (![...sizes, queryCount, rounds, slowestCount].every((n) => Number.isInteger(n) && n > 0))
    throw new Error(`every option takes a positive whole number\n\n${USAGE}`);
  let baseline: CreateSearcher | null = null;
  if (values.baseline !== undefined) {
    const mod = (await import(pathToFileURL(path.resolve(values.baseline)).href)) as { createSearcher?: unknown };
    if (typeof mod.createSearcher !== 'function')
      throw new Error(`${values.baseline} exports no createSearcher\n\n${USAGE}`);
    baseline = mod.createSearcher as CreateSearcher;
  }
  const results = [];
  for (const chars of sizes) {
    results.push(await measureSize(chars, { baseline, queryCount, rounds, slowestCount, cache: values.cache ?? null }));
    // Each size's figures as soon as they are measured: a run of hours stopped early keeps them.
    console.log(JSON.stringify({ bench: 'search-profile size', ...results.at(-1) }));
  }
  console.log(JSON.stringify({ bench: 'search-profile', rounds, baseline: values.baseline ?? null, sizes: results }));
}

void main();
