/**
 * The ingest's per-document cache: `<dir>/<docId>/<key>.json` holds the BuiltDoc that
 * `buildDocument` made from an input whose key is `<key>`. The key hashes the whole input (meta as
 * parsed, file paths, encodings, formats and bytes: whatever fields DocumentInput has, so a field
 * added later is keyed without anyone remembering to) and the pipeline's fingerprint.
 *
 * An entry is trusted only when it proves itself whole: its first line names the key, the document
 * and the sha256 and length of the rest, which must match. Anything else (truncated, corrupted,
 * another format, unreadable) is a miss, never an error: the document is rebuilt. Entries are
 * written to a temporary file and renamed, so a reader never sees half of one; a write that fails
 * (read-only disk) costs the next run a rebuild and nothing else. A document keeps at most two
 * entries (see `prune`).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BuiltDoc } from '../model';

/** Bumped when the entry layout changes; part of every key. */
const CACHE_FORMAT = 1;

/**
 * A stable hash of any JSON-like value holding Uint8Arrays: object keys sorted, each value tagged
 * with its type and length, so no two different inputs feed the same byte stream.
 */
function feed(hash: ReturnType<typeof createHash>, value: unknown): void {
  if (value instanceof Uint8Array) {
    hash.update(`b${value.length}:`).update(value);
  } else if (Array.isArray(value)) {
    hash.update(`a${value.length}[`);
    for (const v of value) feed(hash, v);
    hash.update(']');
  } else if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort();
    hash.update(`o${keys.length}{`);
    for (const k of keys) {
      hash.update(`k${k.length}:${k}`);
      feed(hash, (value as Record<string, unknown>)[k]);
    }
    hash.update('}');
  } else {
    const text = JSON.stringify(value) ?? 'undefined';
    hash.update(`v${text.length}:${text}`);
  }
}

/** The cache key of one document's input under one pipeline fingerprint (hex, 32 characters). */
export function documentKey(input: unknown, fingerprint: string): string {
  const hash = createHash('sha256');
  hash.update(`duizhao-ingest-cache ${CACHE_FORMAT}\0${fingerprint}\0`);
  feed(hash, input);
  return hash.digest('hex').slice(0, 32);
}

interface EntryHeader {
  format: number;
  docId: string;
  key: string;
  sha256: string;
  bytes: number;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The entry's text: a header line, then the document exactly as the build writes it. */
export function encodeEntry(docId: string, key: string, docText: string): string {
  const header: EntryHeader = {
    format: CACHE_FORMAT,
    docId,
    key,
    sha256: sha256(docText),
    bytes: Buffer.byteLength(docText),
  };
  return `${JSON.stringify(header)}\n${docText}`;
}

/** The document's text when `entry` is whole and belongs to `docId`/`key`; otherwise null. */
export function decodeEntry(entry: Uint8Array, docId: string, key: string): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(entry);
  } catch {
    return null;
  }
  const newline = text.indexOf('\n');
  if (newline < 0) return null;
  let header: Partial<EntryHeader>;
  try {
    header = JSON.parse(text.slice(0, newline)) as Partial<EntryHeader>;
  } catch {
    return null;
  }
  const docText = text.slice(newline + 1);
  if (header === null || typeof header !== 'object') return null;
  if (header.format !== CACHE_FORMAT || header.docId !== docId || header.key !== key) return null;
  if (header.bytes !== Buffer.byteLength(docText) || header.sha256 !== sha256(docText)) return null;
  return docText;
}

export class DocCache {
  constructor(readonly dir: string) {}

  private docDir(docId: string): string {
    return path.join(this.dir, docId);
  }

  /** The cached document text for `docId` under `key`, or null (absent, or not whole). */
  async get(docId: string, key: string): Promise<string | null> {
    const bytes = await readFile(path.join(this.docDir(docId), `${key}.json`)).catch(() => null);
    return bytes === null ? null : decodeEntry(new Uint8Array(bytes), docId, key);
  }

  /**
   * Stores the document text under `key` (temporary file + rename), then prunes the document's
   * stale entries. Returns false when the entry could not be written.
   */
  async put(docId: string, key: string, docText: string): Promise<boolean> {
    const dir = this.docDir(docId);
    const final = path.join(dir, `${key}.json`);
    const tmp = path.join(dir, `.${key}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
    try {
      await mkdir(dir, { recursive: true });
      await writeFile(tmp, encodeEntry(docId, key, docText));
      await rename(tmp, final);
    } catch {
      await rm(tmp, { force: true }).catch(() => undefined);
      return false;
    }
    await this.prune(docId, key);
    return true;
  }

  /**
   * Keeps the entry just written and the most recent other one of `docId`, and removes the rest
   * (stale keys, temporary files of killed runs). Two, not one: `npm test` and `npm run bench`
   * ingest the same documents from two corpus folders (corpus/ and the end-to-end copy), whose
   * paths are part of the key (a warning names its file), and one entry each would evict the other
   * on every run.
   */
  async prune(docId: string, keep: string): Promise<void> {
    const dir = this.docDir(docId);
    const names = await readdir(dir).catch(() => [] as string[]);
    const others = await Promise.all(
      names
        .filter((n) => n !== `${keep}.json`)
        .map(async (n) => ({
          n,
          entry: !n.startsWith('.') && n.endsWith('.json'),
          mtime: (await stat(path.join(dir, n)).catch(() => null))?.mtimeMs ?? 0,
        })),
    );
    const newest = others.filter((o) => o.entry).sort((a, b) => b.mtime - a.mtime || (a.n < b.n ? -1 : 1))[0];
    const stale = others.filter((o) => o !== newest);
    await Promise.all(
      stale.map((o) => rm(path.join(dir, o.n), { force: true, recursive: true }).catch(() => undefined)),
    );
  }
}

/**
 * A document as the build writes it (stable JSON: keys in insertion order, no timestamps). The
 * cache stores exactly this text and the build writes it unchanged, so a cached document and a
 * fresh one are the same bytes.
 */
export function documentText(doc: BuiltDoc): string {
  return `${JSON.stringify(doc)}\n`;
}

/** The document as the corpus-wide steps receive it, whether it was just built or read back from the cache. */
export function parseDoc(docText: string): BuiltDoc {
  return JSON.parse(docText) as BuiltDoc;
}
