/**
 * Gloss stage: gives every word its pinyin and its CC-CEDICT key, and collects the glossary the
 * app serves popovers from (so the app never loads all of CC-CEDICT).
 *
 * Which reading wins:
 *  - CC-CEDICT, when it has exactly one reading for the word (case aside). Its readings are
 *    per word, so word-level polyphones come out right without context (重庆 Chóng qìng,
 *    行长 háng zhǎng, 首都 shǒu dū). pinyin-pro's "context" is its own dictionary segmentation
 *    of the sentence, and for a lone character it falls back to the most frequent reading
 *    (measured: 还钱 → hái qián, 长得 → cháng dé, 慢慢地 → dì); where CEDICT needs no context,
 *    pinyin-pro could only add such errors. These readings are memoised per word.
 *  - a lone structural particle (了 着 的, 地 before a word, 得 after one) is read as the
 *    particle (see `particleReading`): there pinyin-pro is wrong more often than right.
 *  - pinyin-pro in context, when CEDICT has several readings (中, 为, 都, 地方, 重点): its
 *    reading of the word picks the CEDICT reading it equals; if it equals none, it is used as it
 *    is. "In context" is the word with its neighbours (see `syllablesInContext`).
 *  - pinyin-pro in context, when CEDICT lacks the word (names found by jieba's HMM); a
 *    character pinyin-pro cannot read (many Extension-B characters) takes CEDICT's first reading
 *    of that character, or is left out.
 * Tone sandhi is off: 一 and 不 are given in their citation tones, as dictionaries (and the
 * popover) show them.
 */
import { pinyin as pinyinPro } from 'pinyin-pro';
import type { Dictionary } from '../dictionary/cedict';
import type { DictEntry, Word, ZhSentence } from '../model';
import { HAN } from '../base/han';
import { codePointLength } from '../base/unicode';

/** What a word's gloss needs that does not depend on its sentence. */
interface WordGloss {
  key: string | null;
  /** The reading when the word alone decides it; null when the sentence must. */
  pinyin: string | null;
  /** CEDICT's distinct readings of the word, to choose among with the sentence's help. */
  readings: readonly string[];
}

/** Per dictionary: glosses of words written alike in both scripts, and of the others by simplified then original form. */
const memo = new WeakMap<
  Dictionary,
  { same: Map<string, WordGloss>; differing: Map<string, Map<string, WordGloss>> }
>();

function wordGloss(word: Word, dict: Dictionary): WordGloss {
  let caches = memo.get(dict);
  if (caches === undefined) {
    caches = { same: new Map(), differing: new Map() };
    memo.set(dict, caches);
  }
  // The original form matters only when the simplified form is not a headword, but it is part
  // of the key all the same, so a cached gloss is always the one this word would get.
  let cache = caches.same;
  if (word.original !== word.simplified) {
    let byOriginal = caches.differing.get(word.simplified);
    if (byOriginal === undefined) {
      byOriginal = new Map();
      caches.differing.set(word.simplified, byOriginal);
    }
    cache = byOriginal;
  }
  const cacheKey = word.original === word.simplified ? word.simplified : word.original;
  let gloss = cache.get(cacheKey);
  if (gloss === undefined) {
    gloss = computeWordGloss(word, dict);
    cache.set(cacheKey, gloss);
  }
  return gloss;
}

function computeWordGloss(word: Word, dict: Dictionary): WordGloss {
  // Digits, Latin, punctuation: no key even where CEDICT has a headword ("110" is the police,
  // not the number a text means).
  if (!HAN.test(word.simplified)) return { key: null, pinyin: '', readings: [] };
  let entries = dict.lookup(word.simplified);
  if (entries.length === 0 && word.original !== word.simplified) entries = dict.lookup(word.original);
  const readings = distinctReadings(entries);
  return {
    key: entries[0]?.simplified ?? null,
    pinyin: readings.length === 1 ? (readings[0] ?? null) : null,
    readings,
  };
}

/**
 * Entry readings without duplicates that differ only in case. Where they do, the lower-case one
 * is kept: the capitalised reading is a proper noun (a surname, a place) and the common word
 * is the likelier; a word whose every reading is capitalised (重庆 Chóng qìng) keeps its capital.
 */
function distinctReadings(entries: readonly DictEntry[]): string[] {
  const byLower = new Map<string, string>();
  for (const { pinyin } of entries) {
    const lower = pinyin.toLowerCase();
    const seen = byLower.get(lower);
    if (seen === undefined || (seen !== lower && pinyin === lower)) byLower.set(lower, pinyin);
  }
  return [...byLower.values()];
}

/** Fills each word's `pinyin` and `key`; returns new sentences, the input is not changed. */
export function glossSentences(sentences: ZhSentence[], dict: Dictionary): ZhSentence[] {
  return sentences.map((sentence) => glossSentence(sentence, dict));
}

function glossSentence(sentence: ZhSentence, dict: Dictionary): ZhSentence {
  const words = sentence.words.map((word, i): Word => {
    const gloss = wordGloss(word, dict);
    const pinyin =
      gloss.pinyin ??
      particleReading(sentence.words, i) ??
      readInContext(word, gloss, syllablesInContext(sentence.words, i), dict);
    return { ...word, pinyin, key: gloss.key };
  });
  return { ...sentence, words };
}

/**
 * The structural particles, when jieba left them standing alone (not inside 了解, 着重, 地方,
 * 得到, 的确). pinyin-pro misreads them in exactly that position: 地 is dì in 合理地解决 (8 of the
 * 10 lone 地 of the seeds are the adverbial de), 了 is liǎo when read alone, and 着 became zhuó
 * in 扮演着重要 because pinyin-pro's own segmentation found 着重 across jieba's boundary.
 * 地 counts as the particle only before a Han word, so 来源地。 keeps dì; 得 only after one.
 */
function particleReading(words: readonly Word[], i: number): string | null {
  const hanAt = (j: number): boolean => HAN.test(words[j]?.simplified ?? '');
  switch (words[i]?.simplified) {
    case '了':
      return 'le';
    case '着':
      return 'zhe';
    case '的':
      return 'de';
    case '地':
      return hanAt(i + 1) ? 'de' : null;
    case '得':
      return hanAt(i - 1) ? 'de' : null;
    default:
      return null;
  }
}

/**
 * pinyin-pro's syllable for each code point of word `i` ('' for what it cannot read), read with
 * the words either side of it. Measured on the seeds, that window gives the same reading as the
 * whole sentence for 3,006 of 3,007 words needing context (the word alone: 2,868; it reads
 * 了 as liǎo), at a third of the cost, and windows repeat, so they are memoised: pinyin-pro
 * (~0.4 M characters/s) would otherwise be the slowest part of the pipeline.
 */
function syllablesInContext(words: readonly Word[], i: number): string[] {
  const before = words[i - 1]?.simplified ?? '';
  const word = words[i]?.simplified ?? '';
  const after = words[i + 1]?.simplified ?? '';
  // Lengths first make the key unambiguous whatever characters the words hold.
  const window = `${before.length},${word.length}:${before}${word}${after}`;
  let syllables = windows.get(window);
  if (syllables === undefined) {
    const skip = codePointLength(before);
    syllables =
      pinyinProSyllables(before + word + after)?.slice(skip, skip + codePointLength(word)) ??
      pinyinProSyllables(word) ??
      new Array<string>(codePointLength(word)).fill('');
    // A plain bound instead of an LRU: what matters is that memory stays flat on a large corpus.
    if (windows.size >= MAX_WINDOWS) windows.clear();
    windows.set(window, syllables);
  }
  return syllables;
}

const MAX_WINDOWS = 200_000;
const windows = new Map<string, string[]>();

/**
 * One syllable per code point, or null if pinyin-pro's output did not line up with the code
 * points (it has on every input tried, Extension B and emoji included; the check keeps a future
 * version from shifting every reading after the first mismatch).
 */
function pinyinProSyllables(text: string): string[] | null {
  const items = pinyinPro(text, { type: 'all', toneSandhi: false, segmentit: 2 });
  return items.length === codePointLength(text) ? items.map((item) => (item.isZh ? item.pinyin : '')) : null;
}

function readInContext(word: Word, gloss: WordGloss, syllables: readonly string[], dict: Dictionary): string {
  const chars = Array.from(word.simplified);
  const read = chars
    .map((char, i) => {
      if (!HAN.test(char)) return '';
      const syllable = syllables[i] ?? '';
      return syllable !== '' ? syllable : (dict.lookup(char)[0]?.pinyin ?? '');
    })
    .filter((syllable) => syllable !== '')
    .join(' ');
  const lower = read.toLowerCase();
  return gloss.readings.find((reading) => reading.toLowerCase() === lower) ?? read;
}

/**
 * The dictionary entries the app needs for the popovers of these words: each key, each Han
 * character of each key, and, for a Han word CEDICT lacks (a name, a compound jieba kept), the
 * dictionary words and characters inside it, so its popover can still explain its parts.
 * Insertion order follows the text; headwords without entries are left out.
 */
export function collectGlossary(words: Iterable<Word>, dict: Dictionary): Map<string, DictEntry[]> {
  return collectGlossaryInto(new Map(), new Set(), words, dict);
}

/**
 * `collectGlossary` adding to a glossary and its set of words done, for a caller that feeds words
 * a document at a time (gloss-file.ts): the result does not depend on how the words were split.
 */
export function collectGlossaryInto(
  glossary: Map<string, DictEntry[]>,
  done: Set<string>,
  words: Iterable<Word>,
  dict: Dictionary,
): Map<string, DictEntry[]> {
  const add = (headword: string): void => {
    if (glossary.has(headword)) return;
    const entries = dict.lookup(headword);
    if (entries.length > 0) glossary.set(headword, entries);
  };
  for (const word of words) {
    const from = word.key ?? word.simplified;
    if (done.has(from) || !HAN.test(from)) continue;
    done.add(from);
    if (word.key !== null) {
      add(word.key);
      for (const char of word.key) if (HAN.test(char)) add(char);
    } else {
      for (const inner of dict.nestedWords(word.simplified)) add(inner);
    }
  }
  return glossary;
}
