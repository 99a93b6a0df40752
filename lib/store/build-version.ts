/**
 * The id of a build: sha256 over its files sorted by name (name, NUL, content, NUL), 16 hex
 * digits. One rule for the build folder (lib/pipeline/run.ts names the version folder with it)
 * and PostgreSQL (pg-store.ts keys the build row with it), so a build has one id in both.
 *
 * A file's content is text, whole or in pieces (the lines of search.jsonl): hashing the pieces in
 * order is hashing their concatenation, so how a file is cut never changes the id.
 */
import { createHash, type Hash } from 'node:crypto';

export type BuildFileText = string | Iterable<string>;

/** Feeds files in name order, as they are written; `digest` gives the id. */
export class BuildHasher {
  private readonly hash: Hash = createHash('sha256');
  private last: string | null = null;
  private open = false;

  /** Starts the next file; names must come in sorted order (the rule is over sorted names). */
  file(name: string): void {
    if (this.open) this.hash.update('\0');
    if (this.last !== null && !(this.last < name)) throw new Error(`Build files must be hashed in name order: ${name} after ${this.last}.`);
    this.hash.update(name).update('\0');
    this.last = name;
    this.open = true;
  }

  piece(text: string | Uint8Array): void {
    this.hash.update(text);
  }

  digest(): string {
    if (this.open) this.hash.update('\0');
    this.open = false;
    return this.hash.digest('hex').slice(0, 16);
  }
}

export const byName = <T>([a]: readonly [string, T], [b]: readonly [string, T]): number => (a < b ? -1 : a > b ? 1 : 0);

/** The id of files held in memory (an iterable content must be re-iterable, an array, not a generator). */
export function buildVersion(files: ReadonlyMap<string, BuildFileText>): string {
  const hasher = new BuildHasher();
  for (const [name, content] of [...files].sort(byName)) {
    hasher.file(name);
    if (typeof content === 'string') hasher.piece(content);
    else for (const piece of content) hasher.piece(piece);
  }
  return hasher.digest();
}
