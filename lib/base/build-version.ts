/**
 * The id of a build: sha256 over its files sorted by name (name, NUL, the sha256 of the content in
 * hex, NUL), 16 hex digits. One rule for the build folder (lib/pipeline/build-writer.ts names the
 * version folder with it) and PostgreSQL (pg-store.ts keys the build row with it), so a build has
 * one id in both.
 *
 * Each file is digested on its own, so the ingest can write its files in any order as they are
 * made (documents as they are built, the corpus-wide files last) and never hold them all. A file's
 * content is text, whole or in pieces (the lines of search.jsonl): digesting the pieces in order is
 * digesting their concatenation, so how a file is cut never changes the id.
 */
import { createHash } from 'node:crypto';

export type BuildFileText = string | Iterable<string>;

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The digest of one file's content, fed piece by piece. */
export function contentDigest(): { update(piece: string | Uint8Array): void; hex(): string } {
  const hash = createHash('sha256');
  return {
    update: (piece) => void hash.update(piece),
    hex: () => hash.digest('hex'),
  };
}

/** The build id of files by name → content digest (`contentDigest().hex()`). */
export function buildId(digests: ReadonlyMap<string, string>): string {
  const hash = createHash('sha256');
  for (const name of [...digests.keys()].sort(byName))
    hash.update(name).update('\0').update(digests.get(name)!).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** The id of files held in memory (an iterable content must be re-iterable, an array, not a generator). */
export function buildVersion(files: ReadonlyMap<string, BuildFileText>): string {
  const digests = new Map<string, string>();
  for (const [name, content] of files) {
    const digest = contentDigest();
    if (typeof content === 'string') digest.update(content);
    else for (const piece of content) digest.update(piece);
    digests.set(name, digest.hex());
  }
  return buildId(digests);
}
