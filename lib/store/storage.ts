/**
 * Where a build is read from: the build folder (the default, nothing to install) or PostgreSQL
 * (with DATABASE_URL set; pg-store.ts). The store (index.ts) validates what it reads the same way
 * whichever it is: the storage hands back the build's files as text, exactly as ingest wrote them.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { BUNDLE_FILE, BundleFormatError, loadSearcherFromFile, type Searcher } from '../search';
import type { AsyncSearcher } from '../search/pg-searcher';
import { BuildFormatError, BuildMissingError } from './errors';

/** The files of a build the app reads (search.jsonl aside: see `searcher`). */
export type BuildFileName = 'manifest.json' | 'gloss.json' | 'glossary.json' | 'wordlinks.json' | `docs/${string}.json`;

export interface BuildStorage {
  /** Where a file of the build is, for error messages: a path, or a build version (never a password). */
  locate(name: string): string;
  /** A file of the build as text, or null when the build has no such file (or there is no build). */
  readText(name: BuildFileName): Promise<string | null>;
  /** The searcher over the build's pairs; rejects with a clear error when there is no index. */
  searcher(): Promise<AsyncSearcher>;
  /**
   * Which build is published now, cheaply (no file is read): a different answer means a new build,
   * and the store drops what it memoised. null when there is no build.
   */
  version(): Promise<string | null>;
}

/** A build file's text, decoded strictly: a build is our own UTF-8, anything else is damage. */
async function readUtf8(file: string): Promise<string | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (e) {
    throw new BuildFormatError(file, 'is not valid UTF-8', { cause: e });
  }
}

/** The build folder written by `npm run duizhao -- ingest` (a symlink to its current version). */
export function folderStorage(dir: string): BuildStorage {
  return {
    async version() {
      // Ingest publishes by renaming a new symlink over `build` (run.ts), so the link's target names
      // the build. A plain folder (copied, not linked) is told by its manifest's inode and mtime,
      // which a rewrite changes. Two system calls: cheap enough to ask once a second.
      try {
        const target = await realpath(dir);
        const manifest = await stat(path.join(target, 'manifest.json'));
        return `${target}:${manifest.ino}:${manifest.mtimeMs}`;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    locate: (name) => path.join(/*turbopackIgnore: true*/ dir, name),
    readText: (name) => readUtf8(path.join(/*turbopackIgnore: true*/ dir, name)),
    async searcher() {
      const file = path.join(/*turbopackIgnore: true*/ dir, BUNDLE_FILE);
      let searcher: Searcher;
      try {
        searcher = await loadSearcherFromFile(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new BuildMissingError(file);
        if (error instanceof BundleFormatError) throw new BuildFormatError(file, error.message, { cause: error });
        throw error;
      }
      // The in-memory searcher answers at once; wrapped so both storages have one contract.
      return { search: async (query, opts) => searcher.search(query, opts) };
    },
  };
}
