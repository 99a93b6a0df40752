/**
 * Tone sandhi of 一 and 不 for the readings the reader shows above the text: dictionaries and the
 * build give citation tones (一 yī, 不 bù, as CC-CEDICT writes them and the popover shows them),
 * while a learner reads the text as it is spoken:
 *   - 不 bù → bú before a fourth tone (不断 bú duàn, 不是 bú shì); unchanged elsewhere.
 *   - 一 yī → yí before a fourth tone (一个 yí gè, 一样 yí yàng), → yì before a first, second or
 *     third tone (一些 yì xiē, 一直 yì zhí, 一起 yì qǐ); it keeps yī when counted or ordered
 *     (第一, 十一, 一九四九, 一月), at the end of a word (统一, 唯一, 之一) and before nothing
 *     (a sentence end, punctuation, a digit).
 * A following neutral tone is read by its character's own tone where that is the rule's point
 * (一个 with 个 ge: yí). Third-tone sandhi is left out: it is never marked in pinyin.
 *
 * Pure, and free of imports that would weigh on the browser bundle: the reader applies it to each
 * sentence as it draws it.
 */
import { toneOf } from './readings';
import { HAN } from '../base/han';

/** A word as the reader draws it: its characters (simplified) and its reading, one syllable per Han character. */
export interface ReadWord {
  text: string;
  pinyin: string;
}

/** Characters that make 一 part of a number or an order: 第一, 十一, 一百, 一九四九, 一〇. */
const NUMERAL = new Set(Array.from('第零〇一二三四五六七八九十百千万亿两'));
/** Characters after which 一 is still the number one: 一月 (January), 一号 (the first), 一楼 (first floor). */
const ORDINAL_AFTER = new Set(Array.from('月号楼'));
/** Neutral-tone syllables whose character's own tone decides 一's reading. */
const UNDERLYING_TONE: Readonly<Record<string, number>> = { 个: 4 };

const YI = { 2: 'yí', 4: 'yì' } as const;

interface Syllable {
  char: string;
  syllable: string;
  /** Word index and position inside the word. */
  word: number;
  last: boolean;
}

/**
 * The readings of a sentence's words with the sandhi of 一 and 不 applied; a word without those
 * characters, or whose syllables do not line up with its characters, keeps its reading.
 */
export function sandhiReadings(words: readonly ReadWord[]): string[] {
  // The sentence's Han characters with their syllables, across words; anything else breaks the run.
  const run: Array<Syllable | null> = [];
  const syllablesOf = words.map((w) => w.pinyin.split(' ').filter(Boolean));
  words.forEach((word, w) => {
    const chars = Array.from(word.text);
    const syllables = syllablesOf[w] ?? [];
    const lined = chars.filter((c) => HAN.test(c)).length === syllables.length && chars.length === syllables.length;
    chars.forEach((char, i) => {
      run.push(
        lined && HAN.test(char) ? { char, syllable: syllables[i] ?? '', word: w, last: i === chars.length - 1 } : null,
      );
    });
  });
  const changed = new Map<number, Map<number, string>>();
  let inWord = 0;
  let previousWord = -1;
  run.forEach((current, i) => {
    if (current === null) return;
    inWord = current.word === previousWord ? inWord + 1 : 0;
    previousWord = current.word;
    const next = run[i + 1] ?? null;
    const reading = sandhiOf(current, run[i - 1] ?? null, next);
    if (reading === null) return;
    let perWord = changed.get(current.word);
    if (perWord === undefined) changed.set(current.word, (perWord = new Map()));
    perWord.set(inWord, reading);
  });
  return words.map((word, w) => {
    const perWord = changed.get(w);
    if (perWord === undefined) return word.pinyin;
    return (syllablesOf[w] ?? []).map((s, i) => perWord.get(i) ?? s).join(' ');
  });
}

/** The tone a following syllable is read in for the rules: its mark, else its character's own tone. */
function toneAfter(next: Syllable): number {
  const tone = toneOf(next.syllable);
  return tone === 5 ? (UNDERLYING_TONE[next.char] ?? 5) : tone;
}

function sandhiOf(current: Syllable, previous: Syllable | null, next: Syllable | null): string | null {
  if (next === null) return null;
  if (current.char === '不' && current.syllable === 'bù') return toneAfter(next) === 4 ? 'bú' : null;
  if (current.char !== '一' || current.syllable !== 'yī') return null;
  // The last character of a longer word (统一, 唯一); a lone 一 is read with the word after it.
  if (current.last && previous !== null && previous.word === current.word) return null;
  if ((previous !== null && NUMERAL.has(previous.char)) || NUMERAL.has(next.char) || ORDINAL_AFTER.has(next.char))
    return null;
  const tone = toneAfter(next);
  if (tone === 4) return YI[2];
  if (tone === 1 || tone === 2 || tone === 3) return YI[4];
  return null;
}
