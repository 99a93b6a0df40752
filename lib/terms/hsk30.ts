/**
 * HSK 3.0 levels of words: the 2021 standard (GF0025-2021), levels 1–6 and the 7–9 band (level 7
 * here), from the list in `data/hsk30/` (Pleco Inc., MIT; see its README). Read on first use from
 * the working directory's copy of this folder, like the HSK 2.0 list in `hsk.ts`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { learnerLevelOf } from './hsk';

/** The headers of the list, in order: level n is the n-th (七一九级 is the 7–9 band). */
const LEVEL_HEADERS = [
  '一级词汇表',
  '二级词汇表',
  '三级词汇表',
  '四级词汇表',
  '五级词汇表',
  '六级词汇表',
  '七一九级词汇表',
] as const;
/** Levels in the list: 1–6, then 7 for the band 7–9. */
export const HSK3_LEVELS = LEVEL_HEADERS.length;

/** Part-of-speech marks the list puts after a word (白（形）, 本（量）, 把（名、量）): not part of the word. */
const POS_MARK = /^[名动形副量介连助代数叹、]+$/u;

/**
 * The written forms one entry stands for. `爸爸｜爸` is two words; `白（形）` is 白 (a part-of-speech
 * mark); `第（第二）` is 第 (an example containing the word); `有（一）些` is 有一些 and 有些
 * (optional characters); `…极了` is 极了 (a pattern).
 */
export function entryForms(entry: string): string[] {
  const forms: string[] = [];
  for (const variant of entry.split('｜')) {
    const paren = /（([^）]*)）/u.exec(variant);
    if (!paren) {
      forms.push(variant);
      continue;
    }
    const outside = variant.slice(0, paren.index) + variant.slice(paren.index + paren[0].length);
    const inside = paren[1]!;
    if (POS_MARK.test(inside) || inside.includes(outside)) forms.push(outside);
    else forms.push(variant.slice(0, paren.index) + inside + variant.slice(paren.index + paren[0].length), outside);
  }
  return [...new Set(forms.map((f) => f.replaceAll('…', '').trim()).filter((f) => f !== ''))];
}

export interface Hsk3List {
  /** Word → level (1–7); a word listed twice keeps the lower. */
  levels: Map<string, number>;
  /** Entries counted per level, as the standard numbers them (one entry may give two forms). */
  entries: number[];
}

/** The list file: a header per level, then `N word` lines; `#` lines are comments. */
export function parseHsk3List(source: string): Hsk3List {
  const levels = new Map<string, number>();
  const entries = new Array<number>(HSK3_LEVELS).fill(0);
  let level = 0;
  for (const raw of source.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const header = LEVEL_HEADERS.indexOf(line as (typeof LEVEL_HEADERS)[number]);
    if (header >= 0) {
      level = header + 1;
      continue;
    }
    const match = /^\d+\s+(\S+)$/u.exec(line);
    if (!match || level === 0) throw new Error(`HSK 3.0 list: cannot read line "${line}"`);
    entries[level - 1]!++;
    for (const form of entryForms(match[1]!)) if (!levels.has(form)) levels.set(form, level);
  }
  return { levels, entries };
}

const LIST_FILE = 'lib/terms/data/hsk30/wordlist.txt';
let list: Hsk3List | undefined;

function loadList(): Hsk3List {
  if (list === undefined) {
    // From the project root (the app's bundled copy of this module lives elsewhere), else beside
    // this module (the command line run from another folder).
    let text: string;
    try {
      text = readFileSync(/*turbopackIgnore: true*/ path.join(process.cwd(), LIST_FILE), 'utf8');
    } catch {
      text = readFileSync(path.join(import.meta.dirname, 'data/hsk30/wordlist.txt'), 'utf8');
    }
    list = parseHsk3List(text);
  }
  return list;
}

/** The HSK 3.0 level (1–6, 7 for the 7–9 band) of a simplified word, or undefined. */
export function hsk3Level(word: string): number | undefined {
  return loadList().levels.get(word);
}

/** Entries per level in the shipped list (for its tests and the README). */
export function hsk3EntryCounts(): number[] {
  return [...loadList().entries];
}

/** Every word of the list with its level. */
function hsk3Levels(): ReadonlyMap<string, number> {
  return loadList().levels;
}

/** `learnerLevel` (hsk.ts) by the HSK 3.0 list. */
export const learner3Level = learnerLevelOf(hsk3Level, () => hsk3Levels());
