/**
 * `npm run bench:pg`: search with its rare-term indexes in PostgreSQL (FlexSearch's postgres
 * adapter, lib/search/pg-searcher.ts) next to the same searcher in memory, in the same run, on
 *   (a) the real corpus (ingested into a temporary folder), and
 *   (b) a synthetic corpus (search.bench.ts's generator; `--chars N`, default 1,000,000 Han
 *       characters; `--chars 0` to skip it).
 * Index time (in memory; written to PostgreSQL and committed), table sizes, and query latency
 * (median, p99: each query of search.bench.ts's mix once, after a warm-up on another mix).
 * Needs a server: DATABASE_URL_TEST or DATABASE_URL (`bash tests/pg/ensure-postgres.sh` prints one).
 * Prints a table and one JSON line.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { connect, disconnectAll } from '../../lib/db/pg';
import { loadCedict } from '../../lib/dictionary/cedict';
import type { PairRecord } from '../../lib/model';
import { ingest } from '../../lib/pipeline/run';
import { indexesOver } from '../../lib/search/bundle';
import { readBundleFile } from '../../lib/search/bundle-file';
import { BUNDLE_FILE } from '../../lib/search/bundle-lines';
import { dropPgIndexes, indexSchema, mountPgIndexes, writePgIndexes } from '../../lib/search/pg-index';
import { pgSearcher } from '../../lib/search/pg-searcher';
import { createSearcher, MAX_LIMIT } from '../../lib/search/searcher';
import { VIEWS } from '../../lib/search/views';
import { querySet } from './search.bench';
import { syntheticRecords } from './synthetic';
import { summarise } from './stats';
import { runBench } from './usage';

interface Report {
  corpus: string;
  records: number;
  queries: number;
  memoryIndexMs: number;
  pgIndexMs: number;
  pgTableMB: number;
  memory: { p50: number; p99: number };
  pg: { p50: number; p99: number };
}

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

async function realRecords(): Promise<PairRecord[]> {
  const work = await mkdtemp(path.join(tmpdir(), 'duizhao-bench-pg-'));
  try {
    await cp(path.resolve(import.meta.dirname, '../../corpus'), path.join(work, 'corpus'), { recursive: true });
    const built = await ingest({ root: work, loadDictionary: loadCedict });
    return (await readBundleFile(path.join(built.buildDir, BUNDLE_FILE))).records;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function bench(url: string, corpus: string, records: PairRecord[]): Promise<Report> {
  const db = connect(url);
  const ns = `bench_${process.pid}`;
  let t = performance.now();
  const memory = indexesOver(records);
  const memoryIndexMs = performance.now() - t;
  t = performance.now();
  const common = await writePgIndexes(db, ns, records);
  const pgIndexMs = performance.now() - t;
  try {
    let bytes = 0;
    for (const view of VIEWS) {
      const row = await db.one<{ b: string }>(
        'SELECT COALESCE(sum(pg_total_relation_size(c.oid)), 0)::text AS b FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = $2',
        [indexSchema(ns, view), 'r'],
      );
      bytes += Number(row.b);
    }
    const inMemory = createSearcher(records, memory.indexes, memory.common);
    const pg = pgSearcher(records, common, await mountPgIndexes(db, ns));
    const warm = querySet(records, 100, 11).map((q) => q.query);
    const queries = querySet(records, 400, 12).map((q) => q.query);
    for (const q of warm) {
      inMemory.search(q, { limit: MAX_LIMIT });
      await pg.search(q, { limit: MAX_LIMIT });
    }
    const memMs: number[] = [];
    const pgMs: number[] = [];
    // Each searcher meets each query once: their result caches never answer.
    for (const q of queries) {
      let s = performance.now();
      const want = inMemory.search(q, { limit: MAX_LIMIT });
      memMs.push(performance.now() - s);
      s = performance.now();
      const got = await pg.search(q, { limit: MAX_LIMIT });
      pgMs.push(performance.now() - s);
      if (got.total !== want.total)
        throw new Error(`"${q}": ${got.total} hits from PostgreSQL, ${want.total} in memory`);
    }
    const m = summarise(memMs);
    const p = summarise(pgMs);
    return {
      corpus,
      records: records.length,
      queries: queries.length,
      memoryIndexMs: round(memoryIndexMs, 0),
      pgIndexMs: round(pgIndexMs, 0),
      pgTableMB: round(bytes / 1e6, 1),
      memory: { p50: round(m.p50), p99: round(m.p99) },
      pg: { p50: round(p.p50), p99: round(p.p99) },
    };
  } finally {
    await dropPgIndexes(db, ns);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { chars: { type: 'string', default: '1000000' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  const url = process.env.DATABASE_URL_TEST || process.env.DATABASE_URL;
  if (!url)
    throw new Error('bench:pg needs DATABASE_URL_TEST or DATABASE_URL (bash tests/pg/ensure-postgres.sh prints one)');
  const reports: Report[] = [await bench(url, 'real corpus', await realRecords())];
  const chars = Number(values.chars);
  if (chars > 0) reports.push(await bench(url, `synthetic ${chars / 1e6} M chars`, syntheticRecords(chars)));
  console.log(
    '| corpus | records | index in memory | index into PostgreSQL | PostgreSQL tables | query p50 memory / PostgreSQL | query p99 memory / PostgreSQL |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const r of reports) {
    console.log(
      `| ${r.corpus} | ${r.records} | ${r.memoryIndexMs} ms | ${r.pgIndexMs} ms | ${r.pgTableMB} MB | ${r.memory.p50} / ${r.pg.p50} ms | ${r.memory.p99} / ${r.pg.p99} ms |`,
    );
  }
  console.log(JSON.stringify({ bench: 'pg', reports }));
  disconnectAll();
}

const USAGE = `npm run bench:pg [-- --chars N]: search with its rare-term indexes in PostgreSQL beside the same
searcher in memory, on the real corpus and a synthetic one. Needs DATABASE_URL_TEST or DATABASE_URL
(bash tests/pg/ensure-postgres.sh prints one).

  --chars N    Han characters of the synthetic corpus (default 1000000; 0 skips it)
  -h, --help   this text`;

// main disconnects when it is done; on an error the connections are closed here.
void runBench(USAGE, () =>
  main().catch((e: unknown) => {
    disconnectAll();
    throw e;
  }),
);
