/**
 * Readings of a word, character by character, for ruby and tone colours: which syllable sits over
 * which character, its tone, and its Zhuyin (bopomofo) form. Zhuyin comes from `pinyin-zhuyin`
 * (MIT, no dependencies); the `zhuyin` package was tried and fails on ü (lǜ → "undefined`").
 */
import { pinyinToZhuyin } from 'pinyin-zhuyin';
import { HAN } from '../base/han';

// Not `hasHan` from lib/search/encode: that module loads OpenCC's tables, and this one runs in the
// browser, where every kilobyte counts.
const hasHan = (char: string) => HAN.test(char);

/** 1–4, or 5 for the neutral tone. */
export type Tone = 1 | 2 | 3 | 4 | 5;

export interface CharReading {
  /** One character (a code point) as written; non-Han code points carry no syllable. */
  char: string;
  /** The syllable with tone marks, or '' when the character has no reading. */
  syllable: string;
  tone: Tone | 0;
}

const TONE_OF_MARK: Record<string, Tone> = { '\u0304': 1, '\u0301': 2, '\u030C': 3, '\u0300': 4 };

/** The tone of a syllable written with tone marks: a syllable without a mark is neutral (5). */
export function toneOf(syllable: string): Tone {
  for (const ch of syllable.normalize('NFD')) {
    const tone = TONE_OF_MARK[ch];
    if (tone) return tone;
  }
  return 5;
}

/**
 * The characters of a word with their syllables. The gloss stage writes one syllable per Han
 * character; when the counts differ (CEDICT spells the Latin letters of 卡拉OK too) the syllables
 * that are single Latin letters are dropped first, and if they still do not line up the word is
 * shown without per-character readings rather than with wrong ones.
 */
export function charReadings(word: string, pinyin: string): CharReading[] {
  const chars = Array.from(word);
  const hanCount = chars.filter(hasHan).length;
  const tokens = pinyin.split(/\s+/u).filter(Boolean);
  const syllables = tokens.length === hanCount ? tokens : tokens.filter((t) => !/^[A-Za-z]$/u.test(t));
  const lined = syllables.length === hanCount;
  let next = 0;
  return chars.map((char) => {
    if (!lined || !hasHan(char)) return { char, syllable: '', tone: 0 };
    const syllable = syllables[next++] ?? '';
    return { char, syllable, tone: syllable === '' ? 0 : toneOf(syllable) };
  });
}

const zhuyinCache = new Map<string, string>();

/** The Zhuyin of one pinyin syllable with tone marks (zuò → ㄗㄨㄛˋ); the input when it is not pinyin. */
export function zhuyinOf(syllable: string): string {
  let zhuyin = zhuyinCache.get(syllable);
  if (zhuyin === undefined) {
    // The library reads erhua's bare r as-is; it is the syllable ㄦ.
    zhuyin = syllable === 'r' ? 'ㄦ˙' : pinyinToZhuyin(syllable.toLowerCase());
    zhuyinCache.set(syllable, zhuyin);
  }
  return zhuyin;
}

/**
 * A word's syllables written as pinyin writes a word: joined, with an apostrophe before a syllable
 * that starts with a, o or e (Xī'ān, tiān'ānmén), so readings group by word (liǎngguó yuánshǒu)
 * instead of running on from word to word. A capitalised syllable inside a word starts a part of a
 * name, written apart as names are (CC-CEDICT's Xi2 Jin4 ping2 → Xí Jìnpíng, Ren2 min2 Da4 hui4
 * tang2 → Rénmín Dàhuìtáng).
 */
export function joinSyllables(syllables: readonly string[]): string {
  return syllables.reduce((word, syllable, i) => {
    if (i === 0) return syllable;
    if (/^\p{Lu}/u.test(syllable)) return `${word} ${syllable}`;
    return /^[aoeāáǎàōóǒòēéěè]/iu.test(syllable.normalize('NFC')) ? `${word}'${syllable}` : word + syllable;
  }, '');
}
