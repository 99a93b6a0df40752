/**
 * The incremental and parallel ingest, end to end on real documents: every comparison is against
 * a full ingest with no cache at all, file by file over the whole build.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCedict } from '../dictionary/cedict';
import { IngestError } from './ingest-error';
import { ingest, type IngestOptions } from './run';

const root = path.resolve(import.meta.dirname, '../..');
const TALKS = '2026-05-20-xi-putin-talks';
const TKP = '2025-05-08-takungpao-moscow-talks';
const SUMMIT = '2026-05-19-summit-expectations';
let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'duizhao-incremental-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function corpusWith(name: string, docs: string[]): Promise<string> {
  const dir = path.join(work, name);
  await mkdir(path.join(dir, 'corpus'), { recursive: true });
  for (const d of docs) await cp(path.join(root, 'corpus', d), path.join(dir, 'corpus', d), { recursive: true });
  return dir;
}

/** An ingest of `dir`'s corpus into `dir/<build>`, counting the dictionary loads of the main thread. */
async function run(dir: string, options: Partial<IngestOptions> & { build?: string } = {}) {
  let loads = 0;
  const result = await ingest({
    root: dir,
    buildDir: path.join(dir, options.build ?? 'build'),
    loadDictionary: () => {
      loads++;
      return loadCedict();
    },
    ...options,
  });
  return { ...result, loads };
}

/** Every file of a build, by its path inside it. */
async function everyFile(buildLink: string): Promise<Map<string, string>> {
  const files = (await readdir(buildLink, { recursive: true, withFileTypes: true })).filter((f) => f.isFile());
  const entries = await Promise.all(
    files.map(async (f) => {
      const rel = path.relative(buildLink, path.join(f.parentPath, f.name));
      return [rel, await readFile(path.join(buildLink, rel), 'utf8')] as const;
    }),
  );
  return new Map(entries.sort(([a], [b]) => (a < b ? -1 : 1)));
}

const cacheEntries = async (dir: string, docId: string) => readdir(path.join(dir, '.cache/ingest', docId));

describe('incremental ingest', () => {
  it('after editing one document, a warm ingest rebuilds only it and writes the same bytes as a full ingest', async () => {
    const dir = await corpusWith('edit', [TALKS, TKP, SUMMIT]);
    const cold = await run(dir);
    expect(cold.built).toEqual([TKP, SUMMIT, TALKS]);
    expect(cold.cached).toEqual([]);
    const [oldEntry] = await cacheEntries(dir, TALKS);

    // One document changes: a paragraph of its source and its title.
    const source = path.join(dir, 'corpus', TALKS, 'source.txt');
    await writeFile(source, `${await readFile(source, 'utf8')}\n\n双方同意继续加强合作。\n`);
    const metaPath = path.join(dir, 'corpus', TALKS, 'meta.json');
    await writeFile(
      metaPath,
      (await readFile(metaPath, 'utf8')).replace('"Xi Jinping Holds', '"Edited: Xi Jinping Holds'),
    );

    const warm = await run(dir);
    expect(warm.built).toEqual([TALKS]);
    expect(warm.cached).toEqual([TKP, SUMMIT]);
    const full = await run(dir, { build: 'full-build', cacheDir: false });
    expect(full.built).toHaveLength(3);
    const warmFiles = await everyFile(path.join(dir, 'build'));
    // manifest, gloss, glossary, search index, word links + the three documents.
    expect(warmFiles.size).toBe(5 + 3);
    expect(warmFiles).toEqual(await everyFile(path.join(dir, 'full-build')));
    expect(warmFiles.get(`docs/${TALKS}.json`)).toContain('双方同意继续加强合作');
    // The edited document keeps its previous entry beside the new one (two at most)...
    const entries = await cacheEntries(dir, TALKS);
    expect(entries).toHaveLength(2);
    expect(entries).toContain(oldEntry);
    // ...and a second edit prunes the stale one.
    await writeFile(source, `${await readFile(source, 'utf8')}\n\n双方还讨论了其他问题。\n`);
    expect((await run(dir)).built).toEqual([TALKS]);
    const after = await cacheEntries(dir, TALKS);
    expect(after).toHaveLength(2);
    expect(after).not.toContain(oldEntry);
  }, 180_000);

  it('when nothing changed: nothing is built, the dictionary is not loaded, and the build is the same', async () => {
    const dir = await corpusWith('same', [TALKS, TKP]);
    const first = await run(dir);
    expect(first.loads).toBe(1);
    const before = await everyFile(path.join(dir, 'build'));
    const again = await run(dir);
    expect(again.built).toEqual([]);
    expect(again.cached).toEqual([TKP, TALKS]);
    expect(again.loads).toBe(0);
    expect(await everyFile(path.join(dir, 'build'))).toEqual(before);

    // --full ignores the cache: everything is built again, to the same bytes.
    const full = await run(dir, { full: true });
    expect(full.built).toEqual([TKP, TALKS]);
    expect(full.loads).toBe(1);
    expect(await everyFile(path.join(dir, 'build'))).toEqual(before);
  }, 180_000);

  it('a truncated, corrupted or foreign cache entry is rebuilt, never trusted and never fatal', async () => {
    const dir = await corpusWith('corrupt', [TALKS, TKP]);
    await run(dir);
    const before = await everyFile(path.join(dir, 'build'));
    const entryOf = async (docId: string) =>
      path.join(dir, '.cache/ingest', docId, (await cacheEntries(dir, docId))[0]!);

    // Truncated in the middle of the document's JSON.
    const talks = await entryOf(TALKS);
    const talksText = await readFile(talks, 'utf8');
    await writeFile(talks, talksText.slice(0, Math.floor(talksText.length / 2)));
    // Still valid JSON, but one character of the text changed: only the checksum can tell.
    const tkp = await entryOf(TKP);
    const tkpText = await readFile(tkp, 'utf8');
    const at = tkpText.indexOf('合作');
    expect(at).toBeGreaterThan(0);
    await writeFile(tkp, `${tkpText.slice(0, at)}合做${tkpText.slice(at + 2)}`);
    // The corpus-wide entry replaced by bytes that are not even UTF-8.
    const corpus = await entryOf('.corpus');
    await writeFile(corpus, new Uint8Array([0xff, 0xfe, 0x00, 0x0a, 0x7b]));

    const again = await run(dir);
    expect(again.built).toEqual([TKP, TALKS]);
    expect(await everyFile(path.join(dir, 'build'))).toEqual(before);

    // An entry of another document copied under this one's name: refused by its header.
    await cp(await entryOf(TKP), path.join(dir, '.cache/ingest', TALKS, path.basename(await entryOf(TALKS))));
    const third = await run(dir);
    expect(third.built).toEqual([TALKS]);
    expect(await everyFile(path.join(dir, 'build'))).toEqual(before);
  }, 180_000);

  it('a cache folder that cannot be written costs a rebuild, not the run', async () => {
    const dir = await corpusWith('unwritable', [TKP]);
    // A file where the cache folder should be: every write fails.
    await writeFile(path.join(dir, 'not-a-folder'), 'x');
    const result = await run(dir, { cacheDir: path.join(dir, 'not-a-folder') });
    expect(result.built).toEqual([TKP]);
    expect(JSON.parse(await readFile(path.join(dir, 'build/manifest.json'), 'utf8'))).toHaveProperty('docs');
  }, 120_000);
});

describe('parallel ingest', () => {
  it('two worker threads write the same bytes as one thread', async () => {
    const dir = await corpusWith('parallel', [TALKS, TKP, SUMMIT]);
    const one = await run(dir, { build: 'one', cacheDir: false, workers: 1 });
    const two = await run(dir, { build: 'two', cacheDir: false, workers: 2 });
    expect(one.workers).toBe(1);
    expect(two.workers).toBe(2);
    expect(two.built).toEqual(one.built);
    // The main thread built nothing, so it loaded the dictionary only for the glossary.
    expect(two.loads).toBe(1);
    expect(await everyFile(path.join(dir, 'two'))).toEqual(await everyFile(path.join(dir, 'one')));
  }, 240_000);

  it('a document that fails in a worker fails the run with its id and message, and the previous build stays', async () => {
    const dir = await corpusWith('parallel-fail', [TALKS, TKP]);
    await run(dir, { cacheDir: false });
    const before = await readlink(path.join(dir, 'build'));
    // A source that decodes (strict UTF-8) but holds no text: buildDocument's own error.
    await writeFile(path.join(dir, 'corpus', TKP, 'source.txt'), '  \n');
    const failure = run(dir, { cacheDir: false, workers: 2 });
    await expect(failure).rejects.toThrow(IngestError);
    await expect(failure).rejects.toThrow(new RegExp(`^${TKP}: .*no text`));
    expect(await readlink(path.join(dir, 'build'))).toBe(before);
  }, 180_000);
});
