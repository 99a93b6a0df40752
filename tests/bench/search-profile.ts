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
 * the moment falls on both alike; their totals and ranked hits are compared, and any difference is
 * counted and printed (a faster searcher must answer the same). For a CPU profile of the queries:
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --max-old-space-size=2048 --import tsx tests/bench/search-profile.ts
 */
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { PairRecord } from '../../lib/model';
import { indexesOver } from '../../lib/search/bundle';
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

/** What a searcher answered, to compare two searchers: the total and the ranked hits. */
function answerOf(searcher: Searcher, query: string): string {
  const { total, hits } = searcher.search(query);
  return `${total} ${hits.map((h) => `${h.docId}#${h.pair}`).join(' ')}`;
}

interface Timings {
  first: number[];
  best: number[];
  totals: number[];
}

async function measureSize(
  chars: number,
  options: { baseline: CreateSearcher | null; queryCount: number; rounds: number; slowestCount: number },
): Promise<Record<string, unknown>> {
  const records: PairRecord[] = syntheticRecords(chars);
  let t0 = performance.now();
  const { indexes, common } = indexesOver(records);
  const buildS = (performance.now() - t0) / 1000;
  t0 = performance.now();
  const now = createSearcher(records, indexes, common);
  const makeMs = performance.now() - t0;
  t0 = performance.now();
  const base = options.baseline?.(records, indexes, common) ?? null;
  const baseMakeMs = performance.now() - t0;
  process.stderr.write(`${chars} chars: index built in ${buildS.toFixed(1)} s, querying\n`);
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
      { first: queries.map(() => Infinity), best: queries.map(() => Infinity), totals: queries.map(() => 0) },
    ]),
  );
  let differences = 0;
  const examples: string[] = [];
  t0 = performance.now();
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
        t.best[i] = Math.min(t.best[i]!, ms);
      }
    });
  const queryS = (performance.now() - t0) / 1000;
  // The answers compared apart from the timed runs (with a page past the first, too).
  if (base)
    for (const q of queries)
      for (const limit of [20, 100]) {
        const [x, y] = [answerOf(base, q.query), answerOf(now, q.query)];
        const [xs, ys] = [base, now].map((s) =>
          s
            .search(q.query, { limit, offset: limit })
            .hits.map((h) => `${h.docId}#${h.pair}`)
            .join(' '),
        );
        if (x !== y || xs !== ys) {
          differences++;
          if (examples.length < 5) examples.push(q.query);
        }
      }
  const kinds = ['all queries', ...new Set(queries.map((q) => q.kind))];
  const load = loadavg().map((l) => Number(l.toFixed(1)));
  console.log(
    `\n${chars.toLocaleString('en')} Han characters, ${records.length.toLocaleString('en')} records: index built in ${buildS.toFixed(1)} s; searcher made in ${makeMs.toFixed(0)} ms${base ? ` (baseline ${baseMakeMs.toFixed(0)} ms)` : ''}; ${queries.length} queries × ${options.rounds} rounds in ${queryS.toFixed(1)} s; load ${load.join(' ')}`,
  );
  if (base)
    console.log(
      `  answers (total and hits, pages 1 and 2 at limits 20 and 100) differing from the baseline: ${differences}${examples.length ? ` (${examples.map((q) => JSON.stringify(q)).join(', ')})` : ''}`,
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
        `    ${t.best[i]!.toFixed(2).padStart(7)} ms  ${queries[i]!.kind.padEnd(20)} ${JSON.stringify(queries[i]!.query)} (${t.totals[i]} hits)`,
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
    results.push(await measureSize(chars, { baseline, queryCount, rounds, slowestCount }));
    // Each size's figures as soon as they are measured: a run of hours stopped early keeps them.
    console.log(JSON.stringify({ bench: 'search-profile size', ...results.at(-1) }));
  }
  console.log(JSON.stringify({ bench: 'search-profile', rounds, baseline: values.baseline ?? null, sizes: results }));
}

void main();
