/**
 * Issue 22, item 1: a save from the import page while `duizhao ingest --full` runs in another
 * process. Before the build lock, the save published, its pruning removed the CLI's half-written
 * build folder, the CLI wrote on into a folder made again and published a build without its
 * documents, exit 0: every reader page then answered 500. Now the save waits for the CLI's run,
 * and both builds are whole; the last one published holds every document.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCedict } from '../dictionary/cedict';
import type { Manifest } from '../model';
import { BUNDLE_FILE, loadSearcher, readBundleFile } from '../search';
import { BuildLock } from '../pipeline/build-lock';
import { saveNewDocument, type SaveContext } from './save';
import { ImportError } from './wire';

const root = path.resolve(import.meta.dirname, '../..');
const DOCS = ['2026-05-20-xi-putin-talks', '2025-05-08-takungpao-moscow-talks'];
let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'duizhao-save-during-ingest-'));
  await mkdir(path.join(work, 'corpus'));
  for (const d of DOCS) await cp(path.join(root, 'corpus', d), path.join(work, 'corpus', d), { recursive: true });
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** `duizhao ingest ARGS` in a process of its own, as a terminal would run it. */
function cliIngest(args: string[], onStderr: (seen: string) => void) {
  const tsx = pathToFileURL(path.join(root, 'node_modules/tsx/dist/loader.mjs')).href;
  const child = spawn(process.execPath, ['--import', tsx, path.join(root, 'lib/cli.ts'), 'ingest', ...args], { cwd: work, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    onStderr(stderr);
  });
  return new Promise<{ code: number | null; stderr: string }>((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

/** Every document the served build lists is there, and its search answers. */
async function wholeBuild(): Promise<string[]> {
  const build = path.join(work, 'build');
  const manifest = JSON.parse(await readFile(path.join(build, 'manifest.json'), 'utf8')) as Manifest;
  for (const d of manifest.docs) expect(JSON.parse(await readFile(path.join(build, 'docs', `${d.meta.id}.json`), 'utf8'))).toHaveProperty('pairs');
  const searcher = await loadSearcher(await readBundleFile(path.join(build, BUNDLE_FILE)));
  expect(searcher.search('合作').total).toBeGreaterThan(0);
  return manifest.docs.map((d) => d.meta.id).sort();
}

describe('row 22.1: a save from the import page during a command-line ingest', () => {
  it('row 22.1: the save waits for the CLI run; both succeed and the build served is whole, with the saved document', async () => {
    const dict = loadCedict();
    const ctx: SaveContext = { root: work, corpusDir: path.join(work, 'corpus'), buildDir: path.join(work, 'build'), dictionary: () => dict, lockWaitMs: 200_000 };
    const form = {
      zh: { bytes: new Uint8Array(await readFile(path.join(root, 'tests/fixtures/import/zh.txt'))), name: 'zh.txt' },
      en: { bytes: new Uint8Array(await readFile(path.join(root, 'tests/fixtures/import/en.md'))), name: 'en.md' },
      fields: { title: '中俄关系', titleEn: 'Relations', date: '2026-01-02', id: 'saved-meanwhile' },
    };
    let save: Promise<unknown> | undefined;
    const cli = cliIngest(['--full', '--workers', '1'], (seen) => {
      // The CLI has its lock and is building its first document: the save starts now.
      if (!save && /ingest 0\/2/.test(seen)) save = saveNewDocument(form, ctx);
    });
    const { code, stderr } = await cli;
    expect(save, 'the save was started while the CLI ran').toBeDefined();
    await expect(save).resolves.toMatchObject({ id: 'saved-meanwhile' });
    expect(code, stderr).toBe(0);
    expect(await wholeBuild()).toEqual([...DOCS, 'saved-meanwhile'].sort());
  }, 240_000);
});

describe('row 22.1: a save while another ingest holds the build for longer than the save waits', () => {
  it('row 22.1: 409, saying so, and the corpus untouched', async () => {
    const ctx: SaveContext = { root: work, corpusDir: path.join(work, 'corpus'), buildDir: path.join(work, 'build'), dictionary: () => loadCedict(), lockWaitMs: 300 };
    const before = (await readdir(ctx.corpusDir)).sort();
    const held = await BuildLock.acquire(ctx.buildDir, { what: 'duizhao ingest' });
    try {
      const form = { zh: { bytes: new TextEncoder().encode('中俄两国深化合作。'), name: 'zh.txt' }, fields: { title: '等待', id: 'waited-too-long' } };
      const refused = await saveNewDocument(form, ctx).then(
        () => null,
        (e: unknown) => e,
      );
      expect(refused).toBeInstanceOf(ImportError);
      expect(refused).toMatchObject({ status: 409, message: expect.stringContaining('being rebuilt by another ingest') });
    } finally {
      await held.release();
    }
    expect((await readdir(ctx.corpusDir)).sort()).toEqual(before);
  });
});
