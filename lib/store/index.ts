/**
 * Server-side access to the build folder written by `npm run duizhao -- ingest`.
 *
 * Every read is memoised while the published build stays the same (a build is immutable once
 * written). A new build (an ingest, or a save on the import page) is noticed without a restart:
 * the storage's `version()` (a symlink target, or PostgreSQL's `current` row) is asked at most once
 * a second, and when it changes every memoised read is dropped (`fresh`). A document is read only
 * when its id is well formed *and* listed in the manifest, so no request can name a file outside
 * the build.
 */
import { config, type StoreConfig } from '../config';
import {
  BUILD_FORMAT_VERSION,
  type BuiltDoc,
  type DictEntry,
  type DocMeta,
  type DocStats,
  type GlossaryEntry,
  type Manifest,
} from '../model';
import type { AsyncSearcher } from '../search/pg-searcher';
import { BuildFormatError, BuildMissingError } from './errors';
import { isDocId } from './input';
import { pgStorage } from './pg-store';
import { folderStorage, type BuildFileName, type BuildStorage } from './storage';

export { isDocId } from './input';

export { BuildFormatError, BuildMissingError } from './errors';

let configured: StoreConfig | undefined;
let chosen: BuildStorage | undefined;

/**
 * Sets where this process's store reads the build from (the CLI's --build or --database), before
 * anything is read: the storage is chosen once per process, like everything the store memoises.
 * Without it, the store reads where the process's configuration says (lib/config.ts).
 */
export function configureStore(store: StoreConfig): void {
  if (chosen) throw new Error('the store has already read from its storage: configure it before the first read');
  configured = store;
}

function storeConfig(): StoreConfig {
  configured ??= config();
  return configured;
}

/** The build folder the store reads (when it reads a folder): DUIZHAO_BUILD, or `build/` under the working directory. */
export function buildDir(): string {
  return storeConfig().buildDir;
}

/**
 * Where the build is read from: PostgreSQL when a database URL is configured (pg-store.ts; its
 * tables in the configured schema, default `duizhao`), else the build folder. Chosen once per
 * process, like everything the store memoises.
 */
export function buildStorage(): BuildStorage {
  const { databaseUrl, pgSchema } = storeConfig();
  chosen ??= databaseUrl ? pgStorage(databaseUrl, { schema: pgSchema }) : folderStorage(buildDir());
  return chosen;
}

/** How long a version check is trusted: a busy search API asks the file system at most once a second. */
export const VERSION_CHECK_MS = 1000;

/**
 * What the version checks share. Next bundles each route and page apart, each with its own copy of
 * this module; kept on globalThis, one check serves them all, and a save's forced check (the import
 * routes) empties the caches of the reader page it sends the browser to, not only its own.
 */
interface Freshness {
  seenVersion: string | null | undefined;
  checkedAt: number;
  checking: Promise<void> | undefined;
  /** Dropped when a new build is seen: every memo registers here, and so may derived caches (reader.ts). */
  resets: Set<() => void>;
}
const FRESHNESS = Symbol.for('duizhao.store.freshness');
const shared = globalThis as typeof globalThis & { [FRESHNESS]?: Freshness };
const state: Freshness = (shared[FRESHNESS] ??= {
  seenVersion: undefined,
  checkedAt: -Infinity,
  checking: undefined,
  resets: new Set(),
});

/** Registers a cache to empty when a new build is published. */
export function onNewBuild(reset: () => void): void {
  state.resets.add(reset);
}

/**
 * Makes sure the memoised reads belong to the published build: asks the storage for its version
 * when the last check is older than VERSION_CHECK_MS (or at once with `force`), and empties every
 * cache when it changed. Concurrent callers share one check, but a forced one never shares a check
 * that began before it: that one may have read the version the caller knows to be gone.
 */
export async function fresh(options: { force?: boolean } = {}): Promise<void> {
  if (!options.force && performance.now() - state.checkedAt < VERSION_CHECK_MS) return;
  if (options.force && state.checking) await state.checking.catch(() => undefined);
  state.checking ??= (async () => {
    try {
      const version = await buildStorage().version();
      state.checkedAt = performance.now();
      if (state.seenVersion !== undefined && version !== state.seenVersion) for (const reset of state.resets) reset();
      state.seenVersion = version;
    } finally {
      state.checking = undefined;
    }
  })();
  return state.checking;
}

/** The published build's version as last seen (after `fresh`), for a client to ask for it again. */
export async function currentBuildVersion(): Promise<string | null> {
  await fresh({ force: true });
  return state.seenVersion ?? null;
}

/**
 * The published build's version as the memoised reads see it (checked at most every
 * VERSION_CHECK_MS, as they are): what an answer built from them depends on, for its ETag.
 */
export async function servedBuildVersion(): Promise<string | null> {
  await fresh();
  return state.seenVersion ?? null;
}

// The pages' cache (lib/security/page-cache-preload.mjs) sits in front of Next and cannot import
// this module: it asks here, through globalThis, which build a kept page must belong to.
(globalThis as Record<symbol, unknown>)[Symbol.for('duizhao.store.servedBuildVersion')] = servedBuildVersion;

async function readJson(relative: BuildFileName): Promise<unknown> {
  const storage = buildStorage();
  const text = await storage.readText(relative);
  const file = storage.locate(relative);
  if (text === null) throw new BuildMissingError(file);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new BuildFormatError(file, 'is not valid JSON', { cause: e });
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Memoised for the published build: checked with `fresh` first, emptied when a new build is seen.
 * A rejected promise is not kept, so a build written later is picked up on retry.
 */
function memo<T>(load: () => Promise<T>): () => Promise<T> {
  let cached: Promise<T> | undefined;
  onNewBuild(() => {
    cached = undefined;
  });
  return async () => {
    await fresh();
    cached ??= load().catch((error: unknown) => {
      cached = undefined;
      throw error;
    });
    return cached;
  };
}

export interface DocSummary {
  meta: DocMeta;
  stats: DocStats;
}

export const getManifest = memo(async (): Promise<Manifest> => {
  const raw = await readJson('manifest.json');
  if (!isObject(raw) || !Array.isArray(raw.docs)) throw new BuildFormatError('manifest.json', 'has no docs list');
  if (raw.formatVersion !== BUILD_FORMAT_VERSION) {
    throw new BuildFormatError(
      'manifest.json',
      `has format version ${String(raw.formatVersion)}, this app reads version ${BUILD_FORMAT_VERSION}`,
    );
  }
  const sample = raw.glossarySample;
  if (
    sample !== undefined &&
    !(
      isObject(sample) &&
      Number.isInteger(sample.documents) &&
      Number.isInteger(sample.of) &&
      (sample.documents as number) <= (sample.of as number)
    )
  ) {
    throw new BuildFormatError('manifest.json', 'has a glossarySample that is not { documents, of } counts');
  }
  const manifest = raw as unknown as Manifest;
  for (const doc of manifest.docs) {
    if (!isDocId(doc.meta.id))
      throw new BuildFormatError('manifest.json', `lists an invalid document id ${JSON.stringify(doc.meta.id)}`);
  }
  return manifest;
});

const getDocIndex = memo(async (): Promise<Map<string, DocSummary>> => {
  const manifest = await getManifest();
  return new Map(manifest.docs.map((d) => [d.meta.id, d]));
});

/** Every document, in the manifest's order. */
export async function listDocs(): Promise<DocSummary[]> {
  return (await getManifest()).docs;
}

/**
 * The manifest entry of a document, or null for an unknown or malformed id. An id the manifest
 * lacks makes the store look for a new build at once: a document just saved on the import page
 * is found by the very next request, not a second later.
 */
export async function getDocSummary(docId: unknown): Promise<DocSummary | null> {
  if (!isDocId(docId)) return null;
  const found = (await getDocIndex()).get(docId);
  if (found) return found;
  await fresh({ force: true });
  return (await getDocIndex()).get(docId) ?? null;
}

const docCache = new Map<string, Promise<BuiltDoc>>();
onNewBuild(() => docCache.clear());

/** A built document, or null when the id is malformed or not in the manifest. */
export async function getDoc(docId: unknown): Promise<BuiltDoc | null> {
  const summary = await getDocSummary(docId);
  if (summary === null) return null;
  const id = summary.meta.id;
  let pending = docCache.get(id);
  if (!pending) {
    pending = readJson(`docs/${id}.json`).then((raw) => {
      if (!isObject(raw) || !Array.isArray(raw.pairs) || !Array.isArray(raw.zh) || !Array.isArray(raw.en)) {
        throw new BuildFormatError(`docs/${id}.json`, 'is not a built document');
      }
      return raw as unknown as BuiltDoc;
    });
    pending.catch(() => docCache.delete(id));
    docCache.set(id, pending);
  }
  return pending;
}

// A Map, never a plain object: `__proto__` or `constructor` must not find anything.
const getGlossMap = memo(async (): Promise<Map<string, DictEntry[]>> => {
  const raw = await readJson('gloss.json');
  if (!isObject(raw)) throw new BuildFormatError('gloss.json', 'is not an object of headwords');
  const map = new Map<string, DictEntry[]>();
  for (const [word, entries] of Object.entries(raw)) {
    if (Array.isArray(entries)) map.set(word, entries as DictEntry[]);
  }
  return map;
});

/** The CC-CEDICT entries of a simplified headword (empty when the dictionary lacks it). */
export async function lookupGloss(word: string): Promise<DictEntry[]> {
  return (await getGlossMap()).get(word) ?? [];
}

/**
 * Traditional headwords of the CC-CEDICT extract → their simplified headword (報道 → 报道), for
 * words asked in traditional characters. Where one traditional form has entries under several
 * simplified headwords (著 → 着, 著), the first in key order wins; a form that is a key of its own is
 * found as itself before this index is asked.
 */
const getTraditionalHeadwords = memo(async (): Promise<Map<string, string>> => {
  const byTraditional = new Map<string, string>();
  for (const [key, entries] of await getGlossMap()) {
    for (const entry of entries) {
      if (entry.traditional !== key && entry.simplified === key && !byTraditional.has(entry.traditional))
        byTraditional.set(entry.traditional, key);
    }
  }
  return byTraditional;
});

export async function traditionalHeadwords(): Promise<ReadonlyMap<string, string>> {
  return getTraditionalHeadwords();
}

/** The searcher of the build: answers are promises (PostgreSQL is asked for rare terms). */
export const getSearcher = memo(async (): Promise<AsyncSearcher> => buildStorage().searcher());

/**
 * A synchronous lookup in the corpus's CC-CEDICT extract, and its headwords (the words the texts
 * are segmented into), for code that looks up many words in a loop.
 */
export async function glossLookup(): Promise<{ lookup: (word: string) => DictEntry[]; words: () => Iterable<string> }> {
  const map = await getGlossMap();
  return { lookup: (word) => map.get(word) ?? [], words: () => map.keys() };
}

/** The glossary extracted at ingest (`glossary.json`), most term-like first. */
export const getGlossary = memo(async (): Promise<GlossaryEntry[]> => {
  const raw = await readJson('glossary.json');
  if (!Array.isArray(raw)) throw new BuildFormatError('glossary.json', 'is not a list of terms');
  return raw as GlossaryEntry[];
});

/**
 * The word links of every sentence bead (`wordlinks.json`, see `WordLinks`) in a Map by document
 * id; empty for a build made before word alignment, whose features then fall back on their own.
 */
export const getWordLinks = memo(async (): Promise<ReadonlyMap<string, string[][]>> => {
  let raw: unknown;
  try {
    raw = await readJson('wordlinks.json');
  } catch (e) {
    if (e instanceof BuildMissingError) return new Map();
    throw e;
  }
  if (!isObject(raw)) throw new BuildFormatError('wordlinks.json', 'is not an object of documents');
  return new Map(Object.entries(raw).filter((entry): entry is [string, string[][]] => Array.isArray(entry[1])));
});

// A Map, so `__proto__` or `constructor` as a term finds nothing.
const getGlossaryTerms = memo(
  async (): Promise<Map<string, GlossaryEntry>> => new Map((await getGlossary()).map((e) => [e.term, e])),
);

/** The glossary's terms by their simplified form, for code that looks up many words in a loop. */
export async function glossaryTerms(): Promise<ReadonlyMap<string, GlossaryEntry>> {
  return getGlossaryTerms();
}
