/**
 * Term candidates of a corpus: every word of two or more characters and every run of adjacent
 * words (up to MAX_WORDS words and MAX_CHARS characters, inside one sentence, Han only) that does
 * not begin or end with a function word, with how often it occurs, in which pairs and documents,
 * its readings and the forms the sources write it in.
 */
import type { BuiltDoc, Word } from '../model';
import { FUNCTION_WORDS, NUMBER_CHARACTERS, PHRASE_OPENERS } from './function-words';
import { dictionaryWords, type Lookup } from './senses';
import { HAN, HAN_ONLY } from '../base/han';
import { codePointLength } from '../base/unicode';
import { ROOT, TextTrie } from './text-trie';

/** Longest run of words a candidate may be: the segmenter cuts 新时代全面战略协作伙伴关系 into seven. */
const MAX_WORDS = 8;
/** Longest candidate, in characters. */
const MAX_CHARS = 14;

export interface Candidate {
  /** Simplified form. */
  term: string;
  /** Its words (simplified), as the segmenter cut them. */
  words: string[];
  /** Occurrences as a run of words (not as a substring: 合作 inside 合作社 does not count). */
  frequency: number;
  /** Pairs it occurs in, as `docId#pair`. */
  pairs: Set<string>;
  documents: Set<string>;
  /** Reading → occurrences (the gloss stage's pinyin, word by word). */
  readings: Map<string, number>;
  /** Form as written in the source, where it differs from the simplified one → occurrences. */
  originals: Map<string, number>;
  /**
   * Accessor variety (Feng et al. 2004) on each side: how many different characters stand just
   * before (after) it, a sentence edge or punctuation counting as new each time, digits as one.
   */
  leftVariety: number;
  rightVariety: number;
  /**
   * Whether it is a piece cut out of a word: the one character that ever stands beside it makes a
   * dictionary word with its edge (国元首 always follows 两, and 两国 is a word; 时代全面… always
   * follows 新, and 新时代 is one). 人民大会堂, always after 北京, is no fragment: 京人 is no word.
   */
  fragment: boolean;
}

function isNumber(term: string): boolean {
  for (const ch of term) if (!NUMBER_CHARACTERS.has(ch)) return false;
  return true;
}

/** Whether a run of words can be a term: a real word or phrase, not a number, not hung on a function word. */
export function isCandidate(words: readonly string[]): boolean {
  const first = words[0];
  const last = words[words.length - 1];
  if (first === undefined || last === undefined) return false;
  const term = words.join('');
  const length = codePointLength(term);
  if (length < 2 || length > MAX_CHARS || isNumber(term)) return false;
  if (FUNCTION_WORDS.has(first) || FUNCTION_WORDS.has(last)) return false;
  // Not two phrases joined by a preposition (习近平同俄罗斯总统普京, 俄罗斯联邦在两国建交).
  if (words.some((w, k) => k > 0 && k < words.length - 1 && PHRASE_OPENERS.has(w))) return false;
  // Not mostly function words inside either (合作和发展的 is no term).
  const functional = words.filter((w) => FUNCTION_WORDS.has(w)).reduce((n, w) => n + codePointLength(w), 0);
  return functional * 3 <= length;
}

/**
 * A person's entry in CC-CEDICT: a proper name (capitalised pinyin) whose sense gives the dates of
 * a life ("Vladimir Putin (1952-), Russian politician").
 */
function isPerson(word: string, lookup: Lookup): boolean {
  return lookup(word).some((e) => /^\p{Lu}/u.test(e.pinyinNumbered) && e.senses.some((s) => /\(\d{4}\s*[-–]/.test(s)));
}

/**
 * Whether a run of words names two people or more (习近平主席和普京总统 "President Xi Jinping and
 * President Putin"): who met whom is news, not a term; each name is a term of its own.
 */
export function namesTwoPeople(words: readonly string[], lookup: Lookup): boolean {
  let people = 0;
  for (const w of words) if (isPerson(w, lookup) && ++people > 1) return true;
  return false;
}

/**
 * Whether a run of words ends in whole words on both sides: its first and last words have two
 * characters or more, as the segmenter cut them or as the dictionary would (两|国|元首 is 两国|元首).
 * A single character at an edge is a fragment (中俄新 of 中俄新陆路粮食走廊, 亿美元).
 */
export function hasWholeEdges(words: readonly string[], lookup: Lookup): boolean {
  const whole = (edges: readonly string[]) =>
    edges.length > 0 && [...edges[0]!].length > 1 && [...edges[edges.length - 1]!].length > 1;
  if (words.length === 1 || whole(words)) return true;
  return whole(dictionaryWords(words.join(''), lookup).map((w) => w.word));
}

/** Block index → pair id of a document. */
function pairOfBlock(doc: BuiltDoc): Map<number, number> {
  const map = new Map<number, number>();
  for (const pair of doc.pairs) for (const b of pair.zh) map.set(b, pair.id);
  return map;
}

/** What stands next to a run, for accessor variety: a Han character, DIGIT for any digit, or null for an edge. */
function neighbour(ch: string | undefined): string | null {
  if (ch === undefined) return null;
  if (HAN.test(ch)) return ch;
  if (/\p{Nd}/u.test(ch)) return 'DIGIT';
  return /[\p{L}\p{N}]/u.test(ch) ? ch.toLowerCase() : null;
}

/** The code point that ends just before UTF-16 index `index`, surrogate pairs kept whole. */
function codePointBefore(text: string, index: number): string | undefined {
  if (index <= 0) return undefined;
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(index - 2, index);
  }
  return text.slice(index - 1, index);
}

interface Varieties {
  left: Set<string>;
  right: Set<string>;
  leftEdges: number;
  rightEdges: number;
}

function add(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** Options of `collectCandidates`. */
export interface CollectOptions {
  /**
   * Leave out candidates found in fewer pairs than this (default 1: keep all). Termhood ranks only
   * those in two pairs or more, and most runs of words occur once: a first cheap pass counts the
   * pairs of every run, so the full bookkeeping (readings, forms, neighbours, the dictionary's
   * check of the edges) is kept only for runs that can reach the ranking.
   */
  minPairs?: number;
}

/** A sentence of the corpus with the pair it belongs to (`docId#pair`) and its document. */
interface PairSentence {
  docId: string;
  pairKey: string;
  sentence: BuiltDoc['zh'][number]['sentences'][number];
}

function* sentencesOf(docs: readonly BuiltDoc[]): Generator<PairSentence> {
  for (const doc of docs) {
    const pairOf = pairOfBlock(doc);
    for (const [b, block] of doc.zh.entries()) {
      const pairKey = `${doc.meta.id}#${pairOf.get(b) ?? -1}`;
      for (const sentence of block.sentences) yield { docId: doc.meta.id, pairKey, sentence };
    }
  }
}

/** A run's state in `termsInPairs`, beside the index (≥ 0) of the one pair it was seen in. */
const UNSEEN = -1;
const QUALIFIED = -2;
/** Seen in two pairs or more but fewer than `minPairs`: its pairs are in a Set. */
const IN_SET = -3;

/** What `termsInPairs` answers: the runs found in `minPairs` pairs or more, as nodes of `trie`. */
interface PossibleTerms {
  trie: TextTrie;
  qualified: Uint8Array;
}

/**
 * Terms (joined runs of all-Han words, up to MAX_WORDS words and MAX_CHARS characters) that occur
 * in at least `minPairs` pairs: a superset of the candidates that do, since a candidate's runs are
 * some of these runs. A run is its joined text's node in a trie (text-trie.ts), one step from the
 * run a word shorter, and its state a number by node.
 */
function termsInPairs(docs: readonly BuiltDoc[], minPairs: number): PossibleTerms {
  const trie = new TextTrie();
  // A term's first pair, or QUALIFIED, or IN_SET once it has two (most terms never get a set).
  let state = new Int32Array(1 << 12).fill(UNSEEN);
  const sets = new Map<number, Set<number>>();
  const pairIds = new Map<string, number>();
  for (const { pairKey, sentence } of sentencesOf(docs)) {
    let pair = pairIds.get(pairKey);
    if (pair === undefined) pairIds.set(pairKey, (pair = pairIds.size));
    const words = sentence.words;
    const han = words.map((w) => HAN_ONLY.test(w.simplified));
    const chars = words.map((w) => codePointLength(w.simplified));
    for (let i = 0; i < words.length; i++) {
      let node = ROOT;
      let length = 0;
      for (let n = 1; n <= MAX_WORDS && i + n <= words.length; n++) {
        if (!han[i + n - 1]) break;
        node = trie.extend(node, words[i + n - 1]!.simplified);
        length += chars[i + n - 1]!;
        if (length > MAX_CHARS) break; // every longer run is longer still: no candidate
        if (node >= state.length) {
          const grown = new Int32Array(Math.max(state.length * 2, node + 1)).fill(UNSEEN);
          grown.set(state);
          state = grown;
        }
        const seen = state[node]!;
        if (seen === QUALIFIED) continue;
        if (seen === UNSEEN) state[node] = minPairs <= 1 ? QUALIFIED : pair;
        else if (seen >= 0) {
          if (seen === pair) continue;
          if (minPairs <= 2) state[node] = QUALIFIED;
          else {
            sets.set(node, new Set([seen, pair]));
            state[node] = IN_SET;
          }
        } else {
          const pairs = sets.get(node)!;
          pairs.add(pair);
          if (pairs.size >= minPairs) {
            state[node] = QUALIFIED;
            sets.delete(node);
          }
        }
      }
    }
  }
  const qualified = new Uint8Array(trie.size);
  for (let node = 0; node < trie.size && node < state.length; node++)
    if (state[node] === QUALIFIED) qualified[node] = 1;
  return { trie, qualified };
}

/**
 * Every candidate of the corpus (in at least `minPairs` pairs), in order of first appearance
 * (documents in the order given). `lookup` (CC-CEDICT) lets a run whose edge the segmenter left
 * as one character still count when the dictionary makes it whole (see `hasWholeEdges`).
 */
export function collectCandidates(
  docs: readonly BuiltDoc[],
  lookup: Lookup,
  options: CollectOptions = {},
): Map<string, Candidate> {
  const { minPairs = 1 } = options;
  const possible = minPairs > 1 ? termsInPairs(docs, minPairs) : null;
  const candidates = new Map<string, Candidate>();
  const wholeEdges = new Map<string, boolean>();
  const varieties = new Map<string, Varieties>();
  for (const { docId, pairKey, sentence } of sentencesOf(docs)) {
    const words: readonly Word[] = sentence.words;
    // UTF-16 offset of each word in the sentence (words concatenate to it exactly).
    const offsets: number[] = [];
    let at = 0;
    for (const w of words) {
      offsets.push(at);
      at += w.simplified.length;
    }
    const text = sentence.simplified;
    for (let i = 0; i < words.length; i++) {
      let node = ROOT;
      for (let n = 1; n <= MAX_WORDS && i + n <= words.length; n++) {
        if (!HAN_ONLY.test(words[i + n - 1]!.simplified)) break;
        if (possible !== null) {
          node = possible.trie.find(node, words[i + n - 1]!.simplified);
          if (node < 0) break; // no run of the first pass begins so: no longer one either
          if (possible.qualified[node] !== 1) continue;
        }
        const run = words.slice(i, i + n);
        const simplified = run.map((w) => w.simplified);
        if (!isCandidate(simplified)) continue;
        const term = simplified.join('');
        const key = simplified.join('|');
        let whole = wholeEdges.get(key);
        if (whole === undefined) {
          whole = hasWholeEdges(simplified, lookup) && !namesTwoPeople(simplified, lookup);
          wholeEdges.set(key, whole);
        }
        if (!whole) continue;
        let candidate = candidates.get(term);
        let variety = varieties.get(term);
        if (candidate === undefined || variety === undefined) {
          candidate = {
            term,
            words: simplified,
            frequency: 0,
            pairs: new Set(),
            documents: new Set(),
            readings: new Map(),
            originals: new Map(),
            leftVariety: 0,
            rightVariety: 0,
            fragment: false,
          };
          variety = { left: new Set(), right: new Set(), leftEdges: 0, rightEdges: 0 };
          candidates.set(term, candidate);
          varieties.set(term, variety);
        }
        candidate.frequency++;
        candidate.pairs.add(pairKey);
        candidate.documents.add(docId);
        add(candidate.readings, run.map((w) => w.pinyin).join(' '));
        const original = run.map((w) => w.original).join('');
        if (original !== term) add(candidate.originals, original);
        const start = offsets[i]!;
        const end = start + term.length;
        const left = neighbour(codePointBefore(text, start));
        const right = neighbour(end < text.length ? String.fromCodePoint(text.codePointAt(end)!) : undefined);
        if (left === null) variety.leftEdges++;
        else variety.left.add(left);
        if (right === null) variety.rightEdges++;
        else variety.right.add(right);
      }
    }
  }
  for (const [term, v] of varieties) {
    const candidate = candidates.get(term)!;
    // Runs of the term that were no candidates (another cut of its words) counted in the first pass.
    if (candidate.pairs.size < minPairs) {
      candidates.delete(term);
      continue;
    }
    candidate.leftVariety = v.left.size + v.leftEdges;
    candidate.rightVariety = v.right.size + v.rightEdges;
    const chars = Array.from(term);
    const only = (side: Set<string>, edges: number) => (edges === 0 && side.size === 1 ? [...side][0]! : null);
    const before = only(v.left, v.leftEdges);
    const after = only(v.right, v.rightEdges);
    candidate.fragment =
      (before !== null &&
        [1, 2, 3].some((n) => n < chars.length && lookup(before + chars.slice(0, n).join('')).length > 0)) ||
      (after !== null &&
        [1, 2, 3].some((n) => n < chars.length && lookup(chars.slice(-n).join('') + after).length > 0));
  }
  return candidates;
}
