/**
 * What the aligner knows of each sentence, computed once: its length, its content words with what
 * they may be in English, its numbers and its names. Weights are inverse document frequencies
 * within the text being aligned, so that words found everywhere count for little.
 */
import type { Dictionary } from '../dictionary/cedict';
import { segmentWords } from '../text/segment';
import { countHan } from '../text/text-width';
import { circledNumbers, englishTokens, numberString } from './english';
import { Lexicon } from './lexicon';
import { digitByDigit, unitsValue, ZH_UNITS } from '../text/chinese-numerals';
import { HAN } from '../base/han';
import { codePointLength } from '../base/unicode';

/** Stems and names as small integers, so that a bead is scored with typed arrays, not sets of strings. */
export class Interner {
  private readonly ids = new Map<string, number>();
  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(s, id);
    }
    return id;
  }
  get size(): number {
    return this.ids.size;
  }
}

export interface ZhWord {
  /** Ids of the English stems and name forms the word may be rendered by. */
  ids: Int32Array;
  weight: number;
  /** The word's type among the text's Chinese words (what a learned lexicon is keyed by); -1 for a Latin word. */
  type: number;
  /** A single Han character (ambiguous: many senses, many uses). */
  single: boolean;
}

export interface ZhFeatures {
  /** Han characters (each about 3.3 English characters). */
  han: number;
  /** Other characters (Latin, digits, punctuation), which carry over about one for one. */
  other: number;
  words: ZhWord[];
  /** Sum of the words' weights. */
  wordWeight: number;
  numbers: string[];
  /** Question marks (a question stays a question in translation more often than not). */
  questions: number;
}

export interface EnFeatures {
  chars: number;
  /** Ids of its stems and name forms, each once, with their weights (idf; names weigh as stems). */
  ids: Int32Array;
  weights: Float64Array;
  /** Ids of the names among them (capitalised after the sentence's start). */
  names: Int32Array;
  numbers: string[];
  questions: number;
}

/** The English stems kept per Chinese word, in the order CC-CEDICT gives its senses. */
const MAX_STEMS_PER_WORD = 24;
const SINGLE_CHARACTER_WEIGHT = 0.5;

/** Values of the numbers of a Chinese sentence: Arabic digits and Chinese numerals (二〇二四, 三十五, 4300多). */
export function chineseNumbers(text: string): string[] {
  const out: string[] = circledNumbers(text);
  // A heading that is only a numeral (一, （二）) is a section number, though 一 alone is not counted
  // elsewhere (it is in too many words).
  const bare = /^[\s(（]*([〇零一二两兩三四五六七八九十百]+)[\s)）、.．]*$/u.exec(text)?.[1];
  if (bare?.length === 1) {
    const value = parseChineseNumeral(bare);
    if (value !== undefined && !/^[二三四五六七八九十]$/u.test(bare)) out.push(String(value));
  }
  // Digits with a myriad unit are one number (2000亿 → 200000000000, as "200 billion" reads;
  // 4300多亿, "over 430 billion", too).
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)\s*(?:多|余|餘)?([万萬亿億]*)/gu))
    out.push(numberString(Number(m[1]) * [...m[2]!].reduce((v, c) => v * ZH_UNITS.get(c)!, 1)));
  for (const m of text.matchAll(/[〇零一二两兩三四五六七八九十百千万萬亿億]{2,}|[二三四五六七八九十]/gu)) {
    const value = parseChineseNumeral(m[0]);
    if (value !== undefined) out.push(String(value));
  }
  return out;
}

/** 二〇二四 → 2024 (digit by digit), 三十五 → 35, 一百二十 → 120; undefined when it is not a number. */
export function parseChineseNumeral(s: string): number | undefined {
  const chars = [...s];
  const years = chars.length > 1 ? digitByDigit(chars) : undefined;
  if (years !== undefined) return years;
  const value = unitsValue(chars);
  return value !== undefined && value > 0 ? value : undefined;
}

/** Runs of question marks (?? counts once); a loop, as every sentence of both sides goes through it. */
function countQuestions(s: string): number {
  let runs = 0;
  let inRun = false;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    const question = c === 0x3f || c === 0xff1f;
    if (question && !inRun) runs++;
    inRun = question;
  }
  return runs;
}

/** A letter of a script other than Han: what Latin-script words carried over in Chinese text need. */
const NON_HAN_LETTER = /(?!\p{Script=Han})\p{L}/u;

function idf(df: number, n: number): number {
  return Math.log((n + 1) / (df + 0.5));
}

/**
 * The distinct English ids a sentence's words may be rendered by, ascending. Computed where it is
 * needed (the anchors' candidates) rather than kept per sentence: a long book's per-sentence indexes
 * were a sixth of its peak memory and a sorted index built for every sentence, twice.
 */
export function sentenceIds(z: Pick<ZhFeatures, 'words'>, seen?: IdStamps): Int32Array {
  const stamps = seen ?? new IdStamps();
  const gen = stamps.next();
  const out: number[] = [];
  for (const word of z.words)
    for (const id of word.ids) {
      if (stamps.mark(id, gen)) out.push(id);
    }
  return Int32Array.from(out).sort();
}

/**
 * Marks of ids seen, by generation, reused from sentence to sentence: a Set per sentence was most of
 * the anchors' time on a book.
 */
export class IdStamps {
  private stamps = new Int32Array(1024);
  private generation = 0;
  next(): number {
    return ++this.generation;
  }
  /** Marks `id` in generation `gen`; whether it was not marked in it yet. */
  mark(id: number, gen: number): boolean {
    if (id >= this.stamps.length) {
      const grown = new Int32Array(Math.max(id + 1, this.stamps.length * 2));
      grown.set(this.stamps);
      this.stamps = grown;
    }
    if (this.stamps[id] === gen) return false;
    this.stamps[id] = gen;
    return true;
  }
}

export function chineseFeatures(
  sentences: string[],
  dict: Dictionary,
  lexicon: Lexicon,
  interner: Interner,
): ZhFeatures[] {
  const tokenised = sentences.map((s) => segmentWords(s, dict).filter((w) => HAN.test(w)));
  const df = new Map<string, number>();
  for (const words of tokenised) for (const w of new Set(words)) df.set(w, (df.get(w) ?? 0) + 1);
  // Latin-script words (APEC, BRICS, names kept in the original) carry over as they are.
  // Most Chinese sentences hold no other letter, and then no such word (a test, not a tokenisation).
  const latin = sentences.map((s) =>
    NON_HAN_LETTER.test(s) ? [...new Set(englishTokens(s.replace(/\p{Script=Han}+/gu, ' ')).stems)] : [],
  );
  // The ids of each word type once: a book repeats its words thousands of times.
  const idsOfWord = new Map<string, Int32Array>();
  const wordIds = (w: string): Int32Array => {
    let ids = idsOfWord.get(w);
    if (!ids) {
      const t = lexicon.translations(w);
      // A character with dozens of senses matches almost anything: its first senses say enough.
      const stems = [...t.stems].slice(0, MAX_STEMS_PER_WORD);
      ids = new Int32Array(stems.length + t.names.size);
      let k = 0;
      for (const stem of stems) ids[k++] = interner.id(stem);
      for (const name of t.names) ids[k++] = interner.id(name);
      idsOfWord.set(w, ids);
    }
    return ids;
  };
  const types = new Map<string, number>();
  const typeOf = (w: string): number => types.get(w) ?? types.set(w, types.size).get(w)!;
  // One ZhWord per word type, shared by its occurrences (everything in it is the type's): a book's
  // hundreds of thousands of occurrences were as many objects for the collector.
  const wordsOfType = new Map<string, ZhWord | null>();
  const zhWord = (w: string): ZhWord | null => {
    let word = wordsOfType.get(w);
    if (word === undefined) {
      const ids = wordIds(w);
      // A single character is ambiguous (many senses, many uses): its evidence counts half.
      const single = [...w].length === 1;
      word =
        ids.length === 0
          ? null
          : {
              ids,
              type: typeOf(w),
              single,
              weight: idf(df.get(w) ?? 1, sentences.length) * (single ? SINGLE_CHARACTER_WEIGHT : 1),
            };
      wordsOfType.set(w, word);
    }
    return word;
  };
  const latinDf = new Map<string, number>();
  for (const stems of latin) for (const stem of stems) latinDf.set(stem, (latinDf.get(stem) ?? 0) + 1);
  return sentences.map((s, i) => {
    const han = countHan(s);
    const total = codePointLength(s);
    const words: ZhWord[] = [];
    for (const stem of latin[i]!) {
      words.push({
        ids: Int32Array.of(interner.id(stem)),
        weight: idf(latinDf.get(stem) ?? 1, sentences.length),
        type: -1,
        single: false,
      });
    }
    for (const w of tokenised[i] ?? []) {
      const word = zhWord(w);
      if (word) words.push(word);
    }
    const wordWeight = words.reduce((sum, word) => sum + word.weight, 0);
    return {
      han,
      other: total - han,
      words,
      wordWeight,
      numbers: chineseNumbers(s),
      questions: countQuestions(s),
    };
  });
}

export function englishFeatures(sentences: string[], interner: Interner): EnFeatures[] {
  const tokens = sentences.map(englishTokens);
  // Each sentence's distinct stems and names once, for its document frequencies and its ids alike.
  const uniques = tokens.map((t) => [...new Set([...t.stems, ...t.names])]);
  const df = new Map<string, number>();
  for (const unique of uniques) for (const s of unique) df.set(s, (df.get(s) ?? 0) + 1);
  return sentences.map((s, i) => {
    const t = tokens[i]!;
    const unique = uniques[i]!;
    const ids = new Int32Array(unique.length);
    const weights = new Float64Array(unique.length);
    unique.forEach((stem, k) => {
      ids[k] = interner.id(stem);
      weights[k] = idf(df.get(stem) ?? 1, sentences.length);
    });
    const names = Int32Array.from(new Set(t.names), (name) => interner.id(name));
    return { chars: codePointLength(s), ids, weights, names, numbers: t.numbers, questions: countQuestions(s) };
  });
}
