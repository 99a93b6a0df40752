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
  const totals = queries.map(() => 0);
  t0 = performance.now();
  for (let round = 0; round < rounds; round++)
    queries.forEach((q, i) => {
      const start = performance.now();
      totals[i] = searcher.search(q.query).total;
      best[i] = Math.min(best[i]!, performance.now() - start);
    });
  const byKind = new Map<string, number[]>();
  queries.forEach((q, i) => byKind.set(q.kind, [...(byKind.get(q.kind) ?? []), best[i]!]));
  const row = (name: string, ms: number[]) => {
    const sorted = [...ms].sort((a, b) => a - b);
    const f = (x: number) => x.toFixed(2).padStart(8);
    console.log(
      `  ${name.padEnd(22)}${String(ms.length).padStart(6)}${f(percentile(sorted, 50))}${f(percentile(sorted, 99))}${f(sorted.at(-1)!)}`,
    );
  };
  console.log(
    `${records.length} records, ${queries.length} queries × ${rounds} rounds in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  console.log(
    `  ${'fastest round (ms)'.padEnd(22)}${'n'.padStart(6)}${'median'.padStart(8)}${'p99'.padStart(8)}${'max'.padStart(8)}`,
  );
  row('all queries', best);
  for (const [kind, ms] of byKind) row(kind, ms);
  const order = queries.map((_, i) => i).sort((a, b) => best[b]! - best[a]!);
  console.log('slowest:');
  for (const i of order.slice(0, slowestCount))
    console.log(
      `  ${best[i]!.toFixed(2).padStart(7)} ms  ${queries[i]!.kind.padEnd(20)} ${JSON.stringify(queries[i]!.query)} (${totals[i]} hits)`,
    );
  console.log(
    JSON.stringify({
      bench: 'search-profile',
      chars,
      rounds,
      all: {
        median: percentile(
          [...best].sort((a, b) => a - b),
          50,
        ),
        p99: percentile(
          [...best].sort((a, b) => a - b),
          99,
        ),
      },
    }),
  );
}

main();
