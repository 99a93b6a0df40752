/**
 * The rare-term indexes in PostgreSQL (FlexSearch's postgres adapter) answer exactly as the
 * in-memory ones do, on the real corpus: ingested into a temporary folder as the ingest builds it,
 * its pair records indexed both ways, then every rare-term lookup that real queries make
 * (Chinese, traditional, pinyin, English, quoted phrases, and random pieces of the records' own
 * text) asked of both. Runs against the real test server (tests/pg/database.ts).
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connect, disconnectAll, type Database } from '../db/pg';
import { loadCedict } from '../dictionary/cedict';
import type { PairRecord } from '../model';
import { ingest } from '../pipeline/run';
import { describePg, uniqueName } from '../../tests/pg/database';
import { seededRandom } from '../../tests/fixtures/random';
import { indexesOver } from './bundle';
import { exportCommon, pairsIndexed, type CommonTables } from './common-terms';
import { dropPgIndexes, indexSchema, lookupRare, mountPgIndexes, writePgIndexes, type PgIndexes } from './pg-index';
import { parseQuery, QueryError } from './query';
import { readBundleFile } from './bundle-file';
import { BUNDLE_FILE } from './bundle-lines';
import { pgSearcher, type AsyncSearcher } from './pg-searcher';
import { createSearcher, MAX_LIMIT, type Indexes, type Searcher } from './searcher';
import { rareTermKey } from './term-hash';
import { needleLookups, VIEWS, type View } from './views';

const root = path.resolve(import.meta.dirname, '../..');

/** Queries a reader of this corpus makes: simplified, traditional, pinyin, English, quoted. */
const FIXED = [
  '合作',
  '战略协作',
  '普京',
  '睦邻友好',
  '關係',
  '戰略夥伴',
  '中俄',
  '经济',
  '发展',
  '习近平',
  '人民',
  '世界',
  'hezuo',
  'he2 zuo4',
  "xi'an",
  'zhongguo',
  'jingji fazhan',
  'Putin',
  'cooperation',
  'strategic partnership',
  '"strategic partnership"',
  '"the two sides"',
  'economy trade',
  'China',
  'long',
  '合作 cooperation',
  '的',
  'de',
];

/** Random pieces of the records' own text: Chinese runs, traditional originals, English words, pinyin syllables. */
function piecesOf(records: readonly PairRecord[]): string[] {
  const r = seededRandom(8);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const queries: string[] = [];
  for (let n = 0; n < 200; n++) {
    const rec = pick(records);
    const side = n % 4;
    const text =
      side === 0
        ? rec.zh
        : side === 1
          ? (rec.zhOriginal ?? rec.zh)
          : side === 2
            ? rec.en
            : (rec.pinyin ?? '').replaceAll('|', ' ');
    const units =
      side >= 2
        ? text.split(/\s+/).filter((w) => /^[\p{L}']+$/u.test(w))
        : Array.from(text.match(/\p{Script=Han}+/gu)?.join('') ?? '');
    if (units.length === 0) continue;
    const len = Math.min(units.length, 1 + Math.floor(r() * (side >= 2 ? 3 : 5)));
    const at = Math.floor(r() * (units.length - len + 1));
    queries.push(units.slice(at, at + len).join(side >= 2 ? ' ' : ''));
  }
  return queries;
}

describePg('the rare-term indexes in PostgreSQL', (url) => {
  let work: string;
  let records: PairRecord[];
  let memory: { indexes: Indexes; common: CommonTables };
  let db: Database;
  let pg: PgIndexes;
  let pgCommon: CommonTables;
  let inMemorySearcher: Searcher;
  let pgSearch: AsyncSearcher;
  const randomQueries: string[] = [];
  const ns = uniqueName('t');

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'duizhao-pg-index-'));
    await cp(path.join(root, 'corpus'), path.join(work, 'corpus'), { recursive: true });
    const built = await ingest({ root: work, loadDictionary: loadCedict });
    records = (await readBundleFile(path.join(built.buildDir, BUNDLE_FILE))).records;
    memory = indexesOver(records);
    db = connect(url);
    pgCommon = await writePgIndexes(db, ns, records);
    // A fresh mount, as another app instance would have: nothing of the writer's memory in it.
    pg = await mountPgIndexes(db, ns);
    inMemorySearcher = createSearcher(records, memory.indexes, memory.common);
    pgSearch = pgSearcher(records, pgCommon, pg);
    randomQueries.push(...piecesOf(records));
  }, 300_000);
  afterAll(async () => {
    if (db) await dropPgIndexes(db, ns);
    disconnectAll();
    if (work) await rm(work, { recursive: true, force: true });
  });

  /** Every rare-term lookup the searcher makes for a query: view and its terms (searcher.ts `lookup`). */
  function rareLookups(query: string): Array<{ view: View; terms: string[] }> {
    const ctx = { pairsIndexed: pairsIndexed(memory.common, records.length) };
    const out: Array<{ view: View; terms: string[] }> = [];
    for (const term of parseQuery(query)) {
      for (const needles of term.alternatives) {
        for (const needle of needles) {
          for (const lookup of needleLookups(needle, ctx)) {
            const byView = new Map<View, string[]>();
            for (const { view, term: t } of lookup.terms) {
              if (!memory.common[view].has(t)) byView.set(view, [...(byView.get(view) ?? []), t]);
            }
            for (const [view, terms] of byView) out.push({ view, terms });
          }
        }
      }
    }
    return out;
  }

  function inMemory(view: View, terms: string[]): number[] {
    const keys = [...new Set(terms.map(rareTermKey))];
    const found = memory.indexes[view].search(keys.join(' '), { limit: Math.max(1, records.length) });
    return [...new Set(found.map(Number))].sort((a, b) => a - b);
  }

  async function compare(queries: string[]): Promise<{ lookups: number; nonEmpty: number }> {
    let lookups = 0;
    let nonEmpty = 0;
    for (const q of queries) {
      for (const { view, terms } of rareLookups(q)) {
        const want = inMemory(view, terms);
        expect(await lookupRare(pg, view, terms, records.length), `${q} (${view}: ${terms.join(' ')})`).toEqual(want);
        lookups++;
        if (want.length > 0) nonEmpty++;
      }
    }
    return { lookups, nonEmpty };
  }

  it('keeps the same common-term tables as the in-memory build', () => {
    expect(exportCommon(pgCommon)).toEqual(exportCommon(memory.common));
  });

  it('answers the lookups of fixed real queries (Chinese, traditional, pinyin, English, phrases) with the same records', async () => {
    const { lookups, nonEmpty } = await compare(FIXED);
    expect(lookups).toBeGreaterThanOrEqual(10);
    expect(nonEmpty).toBeGreaterThanOrEqual(5);
  });

  it('answers the lookups of random pieces of the records (Chinese, originals, English, pinyin) with the same records', async () => {
    const queries = randomQueries;
    const { lookups, nonEmpty } = await compare(queries);
    expect(lookups).toBeGreaterThan(100);
    expect(nonEmpty).toBeGreaterThan(50);
  });

  it('finds nothing for terms the corpus lacks, and nothing once the namespace is rewritten with other records', async () => {
    // Terms share hash buckets (term-hash.ts), so an absent term may still have candidates: take
    // ones whose bucket is empty in memory, and check PostgreSQL has nothing under them either.
    const absent = Array.from({ length: 400 }, (_, i) => `𠀀${String.fromCodePoint(0x20000 + i)}`).filter(
      (t) => inMemory('zh', [t]).length === 0,
    );
    expect(absent.length).toBeGreaterThan(100);
    for (const t of absent) expect(await lookupRare(pg, 'zh', [t], records.length), t).toEqual([]);
    const other = uniqueName('t2');
    try {
      await writePgIndexes(db, other, records.slice(0, 5));
      const small = await mountPgIndexes(db, other);
      const [first] = rareLookups('合作').filter((l) => inMemory(l.view, l.terms).some((id) => id >= 5));
      if (first) expect((await lookupRare(small, first.view, first.terms, 5)).every((id) => id < 5)).toBe(true);
    } finally {
      await dropPgIndexes(db, other);
    }
  });

  it('searches over PostgreSQL with the same hits, totals and readings as in memory (every page, within a document too)', async () => {
    expect(randomQueries.length).toBeGreaterThan(100);
    const docId = records[Math.floor(records.length / 2)]?.docId;
    let hits = 0;
    for (const q of [...FIXED, ...randomQueries]) {
      for (const opts of [{ limit: MAX_LIMIT }, { limit: 5, offset: 3 }, { limit: MAX_LIMIT, docId }]) {
        const want = inMemorySearcher.search(q, opts);
        expect(await pgSearch.search(q, opts), `${q} ${JSON.stringify(opts)}`).toEqual(want);
        hits += want.hits.length;
      }
    }
    expect(hits).toBeGreaterThan(1000);
  });

  it('leaves each map table one index, on key, built after the load; a rewrite of the namespace keeps it so', async () => {
    const indexesOf = async (namespace: string) =>
      db.any<{ view: string; def: string }>(
        `SELECT schemaname AS view, indexdef AS def FROM pg_indexes WHERE schemaname = ANY($1) AND tablename = 'map' ORDER BY schemaname`,
        [VIEWS.map((v) => indexSchema(namespace, v))],
      );
    const only = (rows: Array<{ def: string }>) => rows.map((r) => r.def.replace(/^.* USING /, ''));
    expect(only(await indexesOf(ns))).toEqual(VIEWS.map(() => 'btree (key)'));
    const other = uniqueName('t3');
    try {
      await writePgIndexes(db, other, records.slice(0, 20));
      await writePgIndexes(db, other, records.slice(0, 10));
      expect(only(await indexesOf(other))).toEqual(VIEWS.map(() => 'btree (key)'));
      // The rewrite replaced the rows: record 15 is gone from every map table.
      for (const view of VIEWS)
        expect(
          (
            await db.one<{ n: number }>('SELECT count(*)::int AS n FROM $1:name.map WHERE id >= 10', [
              indexSchema(other, view),
            ])
          ).n,
        ).toBe(0);
    } finally {
      await dropPgIndexes(db, other);
    }
  });

  it('answers concurrent queries each with its own result, and rejects bad queries as in memory', async () => {
    const queries = [...FIXED, ...randomQueries.slice(0, 60)];
    const results = await Promise.all(queries.map((q) => pgSearch.search(q, { limit: MAX_LIMIT })));
    results.forEach((result, i) =>
      expect(result, queries[i]).toEqual(inMemorySearcher.search(queries[i] ?? '', { limit: MAX_LIMIT })),
    );
    await expect(pgSearch.search('合'.repeat(500))).rejects.toBeInstanceOf(QueryError);
    await expect(pgSearch.search('合作', { limit: -1 })).rejects.toBeInstanceOf(QueryError);
    expect(await pgSearch.search('   ')).toEqual(inMemorySearcher.search('   '));
  });
});
