/**
 * The ingest pipeline: corpus/ → build/. `buildDocument` composes the pure stages for one
 * document; `ingest` is the only code of the pipeline that touches the file system. The build is
 * written to a fresh folder and published by swapping a symlink, so a failed or killed ingest
 * never leaves half a build and the previous one keeps serving.
 */
import { lstat, readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { Dictionary } from '../dictionary/cedict';
import {
  BUILD_FORMAT_VERSION,
  type Block,
  type BuiltDoc,
  type CleanDoc,
  type DocMeta,
  type DocStats,
  type EnBlock,
  type Manifest,
  type MemoryFormat,
  type Pair,
  type PairRecord,
  type RawFile,
  type Repair,
  type SourceFormat,
  type ZhBlock,
  type WordLinks,
} from '../model';
import { Aligner } from '../align/aligner';
import { alignBlocks, type GivenPair } from './align';
import { applicableCorrections, CORRECTIONS_FILE, CorrectionsError, parseCorrections, type AlignmentCorrections } from './corrections';
import { clean } from './clean';
import { convertBlocks } from './convert';
import { decode } from './decode';
import { docxToHtml } from './docx';
import { englishBlocks } from './english';
import { glossSentences } from './gloss';
import { GlossFileCollector } from './gloss-file';
import { buildGlossary } from './glossary';
import { WordLinkCollector } from './word-links';
import { indexSource } from '../search/bundle';
import { pairRecords } from '../search/pair-records';
import { bundleLines, BUNDLE_FILE } from '../search/bundle-lines';
import { BuildWriter } from './build-writer';
import { BuildLock, type AcquireOptions } from './build-lock';
import { NotRegularFileError, readRegularFile } from './regular-file';
import { DocCache, documentKey, documentText, parseDoc } from './doc-cache';
import { pipelineFingerprint } from './fingerprint';
import { HandOverWindow } from './hand-over-window';
import { buildInWorkers, defaultWorkers, DocumentBuildError } from './parallel';
import { parseMeta } from './meta';
import { isDocId, reservedIdProblem } from '../base/doc-id';
import { MEMORY_FORMATS } from '../base/formats';
import { parseMemory } from './memory';
import { segmentBlock } from '../text/segment';
import { countHan } from '../text/text-width';
import { difficulty } from '../learner/difficulty';
import { learnerLevel } from '../terms/hsk';
import { HSK3_LEVELS, learner3Level } from '../terms/hsk30';

export class IngestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IngestError';
  }
}

// ------------------------------------------------------------------ pure composition

export interface DocumentInput {
  meta: DocMeta;
  source: RawFile;
  translation?: RawFile;
  /** What the file-system edge had to say (mammoth's warnings on a DOCX). */
  warnings?: string[];
  /**
   * A person's corrections of the paragraph alignment (`alignment.json`, lib/pipeline/corrections.ts).
   * Part of the input, so part of the document's cache key: a changed correction rebuilds this
   * document and no other.
   */
  corrections?: AlignmentCorrections;
}

export function isMemoryFormat(format: string): format is MemoryFormat {
  return (MEMORY_FORMATS as readonly string[]).includes(format);
}

/** Chinese blocks → convert → segment → gloss. */
function zhBlocks(blocks: Block[], meta: DocMeta, dict: Dictionary): ZhBlock[] {
  return convertBlocks(blocks, meta.variant).map(
    (b): ZhBlock => ({ ...b, sentences: glossSentences(segmentBlock(b.original, b.simplified, dict), dict) }),
  );
}

/** Chinese side: decode → clean → convert → segment → gloss. */
export function chineseBlocks(source: RawFile, meta: DocMeta, dict: Dictionary): { blocks: ZhBlock[]; dropped: BuiltDoc['dropped']; warnings: string[] } {
  const cleaned = clean(decode(source));
  return { blocks: zhBlocks(cleaned.blocks, meta, dict), dropped: cleaned.dropped, warnings: cleaned.warnings };
}

interface Sides {
  zh: ZhBlock[];
  en: EnBlock[];
  /** The paragraph pairs, when the input gives them (a translation memory). */
  given?: GivenPair[];
  dropped: BuiltDoc['dropped'];
  repairs: Repair[];
  warnings: string[];
}

/** A translation memory: each unit one Chinese and one English paragraph, paired as given. */
function memorySides(source: RawFile, meta: DocMeta, dict: Dictionary): Sides {
  const memory = parseMemory(decode(source), meta.variant);
  const zh: Block[] = [];
  const en: Block[] = [];
  const given: GivenPair[] = memory.units.map((u) => {
    const pair: GivenPair = { zh: [], en: [] };
    if (u.zh !== '') pair.zh.push(zh.push({ kind: 'paragraph', text: u.zh }) - 1);
    if (u.en !== '') pair.en.push(en.push({ kind: 'paragraph', text: u.en }) - 1);
    return pair;
  });
  const warnings = memory.units.length === 0 ? [`${source.path}: no translation units with text`] : [];
  return { zh: zhBlocks(zh, meta, dict), en: englishBlocks(en), given, dropped: [], repairs: [], warnings };
}

/** Running text and its translation, cleaned: the blocks alignment and corrections count. */
function cleanText(input: DocumentInput): { zh: CleanDoc; en?: CleanDoc } {
  const zh = clean(decode(input.source));
  return input.translation ? { zh, en: clean(decode(input.translation), { repairLayout: false }) } : { zh };
}

/** Running text and its translation, to be aligned paragraph by paragraph. */
function textSides(input: DocumentInput, dict: Dictionary): Sides {
  const cleaned = cleanText(input);
  const warnings = [...cleaned.zh.warnings, ...(cleaned.en?.warnings ?? [])];
  const en = cleaned.en ? englishBlocks(cleaned.en.blocks) : [];
  return { zh: zhBlocks(cleaned.zh.blocks, input.meta, dict), en, dropped: cleaned.zh.dropped, repairs: cleaned.zh.repairs, warnings };
}

/**
 * The texts of the blocks a build of `input` aligns, in order, without segmenting or glossing
 * (cheap: no dictionary): what alignment.json's fingerprints are checked against. The import page
 * checks a correction with this before anything is written.
 */
export function cleanedBlockTexts(input: DocumentInput): { zh: string[]; en: string[] } {
  if (isMemoryFormat(input.source.format)) {
    const units = parseMemory(decode(input.source), input.meta.variant).units;
    return { zh: units.filter((u) => u.zh !== '').map((u) => u.zh), en: units.filter((u) => u.en !== '').map((u) => u.en) };
  }
  const cleaned = cleanText(input);
  return { zh: cleaned.zh.blocks.map((b) => b.text), en: cleaned.en?.blocks.map((b) => b.text) ?? [] };
}

function simplifiedWords(zh: ZhBlock[]): string[] {
  return zh.flatMap((b) => b.sentences.flatMap((s) => s.words.map((w) => w.simplified)));
}

function docStats(zh: ZhBlock[], en: EnBlock[], pairs: Pair[], warnings: number): DocStats {
  const sentences = zh.reduce((n, b) => n + b.sentences.length, 0);
  const words = zh.reduce((n, b) => n + b.sentences.reduce((m, s) => m + s.words.filter((w) => /\p{Script=Han}/u.test(w.simplified)).length, 0), 0);
  const translatedZh = pairs.filter((p) => p.en.length > 0).reduce((n, p) => n + p.zh.length, 0);
  return {
    blocks: zh.length,
    enBlocks: en.length,
    sentences,
    enSentences: en.reduce((n, b) => n + b.sentences.length, 0),
    words,
    characters: zh.reduce((n, b) => n + countHan(b.original), 0),
    pairs: pairs.length,
    aligned: pairs.filter((p) => !p.unaligned).length,
    unaligned: pairs.filter((p) => p.unaligned).length,
    lowConfidence: pairs.filter((p) => p.lowConfidence).length,
    translated: zh.length === 0 ? 0 : Math.round((translatedZh / zh.length) * 1000) / 1000,
    warnings,
    difficulty: difficulty(simplifiedWords(zh), learnerLevel),
    difficultyHsk3: difficulty(simplifiedWords(zh), learner3Level, HSK3_LEVELS),
  };
}

export function buildDocument(input: DocumentInput, dict: Dictionary): BuiltDoc {
  const { meta } = input;
  const sides = isMemoryFormat(input.source.format) ? memorySides(input.source, meta, dict) : textSides(input, dict);
  const { zh, en } = sides;
  const warnings = [...(input.warnings ?? []), ...sides.warnings];
  let given = sides.given;
  if (input.corrections) {
    // Checked against the blocks as cleaned now: corrections made on other text are set aside, never misapplied.
    const fit = applicableCorrections(input.corrections, zh.map((b) => b.text), en.map((b) => b.text), meta.id);
    if ('pairs' in fit) given = fit.pairs;
    else warnings.push(fit.warning);
  }
  const pairs = alignBlocks(new Aligner(dict), zh, en, given);
  for (const p of pairs) {
    if (p.lowConfidence) warnings.push(`pair ${p.id + 1}: low alignment confidence ${p.confidence}`);
  }
  const repairs = sides.repairs.length > 0 ? { repairs: sides.repairs } : {};
  return { meta, zh, en, pairs, stats: docStats(zh, en, pairs, warnings.length), dropped: sides.dropped, ...repairs, warnings };
}

// ------------------------------------------------------------------ file system edge

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
  onProgress?: (step: { doc: string; done: number; total: number; stage: 'building' | 'cached' | 'built' | 'indexing' }) => void;
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

/** Reads a file that must sit inside `dir`: no symlink may lead out of it. */
async function readInside(dir: string, name: string): Promise<Uint8Array> {
  const file = path.join(dir, name);
  const real = await realpath(file).catch(() => {
    throw new IngestError(`${file}: file not found`);
  });
  const realDir = await realpath(dir);
  if (!real.startsWith(realDir + path.sep)) throw new IngestError(`${file}: leads outside its document folder (symlink?); refused`);
  try {
    return await readRegularFile(real);
  } catch (e) {
    if (e instanceof NotRegularFileError) throw new IngestError(e.message.replace(real, file));
    throw e;
  }
}

/** One file of a document as the stages take it: a DOCX is converted to HTML here, at the edge. */
async function readRaw(dir: string, name: string, encoding: string, format: SourceFormat, warnings: string[]): Promise<RawFile> {
  const file = path.join(dir, name);
  const bytes = await readInside(dir, name);
  if (format !== 'docx') return { path: file, bytes, encoding, format };
  const html = await docxToHtml(file, bytes).catch((e: Error) => {
    throw new IngestError(e.message);
  });
  warnings.push(...html.warnings);
  return html.file;
}

/** A document's alignment.json, when it has one; a broken one fails the ingest with the file named. */
async function readCorrections(dir: string): Promise<AlignmentCorrections | undefined> {
  const file = path.join(dir, CORRECTIONS_FILE);
  const exists = await lstat(file).then(
    () => true,
    () => false,
  );
  if (!exists) return undefined;
  try {
    return parseCorrections(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await readInside(dir, CORRECTIONS_FILE))), file);
  } catch (e) {
    throw new IngestError(e instanceof IngestError || e instanceof CorrectionsError ? e.message : `${file}: not valid JSON (${(e as Error).message})`);
  }
}

/** One document folder of the corpus as the stages take it (its meta, files and corrections). */
export async function readDocumentFolder(corpusDir: string, name: string): Promise<DocumentInput> {
  const dir = path.join(corpusDir, name);
  if (!isDocId(name)) throw new IngestError(`${dir}: ${reservedIdProblem(name) ?? `"${name}" is not a valid document id (lowercase letters, digits, hyphens)`}`);
  const metaPath = path.join(dir, 'meta.json');
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await readInside(dir, 'meta.json')));
  } catch (e) {
    throw new IngestError(`${metaPath}: ${e instanceof IngestError ? e.message : `not valid JSON (${(e as Error).message})`}`);
  }
  const meta = parseMeta(raw, name, metaPath);
  const warnings: string[] = [];
  const input: DocumentInput = { meta, source: await readRaw(dir, meta.source, meta.encoding, meta.format, warnings), warnings };
  // A translation memory holds its own translation: meta.translation then only credits it.
  if (meta.translation && !isMemoryFormat(meta.format)) {
    const t = meta.translation;
    input.translation = await readRaw(dir, t.file, 'utf-8', t.format, warnings);
  }
  const corrections = await readCorrections(dir);
  if (corrections) input.corrections = corrections;
  return input;
}

export async function readCorpus(corpusDir: string): Promise<DocumentInput[]> {
  const realCorpus = await realpath(corpusDir).catch(() => {
    throw new IngestError(`${corpusDir}: no corpus folder`);
  });
  const entries = (await readdir(corpusDir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  const inputs: DocumentInput[] = [];
  const seen = new Map<string, string>();
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.isFile()) continue; // README, glossary.tsv and dotfiles
    const dir = path.join(corpusDir, entry.name);
    if (entry.isSymbolicLink()) {
      const target = await realpath(dir).catch(() => '');
      if (!target.startsWith(realCorpus + path.sep)) throw new IngestError(`${dir}: a symlink out of corpus/ is refused`);
    }
    const input = await readDocumentFolder(corpusDir, entry.name);
    const metaPath = path.join(dir, 'meta.json');
    const other = seen.get(input.meta.id.toLowerCase());
    if (other) throw new IngestError(`${metaPath}: document id "${input.meta.id}" is also used by ${other}`);
    seen.set(input.meta.id.toLowerCase(), metaPath);
    inputs.push(input);
  }
  if (inputs.length === 0) throw new IngestError(`${corpusDir}: no documents`);
  return inputs;
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
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) return [value[0] as string, value[1] as string];
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

async function ingestLocked(options: IngestOptions, buildLink: string): Promise<IngestResult> {
  const corpusDir = options.corpusDir ?? path.join(options.root, 'corpus');
  const inputs = await readCorpus(corpusDir);
  const total = inputs.length;
  let dict: Dictionary | undefined;
  const dictionary = () => (dict ??= options.loadDictionary());

  const cacheDir = options.cacheDir ?? path.join(options.root, '.cache', 'ingest');
  const cache = cacheDir === false ? undefined : new DocCache(cacheDir);
  const fingerprint = cache ? (await pipelineFingerprint()).hash : '';
  const keys = inputs.map((input) => (cache ? documentKey(input, fingerprint) : ''));
  const texts: Array<string | null> = await Promise.all(
    inputs.map((input, i) => (cache && !options.full ? cache.get(input.meta.id, keys[i]!) : null)),
  );
  const toBuild = inputs.map((_, i) => i).filter((i) => texts[i] === null);
  const cached = inputs.filter((_, i) => texts[i] !== null).map((d) => d.meta.id);
  let done = cached.length;
  const announce = () => {
    options.onProgress?.({ doc: inputs[toBuild[0] ?? 0]!.meta.id, done, total, stage: 'building' });
    for (const id of cached) options.onProgress?.({ doc: id, done, total, stage: 'cached' });
  };

  // The glossary and gloss file are pure functions of every document and the dictionary, and they
  // are most of a run's time (the glossary's termhood ranking: ~60% of a full ingest). Their texts
  // are cached too, under the keys of all the documents in order: a run where no document changed
  // reuses them and never loads CC-CEDICT; any change to any document redoes both.
  const sampleBytes = options.glossarySampleBytes ?? GLOSSARY_SAMPLE_BYTES;
  const corpusKey = cache ? documentKey([...keys, `glossary sample ${sampleBytes}`], fingerprint) : '';
  const corpusCached = cache && !options.full && toBuild.length === 0 ? corpusTexts(await cache.get(CORPUS_ENTRY, corpusKey)) : null;
  const sampled = glossarySample(inputs, sampleBytes);
  const gloss = corpusCached ? undefined : new GlossFileCollector(dictionary());
  const wordLinks = new WordLinkCollector();
  const sample: BuiltDoc[] = [];
  const records: PairRecord[] = [];
  const listed: Manifest['docs'] = [];
  const kept: BuiltDoc[] = [];

  const out = await BuildWriter.open(buildLink);
  try {
    // Documents reach the build in corpus order: `next` is the first not handed over yet.
    let next = 0;
    // The threads start a document only while it is a few places past the hand-over: the texts
    // that come back before their turn (~80 bytes per Han character each) stay few.
    const ahead = new HandOverWindow(() => next);
    let handing = Promise.resolve();
    const handOver = async () => {
      while (next < total && texts[next] !== null) {
        const i = next++;
        const text = texts[i]!;
        texts[i] = null;
        await out.put(`docs/${inputs[i]!.meta.id}.json`, text);
        const doc = parseDoc(text);
        for (const record of pairRecords(doc)) records.push(record);
        listed.push({ meta: doc.meta, stats: doc.stats });
        gloss?.add(doc);
        wordLinks.add(doc);
        if (sampled.has(i)) sample.push(doc);
        if (options.keepDocs) kept.push(doc);
        options.onDocument?.(doc);
        ahead.moved();
      }
    };
    const ready = () => {
      handing = handing.then(handOver);
      // Awaited after the documents are built; marked handled meanwhile, so a failed write (a full
      // disk) while threads still run fails the run there (and the threads' wait for room), not the
      // process as an unhandled rejection.
      handing.catch((e: unknown) => ahead.fail(e));
    };
    ready();

    // Each document is cached as soon as it is built, so a run that fails later keeps what it finished.
    const requested = options.workers === 'auto' ? defaultWorkers(toBuild.length, sourceBytes(toBuild.map((i) => inputs[i]!))) : Math.max(1, Math.floor(options.workers ?? 1));
    const workers = Math.min(requested, Math.max(1, toBuild.length));
    const writes: Array<Promise<boolean>> = [];
    const built = (i: number, text: string) => {
      texts[i] = text;
      options.onProgress?.({ doc: inputs[i]!.meta.id, done: ++done, total, stage: 'built' });
      if (cache) writes.push(cache.put(inputs[i]!.meta.id, keys[i]!, text));
      ready();
    };
    if (workers > 1) {
      await buildInWorkers(
        toBuild.map((i) => inputs[i]!),
        workers,
        { onStart: announce, onDone: (n, text) => built(toBuild[n]!, text), room: (n) => ahead.room(toBuild[n]!, 4 * workers) },
      ).catch((e: unknown) => {
        throw e instanceof DocumentBuildError ? new IngestError(e.message) : e;
      });
    } else {
      announce();
      for (const i of toBuild) {
        let text: string;
        try {
          text = documentText(buildDocument(inputs[i]!, dictionary()));
        } catch (e) {
          throw new IngestError(`${inputs[i]!.meta.id}: ${(e as Error).message}`);
        }
        built(i, text);
        await handing;
      }
    }
    await Promise.all(writes);
    await handing;

    options.onProgress?.({ doc: 'search index', done: total, total, stage: 'indexing' });
    await writeSearchBundle(out, records);
    records.length = 0; // the index is written: the glossary's sample gets the memory
    // Word links before the glossary: its renderings are read off them.
    options.onProgress?.({ doc: 'word alignment', done: total, total, stage: 'indexing' });
    const wordAlignStart = performance.now();
    const wordLinksJson = await wordLinksText(wordLinks, cache, corpusKey, options.full === true || toBuild.length > 0, dictionary);
    await out.put('wordlinks.json', wordLinksJson);
    const wordAlignMs = performance.now() - wordAlignStart;
    options.onProgress?.({ doc: 'glossary', done: total, total, stage: 'indexing' });
    let glossaryText: string;
    let glossText: string;
    if (corpusCached) [glossaryText, glossText] = corpusCached;
    else {
      const terms = buildGlossary(sample, (word) => dictionary().lookup(word), { wordLinks: JSON.parse(wordLinksJson) as WordLinks });
      glossaryText = json(terms);
      glossText = json(gloss!.finish(terms));
      if (cache) await cache.put(CORPUS_ENTRY, corpusKey, JSON.stringify([glossaryText, glossText]));
    }
    const manifest: Manifest = { formatVersion: BUILD_FORMAT_VERSION, docs: listed };
    if (sampled.size < total) manifest.glossarySample = { documents: sampled.size, of: total };
    if (wordLinks.documents < total) manifest.wordLinksSample = { documents: wordLinks.documents, of: total };
    await out.put('manifest.json', json(manifest));
    await out.put('gloss.json', glossText);
    await out.put('glossary.json', glossaryText);
    const buildDir = await out.publish();
    return { buildDir, documents: total, docs: kept, built: toBuild.map((i) => inputs[i]!.meta.id), cached, workers, wordAlignMs };
  } catch (e) {
    await out.abandon();
    throw e;
  }
}

const WORD_LINKS_ENTRY = '.wordlinks';

/**
 * wordlinks.json's text: from the cache when no document changed (the links are a pure function of
 * every document, in order, and the dictionary), otherwise trained afresh and cached.
 */
async function wordLinksText(collector: WordLinkCollector, cache: DocCache | undefined, corpusKey: string, changed: boolean, dictionary: () => Dictionary): Promise<string> {
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
export const GLOSSARY_SAMPLE_BYTES = 3_000_000;

export function glossarySample(inputs: readonly DocumentInput[], sampleBytes: number): Set<number> {
  const bytes = inputs.reduce((n, d) => n + d.source.bytes.length, 0);
  const every = Math.max(1, Math.ceil(bytes / sampleBytes));
  return new Set(inputs.map((_, i) => i).filter((i) => i % every === 0));
}
