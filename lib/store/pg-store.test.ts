/**
 * Builds in PostgreSQL, against the real test server (tests/pg/database.ts): the real corpus is
 * ingested into a temporary folder, published, and the store reading PostgreSQL must give what
 * the store reading the folder gives (manifest, every document, gloss, glossary, search). Then the
 * publishing rules: same build twice writes nothing, a reader never sees half a build, a bad build
 * is refused and leaves the published one in place, old builds are pruned with their indexes.
 */
import { cp, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { connect, disconnectAll, type Database } from '../db/pg';
import { loadCedict } from '../dictionary/cedict';
import { ingest } from '../pipeline/run';
import { BUNDLE_FILE, bundleFromLines, bundleLines, MAX_LIMIT } from '../search';
import { indexSchema } from '../search/pg-index';
import { describePg, uniqueName } from '../../tests/pg/database';
import { BuildFormatError, BuildMissingError } from './errors';
import { pgStorage, publishBuild, readBuildFolder, type BuildFileSource } from './pg-store';

const root = path.resolve(import.meta.dirname, '../..');
const QUERIES = [
  '合作',
  '關係',
  '战略协作',
  'hezuo',
  "xi'an",
  'cooperation',
  '"strategic partnership"',
  '的',
  'de',
  'long',
  '普京 Putin',
];

type Store = typeof import('./index');

/** A fresh store module reading the folder or the database (the store memoises per process). */
async function freshStore(env: {
  DUIZHAO_BUILD?: string;
  DATABASE_URL?: string;
  DUIZHAO_PG_SCHEMA?: string;
}): Promise<Store> {
  vi.resetModules();
  for (const key of ['DUIZHAO_BUILD', 'DATABASE_URL', 'DUIZHAO_PG_SCHEMA'] as const) {
    const value = env[key];
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  return import('./index');
}

describePg('builds in PostgreSQL', (url) => {
  const saved = {
    DUIZHAO_BUILD: process.env.DUIZHAO_BUILD,
    DATABASE_URL: process.env.DATABASE_URL,
    DUIZHAO_PG_SCHEMA: process.env.DUIZHAO_PG_SCHEMA,
  };
  const schema = uniqueName('s');
  let work: string;
  let buildDir: string;
  let files: Map<string, BuildFileSource>;
  /** A file of the build folder as text. */
  const text = (name: string) => readFile(path.join(buildDir, name), 'utf8');
  let db: Database;
  let fromFolder: Store;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'duizhao-pg-store-'));
    await cp(path.join(root, 'corpus'), path.join(work, 'corpus'), { recursive: true });
    buildDir = (await ingest({ root: work, loadDictionary: loadCedict })).buildDir;
    files = await readBuildFolder(buildDir);
    db = connect(url);
    fromFolder = await freshStore({ DUIZHAO_BUILD: buildDir });
  }, 300_000);

  afterAll(async () => {
    if (db) {
      const versions = await db
        .map('SELECT version FROM $1:name.builds', [schema], (r: { version: string }) => r.version)
        .catch(() => []);
      for (const v of versions)
        for (const view of ['zh', 'zhChars', 'en', 'enPairs', 'py'] as const)
          await db.none('DROP SCHEMA IF EXISTS $1:name CASCADE', [indexSchema(`${schema}_${v}`, view)]);
      await db.none('DROP SCHEMA IF EXISTS $1:name CASCADE', [schema]);
    }
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    disconnectAll();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('says there is no build before anything is published', async () => {
    const store = await freshStore({ DATABASE_URL: url, DUIZHAO_PG_SCHEMA: schema });
    // The store's own classes: resetModules gave it a fresh errors module.
    await expect(store.getManifest()).rejects.toBeInstanceOf(store.BuildMissingError);
    await expect(store.getManifest()).rejects.toThrow(/run npm run duizhao -- ingest/);
    await expect(store.getSearcher()).rejects.toBeInstanceOf(store.BuildMissingError);
  });

  it('publishes the build under the id of its folder, and the store reads from PostgreSQL what it reads from the folder', async () => {
    const published = await publishBuild(db, files, { schema });
    expect(published).toEqual({ version: path.basename(await realpath(buildDir)), written: true, pruned: [] });

    const store = await freshStore({ DATABASE_URL: url, DUIZHAO_PG_SCHEMA: schema });
    expect(store.buildStorage().locate('manifest.json')).toContain('PostgreSQL');
    const manifest = await store.getManifest();
    expect(manifest).toEqual(await fromFolder.getManifest());
    expect(manifest.docs.length).toBeGreaterThan(3);
    for (const { meta } of manifest.docs)
      expect(await store.getDoc(meta.id), meta.id).toEqual(await fromFolder.getDoc(meta.id));
    expect(await store.getDoc('no-such-doc')).toBeNull();
    expect(await store.getDoc('../manifest')).toBeNull();
    expect(await store.getGlossary()).toEqual(await fromFolder.getGlossary());
    for (const word of ['合作', '关系', '__proto__', 'constructor'])
      expect(await store.lookupGloss(word), word).toEqual(await fromFolder.lookupGloss(word));
    expect((await store.lookupGloss('合作')).length).toBeGreaterThan(0);

    const [pg, folder] = [await store.getSearcher(), await fromFolder.getSearcher()];
    let hits = 0;
    for (const q of QUERIES) {
      const want = await folder.search(q, { limit: MAX_LIMIT });
      expect(await pg.search(q, { limit: MAX_LIMIT }), q).toEqual(want);
      hits += want.total;
    }
    expect(hits).toBeGreaterThan(100);
  });

  it('upgrades the tables of build format 2 (bundle in one text per build) and publishes into them', async () => {
    const old = `${schema}_f2`;
    try {
      await db.none(
        `CREATE SCHEMA $1:name;
         CREATE TABLE $1:name.builds (version text PRIMARY KEY, format integer NOT NULL, created timestamptz NOT NULL DEFAULT now(),
           manifest text NOT NULL, gloss text NOT NULL, glossary text NOT NULL, records text NOT NULL, common text NOT NULL);
         INSERT INTO $1:name.builds (version, format, manifest, gloss, glossary, records, common) VALUES ('00000000000000aa', 2, '{}', '{}', '[]', '[]', '{}');`,
        [old],
      );
      const published = await publishBuild(db, files, { schema: old });
      expect(published.written).toBe(true);
      const columns = await db.map(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'builds'",
        [old],
        (r: { column_name: string }) => r.column_name,
      );
      expect(columns).not.toContain('records');
      const store = await freshStore({ DATABASE_URL: url, DUIZHAO_PG_SCHEMA: old });
      expect(await (await store.getSearcher()).search('合作')).toEqual(
        await (await fromFolder.getSearcher()).search('合作'),
      );
    } finally {
      const versions = await db
        .map('SELECT version FROM $1:name.builds', [old], (r: { version: string }) => r.version)
        .catch(() => []);
      for (const v of versions)
        for (const view of ['zh', 'zhChars', 'en', 'enPairs', 'py'] as const)
          await db.none('DROP SCHEMA IF EXISTS $1:name CASCADE', [indexSchema(`${old}_${v}`, view)]);
      await db.none('DROP SCHEMA IF EXISTS $1:name CASCADE', [old]);
    }
  });

  it('writes nothing when the same build is published again', async () => {
    const before = await db.one<{ n: number }>('SELECT count(*)::int AS n FROM $1:name.builds', [schema]);
    const again = await publishBuild(db, files, { schema });
    expect(again.written).toBe(false);
    expect(again.version).toBe(path.basename(await realpath(buildDir)));
    expect(await db.one('SELECT count(*)::int AS n FROM $1:name.builds', [schema])).toEqual(before);
  });

  it('never lets a reader see half a build, keeps a reader on its build, and prunes builds older than the previous one', async () => {
    const first = (await publishBuild(db, files, { schema })).version;
    const pinned = pgStorage(url, { schema });
    const pinnedManifest = await pinned.readText('manifest.json');
    // Two more builds: the glossary changed (a different build, as valid as the first).
    const second = new Map(files).set('glossary.json', '[]\n');
    const third = new Map(files).set('gloss.json', '{}\n');

    // While the second is written, read `current` and check its build is whole, again and again.
    let writing = true;
    let checks = 0;
    const watcher = (async () => {
      while (writing) {
        const row = await db.one<{ version: string; docs: number; listed: string }>(
          'SELECT c.version, (SELECT count(*)::int FROM $1:name.docs d WHERE d.version = c.version) AS docs, b.manifest AS listed FROM $1:name.current c JOIN $1:name.builds b USING (version)',
          [schema],
        );
        expect(row.docs).toBe((JSON.parse(row.listed) as { docs: unknown[] }).docs.length);
        checks++;
      }
    })();
    const p2 = await publishBuild(db, second, { schema }).finally(() => {
      writing = false;
    });
    await watcher;
    expect(checks).toBeGreaterThan(1);
    expect(p2).toMatchObject({ written: true, pruned: [] });
    expect(p2.version).not.toBe(first);

    // The pinned reader stays on the first build; a new one sees the second.
    expect(await pinned.readText('manifest.json')).toBe(pinnedManifest);
    expect(await pinned.readText('glossary.json')).toBe(await text('glossary.json'));
    expect(await pgStorage(url, { schema }).readText('glossary.json')).toBe('[]\n');

    // A third build: the first (older than the previous) goes, with its index schemas.
    const p3 = await publishBuild(db, third, { schema });
    expect(p3.pruned).toEqual([first]);
    expect(await db.any('SELECT 1 FROM $1:name.docs WHERE version = $2', [schema, first])).toEqual([]);
    const left = await db.any('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [
      indexSchema(`${schema}_${first}`, 'zh'),
    ]);
    expect(left).toEqual([]);
    expect(await pgStorage(url, { schema }).readText('gloss.json')).toBe('{}\n');
  });

  it('an app reading PostgreSQL picks up a newly published build without a restart (version(), then the store)', async () => {
    const base = (await publishBuild(db, files, { schema })).version;
    const storage = pgStorage(url, { schema });
    expect(await storage.version()).toBe(base);
    const before = await storage.readText('glossary.json');
    const changed = await publishBuild(db, new Map(files).set('glossary.json', '[{"changed":true}]\n'), { schema });
    // Until asked, reads stay on the build they started with; version() moves them to the new one.
    expect(await storage.readText('glossary.json')).toBe(before);
    expect(await storage.version()).toBe(changed.version);
    expect(await storage.readText('glossary.json')).toBe('[{"changed":true}]\n');

    // The store asks version() when its check is due and drops its memoised reads.
    const store = await freshStore({ DATABASE_URL: url, DUIZHAO_PG_SCHEMA: schema });
    expect(await store.getGlossary()).toEqual([{ changed: true }]);
    await publishBuild(db, files, { schema });
    await store.fresh({ force: true });
    expect(await store.getGlossary()).toEqual(JSON.parse(await text('glossary.json')));
  });

  it('refuses a bad build and leaves the published one in place', async () => {
    const current = await db.one<{ version: string }>('SELECT version FROM $1:name.current', [schema]);
    const manifest = JSON.parse(await text('manifest.json')) as {
      formatVersion: number;
      docs: Array<{ meta: { id: string } }>;
    };
    const oldFormat = new Map(files).set('manifest.json', JSON.stringify({ ...manifest, formatVersion: 1 }));
    await expect(publishBuild(db, oldFormat, { schema })).rejects.toBeInstanceOf(BuildFormatError);
    const missingDoc = new Map(files);
    missingDoc.delete(`docs/${manifest.docs[0]?.meta.id}.json`);
    await expect(publishBuild(db, missingDoc, { schema })).rejects.toBeInstanceOf(BuildMissingError);
    const notJson = new Map(files).set('gloss.json', '{"broken');
    await expect(publishBuild(db, notJson, { schema })).rejects.toBeInstanceOf(BuildFormatError);
    const lines = (await text(BUNDLE_FILE)).split(/(?<=\n)/);
    const bundle = await bundleFromLines(lines);
    const wrongTables = new Map(files).set(BUNDLE_FILE, [
      ...bundleLines({ ...bundle, common: { ...bundle.common, zhChars: [] } }),
    ]);
    await expect(publishBuild(db, wrongTables, { schema })).rejects.toThrow(/common-term tables/);
    const cutShort = new Map(files).set(BUNDLE_FILE, lines.slice(0, -1));
    await expect(publishBuild(db, cutShort, { schema })).rejects.toThrow(/without its end line/);
    const badLine = new Map(files).set(BUNDLE_FILE, [lines[0]!, '{"broken\n', ...lines.slice(2)]);
    await expect(publishBuild(db, badLine, { schema })).rejects.toThrow(/line 2 is not valid JSON/);
    expect(await db.one('SELECT version FROM $1:name.current', [schema])).toEqual(current);
    await expect(publishBuild(db, files, { schema: 'Bad-Name' })).rejects.toThrow(/Schema name/);
    // From a folder: files are read when needed, strictly; a bad byte in a document or the bundle is refused.
    const copy = await mkdtemp(path.join(tmpdir(), 'duizhao-pg-bad-'));
    try {
      await cp(buildDir, copy, { recursive: true });
      const doc = path.join(copy, 'docs', `${manifest.docs[0]!.meta.id}.json`);
      const bytes = await readFile(doc);
      await writeFile(doc, Buffer.concat([bytes.subarray(0, 20), Buffer.from([0xff]), bytes.subarray(21)]));
      await expect(publishBuild(db, await readBuildFolder(copy), { schema })).rejects.toThrow(/is not valid UTF-8/);
      await writeFile(doc, bytes);
      const bundleFile = path.join(copy, BUNDLE_FILE);
      const whole = await readFile(bundleFile);
      await writeFile(bundleFile, whole.toString('utf8').split('\n').slice(0, 3).join('\n'));
      await expect(publishBuild(db, await readBuildFolder(copy), { schema })).rejects.toThrow(/without its end line/);
      await writeFile(bundleFile, whole);
      await rm(path.join(copy, 'gloss.json'));
      await expect(publishBuild(db, await readBuildFolder(copy), { schema })).rejects.toBeInstanceOf(BuildMissingError);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
    expect(await db.one('SELECT version FROM $1:name.current', [schema])).toEqual(current);
  });
});
