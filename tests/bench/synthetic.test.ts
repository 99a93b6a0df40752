import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../../lib/pipeline/read-corpus';
import { syntheticRecords, syntheticStream, writeSyntheticCorpus } from './synthetic';

const hanCount = (text: string) => (text.match(/\p{Script=Han}/gu) ?? []).length;

describe('syntheticStream', () => {
  it('yields the records syntheticRecords collects, with their Han counts, up to the total', () => {
    const streamed = [...syntheticStream(5000, 7)];
    expect(streamed.map((s) => s.record)).toEqual(syntheticRecords(5000, 7));
    for (const s of streamed) expect(s.hanChars).toBe(hanCount(s.record.zh));
    const total = streamed.reduce((n, s) => n + s.hanChars, 0);
    expect(total).toBeGreaterThanOrEqual(5000);
    // It stops at the record that reaches the total, not later.
    expect(total - streamed.at(-1)!.hanChars).toBeLessThan(5000);
  });

  it('is seeded: the same seed gives the same text, a smaller total a prefix, another seed other text', () => {
    const a = syntheticRecords(3000, 1);
    expect(syntheticRecords(3000, 1)).toEqual(a);
    expect(syntheticRecords(1000, 1)).toEqual(a.slice(0, syntheticRecords(1000, 1).length));
    expect(syntheticRecords(3000, 2)[0]!.zh).not.toBe(a[0]!.zh);
  });

  it('is distinct text, not one sentence repeated', () => {
    const zh = syntheticRecords(20_000, 3).map((r) => r.zh);
    expect(new Set(zh).size).toBe(zh.length);
  });
});

describe('writeSyntheticCorpus', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('writes document folders of about docChars that the ingest reads, holding every record on both sides', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'duizhao-synthetic-'));
    dirs.push(root);
    const written = await writeSyntheticCorpus(root, 12_000, { seed: 5, docChars: 5000 });
    const records = syntheticRecords(12_000, 5);
    expect(written.records).toBe(records.length);
    expect(written.documents).toBe(3);
    const inputs = await readCorpus(written.corpusDir);
    expect(inputs.map((d) => d.meta.id)).toEqual([
      '2026-01-01-synthetic-00000',
      '2026-01-01-synthetic-00001',
      '2026-01-01-synthetic-00002',
    ]);
    const decode = (b: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(b);
    const zh = inputs.flatMap((d) => decode(d.source.bytes).trimEnd().split('\n\n'));
    const en = inputs.flatMap((d) => decode(d.translation!.bytes).trimEnd().split('\n\n'));
    expect(zh).toEqual(records.map((r) => r.zh));
    expect(en).toEqual(records.map((r) => r.en));
    expect(zh.reduce((n, t) => n + hanCount(t), 0)).toBe(written.hanChars);
    // Every document but the last reaches docChars; none is far beyond it (one record more at most).
    for (const d of inputs.slice(0, -1)) {
      const n = hanCount(decode(d.source.bytes));
      expect(n).toBeGreaterThanOrEqual(5000);
      expect(n).toBeLessThan(5500);
    }
    await expect(writeSyntheticCorpus(root, 1000)).rejects.toThrow(/not empty/);
    expect(JSON.parse(await readFile(path.join(written.corpusDir, inputs[0]!.meta.id, 'meta.json'), 'utf8')).id).toBe(
      inputs[0]!.meta.id,
    );
  });
});
