/**
 * What a Chinese word may be in English, from CC-CEDICT: the stems of the content words of its
 * senses ("to cooperate; to collaborate" → cooper, collabor), and for names the pinyin a
 * translator writes (韦小宝 → wei, xiaobao, weixiaobao). Memoised per word.
 */
import { pinyin } from 'pinyin-pro';
import type { Dictionary } from '../dictionary/cedict';
import { englishTokens } from './english';
import { fold } from '../text/english-words';
import { HAN } from '../base/han';

export interface WordTranslations {
  /** English stems the word may be rendered by. */
  stems: ReadonlySet<string>;
  /** Lower-case romanisations a name may appear as. */
  names: ReadonlySet<string>;
}

const EMPTY: WordTranslations = { stems: new Set(), names: new Set() };

/** Sense text that is about the word rather than a rendering of it. */
function senseText(sense: string): string {
  return sense
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(
      /\b(?:CL|abbr\. for|variant of|old variant of|see also|see|used in|lit\.|fig\.|also written|also pr\.|erhua variant of)\b.*$/i,
      ' ',
    )
    .replace(/[^\p{L}\d' -]/gu, ' ');
}

export class Lexicon {
  private readonly cache = new Map<string, WordTranslations>();
  private readonly leading = new Map<string, string[]>();

  constructor(private readonly dict: Dictionary) {}

  translations(word: string): WordTranslations {
    const cached = this.cache.get(word);
    if (cached) return cached;
    const result = this.compute(word);
    this.cache.set(word, result);
    return result;
  }

  private compute(word: string): WordTranslations {
    if (!HAN.test(word)) return EMPTY;
    const stems = new Set<string>();
    const names = new Set<string>();
    const entries = this.dict.lookup(word);
    for (const entry of entries) {
      const isName = /^[A-Z]/.test(entry.pinyinNumbered);
      for (const sense of entry.senses) {
        for (const s of englishTokens(senseText(sense)).stems) stems.add(s);
        if (isName) for (const n of englishTokens(sense).names.concat(englishTokens(` ${sense}`).names)) names.add(n);
      }
    }
    // A word CC-CEDICT lacks is read through the dictionary words inside it (a compound), and its
    // pinyin is kept in case it is a name the translator transcribed.
    // A single character CC-CEDICT lacks (丆, 𠀀) is its own only part: reading it through itself
    // recursed until the stack overflowed and failed the whole document's ingest. Every other part
    // is shorter than the word, so the recursion ends.
    if (entries.length === 0) {
      for (const part of this.parts(word))
        if (part !== word) for (const s of this.translations(part).stems) stems.add(s);
    }
    // A compound is also read through its characters' leading senses: a free translation often
    // keeps a morpheme (秋 of 夏末秋初 → autumn) where the compound's own sense is not used.
    const chars = [...word];
    if (entries.length > 0 && chars.length >= 2 && chars.length <= 4) {
      for (const ch of chars) for (const s of this.leadingStems(ch)) stems.add(s);
    }
    if (entries.length === 0 || entries.some((e) => /^[A-Z]/.test(e.pinyinNumbered)) || [...word].length <= 4) {
      for (const form of romanisations(word)) names.add(form);
    }
    return { stems, names };
  }

  /** Stems of the first two senses of a character's first entry, memoised (characters recur). */
  private leadingStems(ch: string): string[] {
    let stems = this.leading.get(ch);
    if (!stems) {
      const first = this.dict.lookup(ch)[0];
      stems = (first?.senses.slice(0, 2) ?? []).flatMap((sense) => englishTokens(senseText(sense)).stems);
      this.leading.set(ch, stems);
    }
    return stems;
  }

  /** Longest dictionary words covering `word` left to right (single characters at worst). */
  private parts(word: string): string[] {
    const chars = [...word];
    const parts: string[] = [];
    for (let i = 0; i < chars.length;) {
      const match = this.dict.longestMatch(chars, i);
      const len = match ? [...match].length : 1;
      if (len >= chars.length && i === 0 && chars.length > 1) {
        parts.push(...chars); // the whole word is the match: fall back to characters
        break;
      }
      parts.push(chars.slice(i, i + len).join(''));
      i += len;
    }
    return parts;
  }
}

/**
 * Forms a transcribed Chinese name takes in English: every run of syllables written together
 * (韦小宝 → wei, xiao, bao, weixiao, xiaobao, weixiaobao). Only runs of at least four letters
 * count beyond the first syllable, to keep chance matches with short English words out.
 */
export function romanisations(word: string): string[] {
  const syllables = pinyin(word, { toneType: 'none', type: 'array', v: true }).map((s) => fold(s));
  if (syllables.length === 0 || syllables.length > 4) return [];
  const forms = new Set<string>();
  for (let i = 0; i < syllables.length; i++) {
    for (let j = i + 1; j <= syllables.length; j++) {
      const form = syllables.slice(i, j).join('');
      if (/^[a-z]+$/.test(form) && (form.length >= 4 || (i === 0 && j === 1 && syllables.length > 1))) forms.add(form);
    }
  }
  return [...forms];
}

const lexicons = new WeakMap<Dictionary, Lexicon>();

/** One lexicon per dictionary, so that its memo serves every text aligned in the process. */
export function lexiconFor(dict: Dictionary): Lexicon {
  let lexicon = lexicons.get(dict);
  if (!lexicon) {
    lexicon = new Lexicon(dict);
    lexicons.set(dict, lexicon);
  }
  return lexicon;
}
