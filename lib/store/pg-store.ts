/**
 * Builds in PostgreSQL (with DATABASE_URL set): several app instances serve one corpus, and the
 * ingest can publish from another machine.
 *
 * Tables (schema `duizhao`, or another for tests):
 *   builds(version, format, manifest, gloss, glossary)  one row per build
 *   docs(version, id, doc)                              its documents
 *   bundle(version, seq, line)                          its search bundle's records and common-term
 *                                                       lines, as in search.jsonl (bundle-lines.ts)
 *   current(version)                                    the one published build
 * and the FlexSearch indexes of each build in schemas of their own (lib/search/pg-index.ts).
 *
 * A build's rows are written in one transaction and then published by updating `current` in
 * another, so a reader sees a whole build or none; builds are immutable and keyed by a hash of
 * their files (the same id as the build folder's), so publishing the same build twice writes
 * nothing. The files are kept as the text ingest wrote (not jsonb, which reorders keys), so the
 * store validates them exactly as it validates the build folder's.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { connect, type Database } from '../db/pg';
import { BUILD_FORMAT_VERSION, type IndexBundle, type Manifest } from '../model';
import { strictLines } from '../search/bundle-file';
import { BUNDLE_FILE, bundleFromLines, BundleFormatError, bundleLines, type BundlePart } from '../search/bundle-lines';
import { commonEntries, importCommon } from '../search/common-terms';
import type { View } from '../search/views';
import { dropPgIndexes, mountPgIndexes, writePgIndexes } from '../search/pg-index';
import { pgSearcher } from '../search/pg-searcher';
import { buildId, contentDigest, type BuildFileText } from '../base/build-version';
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
  if (!SCHEMA.test(schema))
    throw new Error(`Schema name ${JSON.stringify(schema)} must be a lowercase letter then up to 19 of a-z, 0-9, _.`);
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
         glossary text NOT NULL
       );
       -- Build format 2 kept the bundle's records and common tables in one text each, which stops
       -- at PostgreSQL's 1 GB per value (and V8's longest string before it); its builds are
       -- refused by the app anyway (format version), so the columns simply go.
       ALTER TABLE $1:name.builds DROP COLUMN IF EXISTS records, DROP COLUMN IF EXISTS common;
       -- The word links of every sentence bead (wordlinks.json); NULL for a build made before
       -- word alignment, whose features then fall back on their own.
       ALTER TABLE $1:name.builds ADD COLUMN IF NOT EXISTS wordlinks text;
       CREATE TABLE IF NOT EXISTS $1:name.bundle (
         version text NOT NULL REFERENCES $1:name.builds (version) ON DELETE CASCADE,
         seq     integer NOT NULL,
         line    text NOT NULL,
         PRIMARY KEY (version, seq)
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

/** The build's word links (lib/pipeline/word-links.ts), kept in `builds.wordlinks`. */
const WORD_LINKS_FILE = 'wordlinks.json';

/** What PostgreSQL keeps of the bundle: the index itself lives in FlexSearch's tables (pg-index.ts). */
const STORED_PARTS: ReadonlySet<BundlePart> = new Set(['records', 'common']);

/**
 * A file of a build to publish: its text (whole, or in pieces such as search.jsonl's lines), or
 * where it is on disk, read when it is needed (a document to insert, the bundle to parse) and let
 * go after: a build of 100 M characters has ~8 GB of document JSON, more than a process may hold.
 */
export type BuildFileSource = BuildFileText | { readonly file: string };

const onDisk = (source: BuildFileSource): source is { readonly file: string } =>
  typeof source === 'object' && 'file' in source;

function sourceOf(files: ReadonlyMap<string, BuildFileSource>, name: string): BuildFileSource {
  const source = files.get(name);
  if (source === undefined) throw new BuildMissingError(name);
  return source;
}

/** The digest of a file's content: from its bytes on disk, or its text (lib/base/build-version.ts). */
async function digestOf(source: BuildFileSource): Promise<string> {
  const digest = contentDigest();
  if (typeof source === 'string') digest.update(source);
  else if (onDisk(source))
    for await (const chunk of createReadStream(source.file) as AsyncIterable<Buffer>) digest.update(chunk);
  else for (const piece of source) digest.update(piece);
  return digest.hex();
}

/** A file's text, decoded strictly when read from disk. */
async function textOf(files: ReadonlyMap<string, BuildFileSource>, name: string): Promise<string> {
  const source = sourceOf(files, name);
  if (typeof source === 'string') return source;
  if (!onDisk(source)) return [...source].join('');
  let bytes: Buffer;
  try {
    bytes = await readFile(source.file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new BuildMissingError(source.file);
    throw error;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BuildFormatError(source.file, 'is not valid UTF-8');
  }
}

/** A file's lines: from disk line by line (bundle-file.ts), pieces as given, a whole text cut into them. */
function linesOf(source: BuildFileSource): Iterable<string> | AsyncIterable<string> {
  if (onDisk(source)) return strictLines(source.file);
  if (typeof source !== 'string') return source;
  const lines = source.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * The bundle of a build's files, checked as the folder storage checks it, without the index's
 * parts: PostgreSQL indexes the records again (pg-index.ts) and keeps no exported index.
 */
async function parseBundle(files: ReadonlyMap<string, BuildFileSource>): Promise<IndexBundle> {
  const source = sourceOf(files, BUNDLE_FILE);
  try {
    return await bundleFromLines(linesOf(source), STORED_PARTS);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new BuildMissingError(BUNDLE_FILE);
    if (error instanceof BundleFormatError) throw new BuildFormatError(BUNDLE_FILE, error.message);
    throw error;
  }
}

/** Whether two sequences of lines are equal, line by line (never joined: a bundle's may be too long for one string). */
function sameLines(a: Iterable<string>, b: Iterable<string>): boolean {
  const left = a[Symbol.iterator]();
  const right = b[Symbol.iterator]();
  for (;;) {
    const x = left.next();
    const y = right.next();
    if (x.done || y.done) return Boolean(x.done) && Boolean(y.done);
    if (x.value !== y.value) return false;
  }
}

async function parseFile<T>(files: ReadonlyMap<string, BuildFileSource>, name: string): Promise<T> {
  const text = await textOf(files, name);
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
export async function publishBuild(
  db: Database,
  files: ReadonlyMap<string, BuildFileSource>,
  options: PgStoreOptions = {},
): Promise<Published> {
  const schema = schemaOf(options);
  const manifest = await parseFile<Manifest>(files, 'manifest.json');
  if (manifest?.formatVersion !== BUILD_FORMAT_VERSION || !Array.isArray(manifest.docs)) {
    throw new BuildFormatError('manifest.json', `is not a build of format version ${BUILD_FORMAT_VERSION}`);
  }
  const docs = manifest.docs.map((d) => {
    const name = `docs/${d.meta.id}.json`;
    sourceOf(files, name);
    return { id: d.meta.id, name };
  });
  const bundle = await parseBundle(files);
  for (const name of ['gloss.json', 'glossary.json']) await parseFile<unknown>(files, name);
  const digests = new Map<string, string>();
  for (const [name, source] of files) digests.set(name, await digestOf(source));
  const version = buildId(digests);
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
  files: ReadonlyMap<string, BuildFileSource>,
  docs: Array<{ id: string; name: string }>,
  bundle: IndexBundle,
): Promise<Published> {
  const exists = await db.oneOrNone('SELECT 1 FROM $1:name.builds WHERE version = $2', [schema, version]);
  if (!exists) {
    // The index first, in its own schemas (FlexSearch's transactions): nothing refers to it until
    // the build row exists, and an interrupted attempt is simply overwritten by the next.
    const common = await writePgIndexes(db, indexNamespace(schema, version), bundle.records);
    const onlyCommon: ReadonlySet<BundlePart> = new Set(['common']);
    // The rebuilt tables' lines made an entry at a time (commonEntries), never all at once.
    const rebuilt = {
      records: bundle.records,
      indexParts: () => ({}),
      commonEntries: (view: View) => commonEntries(common[view]),
    };
    if (!sameLines(bundleLines(rebuilt, onlyCommon), bundleLines(bundle, onlyCommon))) {
      await dropPgIndexes(db, indexNamespace(schema, version));
      throw new BuildFormatError(
        BUNDLE_FILE,
        'has common-term tables that differ from indexing its records again (a build of another version?)',
      );
    }
    await db.tx(async (t) => {
      await t.none(
        'INSERT INTO $1:name.builds (version, format, manifest, gloss, glossary, wordlinks) VALUES ($2, $3, $4, $5, $6, $7)',
        [
          schema,
          version,
          BUILD_FORMAT_VERSION,
          await textOf(files, 'manifest.json'),
          await textOf(files, 'gloss.json'),
          await textOf(files, 'glossary.json'),
          files.has(WORD_LINKS_FILE) ? await textOf(files, WORD_LINKS_FILE) : null,
        ],
      );
      let seq = 0;
      for (const line of bundleLines(bundle, STORED_PARTS))
        await t.none('INSERT INTO $1:name.bundle (version, seq, line) VALUES ($2, $3, $4)', [
          schema,
          version,
          seq++,
          line,
        ]);
      // One document in memory at a time.
      for (const d of docs)
        await t.none('INSERT INTO $1:name.docs (version, id, doc) VALUES ($2, $3, $4)', [
          schema,
          version,
          d.id,
          await textOf(files, d.name),
        ]);
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
    const old = await t.map(
      'SELECT version FROM $1:name.builds WHERE version <> ALL($2::text[])',
      [schema, keep],
      (r: { version: string }) => r.version,
    );
    if (old.length > 0) await t.none('DELETE FROM $1:name.builds WHERE version = ANY($2::text[])', [schema, old]);
    return old;
  });
  for (const old of pruned) await dropPgIndexes(db, indexNamespace(schema, old));
  return { version, written: !exists, pruned };
}

/** A build folder's files for `publishBuild`: where they are, read (strictly) when needed. */
export async function readBuildFolder(dir: string): Promise<Map<string, BuildFileSource>> {
  // turbopackIgnore: a folder named at run time (the CLI's --build), never part of the app's bundle.
  const files = new Map<string, BuildFileSource>();
  for (const name of ['manifest.json', 'gloss.json', 'glossary.json', BUNDLE_FILE])
    files.set(name, { file: path.join(/*turbopackIgnore: true*/ dir, name) });
  // A build made before word alignment has no wordlinks.json: published without it.
  const wordLinks = path.join(/*turbopackIgnore: true*/ dir, WORD_LINKS_FILE);
  if (
    await stat(wordLinks).then(
      (info) => info.isFile(),
      () => false,
    )
  )
    files.set(WORD_LINKS_FILE, { file: wordLinks });
  let entries: string[];
  try {
    entries = await readdir(path.join(/*turbopackIgnore: true*/ dir, 'docs'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new BuildMissingError(path.join(/*turbopackIgnore: true*/ dir, 'docs'));
    throw error;
  }
  for (const entry of entries)
    if (entry.endsWith('.json'))
      files.set(`docs/${entry}`, { file: path.join(/*turbopackIgnore: true*/ dir, 'docs', entry) });
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
        else if (!VERSION.test(v))
          throw new BuildFormatError(`${schema}.current`, `names an invalid build version ${JSON.stringify(v)}`);
        return v;
      });
    return version;
  };
  const latest = async (): Promise<string | null> => {
    const row = await db
      .oneOrNone<{ version: string }>('SELECT version FROM $1:name.current', [schema])
      .catch((error: unknown) => {
        if (isUndefinedTable(error)) return null;
        throw error;
      });
    return row?.version ?? null;
  };
  const column = {
    'manifest.json': 'manifest',
    'gloss.json': 'gloss',
    'glossary.json': 'glossary',
    [WORD_LINKS_FILE]: 'wordlinks',
  } as const;
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
        const row = await db.oneOrNone<{ doc: string }>('SELECT doc FROM $1:name.docs WHERE version = $2 AND id = $3', [
          schema,
          v,
          doc[1],
        ]);
        return row?.doc ?? null;
      }
      const col = column[name as keyof typeof column];
      if (col === undefined) return null;
      const row = await db.oneOrNone<Record<string, string>>(
        'SELECT $1:name AS text FROM $2:name.builds WHERE version = $3',
        [col, schema, v],
      );
      return row?.text ?? null;
    },
    async searcher() {
      const v = await current();
      if (v === null)
        throw new BuildMissingError(`the search index of the build published in PostgreSQL (schema ${schema})`);
      const rows = await db.map(
        'SELECT line FROM $1:name.bundle WHERE version = $2 ORDER BY seq',
        [schema, v],
        (r: { line: string }) => r.line,
      );
      if (rows.length === 0) throw new BuildMissingError(`build ${v} in PostgreSQL (schema ${schema})`);
      let bundle: IndexBundle;
      try {
        bundle = await bundleFromLines(rows);
      } catch (error) {
        if (error instanceof BundleFormatError)
          throw new BuildFormatError(`the search bundle of build ${v}`, error.message);
        throw error;
      }
      rows.length = 0; // the lines are parsed: let them go before the index is mounted
      return pgSearcher(
        bundle.records,
        importCommon(bundle.common, bundle.records.length),
        await mountPgIndexes(db, indexNamespace(schema, v)),
      );
    },
  };
}

/** For the command line: publish the build folder `dir` to the database at `url`. */
export async function publishBuildFolder(url: string, dir: string, options: PgStoreOptions = {}): Promise<Published> {
  return publishBuild(connect(url), await readBuildFolder(dir), options);
}
