/**
 * The ingest: corpus/ → build/. The orchestration only: the corpus is read at the file-system edge
 * (read-corpus.ts), each document built by the pure stages (build-document.ts), here or in worker
 * threads (parallel.ts), then handed to the corpus-wide steps. The build is written to a fresh
 * folder and published by swapping a symlink, so a failed or killed ingest never leaves half a
 * build and the previous one keeps serving.
 */
import path from 'node:path';
import type { Dictionary } from '../dictionary/cedict';
import { BUILD_FORMAT_VERSION, type BuiltDoc, type Manifest, type PairRecord, type WordLinks } from '../model';
import { GlossFileCollector } from './gloss-file';
import { buildGlossary, dictionaryLookup } from './glossary';
import { WordLinkCollector } from './word-links';
import { indexSource } from '../search/bundle';
import { pairRecords } from '../search/pair-records';
import { bundleLines, BUNDLE_FILE } from '../search/bundle-lines';
import { BuildWriter } from './build-writer';
import { BuildLock, type AcquireOptions } from './build-lock';
import { buildDocument, type DocumentInput } from './build-document';
import { DocCache, documentKey, documentText, parseDoc } from './doc-cache';
import { pipelineFingerprint } from './fingerprint';
import { HandOverWindow } from './hand-over-window';
import { IngestError } from './ingest-error';
import { buildInWorkers, defaultWorkers, DocumentBuildError } from './parallel';
import { readCorpus } from './read-corpus';

export interface IngestOptions {
  /** Project root: holds corpus/ and receives build/. */
  root: string;
  corpusDir?: string;
  buildDir?: string;
  /**
   * The dictionary of the documents built in this thread and of the glossary; called only when one
   * of them needs it (a run where nothing changed builds no document). Worker threads load
   * CC-CEDICT themselves (`loadCedict`): a function cannot be sent to a thread.
   */
  loadDictionary: () => Dictionary;
  /**
   * `stage` is 'building' once when the documents start (`done` = those taken from the cache),
   * 'cached' for each document taken from the cache, 'built' as each built one is done (`done`
   * counts it), then 'indexing' for the corpus-wide steps.
   */
  onProgress?: (step: {
    doc: string;
    done: number;
    total: number;
    stage: 'building' | 'cached' | 'built' | 'indexing';
  }) => void;
  /** The per-document cache (default: <root>/.cache/ingest); false: no cache at all, neither read nor written. */
  cacheDir?: string | false;
  /** Rebuild every document, reading nothing from the cache (the cache is still refreshed). */
  full?: boolean;
  /** Threads building documents; 1 (the default) builds in this thread; 'auto': defaultWorkers(). */
  workers?: number | 'auto';
  /** Each document as it reaches the build, in corpus order (it is not kept after: see `keepDocs`). */
  onDocument?: (doc: BuiltDoc) => void;
  /** Return every document in the result (tests, small corpora); the ingest itself keeps none. */
  keepDocs?: boolean;
  /** Past this many bytes of Chinese sources the glossary is computed over a sample (default GLOSSARY_SAMPLE_BYTES). */
  glossarySampleBytes?: number;
  /**
   * The build lock (lib/pipeline/build-lock.ts) the whole run holds, from reading the corpus to
   * publishing: one the caller holds already (the import save takes it before it writes the
   * corpus), or how to take it (default: wait for a running ingest as long as it runs).
   */
  lock?: BuildLock | AcquireOptions;
}

export interface IngestResult {
  buildDir: string;
  /** Time the word-alignment step took (training and links of every bead, or the cache read). */
  wordAlignMs: number;
  /** How many documents the build holds. */
  documents: number;
  /** Every document, in corpus order, when `keepDocs` asked for them (else empty). */
  docs: BuiltDoc[];
  /** Ids of the documents built in this run, and of those taken from the cache, in corpus order. */
  built: string[];
  cached: string[];
  /** The threads that built documents (1: this thread). */
  workers: number;
}

/** Stable JSON: keys in insertion order (our own objects), no timestamps, so builds are byte-identical. */
function json(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}

/** The cache entry of the corpus-wide texts: a name no document id can take (ids never start with a dot). */
const CORPUS_ENTRY = '.corpus';

/** [glossary.json, gloss.json] from a corpus cache entry, or null when it is not that. */
function corpusTexts(entry: string | null): [string, string] | null {
  if (entry === null) return null;
  try {
    const value: unknown = JSON.parse(entry);
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string'))
      return [value[0] as string, value[1] as string];
  } catch {
    // an entry that checks out but does not parse is a miss like any other
  }
  return null;
}

/** The bytes of the files a document's build reads: its source and its translation. */
function sourceBytes(inputs: readonly DocumentInput[]): number {
  return inputs.reduce((n, d) => n + d.source.bytes.length + (d.translation?.bytes.length ?? 0), 0);
}

/**
 * corpus/ → a published build. Documents whose cache entry matches their input and the pipeline
 * are read back, the others built (in this thread or in workers); the corpus-wide steps (search
 * index, glossary, gloss file) always run over every document (the glossary over a sample of
 * them past GLOSSARY_SAMPLE_BYTES).
 *
 * Memory is bounded by the corpus-wide steps, not by the documents: each document is written into
 * the new build and handed to those steps as soon as it and every one before it are done (corpus
 * order, whatever order the threads finish in), then let go; what stays is its pair records (the
 * search index is built over them), its manifest entry, the gloss file's words, and the documents
 * of the glossary's sample. (A document's text is ~80 bytes per Han character and its parsed form
 * several times that: holding them all stopped the ingest of a corpus of a few million characters.)
 *
 * Every document, built or cached, reaches the build and the corpus-wide steps as the same thing:
 * its text (`documentText`) written verbatim, and that text parsed back. A cached document is that
 * text too, so a warm build is byte-identical to a full one by construction, not by luck (a value
 * JSON cannot carry, such as `undefined` or NaN, would otherwise reach the glossary differently).
 */
export async function ingest(options: IngestOptions): Promise<IngestResult> {
  const buildLink = options.buildDir ?? path.join(options.root, 'build');
  if (options.lock instanceof BuildLock) return ingestLocked(options, buildLink);
  const lock = await BuildLock.acquire(buildLink, { waitMs: Infinity, ...options.lock });
  try {
    return await ingestLocked(options, buildLink);
  } finally {
    await lock.release();
  }
}

/** What the cache already holds for this run, and the keys it files the run's results under. */
interface CachePlan {
  cache: DocCache | undefined;
  /** Each document's cache key ('' without a cache). */
  keys: string[];
  /** Each document's text as the cache holds it; null: to build. */
  texts: Array<string | null>;
  /** The key of the corpus-wide texts (glossary, gloss file, word links): every document's key, in order. */
  corpusKey: string;
}

async function cachePlan(
  options: IngestOptions,
  inputs: readonly DocumentInput[],
  sampleBytes: number,
): Promise<CachePlan> {
  const cacheDir = options.cacheDir ?? path.join(options.root, '.cache', 'ingest');
  const cache = cacheDir === false ? undefined : new DocCache(cacheDir);
  const fingerprint = cache ? (await pipelineFingerprint()).hash : '';
  const keys = inputs.map((input) => (cache ? documentKey(input, fingerprint) : ''));
  const texts: Array<string | null> = await Promise.all(
    inputs.map((input, i) => (cache && !options.full ? cache.get(input.meta.id, keys[i]!) : null)),
  );
  const corpusKey = cache ? documentKey([...keys, `glossary sample ${sampleBytes}`], fingerprint) : '';
  return { cache, keys, texts, corpusKey };
}

/**
 * What the corpus-wide steps keep of each document as it goes by, in corpus order; the document
 * itself is let go (only the glossary's sample, and `keepDocs`, hold whole documents).
 */
interface Collected {
  records: PairRecord[];
  listed: Manifest['docs'];
  /** The gloss file's words; none when the gloss file comes from the cache. */
  gloss: GlossFileCollector | undefined;
  wordLinks: WordLinkCollector;
  sample: BuiltDoc[];
  kept: BuiltDoc[];
}

/**
 * The one state a run's document builds and its hand-over share: the builds (in this thread or in
 * workers, finishing in any order) fill `texts`, and the hand-over writes them into the build in
 * corpus order from `next`, one after the other on the `handing` chain.
 */
interface RunState {
  /** Each document's text, from the cache or once built, until it is handed over (then null). */
  texts: Array<string | null>;
  /** The first document not handed over yet. */
  next: number;
  /** Documents done (from the cache or built), as progress counts them. */
  done: number;
  /** The hand-overs so far, chained so that each waits for the one before. */
  handing: Promise<void>;
  /** The cache writes of the documents built, awaited before the corpus-wide steps. */
  writes: Array<Promise<boolean>>;
}

async function ingestLocked(options: IngestOptions, buildLink: string): Promise<IngestResult> {
  const corpusDir = options.corpusDir ?? path.join(options.root, 'corpus');
  const inputs = await readCorpus(corpusDir);
  const total = inputs.length;
  let dict: Dictionary | undefined;
  const dictionary = () => (dict ??= options.loadDictionary());

  const sampleBytes = options.glossarySampleBytes ?? GLOSSARY_SAMPLE_BYTES;
  const plan = await cachePlan(options, inputs, sampleBytes);
  const { cache, corpusKey } = plan;
  const toBuild = inputs.map((_, i) => i).filter((i) => plan.texts[i] === null);
  const cached = inputs.filter((_, i) => plan.texts[i] !== null).map((d) => d.meta.id);
  const state: RunState = { texts: plan.texts, next: 0, done: cached.length, handing: Promise.resolve(), writes: [] };
  const announce = () => {
    options.onProgress?.({ doc: inputs[toBuild[0] ?? 0]!.meta.id, done: state.done, total, stage: 'building' });
    for (const id of cached) options.onProgress?.({ doc: id, done: state.done, total, stage: 'cached' });
  };

  // The glossary and gloss file are pure functions of every document and the dictionary, and they
  // are most of a run's time (the glossary's termhood ranking: ~60% of a full ingest). Their texts
  // are cached too, under the keys of all the documents in order: a run where no document changed
  // reuses them and never loads CC-CEDICT; any change to any document redoes both.
  const corpusCached =
    cache && !options.full && toBuild.length === 0 ? corpusTexts(await cache.get(CORPUS_ENTRY, corpusKey)) : null;
  const sampled = glossarySample(inputs, sampleBytes);
  const collected: Collected = {
    records: [],
    listed: [],
    gloss: corpusCached ? undefined : new GlossFileCollector(dictionary()),
    wordLinks: new WordLinkCollector(),
    sample: [],
    kept: [],
  };

  const out = await BuildWriter.open(buildLink);
  try {
    // The threads start a document only while it is a few places past the hand-over: the texts
    // that come back before their turn (~80 bytes per Han character each) stay few.
    const ahead = new HandOverWindow(() => state.next);
    const handOver = async () => {
      while (state.next < total && state.texts[state.next] !== null) {
        const i = state.next++;
        const text = state.texts[i]!;
        state.texts[i] = null;
        await out.put(`docs/${inputs[i]!.meta.id}.json`, text);
        collect(collected, parseDoc(text), {
          sampled: sampled.has(i),
          keep: options.keepDocs === true,
          onDocument: options.onDocument,
        });
        ahead.moved();
      }
    };
    const ready = () => {
      state.handing = state.handing.then(handOver);
      // Awaited after the documents are built; marked handled meanwhile, so a failed write (a full
      // disk) while threads still run fails the run there (and the threads' wait for room), not the
      // process as an unhandled rejection.
      state.handing.catch((e: unknown) => ahead.fail(e));
    };
    ready();

    // Each document is cached as soon as it is built, so a run that fails later keeps what it finished.
    const requested =
      options.workers === 'auto'
        ? defaultWorkers(toBuild.length, sourceBytes(toBuild.map((i) => inputs[i]!)))
        : Math.max(1, Math.floor(options.workers ?? 1));
    const workers = Math.min(requested, Math.max(1, toBuild.length));
    const built = (i: number, text: string) => {
      state.texts[i] = text;
      options.onProgress?.({ doc: inputs[i]!.meta.id, done: ++state.done, total, stage: 'built' });
      if (cache) state.writes.push(cache.put(inputs[i]!.meta.id, plan.keys[i]!, text));
      ready();
    };
    if (workers > 1) {
      await buildInWorkers(
        toBuild.map((i) => inputs[i]!),
        workers,
        {
          onStart: announce,
          onDone: (n, text) => built(toBuild[n]!, text),
          room: (n) => ahead.room(toBuild[n]!, 4 * workers),
        },
      ).catch((e: unknown) => {
        throw e instanceof DocumentBuildError ? new IngestError(e.message, { cause: e }) : e;
      });
    } else {
      announce();
      for (const i of toBuild) {
        let text: string;
        try {
          text = documentText(buildDocument(inputs[i]!, dictionary()));
        } catch (e) {
          throw new IngestError(`${inputs[i]!.meta.id}: ${(e as Error).message}`, { cause: e });
        }
        built(i, text);
        await state.handing;
      }
    }
    await Promise.all(state.writes);
    await state.handing;

    const wordAlignMs = await writeCorpusFiles(out, collected, {
      total,
      sampled: sampled.size,
      changed: options.full === true || toBuild.length > 0,
      cache,
      corpusKey,
      corpusCached,
      dictionary,
      onProgress: options.onProgress,
    });
    const buildDir = await out.publish();
    return {
      buildDir,
      documents: total,
      docs: collected.kept,
      built: toBuild.map((i) => inputs[i]!.meta.id),
      cached,
      workers,
      wordAlignMs,
    };
  } catch (e) {
    await out.abandon();
    throw e;
  }
}

/** How the corpus-wide steps run: what the cache holds for them and what the run is told. */
interface CorpusStep {
  total: number;
  /** How many documents the glossary's sample holds. */
  sampled: number;
  /** Whether any document was built in this run (or --full): the word links are trained afresh. */
  changed: boolean;
  cache: DocCache | undefined;
  corpusKey: string;
  /** [glossary.json, gloss.json] from the cache, when no document changed. */
  corpusCached: [string, string] | null;
  dictionary: () => Dictionary;
  onProgress: IngestOptions['onProgress'];
}

/**
 * The corpus-wide files, once every document is in the build: the search index, the word links,
 * the glossary and gloss file, the manifest. Answers the time the word alignment took.
 */
async function writeCorpusFiles(out: BuildWriter, collected: Collected, step: CorpusStep): Promise<number> {
  const { records, listed, gloss, wordLinks, sample } = collected;
  const { total, cache, corpusKey, corpusCached, dictionary } = step;
  step.onProgress?.({ doc: 'search index', done: total, total, stage: 'indexing' });
  await writeSearchBundle(out, records);
  records.length = 0; // the index is written: the glossary's sample gets the memory
  // Word links before the glossary: its renderings are read off them.
  step.onProgress?.({ doc: 'word alignment', done: total, total, stage: 'indexing' });
  const wordAlignStart = performance.now();
  const wordLinksJson = await wordLinksText(wordLinks, cache, corpusKey, step.changed, dictionary);
  await out.put('wordlinks.json', wordLinksJson);
  const wordAlignMs = performance.now() - wordAlignStart;
  step.onProgress?.({ doc: 'glossary', done: total, total, stage: 'indexing' });
  let glossaryText: string;
  let glossText: string;
  if (corpusCached) [glossaryText, glossText] = corpusCached;
  else {
    const terms = buildGlossary(sample, dictionaryLookup(dictionary), {
      wordLinks: JSON.parse(wordLinksJson) as WordLinks,
    });
    glossaryText = json(terms);
    glossText = json(gloss!.finish(terms));
    if (cache) await cache.put(CORPUS_ENTRY, corpusKey, JSON.stringify([glossaryText, glossText]));
  }
  const manifest: Manifest = { formatVersion: BUILD_FORMAT_VERSION, docs: listed };
  if (step.sampled < total) manifest.glossarySample = { documents: step.sampled, of: total };
  if (wordLinks.documents < total) manifest.wordLinksSample = { documents: wordLinks.documents, of: total };
  await out.put('manifest.json', json(manifest));
  await out.put('gloss.json', glossText);
  await out.put('glossary.json', glossaryText);
  return wordAlignMs;
}

/** One document, as it reaches the build, handed to the corpus-wide steps. */
function collect(
  collected: Collected,
  doc: BuiltDoc,
  how: { sampled: boolean; keep: boolean; onDocument?: (doc: BuiltDoc) => void },
): void {
  for (const record of pairRecords(doc)) collected.records.push(record);
  collected.listed.push({ meta: doc.meta, stats: doc.stats });
  collected.gloss?.add(doc);
  collected.wordLinks.add(doc);
  if (how.sampled) collected.sample.push(doc);
  if (how.keep) collected.kept.push(doc);
  how.onDocument?.(doc);
}

const WORD_LINKS_ENTRY = '.wordlinks';

/**
 * wordlinks.json's text: from the cache when no document changed (the links are a pure function of
 * every document, in order, and the dictionary), otherwise trained afresh and cached.
 */
async function wordLinksText(
  collector: WordLinkCollector,
  cache: DocCache | undefined,
  corpusKey: string,
  changed: boolean,
  dictionary: () => Dictionary,
): Promise<string> {
  if (cache && !changed) {
    const cached = await cache.get(WORD_LINKS_ENTRY, corpusKey);
    if (cached !== null) return cached;
  }
  const text = json(collector.finish(dictionary()));
  if (cache) await cache.put(WORD_LINKS_ENTRY, corpusKey, text);
  return text;
}

/** The search index over the records, written as build/search.jsonl; the index is gone when this returns. */
async function writeSearchBundle(out: BuildWriter, records: PairRecord[]): Promise<void> {
  await out.put(BUNDLE_FILE, bundleLines(indexSource(records)));
}

/**
 * The documents the glossary is computed over: all of them up to GLOSSARY_SAMPLE_BYTES of Chinese
 * source, beyond that every k-th document, spread evenly over the corpus. The glossary's termhood
 * ranking and term spotting hold ~2 kB per Han character (measured at 300 k characters), so a
 * glossary over 100 M characters would need ~200 GB; a sample of ~1 M characters names the
 * recurring terms of the corpus just as well, and the term page still counts over every pair.
 */
const GLOSSARY_SAMPLE_BYTES = 3_000_000;

export function glossarySample(inputs: readonly DocumentInput[], sampleBytes: number): Set<number> {
  const bytes = inputs.reduce((n, d) => n + d.source.bytes.length, 0);
  const every = Math.max(1, Math.ceil(bytes / sampleBytes));
  return new Set(inputs.map((_, i) => i).filter((i) => i % every === 0));
}
