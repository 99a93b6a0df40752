import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sampleMeta } from '../../tests/fixtures/meta';
import { BUILD_FORMAT_VERSION } from '../model';

// A hand-made two-file build: enough for the store's own rules, without running the ingest.
let dir: string;
const savedBuildEnv = process.env.DUIZHAO_BUILD;
const meta = sampleMeta('doc-a');

async function freshStore(build: string | undefined) {
  vi.resetModules();
  if (build === undefined) delete process.env.DUIZHAO_BUILD;
  else process.env.DUIZHAO_BUILD = build;
  return import('./index');
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'duizhao-store-'));
  await mkdir(path.join(dir, 'docs'));
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify({ formatVersion: BUILD_FORMAT_VERSION, docs: [{ meta, stats: {} }] }));
  await writeFile(path.join(dir, 'docs', 'doc-a.json'), JSON.stringify({ meta, zh: [], en: [], pairs: [], stats: {} }));
  // A file a path trick might reach: it must never be read.
  await writeFile(path.join(dir, 'secret.json'), JSON.stringify({ meta, zh: [], en: [], pairs: [] }));
  await writeFile(path.join(dir, 'gloss.json'), JSON.stringify({ 合作: [{ traditional: '合作', simplified: '合作', pinyin: 'hé zuò', pinyinNumbered: 'he2 zuo4', senses: ['to cooperate'] }] }));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  if (savedBuildEnv === undefined) delete process.env.DUIZHAO_BUILD;
  else process.env.DUIZHAO_BUILD = savedBuildEnv;
});

describe('store', () => {
  it('says how to make a build when there is none', async () => {
    const store = await freshStore(path.join(dir, 'nowhere'));
    await expect(store.getManifest()).rejects.toThrow(/run npm run duizhao -- ingest/);
    await expect(store.getManifest()).rejects.toBeInstanceOf(store.BuildMissingError);
  });

  it('reads a document listed in the manifest, and nothing else', async () => {
    const store = await freshStore(dir);
    expect((await store.getDoc('doc-a'))?.meta.id).toBe('doc-a');
    for (const id of ['secret', '../secret', '..%2Fsecret', 'docs/doc-a', 'DOC-A', '', '__proto__', 42]) {
      expect(await store.getDoc(id)).toBeNull();
    }
  });

  it('memoises reads', async () => {
    const store = await freshStore(dir);
    const [a, b] = await Promise.all([store.getDoc('doc-a'), store.getDoc('doc-a')]);
    expect(a).toBe(b);
    expect(await store.getManifest()).toBe(await store.getManifest());
  });

  it('looks glosses up in a Map: inherited names find nothing', async () => {
    const store = await freshStore(dir);
    expect((await store.lookupGloss('合作'))[0]?.pinyin).toBe('hé zuò');
    for (const w of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) expect(await store.lookupGloss(w)).toEqual([]);
  });

  it('refuses a build of another format version', async () => {
    const other = await mkdtemp(path.join(tmpdir(), 'duizhao-store-v2-'));
    await writeFile(path.join(other, 'manifest.json'), JSON.stringify({ formatVersion: BUILD_FORMAT_VERSION + 1, docs: [] }));
    const store = await freshStore(other);
    await expect(store.getManifest()).rejects.toThrow(`format version ${BUILD_FORMAT_VERSION + 1}`);
    await rm(other, { recursive: true, force: true });
  });
});
