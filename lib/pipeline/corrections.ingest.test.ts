/**
 * alignment.json through the real ingest: the corrections are the document's pairs after a full
 * and after an incremental ingest, a changed correction rebuilds that document only, and a source
 * edited after the correction is aligned automatically with a warning (the file kept).
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCedict } from '../dictionary/cedict';
import type { BuiltDoc } from '../model';
import { blocksFingerprint, correctionsText, type AlignmentCorrections } from './corrections';
import { IngestError } from './ingest-error';
import { ingest } from './run';

const root = path.resolve(import.meta.dirname, '../..');
const TALKS = '2026-05-20-xi-putin-talks';
const TKP = '2025-05-08-takungpao-moscow-talks';
let work: string;
let dict: ReturnType<typeof loadCedict> | undefined;
const loadDictionary = () => (dict ??= loadCedict());

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'duizhao-corrections-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const run = (dir: string, full = false) => ingest({ root: dir, loadDictionary, full, keepDocs: true });
const built = async (dir: string, id: string) =>
  JSON.parse(await readFile(path.join(dir, 'build/docs', `${id}.json`), 'utf8')) as BuiltDoc;
const pairsOf = (doc: BuiltDoc) => doc.pairs.map((p) => ({ zh: p.zh, en: p.en }));

/** Corrections made on a built document: its first two pairs merged, its third split into zh-only and en-only. */
function correctionsFor(doc: BuiltDoc): AlignmentCorrections {
  const auto = pairsOf(doc);
  const [a, b, c, ...rest] = auto;
  const pairs = [
    { zh: [...a!.zh, ...b!.zh], en: [...a!.en, ...b!.en] },
    { zh: c!.zh, en: [] },
    { zh: [], en: c!.en },
    ...rest,
  ];
  return {
    version: 1,
    zh: blocksFingerprint(doc.zh.map((z) => z.text)),
    en: blocksFingerprint(doc.en.map((e) => e.text)),
    pairs,
  };
}

describe('alignment corrections in the ingest', () => {
  it('survive a re-ingest, full and incremental; a changed correction rebuilds that document only', async () => {
    const dir = path.join(work, 'survive');
    await mkdir(path.join(dir, 'corpus'), { recursive: true });
    for (const d of [TALKS, TKP])
      await cp(path.join(root, 'corpus', d), path.join(dir, 'corpus', d), { recursive: true });
    await run(dir);
    const auto = await built(dir, TALKS);
    const corrections = correctionsFor(auto);
    expect(corrections.pairs).not.toEqual(pairsOf(auto));
    await writeFile(path.join(dir, 'corpus', TALKS, 'alignment.json'), correctionsText(corrections));

    const warm = await run(dir);
    expect(warm.built).toEqual([TALKS]);
    expect(warm.cached).toEqual([TKP]);
    const corrected = await built(dir, TALKS);
    expect(pairsOf(corrected)).toEqual(corrections.pairs);
    // Given pairs are sure, their sentences still aligned inside; one-sided ones are marked unaligned.
    expect(corrected.pairs[0]).toMatchObject({ confidence: 1, unaligned: false });
    expect(corrected.pairs[0]!.sentences.flatMap((s) => s.zh).length).toBeGreaterThan(1);
    expect(corrected.pairs[1]).toMatchObject({ unaligned: true, en: [] });
    expect(corrected.warnings.join('\n')).not.toMatch(/alignment\.json/);

    // Again, incremental (nothing changed) and full: the same pairs.
    const again = await run(dir);
    expect(again.built).toEqual([]);
    expect(pairsOf(await built(dir, TALKS))).toEqual(corrections.pairs);
    await run(dir, true);
    expect(pairsOf(await built(dir, TALKS))).toEqual(corrections.pairs);

    // The correction removed: that document goes back to the automatic pairs (its earlier cache
    // entry, made without corrections, matches the input again).
    await rm(path.join(dir, 'corpus', TALKS, 'alignment.json'));
    const back = await run(dir);
    expect(back.cached).toEqual([TKP, TALKS]);
    expect(pairsOf(await built(dir, TALKS))).toEqual(pairsOf(auto));
  }, 240_000);

  it('a source edited after the correction: aligned automatically, a warning naming the document, the file kept', async () => {
    const dir = path.join(work, 'stale');
    await mkdir(path.join(dir, 'corpus'), { recursive: true });
    await cp(path.join(root, 'corpus', TALKS), path.join(dir, 'corpus', TALKS), { recursive: true });
    await run(dir);
    const auto = await built(dir, TALKS);
    const file = path.join(dir, 'corpus', TALKS, 'alignment.json');
    await writeFile(file, correctionsText(correctionsFor(auto)));
    const source = path.join(dir, 'corpus', TALKS, 'source.txt');
    await writeFile(source, `${await readFile(source, 'utf8')}\n\n双方同意继续加强合作。\n`);

    const result = await run(dir);
    const doc = await built(dir, TALKS);
    expect(doc.zh).toHaveLength(auto.zh.length + 1);
    expect(doc.warnings.find((w) => w.includes('alignment.json'))).toMatch(
      new RegExp(`^${TALKS}: alignment\\.json was made on other text \\(the Chinese source changed`),
    );
    // Automatic pairs cover the new block; nothing of the stale correction was applied.
    expect(doc.pairs.flatMap((p) => p.zh)).toEqual(doc.zh.map((_, i) => i));
    expect(pairsOf(doc)[0]).toEqual(pairsOf(auto)[0]);
    expect(result.docs[0]!.warnings).toEqual(doc.warnings);
    await expect(readFile(file, 'utf8')).resolves.toContain('"pairs"');
  }, 240_000);

  it('a broken alignment.json fails the ingest with the file named, and nothing is published', async () => {
    const dir = path.join(work, 'broken');
    await mkdir(path.join(dir, 'corpus'), { recursive: true });
    await cp(path.join(root, 'corpus', TKP), path.join(dir, 'corpus', TKP), { recursive: true });
    await writeFile(path.join(dir, 'corpus', TKP, 'alignment.json'), '{"version": 1, "pairs": [');
    await expect(run(dir)).rejects.toThrow(IngestError);
    await expect(run(dir)).rejects.toThrow(/alignment\.json: not valid JSON/);
    await writeFile(
      path.join(dir, 'corpus', TKP, 'alignment.json'),
      '{"version": 1, "zh": {"count": 1, "sha256": "' +
        '0'.repeat(64) +
        '"}, "en": {"count": 0, "sha256": "' +
        '0'.repeat(64) +
        '"}, "pairs": []}',
    );
    await expect(run(dir)).rejects.toThrow(/alignment\.json: given pairs cover 0 of 1 Chinese/);
    await expect(readFile(path.join(dir, 'build/manifest.json'))).rejects.toThrow();
  }, 60_000);
});
