/**
 * What makes a search slow, apart from the machine's load: builds the synthetic corpus's index once
 * (`--chars N`, default 2,000,000), then runs `bench:search`'s query mix `--rounds R` times (the
 * whole mix in turn, so the searcher's answer cache of 32 queries never answers a repeat) and
 * prints, per kind, the median and p99 of each query's fastest round: the work a query needs, with
 * the scheduler's pauses left out (they are not the searcher's, and on 2 shared cores they are most
 * of a single run's p99). Then the slowest queries by that time. For a CPU profile of the queries:
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --max-old-space-size=2048 --import tsx tests/bench/search-profile.ts
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { searcherOver } from '../../lib/search/index';
import { querySet, traditionalSet } from './search.bench';
import { percentile } from './stats';
import { syntheticRecords } from './synthetic';

const USAGE = `tests/bench/search-profile.ts: each query's fastest of several rounds, per kind, on the synthetic corpus

  --chars N    Han characters of the synthetic corpus (default 2000000)
  --queries N  queries of the mix (default 1000, plus a tenth as many traditional ones)
  --rounds R   runs of the whole mix (default 3)
  --slowest K  how many of the slowest queries to list (default 15)
  --help       this text`;

function main(): void {
  const { values } = parseArgs({
    options: {
      chars: { type: 'string', default: '2000000' },
      queries: { type: 'string', default: '1000' },
      rounds: { type: 'string', default: '3' },
      slowest: { type: 'string', default: '15' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  const [chars, queryCount, rounds, slowestCount] = [values.chars, values.queries, values.rounds, values.slowest].map(
    Number,
  ) as [number, number, number, number];
  if (![chars, queryCount, rounds, slowestCount].every((n) => Number.isInteger(n) && n > 0))
    throw new Error(`every option takes a positive whole number\n\n${USAGE}`);
  const records = syntheticRecords(chars);
  let t0 = performance.now();
  const searcher = searcherOver(records);
  process.stderr.write(`built in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  const queries = [...querySet(records, queryCount, 1), ...traditionalSet(records, Math.ceil(queryCount / 10), 1)];
  for (const q of querySet(records, 200, 99)) searcher.search(q.query);
  const best = queries.map(() => Infinity);
  // The first round alone is what bench:search measures (each query once, cold): printed beside.
  const first = queries.map(() => Infinity);
  const totals = queries.map(() => 0);
  t0 = performance.now();
  for (let round = 0; round < rounds; round++)
    queries.forEach((q, i) => {
      const start = performance.now();
      totals[i] = searcher.search(q.query).total;
      const ms = performance.now() - start;
      if (round === 0) first[i] = ms;
      best[i] = Math.min(best[i]!, ms);
    });
  const kinds = [...new Set(queries.map((q) => q.kind))];
  const stats = (ms: number[]) => {
    const sorted = [...ms].sort((a, b) => a - b);
    return { median: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1)! };
  };
  const table: Record<string, { first: ReturnType<typeof stats>; fastest: ReturnType<typeof stats> }> = {};
  for (const kind of ['all queries', ...kinds]) {
    const of = (xs: number[]) => xs.filter((_, i) => kind === 'all queries' || queries[i]!.kind === kind);
    table[kind] = { first: stats(of(first)), fastest: stats(of(best)) };
  }
  console.log(
    `${records.length} records, ${queries.length} queries × ${rounds} rounds in ${((performance.now() - t0) / 1000).toFixed(1)} s; load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const f = (x: number) => x.toFixed(2).padStart(8);
  console.log(
    `  ${'ms'.padEnd(22)}${'n'.padStart(6)}  first round: median   p99     max   fastest: median   p99     max`,
  );
  for (const [kind, t] of Object.entries(table))
    console.log(
      `  ${kind.padEnd(22)}${String(kind === 'all queries' ? queries.length : queries.filter((q) => q.kind === kind).length).padStart(6)}        ${f(t.first.median)}${f(t.first.p99)}${f(t.first.max)}        ${f(t.fastest.median)}${f(t.fastest.p99)}${f(t.fastest.max)}`,
    );
  const order = queries.map((_, i) => i).sort((a, b) => best[b]! - best[a]!);
  console.log('slowest:');
  for (const i of order.slice(0, slowestCount))
    console.log(
      `  ${best[i]!.toFixed(2).padStart(7)} ms  ${queries[i]!.kind.padEnd(20)} ${JSON.stringify(queries[i]!.query)} (${totals[i]} hits)`,
    );
  console.log(JSON.stringify({ bench: 'search-profile', chars, rounds, loadavg: loadavg(), byKind: table }));
}

main();
