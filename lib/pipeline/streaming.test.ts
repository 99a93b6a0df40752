/**
 * The ingest hands each document over in corpus order and keeps none (run.ts): what it writes must
 * be what the corpus-wide steps give over all the documents at once, and past the glossary's sample
 * size the glossary is over the sample, as the manifest says.
 */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCedict, type Dictionary } from '../dictionary/cedict';
import type { BuiltDoc, GlossaryEntry, Manifest, WordLinks } from '../model';
import { glossFile } from './gloss-file';
import { buildGlossary } from './glossary';
import { readCorpus } from './read-corpus';
import { glossarySample, ingest } from './run';

const root = path.resolve(import.meta.dirname, '../..');
let work: string;
let dict: Dictionary;
const dictionary = () => (dict ??= loadCedict());
const json = (value: unknown) => `${JSON.stringify(value)}\n`;
const read = (buildDir: string, file: string) => readFile(path.join(buildDir, file), 'utf8');

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'duizhao-streaming-'));
  await cp(path.join(root, 'corpus'), path.join(work, 'corpus'), { recursive: true });
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('ingest, a document at a time', () => {
  it('hands documents over in corpus order with two threads, and writes the gloss file and glossary of them all', async () => {
    const seen: string[] = [];
    const result = await ingest({
      root: work,
      loadDictionary: dictionary,
      cacheDir: false,
      workers: 2,
      keepDocs: true,
      onDocument: (d) => seen.push(d.meta.id),
    });
    const ids = (await readCorpus(path.join(work, 'corpus'))).map((d) => d.meta.id);
    expect(seen).toEqual(ids);
    expect(result.docs.map((d) => d.meta.id)).toEqual(ids);
    expect(result.documents).toBe(ids.length);
    const manifest = JSON.parse(await read(result.buildDir, 'manifest.json')) as Manifest;
    expect(manifest.glossarySample).toBeUndefined();
    // The glossary's renderings are read off the word links the same run wrote.
    const wordLinks = JSON.parse(await read(result.buildDir, 'wordlinks.json')) as WordLinks;
    expect(Object.keys(wordLinks)).toEqual(ids);
    const terms = buildGlossary(result.docs, (w) => dictionary().lookup(w), { wordLinks });
    expect(await read(result.buildDir, 'glossary.json')).toBe(json(terms));
    expect(await read(result.buildDir, 'gloss.json')).toBe(json(glossFile(result.docs, terms, dictionary())));
  }, 300_000);

  it('keeps no documents unless asked', async () => {
    const result = await ingest({ root: work, loadDictionary: dictionary, cacheDir: false });
    expect(result.docs).toEqual([]);
    expect(result.documents).toBe(5);
  }, 300_000);

  it('computes the glossary over an even sample of documents past the sample size, and says so in the manifest', async () => {
    const inputs = await readCorpus(path.join(work, 'corpus'));
    const bytes = inputs.reduce((n, d) => n + d.source.bytes.length, 0);
    const half = Math.ceil(bytes / 2);
    expect([...glossarySample(inputs, half)]).toEqual([0, 2, 4]);
    expect([...glossarySample(inputs, bytes)]).toEqual([0, 1, 2, 3, 4]);

    const result = await ingest({
      root: work,
      loadDictionary: dictionary,
      cacheDir: false,
      keepDocs: true,
      glossarySampleBytes: half,
    });
    const manifest = JSON.parse(await read(result.buildDir, 'manifest.json')) as Manifest;
    expect(manifest.glossarySample).toEqual({ documents: 3, of: 5 });
    const sample: BuiltDoc[] = [0, 2, 4].map((i) => result.docs[i]!);
    const wordLinks = JSON.parse(await read(result.buildDir, 'wordlinks.json')) as WordLinks;
    const terms = buildGlossary(sample, (w) => dictionary().lookup(w), { wordLinks });
    const written = JSON.parse(await read(result.buildDir, 'glossary.json')) as GlossaryEntry[];
    expect(written).toEqual(JSON.parse(json(terms)));
    // Not the glossary of every document: the sample is what it was computed over.
    expect(written).not.toEqual(
      JSON.parse(json(buildGlossary(result.docs, (w) => dictionary().lookup(w), { wordLinks }))),
    );
    // The gloss file still covers every document's words.
    expect(await read(result.buildDir, 'gloss.json')).toBe(json(glossFile(result.docs, terms, dictionary())));
  }, 300_000);
});
