/**
 * What CC-CEDICT says a Chinese word may be in English, as weighted stems. Term spotting wants
 * precision where the aligner's lexicon (lib/align/lexicon.ts) wants recall: that one also reads
 * compounds through their characters' leading senses, which would let a rendering grow over any
 * word a character happens to mean. Here the head of a sense (the words before its first comma:
 * "Vladimir Putin" of "Vladimir Putin (1952–), Russian president") counts fully and the rest of it
 * little, so 普京 explains "Putin" but hardly "President".
 *
 * The dictionary is a lookup function, not a Dictionary: the app has only the corpus's extract of
 * CC-CEDICT (build/gloss.json), never the whole of it.
 */
import type { DictEntry } from '../model';
import { romanisations } from '../align/lexicon';
import { englishWords } from '../search/encode';
import { isContentWord, stemKey } from './english';
import { WEIGHTS } from './weights';
import { HAN } from '../base/han';

/**
 * CC-CEDICT's entries of a word (simplified or traditional headword; [] when absent), and, when the
 * dictionary can tell, `longestAt`: the length in code points of the longest headword that starts at
 * code point `from` of `chars` (0: none), so a scan for words stops there instead of asking for every
 * longer string (most of the glossary's lookups were such misses). Without it every length is asked.
 */
export type Lookup = ((word: string) => DictEntry[]) & {
  longestAt?: (chars: readonly string[], from: number) => number;
};

/** Stem → weight (0..1): how directly a word's senses name it. */
export type StemWeights = Map<string, number>;

/** Longest headword looked for, in code points. */
const MAX_WORD = 8;

/** Senses that are about the word rather than renderings of it. */
const NOT_A_RENDERING =
  /^(?:CL:|classifier|(?:old |erhua )?variant of|Taiwan pr\.|also pr\.|also written|see also|see )/i;

/**
 * A sense split into the renderings it lists: Chinese, pinyin and bracketed remarks removed,
 * "abbr. for" dropped, then cut at semicolons; each part is split at its first comma into head and rest.
 */
export function senseParts(sense: string): Array<{ head: string; rest: string }> {
  if (NOT_A_RENDERING.test(sense)) return [];
  // An acronym in brackets is a rendering in its own right: Shanghai Cooperation Organization (SCO).
  const acronyms = [...sense.matchAll(/\(([A-Z]{2,6})\)/g)].map((m) => ({ head: m[1] ?? '', rest: '' }));
  const text = sense
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/\p{Script=Han}+(?:\|\p{Script=Han}+)?/gu, ' ')
    .replace(/\babbr\. (?:for|of)\b|\blit\.|\bfig\./gi, ' ');
  const parts = text.split(';').map((part) => {
    const comma = part.indexOf(',');
    return comma < 0 ? { head: part, rest: '' } : { head: part.slice(0, comma), rest: part.slice(comma + 1) };
  });
  return [...parts, ...acronyms];
}

function addStems(weights: StemWeights, text: string, weight: number): void {
  for (const { word } of englishWords(text)) {
    if (!isContentWord(word)) continue;
    const stem = stemKey(word);
    if ((weights.get(stem) ?? 0) < weight) weights.set(stem, weight);
  }
}

/** Stems of the senses of some entries: heads at `head`, the rest at `rest`. Surnames count as rest. */
function entryStems(
  entries: readonly DictEntry[],
  head: number,
  rest: number,
  into: StemWeights = new Map(),
): StemWeights {
  let rank = 0;
  for (const entry of entries) {
    for (const sense of entry.senses) {
      const surname = /^surname\b/i.test(sense);
      for (const part of senseParts(sense)) {
        // CC-CEDICT lists the commonest renderings first: the fifth ("comprehensive" of 全方位
        // "all-around; omni-directional; complete; holistic; comprehensive") counts less than
        // the second (of 全面 "all-around; comprehensive"), so the word whose own it is keeps it.
        const decay = Math.max(MIN_RANK_WEIGHT, 1 - RANK_DECAY * rank++);
        addStems(into, part.head, (surname ? rest : head) * decay);
        addStems(into, part.rest, rest * decay);
      }
    }
  }
  return into;
}

const RANK_DECAY = 0.05;
const MIN_RANK_WEIGHT = 0.7;

/** A word found in Chinese text by longest match; offsets are UTF-16 and relative to the text given. */
export interface DictWord {
  start: number;
  end: number;
  word: string;
  entries: DictEntry[];
}

/**
 * The dictionary words of a Chinese text: the segmentation into the fewest words (dynamic
 * programming; among equals, the longer word first), so 睦邻友好合作条约 is 睦邻|友好|合作|条约,
 * where longest match from the left would take 好合 and leave 作 alone. Han characters the
 * dictionary lacks come back one by one with no entries; other text is skipped.
 */
export function dictionaryWords(text: string, lookup: Lookup, maxChars = MAX_WORD): DictWord[] {
  const chars = Array.from(text);
  const n = chars.length;
  // Each character tested once: the scan below asks about each up to maxChars times.
  const han = chars.map((ch) => HAN.test(ch));
  // cost[i]: fewest words covering chars[i..]; next[i]: length of the first of them, and
  // entriesAt[i] its entries when it is longer than one character.
  const cost = new Array<number>(n + 1).fill(0);
  const next = new Array<number>(n + 1).fill(1);
  const entriesAt = new Array<DictEntry[] | undefined>(n);
  const { longestAt } = lookup;
  for (let i = n - 1; i >= 0; i--) {
    cost[i] = cost[i + 1]! + (han[i] ? 1 : 0);
    next[i] = 1;
    if (!han[i]) continue;
    let word = chars[i]!;
    const longest = longestAt === undefined ? maxChars : Math.min(maxChars, longestAt(chars, i));
    for (let len = 2; len <= longest && i + len <= n; len++) {
      if (!han[i + len - 1]) break;
      word += chars[i + len - 1]!;
      const entries = lookup(word);
      if (entries.length === 0) continue;
      if (cost[i + len]! + 1 <= cost[i]!) {
        cost[i] = cost[i + len]! + 1;
        next[i] = len;
        entriesAt[i] = entries;
      }
    }
  }
  const out: DictWord[] = [];
  let offset = 0;
  for (let i = 0; i < n;) {
    const len = next[i]!;
    const word = len === 1 ? chars[i]! : chars.slice(i, i + len).join('');
    if (han[i]) {
      const entries = len > 1 ? (entriesAt[i] ?? []) : lookup(word);
      out.push({ start: offset, end: offset + word.length, word, entries });
    }
    offset += word.length;
    i += len;
  }
  return out;
}

/** What a term may be rendered by: weighted stems, and the romanised forms of a name. */
export interface TermProfile {
  stems: StemWeights;
  /** Lower-case romanisations a translator may write a name as (习近平 → xi, jinping, xijinping). */
  names: ReadonlySet<string>;
  /**
   * For a term CC-CEDICT lacks, the dictionary words that make it up, each with its share of the
   * term's characters and its stems: a rendering that covers more of them is the fuller one
   * (good-neighbourliness and friendship for 睦邻友好, not good-neighbourliness alone). Empty for
   * a term CEDICT has.
   */
  pieces: Array<{ share: number; stems: StemWeights }>;
}

/** A term that may be a name CEDICT lacks: two or three characters, the first a surname (蔡奇, 何立峰). */
function mayBeName(term: string, lookup: Lookup): boolean {
  const chars = Array.from(term);
  return (
    chars.length >= 2 && chars.length <= 3 && lookup(chars[0]!).some((e) => e.senses.some((s) => /^surname\b/i.test(s)))
  );
}

/**
 * A character's proper-noun entries when the term's own senses use them (中 China in 中俄
 * "China-Russia"), and none otherwise: the 京 of 普京 is a sound, not Beijing.
 */
function properSensesUsed(entries: readonly DictEntry[], termStems: StemWeights): DictEntry[] {
  const proper = entries.filter((e) => isProperNoun([e]));
  return proper.some((e) => [...entryStems([e], 1, 0).keys()].some((s) => termStems.has(s))) ? proper : [];
}

/** A proper noun: CC-CEDICT writes its pinyin with a capital. */
function isProperNoun(entries: readonly DictEntry[]): boolean {
  return entries.some((e) => /^[A-Z]/.test(e.pinyinNumbered));
}

/**
 * The term's profile. A term CC-CEDICT has is read through its own senses, and at a lower weight
 * through the shorter words inside it (CEDICT's "new age" for 新时代 misses the "era" of its 时代)
 * and the proper nouns among its characters (中 China, Chinese; 俄 Russia, Russian), but not
 * through its other characters: 合 and 作 say little about 合作. A term CEDICT lacks
 * (全面战略协作伙伴关系, 两国元首) is read through the dictionary words that cover it. Names, or
 * what may be one, also match their pinyin.
 */
const profiles = new WeakMap<Lookup, Map<string, TermProfile>>();

/** The profile of a word or term, memoised per lookup (claims ask for the same words again and again). */
export function termProfile(term: string, lookup: Lookup): TermProfile {
  let memo = profiles.get(lookup);
  if (memo === undefined) {
    memo = new Map();
    profiles.set(lookup, memo);
  }
  let profile = memo.get(term);
  if (profile === undefined) {
    profile = computeProfile(term, lookup);
    if (memo.size >= 50_000) memo.clear();
    memo.set(term, profile);
  }
  return profile;
}

function computeProfile(term: string, lookup: Lookup): TermProfile {
  const entries = lookup(term);
  const known = entries.length > 0;
  const stems: StemWeights = new Map();
  entryStems(entries, WEIGHTS.head, WEIGHTS.rest, stems);
  const names = new Set<string>();
  if (known ? isProperNoun(entries) : mayBeName(term, lookup)) for (const form of romanisations(term)) names.add(form);
  const length = Array.from(term).length;
  const pieces: TermProfile['pieces'] = [];
  for (const part of dictionaryWords(term, lookup, known ? length - 1 : MAX_WORD)) {
    const chars = Array.from(part.word).length;
    const single = chars === 1;
    const partEntries = known && single ? properSensesUsed(part.entries, stems) : part.entries;
    const weight = known ? WEIGHTS.inner : single ? WEIGHTS.partChar : WEIGHTS.part;
    const partStems = entryStems(partEntries, weight, Math.min(weight, WEIGHTS.rest));
    for (const [stem, w] of partStems) if ((stems.get(stem) ?? 0) < w) stems.set(stem, w);
    if (!known) pieces.push({ share: chars / length, stems: partStems });
    if (!single && isProperNoun(part.entries)) for (const form of romanisations(part.word)) names.add(form);
  }
  return { stems, names, pieces: pieces.length > 1 ? pieces : [] };
}
