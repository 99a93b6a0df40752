/**
 * Builds in PostgreSQL (with DATABASE_URL set): several app instances serve one corpus, and the
 * ingest can publish from another machine.
 *
 * Tables (schema `duizhao`, or another for tests):
 *   builds(version, format, manifest, gloss, glossary, records, common)  one row per build
 *   docs(version, id, doc)                                               its documents
 *   current(version)                                                     the one published build
 * and the FlexSearch indexes of each build in schemas of their own (lib/search/pg-index.ts).
 *
 * A build's rows are written in one transaction and then published by updating `current` in
 * another, so a reader sees a whole build or none; builds are immutable and keyed by a hash of
 * their files (the same id as the build folder's), so publishing the same build twice writes
 * nothing. The files are kept as the text ingest wrote (not jsonb, which reorders keys), so the
 * store validates them exactly as it validates the build folder's.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { connect, type Database } from '../db/pg';
import { BUILD_FORMAT_VERSION, type IndexBundle, type Manifest } from '../model';
import { exportCommon, importCommon } from '../search/common-terms';
import { dropPgIndexes, mountPgIndexes, writePgIndexes } from '../search/pg-index';
import { pgSearcher } from '../search/pg-searcher';
import { BuildFormatError, BuildMissingError } from './errors';
import type { BuildFileName, BuildStorage } from './storage';

export interface PgStoreOptions {
  /** The schema of the build tables (default `duizhao`); tests use their own. */
  schema?: string;
}

const SCHEMA = /^[a-z][a-z0-9_]{0,19}$/;
const VERSION = /^[0-9a-f]{16}$/;
const DOC_FILE = /^docs\/([^/]+)\.json$/;
/** Same advisory lock for every writer of the build tables: creation and publishing take turns. */
const LOCK = 0x64_7a_68_6f; // "dzho"
const PUBLISH_LOCK = LOCK + 1;

function schemaOf(options: PgStoreOptions): string {
  const schema = options.schema ?? 'duizhao';
  if (!SCHEMA.test(schema)) throw new Error(`Schema name ${JSON.stringify(schema)} must be a lowercase letter then up to 19 of a-z, 0-9, _.`);
  return schema;
}

/** The FlexSearch namespace of a build (pg-index.ts): its schemas are `duizhao_<schema>_<version>_<view>`. */
const indexNamespace = (schema: string, version: string): string => `${schema}_${version}`;

/** Not there yet: no schema or table (nothing published to this database). */
function isUndefinedTable(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === '42P01' || code === '3F000';
}

async function ensureTables(db: Database, schema: string): Promise<void> {
  await db.tx(async (t) => {
    await t.any('SELECT pg_advisory_xact_lock($1)', [LOCK]);
    await t.none(
      `CREATE SCHEMA IF NOT EXISTS $1:name;
       CREATE TABLE IF NOT EXISTS $1:name.builds (
         version  text PRIMARY KEY,
         format   integer NOT NULL,
         created  timestamptz NOT NULL DEFAULT now(),
         manifest text NOT NULL,
         gloss    text NOT NULL,
         glossary text NOT NULL,
         records  text NOT NULL,
         common   text NOT NULL
       );
       CREATE TABLE IF NOT EXISTS $1:name.docs (
         version text NOT NULL REFERENCES $1:name.builds (version) ON DELETE CASCADE,
         id      text NOT NULL,
         doc     text NOT NULL,
         PRIMARY KEY (version, id)
       );
       CREATE TABLE IF NOT EXISTS $1:name.current (
         only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
         version  text NOT NULL REFERENCES $1:name.builds (version)
       );`,
      [schema],
    );
  });
}

/**
 * The id of a build: sha256 over its files sorted by name (name, NUL, content, NUL), 16 hex digits.
 * The rule of `writeBuild` in lib/pipeline/run.ts, so a build has one id in the folder and in the
 * database (written again here because run.ts keeps it inside `writeBuild`).
 */
export function buildVersion(files: ReadonlyMap<string, string>): string {
  const hash = createHash('sha256');
  for (const [name, content] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) hash.update(name).update('\0').update(content).update('\0');
  return hash.digest('hex').slice(0, 16);
}

function parseFile<T>(files: ReadonlyMap<string, string>, name: string): T {
  const text = files.get(name);
  if (text === undefined) throw new BuildMissingError(name);
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new BuildFormatError(name, 'is not valid JSON');
  }
}

export interface Published {
  version: string;
  /** False when this build was already in the database (only `current` was set). */
  written: boolean;
  /** Builds removed (all but the new one and the one it replaced). */
  pruned: string[];
}

/**
 * Writes a build (its files, as in the build folder) to PostgreSQL and publishes it. Checks it
 * first: format version, every listed document present, the search bundle's common tables equal to
 * the ones indexing the records again gives (else the index and the tables would disagree).
 */
export async function publishBuild(db: Database, files: ReadonlyMap<string, string>, options: PgStoreOptions = {}): Promise<Published> {
  const schema = schemaOf(options);
  const manifest = parseFile<Manifest>(files, 'manifest.json');
  if (manifest?.formatVersion !== BUILD_FORMAT_VERSION || !Array.isArray(manifest.docs)) {
    throw new BuildFormatError('manifest.json', `is not a build of format version ${BUILD_FORMAT_VERSION}`);
  }
  const docs = manifest.docs.map((d) => {
    const name = `docs/${d.meta.id}.json`;
    const text = files.get(name);
    if (text === undefined) throw new BuildMissingError(name);
    return { id: d.meta.id, doc: text };
  });
  const bundle = parseFile<IndexBundle>(files, 'search.json');
  if (!Array.isArray(bundle?.records)) throw new BuildFormatError('search.json', 'is not a search bundle');
  for (const name of ['gloss.json', 'glossary.json']) parseFile<unknown>(files, name);
  const version = buildVersion(files);
  await ensureTables(db, schema);
  // One publisher at a time (a session lock, held on one pooled connection while the others
  // write): two writing the same build's index at once would duplicate its rows.
  return db.task(async (session) => {
    await session.any('SELECT pg_advisory_lock($1)', [PUBLISH_LOCK]);
    try {
      return await writeAndPublish(db, schema, version, files, docs, bundle);
    } finally {
      await session.any('SELECT pg_advisory_unlock($1)', [PUBLISH_LOCK]);
    }
  });
}

async function writeAndPublish(
  db: Database,
  schema: string,
  version: string,
  files: ReadonlyMap<string, string>,
  docs: Array<{ id: string; doc: string }>,
  bundle: IndexBundle,
): Promise<Published> {

  const exists = await db.oneOrNone('SELECT 1 FROM $1:name.builds WHERE version = $2', [schema, version]);
  if (!exists) {
    // The index first, in its own schemas (FlexSearch's transactions): nothing refers to it until
    // the build row exists, and an interrupted attempt is simply overwritten by the next.
    const common = await writePgIndexes(db, indexNamespace(schema, version), bundle.records);
    const commonText = JSON.stringify(exportCommon(common));
    if (commonText !== JSON.stringify(bundle.common)) {
      await dropPgIndexes(db, indexNamespace(schema, version));
      throw new BuildFormatError('search.json', 'has common-term tables that differ from indexing its records again (a build of another version?)');
    }
    await db.tx(async (t) => {
      await t.none(
        'INSERT INTO $1:name.builds (version, format, manifest, gloss, glossary, records, common) VALUES ($2, $3, $4, $5, $6, $7, $8)',
        [schema, version, BUILD_FORMAT_VERSION, files.get('manifest.json'), files.get('gloss.json'), files.get('glossary.json'), JSON.stringify(bundle.records), commonText],
      );
      for (const d of docs) await t.none('INSERT INTO $1:name.docs (version, id, doc) VALUES ($2, $3, $4)', [schema, version, d.id, d.doc]);
    });
  }

  // Publish: one row updated in one transaction, so a reader sees the old build or the new one.
  const pruned = await db.tx(async (t) => {
    await t.any('SELECT pg_advisory_xact_lock($1)', [LOCK]);
    const before = await t.oneOrNone<{ version: string }>('SELECT version FROM $1:name.current', [schema]);
    await t.none(
      'INSERT INTO $1:name.current (only_row, version) VALUES (true, $2) ON CONFLICT (only_row) DO UPDATE SET version = EXCLUDED.version',
      [schema, version],
    );
    const keep = [version, before?.version ?? version];
    const old = await t.map('SELECT version FROM $1:name.builds WHERE version <> ALL($2::text[])', [schema, keep], (r: { version: string }) => r.version);
    if (old.length > 0) await t.none('DELETE FROM $1:name.builds WHERE version = ANY($2::text[])', [schema, old]);
    return old;
  });
  for (const old of pruned) await dropPgIndexes(db, indexNamespace(schema, old));
  return { version, written: !exists, pruned };
}

/** Reads a build folder's files (strict UTF-8) for `publishBuild`. */
export async function readBuildFolder(dir: string): Promise<Map<string, string>> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const files = new Map<string, string>();
  const read = async (name: string) => {
    try {
      files.set(name, decoder.decode(await readFile(path.join(dir, name))));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new BuildMissingError(path.join(dir, name));
      if (error instanceof TypeError) throw new BuildFormatError(path.join(dir, name), 'is not valid UTF-8');
      throw error;
    }
  };
  for (const name of ['manifest.json', 'gloss.json', 'glossary.json', 'search.json']) await read(name);
  for (const entry of await readdir(path.join(dir, 'docs'))) if (entry.endsWith('.json')) await read(`docs/${entry}`);
  return files;
}

/**
 * The build published in PostgreSQL, as a storage for the store. The version is read once, at
 * the first read, and kept until `version()` sees another one in `current` (the store asks at most
 * once a second, lib/store/index.ts): so the reads between two checks all come from one build.
 */
export function pgStorage(url: string, options: PgStoreOptions = {}): BuildStorage {
  const schema = schemaOf(options);
  const db = connect(url);
  let version: Promise<string | null> | undefined;
  const current = () => {
    version ??= db
      .oneOrNone<{ version: string }>('SELECT version FROM $1:name.current', [schema])
      .then((row) => row?.version ?? null)
      .catch((error: unknown) => {
        if (isUndefinedTable(error)) return null;
        throw error;
      })
      .then((v) => {
        // A database without a published build yet: ask again next time.
        if (v === null) version = undefined;
        else if (!VERSION.test(v)) throw new BuildFormatError(`${schema}.current`, `names an invalid build version ${JSON.stringify(v)}`);
        return v;
      });
    return version;
  };
  const latest = async (): Promise<string | null> => {
    const row = await db.oneOrNone<{ version: string }>('SELECT version FROM $1:name.current', [schema]).catch((error: unknown) => {
      if (isUndefinedTable(error)) return null;
      throw error;
    });
    return row?.version ?? null;
  };
  const column = { 'manifest.json': 'manifest', 'gloss.json': 'gloss', 'glossary.json': 'glossary' } as const;
  return {
    locate: (name) => `${name} of the build published in PostgreSQL (schema ${schema})`,
    async version() {
      const v = await latest();
      // A new build published: the reads from now on come from it.
      if (v !== null && version !== undefined && (await version.catch(() => null)) !== v) version = undefined;
      return v;
    },
    async readText(name: BuildFileName) {
      const v = await current();
      if (v === null) return null;
      const doc = DOC_FILE.exec(name);
      if (doc) {
        const row = await db.oneOrNone<{ doc: string }>('SELECT doc FROM $1:name.docs WHERE version = $2 AND id = $3', [schema, v, doc[1]]);
        return row?.doc ?? null;
      }
      const col = column[name as keyof typeof column];
      if (col === undefined) return null;
      const row = await db.oneOrNone<Record<string, string>>('SELECT $1:name AS text FROM $2:name.builds WHERE version = $3', [col, schema, v]);
      return row?.text ?? null;
    },
    async searcher() {
      const v = await current();
      if (v === null) throw new BuildMissingError(`the search index of the build published in PostgreSQL (schema ${schema})`);
      const row = await db.oneOrNone<{ records: string; common: string }>('SELECT records, common FROM $1:name.builds WHERE version = $2', [schema, v]);
      if (!row) throw new BuildMissingError(`build ${v} in PostgreSQL (schema ${schema})`);
      const records = JSON.parse(row.records) as IndexBundle['records'];
      if (!Array.isArray(records)) throw new BuildFormatError(`build ${v}`, 'has no list of pair records');
      const common = importCommon(JSON.parse(row.common), records.length);
      return pgSearcher(records, common, await mountPgIndexes(db, indexNamespace(schema, v)));
    },
  };
}

/** For the command line: publish the build folder `dir` to the database at `url`. */
export async function publishBuildFolder(url: string, dir: string, options: PgStoreOptions = {}): Promise<Published> {
  return publishBuild(connect(url), await readBuildFolder(dir), options);
}
