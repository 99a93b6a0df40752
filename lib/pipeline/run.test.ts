import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, readlink, rm, symlink, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCedict } from '../dictionary/cedict';
import { BUNDLE_FILE, loadSearcher, readBundleFile } from '../search';
import type { BuiltDoc, Manifest } from '../model';
import { sampleMeta } from '../../tests/fixtures/meta';
import { docReport, ingestReport } from './report';
import { buildDocument } from './build-document';
import { IngestError } from './ingest-error';
import { readCorpus } from './read-corpus';
import { ingest } from './run';

const root = path.resolve(import.meta.dirname, '../..');
const TALKS = '2026-05-20-xi-putin-talks';
const TKP = '2025-05-08-takungpao-moscow-talks';
let work: string;

async function corpusWith(name: string, docs: string[]): Promise<string> {
  const dir = path.join(work, name);
  await mkdir(path.join(dir, 'corpus'), { recursive: true });
  for (const d of docs) await cp(path.join(root, 'corpus', d), path.join(dir, 'corpus', d), { recursive: true });
  return dir;
}

const run = (dir: string) => ingest({ root: dir, loadDictionary: loadCedict });
const readBuild = async (dir: string, file: string) => readFile(path.join(dir, 'build', file), 'utf8');

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'duizhao-ingest-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('ingest', () => {
  it('builds every document end to end: blocks, words with pinyin, pairs, an index', async () => {
    const dir = await corpusWith('ok', [TALKS, TKP]);
    await run(dir);
    const manifest = JSON.parse(await readBuild(dir, 'manifest.json')) as Manifest;
    expect(manifest.docs.map((d) => d.meta.id)).toEqual([TKP, TALKS]);
    const talks = JSON.parse(await readBuild(dir, `docs/${TALKS}.json`)) as BuiltDoc;
    expect(talks.stats.blocks).toBe(30);
    expect(talks.stats.enBlocks).toBe(30);
    expect(talks.stats.translated).toBeGreaterThan(0.9);
    const words = talks.zh.flatMap((b) => b.sentences.flatMap((s) => s.words));
    expect(words.find((w) => w.simplified === '合作')?.pinyin).toBe('hé zuò');
    const tkp = JSON.parse(await readBuild(dir, `docs/${TKP}.json`)) as BuiltDoc;
    // Traditional kept beside simplified (row 12); its translation pairs with it block by block.
    expect(tkp.zh.some((b) => b.original.includes('關係') && b.simplified.includes('关系'))).toBe(true);
    expect(tkp.pairs.every((p) => !p.unaligned && p.zh.length === 1 && p.en.length === 1)).toBe(true);
    const gloss = JSON.parse(await readBuild(dir, 'gloss.json')) as Record<string, unknown>;
    expect(gloss['合作']).toBeDefined();
  });

  it('row 15: ingest twice gives a byte-identical build', async () => {
    const dir = await corpusWith('twice', [TALKS]);
    // Every file of the build, by its path inside it.
    const everyFile = async () => {
      const files = (await readdir(path.join(dir, 'build'), { recursive: true, withFileTypes: true })).filter((f) =>
        f.isFile(),
      );
      const entries = await Promise.all(
        files.map(async (f) => {
          const rel = path.relative(path.join(dir, 'build'), path.join(f.parentPath, f.name));
          return [rel, await readBuild(dir, rel)] as const;
        }),
      );
      return new Map(entries);
    };
    await run(dir);
    const first = await everyFile();
    expect(first.size).toBeGreaterThanOrEqual(5);
    await run(dir);
    expect(await everyFile()).toEqual(first);
  });

  it('row 1: a GBK file declared UTF-8 fails naming file and byte, and the previous build stays', async () => {
    const dir = await corpusWith('gbk', [TALKS]);
    await run(dir);
    const before = await readlink(path.join(dir, 'build'));
    await writeFile(
      path.join(dir, 'corpus', TALKS, 'source.txt'),
      new Uint8Array([0xd6, 0xd0, 0xb6, 0xed, 0xb9, 0xd8, 0xcf, 0xb5]),
    );
    await expect(run(dir)).rejects.toThrow(/source\.txt \(byte \d+\)/);
    expect(await readlink(path.join(dir, 'build'))).toBe(before);
    expect(JSON.parse(await readBuild(dir, 'manifest.json'))).toHaveProperty('docs');
  });

  it('row 13: a symlink out of corpus/ and a bad document id are refused', async () => {
    const dir = await corpusWith('links', [TALKS]);
    await symlink(path.join(root, 'lib'), path.join(dir, 'corpus', 'escape'));
    await expect(run(dir)).rejects.toThrow(IngestError);
    await rm(path.join(dir, 'corpus', 'escape'));
    await cp(path.join(root, 'corpus', TALKS), path.join(dir, 'corpus', 'Bad_Id'), { recursive: true });
    await expect(run(dir)).rejects.toThrow(/not a valid document id/);
    await rm(path.join(dir, 'corpus', 'Bad_Id'), { recursive: true });
    // A source that is a symlink to a file outside its folder.
    await rm(path.join(dir, 'corpus', TALKS, 'en.md'));
    await symlink('/etc/hostname', path.join(dir, 'corpus', TALKS, 'en.md'));
    await expect(run(dir)).rejects.toThrow(/outside its document folder/);
  });

  it('row 9: an empty source is a clear error', async () => {
    const dir = await corpusWith('empty', [TALKS]);
    await writeFile(path.join(dir, 'corpus', TALKS, 'source.txt'), '  \n');
    await expect(run(dir)).rejects.toThrow(/no text/);
  });

  it('row 16: an ingest killed halfway leaves the previous build intact and published', async () => {
    const dir = await corpusWith('killed', [TALKS, TKP]);
    await run(dir);
    const before = await readlink(path.join(dir, 'build'));
    const manifestBefore = await readBuild(dir, 'manifest.json');
    // Change the corpus so that a finished ingest would publish a different build.
    const metaPath = path.join(dir, 'corpus', TALKS, 'meta.json');
    await writeFile(
      metaPath,
      (await readFile(metaPath, 'utf8')).replace('"Xi Jinping Holds', '"Changed: Xi Jinping Holds'),
    );
    const child = spawnIngest(dir);
    // Kill it once it reports the second document under way: past the first, before publishing.
    await new Promise<void>((resolve, reject) => {
      let seen = '';
      child.stderr.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        if (/ingest 1\/2/.test(seen)) resolve();
      });
      child.once('exit', () => reject(new Error(`ingest ended before it could be killed: ${seen}`)));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(await readlink(path.join(dir, 'build'))).toBe(before);
    expect(await readBuild(dir, 'manifest.json')).toBe(manifestBefore);
  });
});

/**
 * The CLI's ingest in one process of its own, so that a kill kills the ingest itself (tsx's own
 * CLI would run it in a grandchild that outlives a killed parent).
 */
function spawnIngest(dir: string) {
  const tsx = pathToFileURL(path.join(root, 'node_modules/tsx/dist/loader.mjs')).href; // the package's "." export
  return spawn(process.execPath, ['--import', tsx, path.join(root, 'lib/cli.ts'), 'ingest'], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

/** What a server reading `dir/build` would serve: a whole manifest, every document it lists, and a working search. */
async function servedBuild(dir: string): Promise<{ target: string; manifest: Manifest }> {
  const manifest = JSON.parse(await readBuild(dir, 'manifest.json')) as Manifest;
  for (const d of manifest.docs)
    expect(JSON.parse(await readBuild(dir, `docs/${d.meta.id}.json`))).toHaveProperty('pairs');
  const searcher = await loadSearcher(await readBundleFile(path.join(dir, 'build', BUNDLE_FILE)));
  expect(searcher.search('合作').total).toBeGreaterThan(0);
  return { target: await readlink(path.join(dir, 'build')), manifest };
}

describe('row 16, property: an ingest killed at any moment leaves a whole build serving', () => {
  it('at a spread of moments from start to publishing, the build is the old one or the new one, whole', async () => {
    const dir = await corpusWith('killed-anytime', [TALKS, TKP]);
    await run(dir);
    const metaPath = path.join(dir, 'corpus', TALKS, 'meta.json');
    const original = await readFile(metaPath, 'utf8');
    // How long a whole ingest takes here, from spawn to exit.
    const started = performance.now();
    const full = spawnIngest(dir);
    await new Promise((r) => full.once('exit', r));
    const duration = performance.now() - started;
    for (const [n, share] of [0.3, 0.6, 0.85, 0.95].entries()) {
      const before = await servedBuild(dir);
      // A change that a finished ingest would publish as a different build.
      await writeFile(metaPath, original.replace('"Xi Jinping Holds', `"Run ${n}: Xi Jinping Holds`));
      const child = spawnIngest(dir);
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      await new Promise((r) => setTimeout(r, share * duration));
      child.kill('SIGKILL');
      const code = await exited;
      const after = await servedBuild(dir);
      // Either the old build, untouched, or (killed after publishing, or finished) the new one.
      const isNew = after.manifest.docs.some((d) => d.meta.title.en.startsWith(`Run ${n}:`));
      if (code === 0 || after.target !== before.target) expect(isNew).toBe(true);
      else expect(after.manifest).toEqual(before.manifest);
    }
  }, 120_000);
});

describe('row 10: 40 Chinese paragraphs against 38 English ones', () => {
  const JOINT = '2026-05-20-joint-statements';
  const utf8 = (text: string) => new TextEncoder().encode(text);

  it('keeps all 78 paragraphs, marks the two untranslated ones unaligned and lists them in the report', async () => {
    const dict = loadCedict();
    // The first forty paragraphs of a real document whose translation pairs with it paragraph by
    // paragraph, then the same text rebuilt with two of their translations taken out.
    const [input] = (await readCorpus(path.join(root, 'corpus'))).filter((d) => d.meta.id === JOINT);
    const full = buildDocument(input!, dict);
    const chosen = full.pairs.slice(0, 40);
    expect(chosen.every((p) => p.zh.length === 1 && p.en.length === 1)).toBe(true);
    const missing = [11, 29]; // the 12th and 30th paragraphs lose their translation
    const zh = chosen.map((p) => full.zh[p.zh[0]!]!.original);
    const en = chosen.filter((_, n) => !missing.includes(n)).map((p) => full.en[p.en[0]!]!.text);
    const doc = buildDocument(
      {
        meta: sampleMeta('forty', { translation: { file: 'en.txt', format: 'text', translator: 't', note: 'n' } }),
        source: { path: 'corpus/forty/source.txt', bytes: utf8(zh.join('\n\n')), encoding: 'utf-8', format: 'text' },
        translation: { path: 'corpus/forty/en.txt', bytes: utf8(en.join('\n\n')), encoding: 'utf-8', format: 'text' },
      },
      dict,
    );
    expect(doc.zh).toHaveLength(40);
    expect(doc.en).toHaveLength(38);
    // Nothing lost: every block of either side is in exactly one pair.
    expect(doc.pairs.flatMap((p) => p.zh).sort((a, b) => a - b)).toEqual([...Array(40).keys()]);
    expect(doc.pairs.flatMap((p) => p.en).sort((a, b) => a - b)).toEqual([...Array(38).keys()]);
    const unaligned = doc.pairs.filter((p) => p.unaligned);
    expect(unaligned.map((p) => p.zh)).toEqual(missing.map((n) => [n]));
    const report = ingestReport([docReport(doc)], 'build', 1);
    expect(report).toContain(`forty: unaligned pairs ${unaligned.map((p) => `#p-${p.id + 1}`).join(' ')}`);
  });
});
