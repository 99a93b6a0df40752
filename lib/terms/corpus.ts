/**
 * The corpus as term spotting counts it: units (a sentence bead when the pair has them, else the
 * whole pair), each with its English words and the English n-grams it holds, how many units hold
 * each n-gram, and which units hold a Chinese word. Built once per list of pairs and kept while the
 * list lives: the term page and the glossary look up many terms in the same corpus.
 */
import { isSpanEdge, joins, keyOf, tokenize, type Token } from './english';
import { findOccurrences } from './occurrences';
import type { TermPair } from './pairs';
import { dictionaryWords, termProfile, type Lookup, type StemWeights } from './senses';
import { WEIGHTS } from './weights';

/**
 * Longest rendering looked for, in content words: "China–Russia Treaty of Good-Neighbourliness and
 * Friendly Cooperation" (中俄睦邻友好合作条约) has seven…
 */
const MAX_SPAN_WORDS = 8;
/** …and in words of any kind. */
export const MAX_SPAN_TOKENS = 12;

/** Co-occurrences below which an association is not trusted: one shared sentence proves nothing. */
const MIN_JOINT = 2;

export interface Unit {
  /** Index of the pair in the list. */
  pair: number;
  /** Index of the unit in the corpus's `units`. */
  index: number;
  /** UTF-16 range in the record's `zh` and `en`. */
  zh: readonly [number, number];
  en: readonly [number, number];
  tokens: Token[];
  /** joined[k]: whether token k runs on from token k − 1 in a phrase (see `joins`); false for k = 0. */
  joined: boolean[];
  /** Every n-gram of the unit's English that could be a rendering (see `spansOf`), by first then last word. */
  spans: UnitSpan[];
  /** The ids of their keys (see `UnitSpan.id`), each once: what term statistics count over. */
  keyIds: Uint32Array;
  /** Content-word stem → indices of the tokens that have it. */
  byStem: Map<string, number[]>;
}

/**
 * An n-gram of a unit: its first and last token, its key's id, and in how many units the key
 * occurs. The key itself (`keyOf` of its tokens) is not kept: a million characters have millions
 * of spans, and a string each was most of the corpus's memory and of the collector's marking.
 */
export interface UnitSpan {
  first: number;
  last: number;
  /**
   * The key's id in the corpus (0 .. keyCount − 1), so that a term's counts per key live in a typed
   * array rather than a Map of strings: hundreds of terms each count every key of their units.
   */
  id: number;
  unitFrequency: number;
}

/** A Chinese word of a unit that may claim English words: where it is, what it is, the stems it explains. */
export interface Claim {
  start: number;
  end: number;
  word: string;
  stems: StemWeights;
  /** The unit's tokens it claims by the dictionary (token index → weight), once asked (evidence.ts). */
  hits?: Map<number, number>;
}

export interface TermCorpus {
  pairs: readonly TermPair[];
  units: Unit[];
  /** Units of each pair, in order. */
  unitsOfPair: Unit[][];
  /** In how many units each n-gram key occurs, by key id. */
  unitFrequency: Uint32Array;
  /** Distinct n-gram keys of the corpus. */
  keyCount: number;
  /** The id of an n-gram key (see `UnitSpan.id`), or -1 when no unit holds it. */
  keyId(key: string): number;
  /** The pair of a document by its index there (`TermPair.pair`), as the occurrences name it. */
  pairOf(docId: string, pair: number): TermPair | undefined;
  /**
   * Indices of the pairs whose Chinese holds the rarest character of `word`, in order: a superset
   * of the ones it occurs in (hundreds of terms are looked for in the same corpus).
   */
  pairsHolding(word: string): readonly number[];
  /** The units (with English) whose Chinese holds `word`. */
  unitsWith(word: string): ReadonlySet<Unit>;
  /**
   * Association of a Chinese word and an English stem (the units holding both), as a correlation
   * (`phi`): unlike Dice it stays near 0 for two words that merely are both frequent (的 and
   * "cooperation"), which matters when every word of a sentence is asked what it claims.
   */
  association(word: string, stem: string): number;
  /**
   * The dictionary words of a unit's Chinese outside some ranges (the occurrences of a term),
   * which may claim English words the term would otherwise take. A word that straddles a range
   * (中俄关系 around 关系) is cut back to its parts outside it (中俄). Memoised per unit and lookup.
   */
  claimsOutside(unit: Unit, ranges: ReadonlyArray<readonly [number, number]>, lookup: Lookup): readonly Claim[];
}

/**
 * Dice coefficient over units with one co-occurrence discounted as chance, 0 below MIN_JOINT:
 * two sentences that happen to repeat each other prove little, twenty prove a lot.
 */
export function dice(joint: number, a: number, b: number): number {
  return joint < MIN_JOINT ? 0 : (2 * (joint - 1)) / (a + b);
}

/**
 * The phi coefficient (a correlation, clamped at 0) of two events over `n` units, one joint
 * occurrence discounted as chance and 0 below MIN_JOINT.
 */
function phi(joint: number, a: number, b: number, n: number): number {
  if (joint < MIN_JOINT || a >= n || b >= n) return 0;
  const value = (n * (joint - 1) - a * b) / Math.sqrt(a * b * (n - a) * (n - b));
  return Math.max(0, Math.min(1, value));
}

/**
 * The n-gram keys of a corpus as dense ids, in order of first appearance (so two builds of one
 * corpus number them alike), with in how many units each occurs: typed arrays indexed by id
 * rather than Maps of strings, since a million characters hold millions of keys.
 */
class KeyTable {
  readonly ids = new Map<string, number>();
  frequency = new Uint32Array(1024);
  /** The last unit counted for each key, so that a unit counts a key once. */
  private lastUnit = new Int32Array(1024).fill(-1);

  /** The key's id, counting `unit` among the units that hold it. */
  add(key: string, unit: number): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
      if (id === this.frequency.length) {
        const frequency = new Uint32Array(id * 2);
        frequency.set(this.frequency);
        this.frequency = frequency;
        const lastUnit = new Int32Array(id * 2).fill(-1);
        lastUnit.set(this.lastUnit);
        this.lastUnit = lastUnit;
      }
    }
    if (this.lastUnit[id] !== unit) {
      this.lastUnit[id] = unit;
      this.frequency[id]!++;
    }
    return id;
  }
}

/**
 * Every n-gram of a token run that could be a rendering (see `isSpanEdge`), up to MAX_SPAN_WORDS
 * content words, with nothing between its words that stops a phrase; by first then last word.
 * Each key is numbered in `keys` as unit `unit`'s.
 */
function spansOf(text: string, tokens: readonly Token[], keys: KeyTable, unit: number): UnitSpan[] {
  const spans: UnitSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i]!.content) continue;
    let content = 0;
    for (let j = i; j < tokens.length && j - i < MAX_SPAN_TOKENS; j++) {
      if (j > i && !joins(text, tokens[j - 1]!, tokens[j]!)) break;
      if (tokens[j]!.content && ++content > MAX_SPAN_WORDS) break;
      if (isSpanEdge(text, tokens, i, j))
        spans.push({ first: i, last: j, id: keys.add(keyOf(tokens.slice(i, j + 1)), unit), unitFrequency: 0 });
    }
  }
  return spans;
}

/** The distinct key ids of a unit's spans, in order of first appearance. */
function distinctIds(spans: readonly UnitSpan[]): Uint32Array {
  const seen = new Set<number>();
  for (const span of spans) seen.add(span.id);
  return Uint32Array.from(seen);
}

/** The units of a pair, numbered on from `first` in the corpus, their keys numbered in `keys`. */
function unitsOf(pair: TermPair, index: number, first: number, keys: KeyTable): Unit[] {
  const ranges = pair.links?.length
    ? pair.links
    : [{ zh: [0, pair.zh.length] as const, en: [0, pair.en.length] as const }];
  return ranges.map(({ zh, en }, k) => {
    const tokens = tokenize(pair.en, en[0], en[1]);
    const byStem = new Map<string, number[]>();
    tokens.forEach((t, k) => {
      if (!t.content) return;
      const list = byStem.get(t.stem);
      if (list === undefined) byStem.set(t.stem, [k]);
      else list.push(k);
    });
    const spans = spansOf(pair.en, tokens, keys, first + k);
    const joined = tokens.map((t, k) => k > 0 && joins(pair.en, tokens[k - 1]!, t));
    return { pair: index, index: first + k, zh, en, tokens, joined, spans, keyIds: distinctIds(spans), byStem };
  });
}

/** The unit of a pair that holds a Chinese offset; the pair's first unit if none does. */
export function unitAt(units: readonly Unit[], offset: number): Unit | undefined {
  return units.find((u) => offset >= u.zh[0] && offset < u.zh[1]) ?? units[0];
}

const corpora = new WeakMap<readonly TermPair[], TermCorpus>();

/** The corpus of a list of pairs, built on first use and kept as long as the list is. */
export function termCorpus(pairs: readonly TermPair[]): TermCorpus {
  let corpus = corpora.get(pairs);
  if (corpus === undefined) {
    corpus = buildCorpus(pairs);
    corpora.set(pairs, corpus);
  }
  return corpus;
}

/**
 * Claims of the dictionary words of text[from, to): what each word's own profile explains (中俄关系,
 * "Sino-Russian relations" in CEDICT, claims China and Russia too, through its 中俄). A single
 * character claims less: it is as often part of a word the dictionary split.
 */
function claimsIn(text: string, from: number, to: number, lookup: Lookup): Claim[] {
  if (to <= from) return [];
  // Fresh claim objects on every call (rivals' dictionary hits are memoised per claim object and
  // unit, see evidence.ts), over the words of the piece, found once per piece of text.
  return wordClaims(text.slice(from, to), lookup).map(({ word, stems, start, end }) => ({
    word,
    stems,
    start: start + from,
    end: end + from,
  }));
}

/** Piece of text → its claims at offset 0, per lookup: the same pieces (中俄 cut from 中俄关系) recur from term to term. */
const pieceClaims = new WeakMap<Lookup, Map<string, readonly Claim[]>>();

function wordClaims(piece: string, lookup: Lookup): readonly Claim[] {
  let memo = pieceClaims.get(lookup);
  if (memo === undefined) {
    memo = new Map();
    pieceClaims.set(lookup, memo);
  }
  let claims = memo.get(piece);
  if (claims === undefined) {
    claims = dictionaryWords(piece, lookup)
      .filter((w) => w.entries.length > 0)
      .map((w) => {
        const stems = termProfile(w.word, lookup).stems;
        return {
          start: w.start,
          end: w.end,
          word: w.word,
          stems: Array.from(w.word).length > 1 ? stems : asPartChar(stems),
        };
      });
    if (memo.size >= MAX_MEMO) memo.clear();
    memo.set(piece, claims);
  }
  return claims;
}

/** A profile's stems scaled for a single character, made once per profile (never changed after). */
const partCharStems = new WeakMap<StemWeights, StemWeights>();

function asPartChar(stems: StemWeights): StemWeights {
  let out = partCharStems.get(stems);
  if (out === undefined) {
    out = new Map([...stems].map(([stem, weight]) => [stem, weight * WEIGHTS.partChar]));
    partCharStems.set(stems, out);
  }
  return out;
}

/** Memo bounds: plain clears rather than LRU, what matters is that memory stays flat. */
const MAX_MEMO = 200_000;

/**
 * How many values two ascending arrays of distinct integers share: a merge when their sizes are
 * alike, a binary search of the larger for each value of the smaller when one is far smaller.
 */
export function sortedIntersectionSize(a: Int32Array, b: Int32Array): number {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  let count = 0;
  if (small.length * 16 < large.length) {
    let lo = 0;
    for (const value of small) {
      let hi = large.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (large[mid]! < value) lo = mid + 1;
        else hi = mid;
      }
      if (lo < large.length && large[lo] === value) count++;
    }
    return count;
  }
  for (let i = 0, j = 0; i < small.length && j < large.length;) {
    if (small[i]! < large[j]!) i++;
    else if (small[i]! > large[j]!) j++;
    else {
      count++;
      i++;
      j++;
    }
  }
  return count;
}

/**
 * The pairs that may hold a word: those holding its rarest character (every pair holding the word
 * holds each of its characters). Its first character was asked before, and for 中国 or 的确 that
 * is thousands of pairs each searched for the word: at a million characters, collecting a word's
 * units this way was the glossary's largest single cost (15 s of 122 s in a CPU profile).
 */
function rarestCharPairs(word: string, pairsWithChar: ReadonlyMap<string, number[]>): readonly number[] {
  let rarest: readonly number[] | undefined;
  for (const ch of word) {
    const list = pairsWithChar.get(ch);
    if (list === undefined) return [];
    if (rarest === undefined || list.length < rarest.length) rarest = list;
  }
  return rarest ?? [];
}

function buildCorpus(pairs: readonly TermPair[]): TermCorpus {
  const keys = new KeyTable();
  let unitCount = 0;
  const unitsOfPair = pairs.map((pair, i) => {
    const found = unitsOf(pair, i, unitCount, keys);
    unitCount += found.length;
    return found;
  });
  const units = unitsOfPair.flat();
  const { ids } = keys;
  const unitFrequency = keys.frequency.subarray(0, ids.size);
  for (const unit of units) for (const span of unit.spans) span.unitFrequency = unitFrequency[span.id]!;

  const withEnglish = units.filter((u) => u.tokens.length > 0).length;
  // Pairs by the characters they hold: a word is looked for only in pairs that have its first.
  const pairsWithChar = new Map<string, number[]>();
  pairs.forEach((pair, i) => {
    for (const ch of new Set(pair.zh)) {
      const list = pairsWithChar.get(ch);
      if (list === undefined) pairsWithChar.set(ch, [i]);
      else list.push(i);
    }
  });
  const pairsHolding = (word: string): readonly number[] => rarestCharPairs(word, pairsWithChar);
  // Keyed as the occurrences name a pair; a key listed twice is the later pair's, as a Map built in order gives.
  const byKey = new Map(pairs.map((p) => [`${p.docId}\u0000${p.pair}`, p]));
  // A word's units as a Set (for callers) and as their sorted indices (for `association`, which
  // intersects them with a stem's: thousands of times per term, where Sets of objects cost the
  // glossary seconds).
  const unitsByWord = new Map<string, { set: Set<Unit>; indices: Int32Array }>();
  const unitsOfWord = (word: string): { set: Set<Unit>; indices: Int32Array } => {
    let found = unitsByWord.get(word);
    if (found === undefined) {
      const set = new Set<Unit>();
      for (const i of pairsHolding(word)) {
        for (const start of findOccurrences(word, pairs[i]!.zh)) {
          const unit = unitAt(unitsOfPair[i] ?? [], start);
          if (unit !== undefined && unit.tokens.length > 0) set.add(unit);
        }
      }
      found = { set, indices: Int32Array.from(set, (u) => u.index).sort() };
      if (unitsByWord.size >= MAX_MEMO) unitsByWord.clear();
      unitsByWord.set(word, found);
    }
    return found;
  };
  const unitsWith = (word: string): Set<Unit> => unitsOfWord(word).set;
  // Indices of the units holding each stem of their English words (hyphenated words included), in
  // order, for `association`.
  const stemUnits = new Map<string, number[]>();
  for (const unit of units) {
    for (const stem of unit.byStem.keys()) {
      const list = stemUnits.get(stem);
      if (list === undefined) stemUnits.set(stem, [unit.index]);
      else list.push(unit.index);
    }
  }
  const unitsByStem = new Map<string, Int32Array>([...stemUnits].map(([stem, list]) => [stem, Int32Array.from(list)]));
  stemUnits.clear();
  const noUnits = new Int32Array(0);

  const associations = new Map<string, Map<string, number>>();
  const association = (word: string, stem: string): number => {
    let byStem = associations.get(word);
    if (byStem === undefined) {
      if (associations.size >= MAX_MEMO) associations.clear();
      byStem = new Map();
      associations.set(word, byStem);
    }
    let value = byStem.get(stem);
    if (value === undefined) {
      const holding = unitsOfWord(word).indices;
      const withStem = unitsByStem.get(stem) ?? noUnits;
      value = phi(sortedIntersectionSize(holding, withStem), holding.length, withStem.length, withEnglish);
      byStem.set(stem, value);
    }
    return value;
  };

  const claimsByLookup = new WeakMap<Lookup, Map<Unit, Claim[]>>();
  const claimsOf = (unit: Unit, lookup: Lookup): Claim[] => {
    let memo = claimsByLookup.get(lookup);
    if (memo === undefined) {
      memo = new Map();
      claimsByLookup.set(lookup, memo);
    }
    let claims = memo.get(unit);
    if (claims === undefined) {
      claims = claimsIn(pairs[unit.pair]!.zh, unit.zh[0], unit.zh[1], lookup);
      memo.set(unit, claims);
    }
    return claims;
  };

  return {
    pairs,
    units,
    unitsOfPair,
    unitFrequency,
    keyCount: ids.size,
    keyId: (key) => ids.get(key) ?? -1,
    pairOf: (docId, pair) => byKey.get(`${docId}\u0000${pair}`),
    pairsHolding,
    unitsWith,
    association,
    claimsOutside(unit, ranges, lookup) {
      const all = claimsOf(unit, lookup);
      const cuts = (c: Claim, [start, end]: readonly [number, number]) => c.start < end && start < c.end;
      // Most calls cut nothing (no range, or none inside a word): the unit's own claims then, with
      // no copy of them made (called for every unit of every term's occurrences).
      if (!all.some((c) => ranges.some((range) => cuts(c, range)))) return all;
      const zh = pairs[unit.pair]!.zh;
      return all.flatMap((c) => {
        const inside = ranges.filter((range) => cuts(c, range));
        if (inside.length === 0) return [c];
        // The pieces of the word outside every range, each segmented again.
        const pieces: Claim[] = [];
        let at = c.start;
        for (const [start, end] of [...inside].sort((a, b) => a[0] - b[0])) {
          pieces.push(...claimsIn(zh, at, Math.min(start, c.end), lookup));
          at = Math.max(at, end);
        }
        pieces.push(...claimsIn(zh, at, c.end, lookup));
        return pieces;
      });
    },
  };
}
