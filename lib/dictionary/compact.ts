/**
 * CC-CEDICT in a compact form: every headword, every prefix of one, and every entry's fields held
 * in one string, with typed arrays saying where each lies, and an open-addressing hash table over
 * the headwords and prefixes. Why not a Map of entry objects: that costs a second of parsing and
 * ~100 MB per process (and again in every worker thread and in the import host), while this form
 * is a handful of buffers that `cedict-cache.ts` writes to disk and maps back in milliseconds.
 * Entries become `DictEntry` objects only when looked up, once each.
 *
 * Pure: no I/O here. Offsets in the arrays are UTF-16 units of `text` (an internal layout; the
 * dictionary's public surface speaks of code points, as before).
 */
import type { DictEntry } from '../model';

/** The arrays of a compiled dictionary: what the cache file holds. */
export interface CompactCedict {
  /** Headwords and prefixes, each once, laid end to end. */
  text: string;
  /**
   * Every entry's record (its five fields joined by FIELD) as UTF-8 bytes, decoded one record at a
   * time when looked up: decoding all 9 MB (mostly English senses in a string that also holds Han
   * characters, so two bytes a unit) would cost more than the rest of the load together.
   */
  records: Uint8Array;
  /** Per node (a headword or a prefix of one): where its string lies in `text`. */
  nodeStart: Uint32Array;
  nodeLength: Uint32Array;
  /** Per node: its entries, postings[postingStart[n] .. postingStart[n + 1]); none for a bare prefix. */
  postingStart: Uint32Array;
  /** Entry indices, simplified matches first, then traditional ones, CEDICT order within each. */
  postings: Uint32Array;
  /** Per entry, where its record lies in `records`, in bytes (entries + 1 values: the last is the end). */
  recordStart: Uint32Array;
  /** Hash table: node index + 1, 0 for an empty slot; its length is a power of two. */
  slots: Uint32Array;
  published: string | null;
}

/** What the line parser hands over: entries in CEDICT order, their fields already converted. */
export interface ParsedEntry {
  traditional: string;
  simplified: string;
  pinyin: string;
  pinyinNumbered: string;
  /** Senses joined by '/', as CEDICT writes them. */
  senses: string;
}

/** Between an entry's fields in `text`: NUL, which CC-CEDICT's text never holds (`compile` checks). */
const FIELD = '\u0000';

/** FNV-1a over UTF-16 units: short keys (one to a few characters), one multiply per unit. */
function hashOf(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Entries → the compact form; keys in the order the Map-based index used (so `lookup` agrees). */
export function compile(entries: readonly ParsedEntry[], published: string | null): CompactCedict {
  // Two passes so that, under one key, entries whose simplified form matches come before those
  // matched only by their traditional form (the gloss stage takes the first entry's headword).
  const byKey = new Map<string, number[]>();
  const push = (key: string, entry: number) => {
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [entry]);
    else list.push(entry);
  };
  entries.forEach((e, i) => push(e.simplified, i));
  entries.forEach((e, i) => e.traditional !== e.simplified && push(e.traditional, i));
  // Every code-point prefix of every headword that is not itself one: lets a scan stop as soon as
  // no headword can continue, so a match costs its own length, not CEDICT's longest line.
  const bare = new Set<string>();
  for (const key of byKey.keys()) {
    let prefix = '';
    for (const ch of key) {
      prefix += ch;
      if (!byKey.has(prefix)) bare.add(prefix);
    }
  }
  const nodes = [...byKey.keys(), ...bare];
  const parts: string[] = [];
  let at = 0;
  const nodeStart = new Uint32Array(nodes.length);
  const nodeLength = new Uint32Array(nodes.length);
  const postingStart = new Uint32Array(nodes.length + 1);
  const postings: number[] = [];
  nodes.forEach((node, n) => {
    nodeStart[n] = at;
    nodeLength[n] = node.length;
    parts.push(node);
    at += node.length;
    postingStart[n] = postings.length;
    for (const e of byKey.get(node) ?? []) postings.push(e);
  });
  postingStart[nodes.length] = postings.length;
  const text = parts.join('');
  const recordStart = new Uint32Array(entries.length + 1);
  const recordTexts: string[] = [];
  let bytes = 0;
  entries.forEach((e, i) => {
    recordStart[i] = bytes;
    const fields = [e.traditional, e.simplified, e.pinyin, e.pinyinNumbered, e.senses];
    if (fields.some((f) => f.includes(FIELD)))
      throw new Error(`CC-CEDICT entry ${i} (${e.traditional}) holds a NUL character`);
    const record = fields.join(FIELD);
    recordTexts.push(record);
    bytes += Buffer.byteLength(record, 'utf8');
  });
  recordStart[entries.length] = bytes;
  const records = Buffer.from(recordTexts.join(''), 'utf8');
  let size = 1;
  while (size < nodes.length * 1.5) size *= 2; // at most two thirds full: short probe runs
  const slots = new Uint32Array(size);
  const mask = size - 1;
  for (let n = 0; n < nodes.length; n++) {
    let slot = hashOf(text, nodeStart[n]!, nodeStart[n]! + nodeLength[n]!) & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = n + 1;
  }
  return {
    text,
    records,
    nodeStart,
    nodeLength,
    postingStart,
    postings: Uint32Array.from(postings),
    recordStart,
    slots,
    published,
  };
}

/** The code that decides the compiled layout, for the cache's key: a change to it ignores old files. */
export function layoutCode(): string {
  return [compile, hashOf, FIELD].map(String).join('\n');
}

/** The dictionary's lookups over a compact form (see `Dictionary` in cedict.ts). */
export interface CompactLookups {
  /** Node index of `word`, or -1 when it is neither a headword nor a prefix of one. */
  node(word: string): number;
  /** Whether node n is a headword (has entries). */
  isHeadword(n: number): boolean;
  /** The entries of node n, in posting order (frozen objects, the same ones on every call). */
  entriesOf(n: number): DictEntry[];
  /** Every entry's simplified headword once, in CEDICT order, leaving out the words of `except`. */
  simplifiedHeadwords(except?: Iterable<string>): string[];
  readonly size: number;
}

export function lookupsOf(c: CompactCedict): CompactLookups {
  const { text, records, nodeStart, nodeLength, postingStart, postings, recordStart, slots } = c;
  const utf8 = new TextDecoder();
  const mask = slots.length - 1;
  const size = recordStart.length - 1;
  // Entries built on first lookup: a document touches a few thousand of CEDICT's 125,000.
  const made: Array<DictEntry | undefined> = new Array<DictEntry | undefined>(size);
  const entry = (i: number): DictEntry => {
    let e = made[i];
    if (e === undefined) {
      const [traditional = '', simplified = '', pinyin = '', pinyinNumbered = '', senses = ''] = utf8
        .decode(records.subarray(recordStart[i], recordStart[i + 1]))
        .split(FIELD);
      e = Object.freeze({
        traditional,
        simplified,
        pinyin,
        pinyinNumbered,
        senses: Object.freeze(senses.split('/')) as string[],
      });
      made[i] = e;
    }
    return e;
  };
  const node = (word: string): number => {
    const length = word.length;
    if (length === 0) return -1;
    let slot = hashOf(word, 0, length) & mask;
    for (;;) {
      const n = slots[slot]!;
      if (n === 0) return -1;
      if (nodeLength[n - 1] === length && text.startsWith(word, nodeStart[n - 1])) return n - 1;
      slot = (slot + 1) & mask;
    }
  };
  return {
    size,
    node,
    isHeadword: (n) => postingStart[n + 1]! > postingStart[n]!,
    simplifiedHeadwords(except = []) {
      // Bitmaps over the nodes rather than Sets of strings: the segmenter passes jieba's 350,000
      // words here, and Sets of them (with CEDICT's 120,000 headwords) cost the process ~80 MB of
      // memory it never gave back (measured: RSS 121 → 206 MB), most of the aligner's margin.
      const excluded = new Uint8Array(nodeStart.length);
      for (const word of except) {
        const n = node(word);
        if (n >= 0) excluded[n] = 1;
      }
      const seen = new Uint8Array(nodeStart.length);
      const out: string[] = [];
      for (let i = 0; i < size; i++) {
        // Only the second field of each record is decoded (between the first two NULs): the
        // senses, most of the bytes, stay encoded.
        const start = recordStart[i]!;
        const end = recordStart[i + 1]!;
        const first = records.indexOf(0, start);
        if (first < 0 || first >= end) continue;
        const second = records.indexOf(0, first + 1);
        const word = utf8.decode(records.subarray(first + 1, second < 0 || second > end ? end : second));
        const n = node(word);
        if (n < 0 || seen[n] === 1) continue;
        seen[n] = 1;
        if (excluded[n] === 0) out.push(word);
      }
      return out;
    },
    entriesOf(n) {
      const out: DictEntry[] = [];
      for (let p = postingStart[n]!; p < postingStart[n + 1]!; p++) out.push(entry(postings[p]!));
      return out;
    },
  };
}
