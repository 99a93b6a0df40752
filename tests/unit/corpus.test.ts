/**
 * The corpus itself, built end to end: every document is translated completely, with no Chinese
 * left in the English, every number carried over and plausible lengths; the TSV export pairs all.
 */
import { mkdtemp, rm, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCedict } from '../../lib/dictionary/cedict';
import { exportTsv } from '../../lib/export/tsv';
import type { BuiltDoc } from '../../lib/model';
import { checkTranslation, lengthRatio, RATIO_HARD } from '../../lib/pipeline/checks';
import { ingest } from '../../lib/pipeline/run';

const root = path.resolve(import.meta.dirname, '../..');
let work: string;
let docs: BuiltDoc[];

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'duizhao-corpus-'));
  await cp(path.join(root, 'corpus'), path.join(work, 'corpus'), { recursive: true });
  docs = (await ingest({ root: work, loadDictionary: loadCedict, keepDocs: true })).docs;
}, 120_000);
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the corpus', () => {
  it('has five documents, each with a translation labelled as not official', () => {
    expect(docs).toHaveLength(5);
    for (const d of docs) {
      expect(d.meta.translation, d.meta.id).toBeDefined();
      expect(d.meta.translation?.note, d.meta.id).toMatch(/not an official translation/i);
    }
  });

  it('gives every Chinese block a non-empty English counterpart, and every English block a Chinese one', () => {
    const untranslated = docs.flatMap(checkTranslation).filter((f) => f.kind === 'untranslated');
    expect(untranslated).toEqual([]);
  });

  it('leaves no Chinese characters in the English', () => {
    expect(docs.flatMap(checkTranslation).filter((f) => f.kind === 'chinese-in-english')).toEqual([]);
  });

  it('carries every Arabic numeral of a Chinese pair into its English pair', () => {
    expect(docs.flatMap(checkTranslation).filter((f) => f.kind === 'missing-number')).toEqual([]);
  });

  it('keeps English-to-Chinese length ratios within plausible bounds', () => {
    const outside = docs.flatMap((d) =>
      d.pairs
        .map((p) => ({ doc: d.meta.id, pair: p.id + 1, ratio: lengthRatio(d, p) }))
        .filter((r) => r.ratio !== undefined && (r.ratio < RATIO_HARD.min || r.ratio > RATIO_HARD.max)),
    );
    expect(outside).toEqual([]);
  });

  it('exports every pair with both columns filled', () => {
    const lines = exportTsv(docs).trimEnd().split('\n');
    expect(lines.length).toBe(docs.reduce((n, d) => n + d.pairs.length, 0));
    const halfEmpty = lines.filter((l) => l.split('\t').some((col) => col.trim() === ''));
    expect(halfEmpty).toEqual([]);
  });
});
