/**
 * The compiled CC-CEDICT (compact.ts) as a file: every process, worker thread and the import host
 * reads it back in milliseconds instead of parsing CEDICT's 9.7 MB of text again (about a second
 * each). The file is a cache: keyed by what it was made from, checked on read (magic, key, sizes,
 * SHA-1 of the payload), and any mismatch or damage means "absent" — the caller parses the text
 * and writes a fresh one. Written to a temporary name and renamed, so a reader never sees half a
 * file and two writers at once leave one whole file.
 *
 * Layout: "DZCEDICT", u32 header length, header JSON, padding to 4 bytes, then the payload: the
 * six Uint32Arrays in the order of `ARRAYS` (platform byte order, which the key names), then
 * `text` as UTF-8, then `records` as they are.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CompactCedict } from './compact';

const MAGIC = 'DZCEDICT';
const ARRAYS = ['nodeStart', 'nodeLength', 'postingStart', 'postings', 'recordStart', 'slots'] as const;
type ArrayName = (typeof ARRAYS)[number];

interface Header {
  key: string;
  published: string | null;
  lengths: Record<ArrayName, number>;
  textBytes: number;
  recordBytes: number;
  sha1: string;
}

const align4 = (n: number) => (n + 3) & ~3;

/** SHA-1 of the header's other fields (in a fixed order) and the payload: a changed byte anywhere shows. */
function digest(h: Omit<Header, 'sha1'>, payload: Uint8Array): string {
  const fields = JSON.stringify([
    h.key,
    h.published,
    ARRAYS.map((name) => h.lengths[name]),
    h.textBytes,
    h.recordBytes,
  ]);
  return createHash('sha1').update(fields).update(payload).digest('hex');
}

/** The compact dictionary as the bytes of a cache file made under `key`. */
export function encodeCache(c: CompactCedict, key: string): Buffer {
  const text = Buffer.from(c.text, 'utf8');
  const arrays = ARRAYS.map((name) => Buffer.from(c[name].buffer, c[name].byteOffset, c[name].byteLength));
  const payload = Buffer.concat([...arrays, text, c.records]);
  const fields = {
    key,
    published: c.published,
    lengths: Object.fromEntries(ARRAYS.map((name) => [name, c[name].length])) as Record<ArrayName, number>,
    textBytes: text.length,
    recordBytes: c.records.length,
  };
  const header: Header = { ...fields, sha1: digest(fields, payload) };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const head = Buffer.alloc(align4(MAGIC.length + 4 + json.length));
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(json.length, MAGIC.length);
  json.copy(head, MAGIC.length + 4);
  return Buffer.concat([head, payload]);
}

function headerOf(bytes: Buffer): { header: Header; payloadAt: number } | null {
  if (bytes.length < MAGIC.length + 4 || bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) return null;
  const jsonLength = bytes.readUInt32LE(MAGIC.length);
  const jsonEnd = MAGIC.length + 4 + jsonLength;
  if (jsonEnd > bytes.length) return null;
  try {
    const header = JSON.parse(bytes.toString('utf8', MAGIC.length + 4, jsonEnd)) as Header;
    return { header, payloadAt: align4(jsonEnd) };
  } catch {
    return null;
  }
}

/** The compact dictionary in cache file bytes made under `key`; null when they are not that, or damaged. */
export function decodeCache(bytes: Buffer, key: string): CompactCedict | null {
  const found = headerOf(bytes);
  if (found === null) return null;
  const { header, payloadAt } = found;
  if (
    header.key !== key ||
    !Number.isSafeInteger(header.textBytes) ||
    !Number.isSafeInteger(header.recordBytes) ||
    typeof header.lengths !== 'object' ||
    header.lengths === null
  )
    return null;
  const lengths = ARRAYS.map((name) => header.lengths[name]);
  if (!lengths.every((n) => Number.isSafeInteger(n) && n >= 0)) return null;
  const arrayBytes = lengths.reduce((sum, n) => sum + 4 * n, 0);
  if (payloadAt + arrayBytes + header.textBytes + header.recordBytes !== bytes.length) return null;
  if (header.published !== null && typeof header.published !== 'string') return null;
  if (digest(header, bytes.subarray(payloadAt)) !== header.sha1) return null;
  // Uint32Array views need a byte offset that is a multiple of 4: a file read whole has its own
  // buffer at offset 0 (payloadAt is padded to 4), so no copy; a buffer from Node's shared pool
  // may sit anywhere, and is copied once into one of our own.
  const aligned = (bytes.byteOffset + payloadAt) % 4 === 0;
  const own = aligned ? bytes.buffer : new Uint8Array(bytes.subarray(payloadAt, payloadAt + arrayBytes)).buffer;
  const views: Partial<Record<ArrayName, Uint32Array>> = {};
  let at = aligned ? bytes.byteOffset + payloadAt : 0;
  ARRAYS.forEach((name, i) => {
    views[name] = new Uint32Array(own, at, lengths[i]);
    at += 4 * lengths[i]!;
  });
  const textAt = payloadAt + arrayBytes;
  const text = bytes.toString('utf8', textAt, textAt + header.textBytes);
  // The file's buffer is ours (read whole for this): the records stay in it, no copy.
  const records = bytes.subarray(textAt + header.textBytes);
  const { nodeStart, nodeLength, postingStart, postings, recordStart, slots } = views as Record<ArrayName, Uint32Array>;
  // Cheap structural checks, so that a file written by a faulty build of this code cannot send a
  // lookup out of bounds (the SHA-1 only says the bytes are those that were written).
  const nodes = nodeStart.length;
  const sane =
    nodeLength.length === nodes &&
    postingStart.length === nodes + 1 &&
    postingStart[nodes] === postings.length &&
    recordStart.length >= 1 &&
    recordStart[recordStart.length - 1] === records.length &&
    nodesWithin(nodeStart, nodeLength, text.length) &&
    slots.length >= nodes &&
    (slots.length & (slots.length - 1)) === 0;
  return sane
    ? { text, records, nodeStart, nodeLength, postingStart, postings, recordStart, slots, published: header.published }
    : null;
}

function nodesWithin(nodeStart: Uint32Array, nodeLength: Uint32Array, length: number): boolean {
  for (let n = 0; n < nodeStart.length; n++) if (nodeStart[n]! + nodeLength[n]! > length) return false;
  return true;
}

/** The compact dictionary of a cache file, or null when it is missing, unreadable, of another key or damaged. */
export function readCache(file: string, key: string): CompactCedict | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return null;
  }
  return decodeCache(bytes, key);
}

/**
 * Writes the cache file; false (and nothing left behind) when it cannot be written: a read-only
 * install only loses the speed-up.
 */
export function writeCache(file: string, c: CompactCedict, key: string): boolean {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temporary, encodeCache(c, key));
    renameSync(temporary, file);
    return true;
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing was made where nothing can be written.
    }
    return false;
  }
}

/**
 * Removes the other cache files beside `file` (named like it: `<prefix>-<hex>.bin`), made under keys
 * that no longer apply (another `hanzi`, an older parse): each is 20 MB. Best effort: a file another
 * process still reads stays readable until it closes it, and one it writes again is only rewritten.
 */
export function pruneOtherCaches(file: string): void {
  const name = path.basename(file);
  const prefix = name.replace(/-[0-9a-f]+\.bin$/, '');
  const pattern = new RegExp(`^${prefix.replace(/[^A-Za-z0-9]/g, '\\$&')}-[0-9a-f]+\\.bin$`);
  try {
    for (const other of readdirSync(path.dirname(file))) {
      if (other !== name && pattern.test(other)) rmSync(path.join(path.dirname(file), other), { force: true });
    }
  } catch {
    // Nothing to prune where nothing can be listed or removed.
  }
}
