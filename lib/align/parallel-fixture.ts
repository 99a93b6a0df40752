/**
 * Synthetic parallel texts for the aligner's tests: any length, a known gold alignment, and the
 * kinds of trouble long documents bring (a drifting length ratio, long stretches on one side only).
 * Each sentence names someone (a made-up Latin-script name, which both sides carry as it is, as a
 * translation keeps a foreign name) doing something somewhere, in words CC-CEDICT knows; names
 * recur, so no sentence is sure by its name alone.
 */
import type { Bead } from '../model';

const PLACES: ReadonlyArray<readonly [string, string]> = [
  ['银行', 'bank'],
  ['图书馆', 'library'],
  ['医院', 'hospital'],
  ['学校', 'school'],
  ['公园', 'park'],
  ['车站', 'station'],
  ['市场', 'market'],
  ['饭店', 'restaurant'],
  ['博物馆', 'museum'],
  ['机场', 'airport'],
];
const THINGS: ReadonlyArray<readonly [string, string]> = [
  ['苹果', 'apple'],
  ['电脑', 'computer'],
  ['火车', 'train'],
  ['老虎', 'tiger'],
  ['河', 'river'],
  ['山', 'mountain'],
  ['花', 'flower'],
  ['桥', 'bridge'],
  ['鸟', 'bird'],
  ['马', 'horse'],
  ['狗', 'dog'],
  ['猫', 'cat'],
  ['书', 'book'],
  ['船', 'boat'],
];
const ACTS: ReadonlyArray<readonly [string, string]> = [
  ['看见了', 'saw'],
  ['画了', 'painted'],
  ['买了', 'bought'],
  ['找到了', 'found'],
  ['卖了', 'sold'],
  ['拍了', 'photographed'],
];
const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'tu', 've', 'zo', 'ni', 'pe', 'su', 'da', 'ri', 'bo', 'fe', 'gu', 'ta'];

/** A deterministic pseudo-random sequence in [0, 1). */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export interface ParallelText {
  zh: string[];
  en: string[];
  gold: Array<Pick<Bead, 'zh' | 'en'>>;
}

export interface ParallelOptions {
  /** Chinese sentences. */
  length: number;
  seed?: number;
  /** Whether Chinese sentence i is rendered as two English sentences (a 1-2 bead). */
  split?: (i: number) => boolean;
  /** English sentences with no source inserted before Chinese sentence i (a 0-1 run). */
  insertedBefore?: (i: number) => number;
  /** Whether Chinese sentence i is left untranslated (a 1-0 bead). */
  dropped?: (i: number) => boolean;
  /** Distinct names (fewer: each recurs more often). */
  names?: number;
}

function name(k: number): string {
  const a = SYLLABLES[k % 16]!;
  const b = SYLLABLES[Math.floor(k / 16) % 16]!;
  const c = SYLLABLES[Math.floor(k / 256) % 16]!;
  const word = `${a}${b}${c}${k >= 4096 ? SYLLABLES[Math.floor(k / 4096) % 16] : ''}`;
  return word[0]!.toUpperCase() + word.slice(1);
}

export function parallelText(options: ParallelOptions): ParallelText {
  const random = seeded(options.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const names = options.names ?? Math.max(4, Math.floor(options.length / 3));
  const zh: string[] = [];
  const en: string[] = [];
  const gold: ParallelText['gold'] = [];
  const sentence = () => {
    const who = name(Math.floor(random() * names));
    const [zPlace, ePlace] = pick(PLACES);
    const [zThing, eThing] = pick(THINGS);
    const [zAct, eAct] = pick(ACTS);
    return { zh: `${who}在${zPlace}${zAct}${zThing}`, en: `${who} ${eAct} the ${eThing} at the ${ePlace}` };
  };
  for (let i = 0; i < options.length; i++) {
    const inserted = options.insertedBefore?.(i) ?? 0;
    for (let k = 0; k < inserted; k++) {
      gold.push({ zh: [], en: [en.length] });
      en.push(`${sentence().en}, as the old letters say.`);
    }
    const s = sentence();
    zh.push(`${s.zh}。`);
    if (options.dropped?.(i)) {
      gold.push({ zh: [i], en: [] });
    } else if (options.split?.(i)) {
      const [, ePlace] = pick(PLACES);
      const [zThing, eThing] = pick(THINGS);
      zh[i] = `${s.zh}，后来又去${PLACES.find((p) => p[1] === ePlace)![0]}看${zThing}。`;
      gold.push({ zh: [i], en: [en.length, en.length + 1] });
      en.push(`${s.en}.`, `Later they went to the ${ePlace} to look at the ${eThing}.`);
    } else {
      gold.push({ zh: [i], en: [en.length] });
      en.push(`${s.en}.`);
    }
  }
  return { zh, en, gold };
}
