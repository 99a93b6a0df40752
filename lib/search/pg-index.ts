/**
 * The rare-term indexes in PostgreSQL, through FlexSearch's own persistent adapter
 * (`flexsearch/db/postgres`): the same five indexes as in memory (bundle.ts, same options and the
 * same bucket keys from our encoders), each mounted on its own schema, so several app instances
 * can share one index and the ingest can write it from elsewhere.
 *
 * A namespace (e.g. a build version) names the schemas: `duizhao_<namespace>_<view>`. Writing a
 * namespace replaces what it held; readers of another namespace are not disturbed, which is how a
 * new build is written beside the one being served (see lib/store/pg-store.ts).
 *
 * What stays apart from FlexSearch is the same as in memory: the common terms' posting lists
 * (common-terms.ts) are returned to the caller, who stores them with the build.
 */
import { Index } from 'flexsearch';
import PostgresDB from 'flexsearch/db/postgres';
import type { Database } from '../db/pg';
import type { PairRecord } from '../model';
import { INDEX_OPTIONS, rareTermText, type BuildOptions } from './bundle';
import { buildCommonTables, type CommonTables } from './common-terms';
import { rareTermKey } from './term-hash';
import { VIEWS, type View } from './views';

/** One mounted FlexSearch index per view. Their search() answers a Promise. */
export type PgIndexes = Record<View, Index>;

const NAMESPACE = /^[a-z0-9_]{1,40}$/;

/** The adapter sanitises names itself; we refuse instead, so two namespaces can never collide. */
function checkNamespace(namespace: string): string {
  if (!NAMESPACE.test(namespace))
    throw new Error(`Index namespace ${JSON.stringify(namespace)} must be 1–40 of a-z, 0-9 and _.`);
  return namespace;
}

/** The schema the adapter creates for a view of a namespace. */
export function indexSchema(namespace: string, view: View): string {
  return `duizhao_${checkNamespace(namespace)}_${view.toLowerCase()}`;
}

/**
 * Mounts the five indexes of a namespace (creating their tables when absent). Auto-commit is off:
 * the writer commits once per view, in the adapter's own transaction.
 */
export async function mountPgIndexes(db: Database, namespace: string): Promise<PgIndexes> {
  checkNamespace(namespace);
  const out = {} as PgIndexes;
  for (const view of VIEWS) {
    // `type: 'int'`: ids are record numbers; an int column keeps them numbers (text ids came back as strings).
    const store = new PostgresDB(`${namespace}_${view}`, { db, schema: 'duizhao', type: 'int' } as never);
    const index = new Index({ ...INDEX_OPTIONS, commit: false });
    await index.mount(store);
    out[view] = index;
  }
  return out;
}

/**
 * Indexes the records into the namespace's tables (emptied first) and returns the common terms'
 * tables, exactly as `indexesOver` does in memory: the same two passes, the same keys.
 */
export async function writePgIndexes(
  db: Database,
  namespace: string,
  records: readonly PairRecord[],
  options: BuildOptions = {},
): Promise<CommonTables> {
  const indexes = await mountPgIndexes(db, namespace);
  for (const view of VIEWS) {
    await indexes[view].clear();
    await dropMapIndexes(db, namespace, view);
  }
  const common = buildCommonTables(records, options, (view, id, terms) => {
    indexes[view].add(id, rareTermText(terms));
  });
  for (const view of VIEWS) {
    await indexes[view].commit();
    await createKeyIndex(db, namespace, view);
  }
  return common;
}

/**
 * The adapter's map table holds one row per (term key, record) and carries two B-tree indexes:
 * on `key` (every lookup: `WHERE key = $1 ORDER BY res`) and on `id` (only for `remove(id)`, the
 * deletion of one record, which we never do: a namespace is always rewritten whole). Both were
 * filled row by row as the adapter inserted, which leaves their pages part empty and never lets
 * PostgreSQL deduplicate the key index's many equal keys (a bucket key stands for thousands of
 * records). So the write drops them, loads the rows, and builds the key index once over the
 * loaded table (sorted, packed, deduplicated): about a third fewer bytes per character and a
 * faster write (docs/scale.md). The names are the adapter's own, so the schema it finds at the
 * next mount is the one it made, minus the id index. Lookups run the same SQL on the same rows.
 */
function mapIndexNames(namespace: string, view: View): { schema: string; key: string; id: string } {
  const schema = indexSchema(namespace, view);
  return { schema, key: `${schema}_map_index`, id: `${schema}_map_id` };
}

async function dropMapIndexes(db: Database, namespace: string, view: View): Promise<void> {
  const names = mapIndexNames(namespace, view);
  await db.none('DROP INDEX IF EXISTS $1:name.$2:name; DROP INDEX IF EXISTS $1:name.$3:name', [
    names.schema,
    names.key,
    names.id,
  ]);
}

async function createKeyIndex(db: Database, namespace: string, view: View): Promise<void> {
  const names = mapIndexNames(namespace, view);
  await db.none('CREATE INDEX $2:name ON $1:name.map (key); ANALYZE $1:name.map', [names.schema, names.key]);
}

/** Drops a namespace's schemas (an old build's index). */
export async function dropPgIndexes(db: Database, namespace: string): Promise<void> {
  for (const view of VIEWS) await db.none('DROP SCHEMA IF EXISTS $1:name CASCADE', [indexSchema(namespace, view)]);
}

/**
 * The records holding every one of these rare terms in a view (ascending), as the in-memory
 * searcher asks FlexSearch (searcher.ts `memoryRareLookup`): by bucket key, all of them.
 */
export async function lookupRare(
  indexes: PgIndexes,
  view: View,
  terms: readonly string[],
  recordCount: number,
): Promise<number[]> {
  return lookupRareKeys(indexes, view, [...new Set(terms.map(rareTermKey))], recordCount);
}

/** The same, for terms already turned into their bucket keys (searcher.ts `rareLookupsOf`). */
export async function lookupRareKeys(
  indexes: PgIndexes,
  view: View,
  keys: readonly string[],
  recordCount: number,
): Promise<number[]> {
  if (keys.length === 0) return [];
  // As in memory: a limit of the record count, i.e. all of them (FlexSearch turns 0 into 100).
  const found = (await indexes[view].search(keys.join(' '), { limit: Math.max(1, recordCount) })) as unknown as Array<
    number | string
  >;
  return [...new Set(found.map(Number))].filter((n) => Number.isSafeInteger(n) && n >= 0).sort((a, b) => a - b);
}
