/**
 * What is known of a word pair before any counting: CC-CEDICT's senses (战略 "strategy;
 * strategic" → strateg), names' pinyin (习近平 → xi, jinping), equal numbers (二十八 ↔
 * twenty-eight, 2024 ↔ 2024), equal Latin words (G20 ↔ G20) and matching punctuation. A small
 * corpus cannot learn its rare words; these priors let it align them anyway.
 *
 * Its own lexicon rather than the sentence aligner's (lib/align/lexicon.ts): this one keeps, for
 * each English stem, which sense it came from and how early, because the reader's sense choice
 * needs that, and the word aligner must not depend on the sentence aligner's internals.
 */
import { pinyin } from 'pinyin-pro';
import type { Dictionary } from '../dictionary/cedict';
import { NUMBER_WORDS, PRONOUN_FORMS, PUNCTUATION, SENSE_STOP_WORDS } from './data';
import { digitByDigit, unitsValue, ZH_DIGITS, ZH_UNITS } from '../text/chinese-numerals';
import { fold, stemOf } from '../text/english-words';
import { HAN, HAN_ONLY } from '../base/han';

/** The value an English token states ("28", "1,200", "twenty-eight", "third"), or undefined. */
export function englishNumber(token: string): number | undefined {
  const t = token.toLowerCase();
  if (/^\d+(?:,\d{3})*(?:\.\d+)?%?$/.test(t)) return Number(t.replace(/[,%]/g, ''));
  if (/^\d+(?:st|nd|rd|th)$/.test(t)) return Number(t.slice(0, -2));
  const parts = t.split('-');
  let total = 0;
  for (const part of parts) {
    const v = NUMBER_WORDS.get(part);
    if (v === undefined) return undefined;
    total += v;
  }
  return total;
}

/** The value a Chinese token states (2024, 二十八, 两, 五十, 三千), or undefined. */
export function chineseNumber(token: string): number | undefined {
  const t = token.replace(/^第/, '').replace(/[年月日号个次%％]$/, '');
  if (/^[0-9０-９]+(?:[.,．][0-9０-９]+)*$/.test(t)) {
    return Number(
      t
        .replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10))
        .replace(/[,]/g, '')
        .replace('．', '.'),
    );
  }
  if (t === '' || ![...t].every((c) => ZH_DIGITS.has(c) || ZH_UNITS.has(c))) return undefined;
  // Digit-by-digit years (二〇二四) have no units.
  return digitByDigit([...t]) ?? unitsValue([...t]);
}

/**
 * How an English token is counted by the model: a number's value, a mark, or a word's stem. A
 * negated contraction counts as "not" (didn't renders 不 or 没), another contraction as its
 * first word (I'd, you'll → i, you).
 */
export function englishKey(token: string): string {
  const n = englishNumber(token);
  if (n !== undefined && !/^(?:first|second|one|both|half)$/i.test(token)) return `#${n}`;
  if (!/\p{L}/u.test(token)) return token === '“' || token === '”' ? '"' : token === '‘' || token === '’' ? "'" : token;
  const word = fold(token).replace(/’/g, "'");
  if (/n't$/.test(word)) return 'not';
  const contracted = /^(\p{L}+)'(?:d|ll|re|ve|m)$/u.exec(word);
  return stemOf(contracted ? contracted[1]! : word);
}

/** Stems of the words of a dictionary sense that say what the word means in English. */
export function senseStems(sense: string): string[] {
  const text = sense
    .replace(/\([^)]*\)|\[[^\]]*\]|\S*[|\p{Script=Han}]\S*/gu, ' ')
    .replace(
      /\b(?:CL|abbr\. for|variant of|old variant of|see also|see|used in|also written|also pr\.|erhua variant of)\b.*$/i,
      ' ',
    );
  const words = (text.match(/\p{L}+(?:['-]\p{L}+)*/gu) ?? []).map(fold);
  const out: string[] = [];
  for (const w of words) {
    for (const part of w.split('-')) {
      if (words.length > 1 && SENSE_STOP_WORDS.has(part)) continue;
      out.push(stemOf(part));
      for (const form of PRONOUN_FORMS.get(part) ?? []) out.push(stemOf(form));
    }
  }
  return out;
}

/** Forms a transcribed name takes: every run of syllables written together (xi, jinping, xijinping). */
export function romanisations(word: string): string[] {
  if (!/^\p{Script=Han}{2,4}$/u.test(word)) return [];
  const syllables = pinyin(word, { toneType: 'none', type: 'array', v: true }).map(fold);
  const forms: string[] = [];
  for (let i = 0; i < syllables.length; i++) {
    for (let j = i + 1; j <= syllables.length; j++) {
      const form = syllables.slice(i, j).join('');
      // A lone syllable is a name's part only as the surname (the first); others (ping, guo) are
      // English-looking too often.
      if (/^[a-z]+$/.test(form) && (j - i > 1 || i === 0)) forms.push(stemOf(form));
    }
  }
  return forms;
}

/**
 * A proper name's entry: CC-CEDICT writes its pinyin capitalised (Xi2 Jin4 ping2, E2 luo2 si1).
 * Its senses are the name followed by a biography ("Xi Jinping (1953-), PRC politician, …,
 * president of PRC from 2013"), and only the name renders the word: read whole, 习近平 would
 * claim "president" from 主席 beside it in every 习近平主席 → "President Xi Jinping".
 */
function isProperName(entry: { pinyinNumbered: string }): boolean {
  return /^\p{Lu}/u.test(entry.pinyinNumbered);
}

/** A person's sense up to the dates of their life: "Vladimir Putin (1952-), Russian politician…" → "Vladimir Putin". */
function nameOnly(sense: string): string {
  return sense.split(/\((?=[^)]*\d)/, 1)[0]!;
}

/**
 * A character's surname sense ("surname Xi" of 席): a compound the character is part of (主席)
 * does not render it, while the name beside it (习近平 → Xi) does.
 */
const SURNAME_SENSE = /^surname\b/i;

/** A sense that says how the word is used or written rather than what it means. */
const DESCRIPTIVE_SENSE = /\b(?:CL|used|particle|variant of|see|abbr|also pr|also written|erhua)\b/i;

/** Prior strengths by kind of evidence: an exact match of a number or name is nearly certain. */
export const PRIOR = { exact: 1, sense: 1, laterSense: 0.6, character: 0.35 } as const;

export interface WordPrior {
  /** English keys (see `englishKey`) with the prior's strength (0..1]. */
  readonly keys: ReadonlyMap<string, number>;
  /** For a key from the dictionary, the index of the first entry and sense it came from. */
  readonly senseOf: ReadonlyMap<string, { entry: number; sense: number }>;
}

/** The longest dictionary word looked for inside an unknown word. */
const MAX_PART = 4;

/** The priors of Chinese words, memoised per dictionary (each word is looked up once). */
export class Priors {
  private readonly cache = new Map<string, WordPrior>();
  private readonly charCache = new Map<string, readonly string[]>();
  private readonly phraseCache = new Map<string, (readonly string[])[]>();

  constructor(private readonly dict: Dictionary | null) {}

  of(word: string): WordPrior {
    let p = this.cache.get(word);
    if (!p) {
      p = this.compute(word);
      this.cache.set(word, p);
    }
    return p;
  }

  /**
   * The renderings of `word`'s senses (a sense split at ; and ,) that are English phrases of two
   * words or more, as English keys (see `englishKey`), a leading "to" or article dropped: the
   * infinitive's and the noun's grammar, which the gold leaves unlinked, not the word's (phrases.ts).
   */
  sensePhrases(word: string): readonly (readonly string[])[] {
    let phrases = this.phraseCache.get(word);
    if (!phrases) {
      phrases = [];
      for (const entry of this.dict?.lookup(word) ?? []) {
        // A sense may list several renderings ("both countries; the two countries"); one that
        // describes the word's use ("used after a noun …") renders nothing.
        const renderings = entry.senses
          .filter((sense) => !DESCRIPTIVE_SENSE.test(sense))
          .flatMap((s) => s.split(/[;,]/));
        for (const rendering of renderings) {
          const text = rendering.replace(/\([^)]*\)|\[[^\]]*\]|\b(?:lit|fig)\.\s*/g, ' ');
          if (/[\p{Script=Han}|~]|\b(?:sb|sth)\b/u.test(text)) continue;
          const words = text.match(/\p{L}+(?:['-]\p{L}+)*/gu) ?? [];
          while (words.length > 0 && /^(?:to|a|an|the)$/i.test(words[0]!)) words.shift();
          if (words.length >= 2) phrases.push(words.map(englishKey));
        }
      }
      this.phraseCache.set(word, phrases);
    }
    return phrases;
  }

  /** The prior strength of rendering Chinese `word` by English key `key`; 0 when nothing is known. */
  strength(word: string, key: string): number {
    return this.of(word).keys.get(key) ?? 0;
  }

  /**
   * The stems of a character's two leading senses (not a surname sense), memoised: a common
   * character is part of hundreds of the corpus's words.
   */
  private characterStems(ch: string): readonly string[] {
    let stems = this.charCache.get(ch);
    if (!stems) {
      const first = this.dict?.lookup(ch)[0];
      stems = (first?.senses.slice(0, 2) ?? []).flatMap((sense) =>
        SURNAME_SENSE.test(sense) ? [] : senseStems(sense),
      );
      this.charCache.set(ch, stems);
    }
    return stems;
  }

  /**
   * The dictionary words a Han word CC-CEDICT lacks cuts into (see `dictionaryParts`), or
   * undefined for a word it has, a single character, a number, or anything not Han.
   */
  unknownParts(word: string): string[] | undefined {
    const chars = [...word];
    if (this.dict === null || chars.length < 2 || !HAN_ONLY.test(word) || chineseNumber(word) !== undefined)
      return undefined;
    if (this.dict.lookup(word).length > 0) return undefined;
    return this.dictionaryParts(chars);
  }

  /** A word's characters cut into the longest words CC-CEDICT has, left to right (a lone character when none is longer). */
  private dictionaryParts(chars: readonly string[]): string[] {
    const parts: string[] = [];
    for (let i = 0; i < chars.length;) {
      let end = Math.min(chars.length, i + MAX_PART);
      while (end > i + 1 && this.dict!.lookup(chars.slice(i, end).join('')).length === 0) end--;
      parts.push(chars.slice(i, end).join(''));
      i = end;
    }
    return parts;
  }

  private compute(word: string): WordPrior {
    const keys = new Map<string, number>();
    const senseOf = new Map<string, { entry: number; sense: number }>();
    const add = (key: string, strength: number) => {
      if (key !== '' && strength > (keys.get(key) ?? 0)) keys.set(key, strength);
    };
    for (const mark of PUNCTUATION.get(word) ?? []) add(mark, PRIOR.exact);
    if (/^[!-~]+$/.test(word) && word.length === 1) add(word, PRIOR.exact);
    const n = chineseNumber(word);
    if (n !== undefined) add(`#${n}`, PRIOR.exact);
    if (/\p{Script=Latin}/u.test(word)) add(stemOf(fold(word)), PRIOR.exact);
    if (!HAN.test(word) || this.dict === null) return { keys, senseOf };
    const entries = this.dict.lookup(word);
    entries.forEach((entry, e) => {
      entry.senses.forEach((sense, s) => {
        for (const stem of senseStems(isProperName(entry) ? nameOnly(sense) : sense)) {
          add(stem, e === 0 && s < 3 ? PRIOR.sense : PRIOR.laterSense);
          if (!senseOf.has(stem)) senseOf.set(stem, { entry: e, sense: s });
        }
      });
    });
    for (const form of romanisations(word)) add(form, PRIOR.exact);
    const chars = [...word];
    if (entries.length === 0 && chars.length > 1) {
      // A word CC-CEDICT lacks is mostly a compound jieba joined (不肯, 这话, 滤去, 一张): it
      // means what its dictionary words mean, so their priors are its own.
      for (const part of this.dictionaryParts(chars)) {
        for (const [key, strength] of this.of(part).keys) add(key, strength);
      }
    }
    if (chars.length > 1) {
      // A word CC-CEDICT lacks, or a compound translated morpheme by morpheme (秋 of 夏末秋初 →
      // autumn), is read through its characters' leading senses, more weakly.
      for (const ch of chars) for (const stem of this.characterStems(ch)) add(stem, PRIOR.character);
    }
    return { keys, senseOf };
  }
}
