/**
 * A 32-bit hash of an index term (FNV-1a over UTF-16 units): for counting and bucketing terms
 * without keeping each distinct string. Deterministic, so builds stay byte-identical.
 */
export function termHash(term: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    h ^= term.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // FNV mixes the low bits poorly for short keys; a final avalanche spreads them over all 32.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

/**
 * Number of keys a FlexSearch index holds rare terms under. A rare term is looked up by its bucket,
 * so a bucket shared with other rare terms only adds a few candidates, which verification drops;
 * while a key per distinct term costs FlexSearch a Map entry and two arrays (~400 bytes), which for
 * the millions of distinct bigrams of a large corpus came to gigabytes.
 */
const RARE_TERM_BUCKETS = 1 << 16;

/** Key strings made once: FlexSearch looks each up in a Map, and a string made again is hashed again. */
const keys = new Array<string | undefined>(RARE_TERM_BUCKETS);

/** The FlexSearch key of a rare term: its bucket, in base 36. */
export function rareTermKey(term: string): string {
  const bucket = termHash(term) % RARE_TERM_BUCKETS;
  return (keys[bucket] ??= bucket.toString(36));
}
