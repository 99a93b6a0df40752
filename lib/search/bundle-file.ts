/**
 * Reading `search.jsonl` (bundle-lines.ts) from disk, line by line, never the whole file as one
 * string. The I/O edge of the bundle: the app's folder storage, `publish`, tests and benches.
 */
import { createReadStream } from 'node:fs';
import type { IndexBundle } from '../model';
import { loadSearcherFromLines } from './bundle';
import { bundleFromLines, BundleFormatError } from './bundle-lines';
import type { Searcher } from './searcher';

/**
 * The lines of a UTF-8 file, decoded strictly. Written here rather than with node:readline because
 * readline decodes with a StringDecoder, which replaces invalid bytes with U+FFFD silently; a build
 * file with a bad byte is damage and must be refused. Splitting on the byte 0x0A is safe in UTF-8
 * (it never occurs inside a multi-byte sequence). Throws a BundleFormatError naming the line.
 */
export async function* strictLines(file: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pending: Buffer[] = [];
  let n = 0;
  const decode = (bytes: Buffer): string => {
    n++;
    try {
      return decoder.decode(bytes);
    } catch {
      throw new BundleFormatError(`line ${n} is not valid UTF-8`);
    }
  };
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let end = chunk.indexOf(0x0a); end !== -1; end = chunk.indexOf(0x0a, start)) {
      pending.push(chunk.subarray(start, end));
      const bytes = pending.length === 1 ? pending[0]! : Buffer.concat(pending);
      pending = [];
      start = end + 1;
      yield decode(bytes);
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  }
  if (pending.length > 0) yield decode(Buffer.concat(pending));
}

/** The bundle in a `search.jsonl` file. Rejects with fs's ENOENT, or a BundleFormatError saying what is wrong (not where: the caller knows the file). */
export function readBundleFile(file: string): Promise<IndexBundle> {
  return bundleFromLines(strictLines(file));
}

/** The searcher of a `search.jsonl` file, loaded line by line (the app's start); rejects as `readBundleFile` does. */
export function loadSearcherFromFile(file: string): Promise<Searcher> {
  return loadSearcherFromLines(strictLines(file));
}
