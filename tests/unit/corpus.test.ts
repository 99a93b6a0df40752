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

/**
 * The sentence beads of the pair of document `id` whose Chinese holds `text`, each as its Chinese
 * and English sentences. Found by its text, not its number: a pair's number (#p-N) moves whenever
 * the cleaner finds a block more or less above it.
 */
function sentenceBeads(id: string, text: string): Array<{ zh: string[]; en: string[] }> {
  const doc = docs.find((d) => d.meta.id === id);
  const pair = doc?.pairs.find((p) => p.zh.some((i) => doc.zh[i]!.sentences.some((s) => s.simplified.includes(text))));
  if (doc === undefined || pair === undefined) throw new Error(`no pair holding "${text}" in ${id}`);
  const zh = pair.zh.flatMap((i) => doc.zh[i]!.sentences.map((s) => s.simplified));
  const en = pair.en.flatMap((i) => doc.en[i]!.sentences);
  return pair.sentences.map((b) => ({ zh: b.zh.map((i) => zh[i]!), en: b.en.map((j) => en[j]!) }));
}

const CIIS = '2024-12-ciis-report-new-era';

describe("the corpus's sentence beads where the Chinese cuts a list at '；' and the English does not", () => {
  it('CIIS, the five commitments (#p-10 when fixed): all five "坚持" clauses go with the one English sentence of the "five commitments"', () => {
    const [first, second] = sentenceBeads(CIIS, '坚持以公平正义为宗旨');
    expect(first?.zh).toHaveLength(5);
    expect(first?.zh.at(-1)).toMatch(/^坚持以公平正义为宗旨/);
    expect(first?.en).toEqual([expect.stringMatching(/five commitments/)]);
    expect(second?.zh).toEqual([expect.stringMatching(/^可以预见/)]);
    expect(second?.en).toEqual([expect.stringMatching(/^It can be foreseen/)]);
  });

  it('CIIS, the 2030 plan (#p-92 when fixed): the eight key directions of the 2030 plan are one bead with their one English sentence', () => {
    const beads = sentenceBeads(CIIS, '提升农业合作水平');
    expect(beads.map((b) => [b.zh.length, b.en.length])).toEqual([
      [7, 1],
      [1, 1],
    ]);
    expect(beads[0]!.zh.at(-1)).toMatch(/^提升农业合作水平/);
    expect(beads[1]!.zh[0]).toMatch(/^该文件/);
  });

  it('CIIS, the 2015 speech (#p-222 when fixed): the last clause of the 2015 speech (不同文明…) is not left untranslated', () => {
    const beads = sentenceBeads(CIIS, '不同文明凝聚着不同民族的智慧');
    expect(beads.filter((b) => b.zh.length === 0 || b.en.length === 0)).toEqual([]);
    expect(beads.at(-1)?.zh.at(-1)).toMatch(/^不同文明/);
  });

  it('CIIS, mutual trust as the cornerstone (#p-52 when fixed): the footnote marker after the closing quote ends its sentence, not the next one', () => {
    const beads = sentenceBeads(CIIS, '筑牢彼此战略依托');
    const sentences = beads.flatMap((b) => b.zh);
    expect(sentences).toContain('新时代的中俄关系，要始终以互信为基石，筑牢彼此战略依托。”①');
    expect(sentences.filter((s) => s.startsWith('①'))).toEqual([]);
  });
});

describe("the corpus's sentence beads where a question mark stands inside a title", () => {
  it('CIIS, footnote ③ of the public opinion survey: the title "How Do They Rate Each Other\'s People? …" is one sentence on both sides, one bead', () => {
    const beads = sentenceBeads(CIIS, '怎样评价对方人民');
    expect(beads).toHaveLength(1);
    expect(beads[0]!.zh).toEqual([
      expect.stringMatching(/^③《怎样评价对方人民？中俄关系民意调查报告发布》.*2022年1月28日。$/),
    ]);
    expect(beads[0]!.en).toEqual([
      expect.stringMatching(/^③ "How Do They Rate Each Other's People\? Report on .*Beijing Daily, 28 January 2022\.$/),
    ]);
  });
});

// A paragraph's sentences are too few to measure their own length ratio; the fitted default (3.3
// English characters per Han) made a report's long English sentence cheaper skipped than paired.
describe("the corpus's sentence beads where the English is long for its Chinese: the document's length ratio", () => {
  it('CIIS, the exchange mechanisms and the new path (#p-52): every sentence 1-1, none left alone', () => {
    const beads = sentenceBeads(CIIS, '政党交流机制是落实元首重要共识');
    expect(beads.map((b) => [b.zh.length, b.en.length])).toEqual([
      [1, 1],
      [1, 1],
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
    expect(beads[3]!.en[0]).toMatch(/^The exchange mechanisms/);
    expect(beads[4]!.en[0]).toMatch(/^Under the firm guidance/);
  });

  it('CIIS, the committees and subcommittees (#p-97): every sentence 1-1, the subcommittees with the subcommittees', () => {
    const beads = sentenceBeads(CIIS, '分委会包括');
    expect(beads.map((b) => [b.zh.length, b.en.length])).toEqual([
      [1, 1],
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
    expect(beads[2]!.en[0]).toMatch(/^The 5 committees are/);
    expect(beads[3]!.en[0]).toMatch(/^The subcommittees cover/);
  });

  it('summit, Li Yongquan (#p-9): the quotation and its speaker regrouped by the translation are one bead, no English sentence left alone', () => {
    const beads = sentenceBeads('2026-05-19-summit-expectations', '中俄关系发展最典型的特征是元首战略引领');
    expect(beads.map((b) => [b.zh.length, b.en.length])).toEqual([[2, 2]]);
  });
});
