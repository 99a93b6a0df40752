import { mkdtemp, mkdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sampleMeta } from '../../tests/fixtures/meta';
import { BUILD_FORMAT_VERSION } from '../model';

// A hand-made two-file build: enough for the store's own rules, without running the ingest.
let dir: string;
const savedBuildEnv = process.env.DUIZHAO_BUILD;
const meta = sampleMeta('doc-a');

/** A store as a new server process has it: its module loaded anew, and the checks it shares (on globalThis) forgotten. */
async function freshStore(build: string | undefined) {
  vi.resetModules();
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('duizhao.store.freshness')];
  if (build === undefined) delete process.env.DUIZHAO_BUILD;
  else process.env.DUIZHAO_BUILD = build;
  return import('./index');
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'duizhao-store-'));
  await mkdir(path.join(dir, 'docs'));
  await writeFile(
    path.join(dir, 'manifest.json'),
    JSON.stringify({ formatVersion: BUILD_FORMAT_VERSION, docs: [{ meta, stats: {} }] }),
  );
  await writeFile(path.join(dir, 'docs', 'doc-a.json'), JSON.stringify({ meta, zh: [], en: [], pairs: [], stats: {} }));
  // A file a path trick might reach: it must never be read.
  await writeFile(path.join(dir, 'secret.json'), JSON.stringify({ meta, zh: [], en: [], pairs: [] }));
  await writeFile(
    path.join(dir, 'gloss.json'),
    JSON.stringify({
      合作: [
        {
          traditional: '合作',
          simplified: '合作',
          pinyin: 'hé zuò',
          pinyinNumbered: 'he2 zuo4',
          senses: ['to cooperate'],
        },
      ],
    }),
  );
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

  it("reads the build it is configured with (the CLI's --build), not DUIZHAO_BUILD; once it has read, it stays", async () => {
    const store = await freshStore(path.join(dir, 'nowhere'));
    store.configureStore({ buildDir: dir });
    expect(store.buildDir()).toBe(dir);
    expect((await store.getManifest()).docs.map((d) => d.meta.id)).toEqual(['doc-a']);
    expect(() => store.configureStore({ buildDir: path.join(dir, 'nowhere') })).toThrow(/before the first read/);
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
    for (const w of ['__proto__', 'constructor', 'toString', 'hasOwnProperty'])
      expect(await store.lookupGloss(w)).toEqual([]);
  });

  it('refuses a build of another format version', async () => {
    const other = await mkdtemp(path.join(tmpdir(), 'duizhao-store-v2-'));
    await writeFile(
      path.join(other, 'manifest.json'),
      JSON.stringify({ formatVersion: BUILD_FORMAT_VERSION + 1, docs: [] }),
    );
    const store = await freshStore(other);
    await expect(store.getManifest()).rejects.toThrow(`format version ${BUILD_FORMAT_VERSION + 1}`);
    await rm(other, { recursive: true, force: true });
  });

  it('reads the glossary sample a large corpus notes in its manifest, and refuses a malformed one', async () => {
    for (const [sample, ok] of [
      [{ documents: 3, of: 10 }, true],
      [{ documents: 'all', of: 10 }, false],
      [{ documents: 11, of: 10 }, false],
      [[], false],
    ] as const) {
      const other = await mkdtemp(path.join(tmpdir(), 'duizhao-store-sample-'));
      await writeFile(
        path.join(other, 'manifest.json'),
        JSON.stringify({ formatVersion: BUILD_FORMAT_VERSION, docs: [], glossarySample: sample }),
      );
      const store = await freshStore(other);
      if (ok) expect((await store.getManifest()).glossarySample).toEqual(sample);
      else await expect(store.getManifest()).rejects.toThrow(/glossarySample/);
      await rm(other, { recursive: true, force: true });
    }
  });
});

describe('store: a new build is picked up without a restart', () => {
  /** A build folder published the way ingest publishes it: a version folder, a symlink swapped over `build`. */
  async function publish(root: string, version: string, ids: string[]) {
    const dir = path.join(root, 'versions', version);
    await mkdir(path.join(dir, 'docs'), { recursive: true });
    const docs = ids.map((id) => ({ meta: sampleMeta(id), stats: {} }));
    await writeFile(path.join(dir, 'manifest.json'), JSON.stringify({ formatVersion: BUILD_FORMAT_VERSION, docs }));
    for (const id of ids)
      await writeFile(
        path.join(dir, 'docs', `${id}.json`),
        JSON.stringify({ meta: sampleMeta(id), zh: [], en: [], pairs: [], stats: {}, version }),
      );
    const link = path.join(root, 'build');
    await symlink(path.join('versions', version), `${link}.tmp`);
    await rename(`${link}.tmp`, link);
    return link;
  }

  it('drops its memoised reads when the build link points elsewhere: at the next check, or at once for an unknown id', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'duizhao-store-swap-'));
    const link = await publish(root, 'v1', ['doc-a']);
    const store = await freshStore(link);
    const first = await store.getManifest();
    expect(first.docs.map((d) => d.meta.id)).toEqual(['doc-a']);
    expect(await store.getManifest()).toBe(first); // memoised

    await publish(root, 'v2', ['doc-a', 'doc-b']);
    // An id the manifest lacks forces a check: the new document is found by the very next request.
    expect((await store.getDoc('doc-b'))?.meta.id).toBe('doc-b');
    const second = await store.getManifest();
    expect(second).not.toBe(first);
    expect(second.docs.map((d) => d.meta.id)).toEqual(['doc-a', 'doc-b']);
    // The documents read before are read again from the new build.
    expect(((await store.getDoc('doc-a')) as unknown as { version: string }).version).toBe('v2');

    // A build that changes a known document only: seen once the check is due (at most once a second).
    await publish(root, 'v3', ['doc-a']);
    expect(((await store.getDoc('doc-a')) as unknown as { version: string }).version).toBe('v2');
    await new Promise((r) => setTimeout(r, store.VERSION_CHECK_MS + 50));
    expect(((await store.getDoc('doc-a')) as unknown as { version: string }).version).toBe('v3');
    expect((await store.getManifest()).docs.map((d) => d.meta.id)).toEqual(['doc-a']);
    expect(await store.getDoc('doc-b')).toBeNull();
    await rm(root, { recursive: true, force: true });
  });

  it('a forced check in one copy of the module (a route bundle) empties the caches of another (a page bundle) at once', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'duizhao-store-bundles-'));
    const link = await publish(root, 'v1', ['doc-a']);
    const page = await freshStore(link);
    vi.resetModules(); // a second copy of the module, as Next gives each route its own
    const route = await import('./index');
    expect(route).not.toBe(page);
    expect(((await page.getDoc('doc-a')) as unknown as { version: string }).version).toBe('v1');

    // The import route saves, then forces a check; the page, asked well within a second, reads the new build.
    await publish(root, 'v2', ['doc-a']);
    expect(await route.currentBuildVersion()).toMatch(/v2/);
    expect(((await page.getDoc('doc-a')) as unknown as { version: string }).version).toBe('v2');
    await rm(root, { recursive: true, force: true });
  });

  it('a folder rewritten in place (no symlink) is noticed by its manifest', async () => {
    const other = await mkdtemp(path.join(tmpdir(), 'duizhao-store-inplace-'));
    await writeFile(
      path.join(other, 'manifest.json'),
      JSON.stringify({ formatVersion: BUILD_FORMAT_VERSION, docs: [] }),
    );
    const store = await freshStore(other);
    expect((await store.listDocs()).length).toBe(0);
    await writeFile(
      `${path.join(other, 'manifest.json')}.tmp`,
      JSON.stringify({ formatVersion: BUILD_FORMAT_VERSION, docs: [{ meta, stats: {} }] }),
    );
    await rename(`${path.join(other, 'manifest.json')}.tmp`, path.join(other, 'manifest.json'));
    await store.fresh({ force: true });
    expect((await store.listDocs()).length).toBe(1);
    await rm(other, { recursive: true, force: true });
  });
});
