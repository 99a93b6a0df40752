/**
 * Saving from the import page, against a real corpus folder and the real ingest: a new document
 * with its corrections, corrections of an existing one, one write at a time, and the corpus put back
 * whenever a save cannot be completed.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCedict } from '../dictionary/cedict';
import type { BuiltDoc, DocMeta } from '../model';
import { blocksFingerprint } from '../pipeline/corrections';
import { preview } from './preview';
import { documentFingerprints, saveCorrections, saveNewDocument, type SaveContext } from './save';
import { ImportError, type ImportForm } from './wire';
import { PREVIEW_WINDOW } from './workload';

const root = path.resolve(import.meta.dirname, '../..');
const TKP = '2025-05-08-takungpao-moscow-talks';
const dict = loadCedict();
const bytes = async (file: string) => new Uint8Array(await readFile(path.join(root, file)));
let work: string;
let ctx: SaveContext;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'duizhao-save-'));
  await mkdir(path.join(work, 'corpus'));
  await cp(path.join(root, 'corpus', TKP), path.join(work, 'corpus', TKP), { recursive: true });
  ctx = {
    root: work,
    corpusDir: path.join(work, 'corpus'),
    buildDir: path.join(work, 'build'),
    dictionary: () => dict,
    today: '2026-02-03',
  };
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const built = async (id: string) =>
  JSON.parse(await readFile(path.join(work, 'build/docs', `${id}.json`), 'utf8')) as BuiltDoc;
const status = (p: Promise<unknown>) =>
  p.then(
    () => 'saved',
    (e: unknown) => (e instanceof ImportError ? e.status : e),
  );
const corpusEntries = () => readdir(path.join(work, 'corpus'));

async function form(extra: Partial<ImportForm> = {}): Promise<ImportForm> {
  return {
    zh: { bytes: await bytes('tests/fixtures/import/zh.txt'), name: 'zh.txt' },
    en: { bytes: await bytes('tests/fixtures/import/en.md'), name: 'en.md' },
    fields: { title: '中俄关系', titleEn: 'Relations', date: '2026-01-02', id: 'new-doc' },
    ...extra,
  };
}

describe('saving from the import page', () => {
  it('a new document with its corrections: the folder as duizhao add writes it, alignment.json, the build with those pairs', async () => {
    const shown = await preview({ zh: (await form()).zh, en: (await form()).en }, dict);
    const pairs = [
      { zh: [0, 1], en: [0, 1] },
      { zh: [2], en: [2] },
      { zh: [3], en: [] },
      { zh: [4], en: [3] },
    ];
    const saved = await saveNewDocument(await form({ corrections: { version: 1, ...shown.fingerprints, pairs } }), ctx);
    expect(saved).toMatchObject({ id: 'new-doc', pairs: 4 });
    expect((await readdir(path.join(work, 'corpus/new-doc'))).sort()).toEqual([
      'alignment.json',
      'en.md',
      'meta.json',
      'source.txt',
    ]);
    const meta = JSON.parse(await readFile(path.join(work, 'corpus/new-doc/meta.json'), 'utf8')) as DocMeta;
    expect(meta).toMatchObject({
      title: { zh: '中俄关系', en: 'Relations' },
      date: '2026-01-02',
      encoding: 'utf-8',
      format: 'text',
      translation: { file: 'en.md', format: 'markdown' },
    });
    expect(meta.translation?.note).toMatch(/import page/);
    // The source is kept byte for byte.
    expect(await bytes('tests/fixtures/import/zh.txt')).toEqual(
      new Uint8Array(await readFile(path.join(work, 'corpus/new-doc/source.txt'))),
    );
    expect((await built('new-doc')).pairs.map((p) => ({ zh: p.zh, en: p.en }))).toEqual(pairs);
    // The other document came from the cache: only the new one was built.
    expect(JSON.parse(await readFile(path.join(work, 'build/manifest.json'), 'utf8')).docs).toHaveLength(2);
  }, 120_000);

  it('without corrections: the automatic alignment and no alignment.json; a taken id is a 409', async () => {
    const saved = await saveNewDocument(await form({ fields: { title: '无修正', id: 'auto-doc' } }), ctx);
    expect(saved.id).toBe('auto-doc');
    expect(await readdir(path.join(work, 'corpus/auto-doc'))).not.toContain('alignment.json');
    expect(await status(saveNewDocument(await form({ fields: { title: '重复', id: 'auto-doc' } }), ctx))).toBe(409);
    expect(await status(saveNewDocument(await form({ fields: { id: 'no-title' } }), ctx))).toBe(400);
  }, 120_000);

  it('row 22.3: a text longer than the preview window is previewed in part and saved whole', async () => {
    const count = PREVIEW_WINDOW.units + 500;
    const text = Array.from({ length: count }, (_, i) => `第${i + 1}段。中国的发展离不开世界。`).join('\n\n') + '\n';
    const zh = { bytes: new TextEncoder().encode(text), name: 'long.md' };
    const shown = await preview({ zh }, dict);
    expect(shown.window).not.toBeNull();
    expect(shown.zh.blocks.length).toBeLessThanOrEqual(PREVIEW_WINDOW.units);
    const saved = await saveNewDocument({ zh, fields: { title: '长文', date: '2026-01-02', id: 'long-doc' } }, ctx);
    const doc = await built(saved.id);
    expect(doc.zh).toHaveLength(count);
    expect(doc.zh.at(-1)?.original).toBe(`第${count}段。中国的发展离不开世界。`);
  }, 300_000);

  it('refuses corrections made on other text (409) and corrections that skip a block (422), writing nothing', async () => {
    const before = await corpusEntries();
    const stale = {
      version: 1,
      zh: blocksFingerprint(['别的文字']),
      en: blocksFingerprint([]),
      pairs: [{ zh: [0], en: [] }],
    };
    expect(
      await status(saveNewDocument(await form({ fields: { title: 't', id: 'stale' }, corrections: stale }), ctx)),
    ).toBe(409);
    const shown = await preview({ zh: (await form()).zh, en: (await form()).en }, dict);
    const skipping = {
      version: 1,
      ...shown.fingerprints,
      pairs: [
        { zh: [0], en: [0] },
        { zh: [2], en: [1, 2, 3] },
      ],
    };
    expect(
      await status(saveNewDocument(await form({ fields: { title: 't', id: 'skip' }, corrections: skipping }), ctx)),
    ).toBe(422);
    expect(await corpusEntries()).toEqual(before);
  }, 60_000);

  it('one write at a time: a second save while one runs is a 409', async () => {
    const first = saveNewDocument(await form({ fields: { title: '一', id: 'first-doc' } }), ctx);
    const second = await status(saveNewDocument(await form({ fields: { title: '二', id: 'second-doc' } }), ctx));
    expect(second).toBe(409);
    await expect(first).resolves.toMatchObject({ id: 'first-doc' });
    expect(await corpusEntries()).not.toContain('second-doc');
  }, 120_000);

  it('an ingest that fails takes the new document out again: the corpus is as it was', async () => {
    const before = await corpusEntries();
    // Another document's broken alignment.json makes the whole ingest fail.
    const broken = path.join(work, 'corpus', TKP, 'alignment.json');
    await writeFile(broken, '{');
    const result = await saveNewDocument(await form({ fields: { title: '失败', id: 'failing-doc' } }), ctx).catch(
      (e: unknown) => e,
    );
    await rm(broken);
    expect(result).toBeInstanceOf(ImportError);
    expect((result as ImportError).status).toBe(422);
    expect((result as ImportError).message).toMatch(
      /did not build, so it was not added.*alignment\.json: not valid JSON/,
    );
    expect(await corpusEntries()).toEqual(before);
  }, 60_000);

  it('corrections of an existing document: saved, checked, refused when the document changed, removed with null', async () => {
    const doc = await built('auto-doc');
    const fingerprints = await documentFingerprints('auto-doc', ctx.corpusDir);
    expect(fingerprints.zh).toEqual(blocksFingerprint(doc.zh.map((b) => b.text)));
    const pairs = doc.zh
      .map((_, i) => ({ zh: [i], en: [] as number[] }))
      .concat(doc.en.map((_, j) => ({ zh: [] as number[], en: [j] })));
    // Order matters: every Chinese block, then every English one, is a valid (if odd) bead list.
    const saved = await saveCorrections('auto-doc', { pairs, basedOn: fingerprints }, ctx);
    expect(saved.pairs).toBe(pairs.length);
    expect((await built('auto-doc')).pairs.every((p) => p.unaligned)).toBe(true);
    const file = path.join(work, 'corpus/auto-doc/alignment.json');
    const kept = await readFile(file, 'utf8');

    expect(await status(saveCorrections('auto-doc', { pairs: pairs.slice(1) }, ctx))).toBe(422);
    expect(
      await status(
        saveCorrections('auto-doc', { pairs, basedOn: { ...fingerprints, zh: blocksFingerprint(['x']) } }, ctx),
      ),
    ).toBe(409);
    expect(await status(saveCorrections('auto-doc', [], ctx))).toBe(400);
    expect(await status(saveCorrections('no-such-doc', { pairs }, ctx))).toBe(404);
    expect(await status(saveCorrections('../corpus', { pairs }, ctx))).toBe(404);
    expect(await readFile(file, 'utf8')).toBe(kept);

    await saveCorrections('auto-doc', null, ctx);
    await expect(readFile(file)).rejects.toThrow();
    expect((await built('auto-doc')).pairs.some((p) => !p.unaligned)).toBe(true);
  }, 120_000);

  it('a correction whose ingest fails puts the previous alignment.json back', async () => {
    const fingerprints = await documentFingerprints('new-doc', ctx.corpusDir);
    const file = path.join(work, 'corpus/new-doc/alignment.json');
    const previous = await readFile(file, 'utf8');
    const broken = path.join(work, 'corpus', TKP, 'alignment.json');
    await writeFile(broken, '[]');
    const pairs = [{ zh: [0, 1, 2, 3, 4], en: [0, 1, 2, 3] }];
    const result = await status(saveCorrections('new-doc', { pairs, basedOn: fingerprints }, ctx));
    await rm(broken);
    expect(result).toBe(422);
    expect(await readFile(file, 'utf8')).toBe(previous);
  }, 60_000);

  it('never writes through a symlinked document folder', async () => {
    const outside = await mkdtemp(path.join(tmpdir(), 'duizhao-outside-'));
    await cp(path.join(work, 'corpus/new-doc'), path.join(outside, 'linked-doc'), { recursive: true });
    await symlink(path.join(outside, 'linked-doc'), path.join(work, 'corpus/linked-doc'));
    expect(await status(saveCorrections('linked-doc', { pairs: [] }, ctx))).toBe(422);
    await rm(path.join(work, 'corpus/linked-doc'));
    await rm(outside, { recursive: true, force: true });
  });
});
