/**
 * HSK levels of words: the HSK 2.0 vocabulary (Hanban, 2012: levels 1–6, 5,000 words), as shipped
 * in the `chinese-lexicon` npm package by Peter Olson (ISC licence; data file
 * statistics/hsk.js). No maintained npm package carries the HSK 3.0 lists (levels 1–9) as data;
 * when one does, only this file changes.
 *
 * Only the 50 KB word list is read, never the package's entry point (which loads 14 MB of
 * dictionary and etymology data and logs to the console), and only on first use: ~2 ms, then a
 * Map lookup. The file is read from the working directory's node_modules at run time, as the
 * store reads build/, so no bundler has to understand it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const HSK_FILE = 'chinese-lexicon/statistics/hsk.js';

/**
 * The levels in the package's file: a JavaScript array of six arrays of words, one per level
 * (`let hsk = [[...], ...];`), the array itself valid JSON. A word listed at two levels (还, 得)
 * keeps the lower.
 */
export function parseHskLevels(source: string): Map<string, number> {
  const start = source.indexOf('[');
  const end = source.indexOf('];', start);
  if (start < 0 || end < 0) throw new Error(`${HSK_FILE}: no word list found`);
  const levels: unknown = JSON.parse(source.slice(start, end + 1));
  if (!Array.isArray(levels) || !levels.every((l) => Array.isArray(l)))
    throw new Error(`${HSK_FILE}: not a list of levels`);
  const map = new Map<string, number>();
  (levels as unknown[][]).forEach((words, i) => {
    for (const word of words) if (typeof word === 'string' && !map.has(word)) map.set(word, i + 1);
  });
  return map;
}

let levels: Map<string, number> | undefined;

/**
 * The word list's path: from the working directory's project (the app: its bundled modules do not
 * sit beside node_modules), else beside this module (the command line run from another folder).
 */
function resolveHskFile(): string {
  try {
    return createRequire(path.join(process.cwd(), 'package.json')).resolve(HSK_FILE);
  } catch {
    return createRequire(import.meta.url).resolve(HSK_FILE);
  }
}

function loadLevels(): Map<string, number> {
  if (levels === undefined) {
    // Resolved from the project root, not from this module: a bundled copy of this module lives
    // elsewhere, and a `require` the bundler cannot see is one it does not try to rewrite.
    // The command line may run from any folder: it finds the package beside this module first.
    levels = parseHskLevels(readFileSync(/*turbopackIgnore: true*/ resolveHskFile(), 'utf8'));
  }
  return levels;
}

/** The HSK 2.0 level (1–6) of a simplified word, or undefined when the word is not in the lists. */
export function hskLevel(word: string): number | undefined {
  return loadLevels().get(word);
}

/**
 * A standard's learner level (see `learnerLevel`) from its word lookup and its word list: each
 * character's level is its lowest among the words that contain it (中 → 1, from 中国), built on
 * first use.
 */
export function learnerLevelOf(
  levelOf: (word: string) => number | undefined,
  words: () => Iterable<[string, number]>,
): (word: string) => number | undefined {
  let charLevels: Map<string, number> | undefined;
  const charLevel = (ch: string) => {
    if (charLevels === undefined) {
      charLevels = new Map();
      for (const [word, level] of words()) {
        for (const c of word) if ((charLevels.get(c) ?? Infinity) > level) charLevels.set(c, level);
      }
    }
    return charLevels.get(ch);
  };
  return (word) => {
    const own = levelOf(word);
    if (own !== undefined) return own;
    const chars = [...word];
    if (chars.length === 1) return charLevel(word);
    let highest = 0;
    for (let i = 0; i < chars.length;) {
      let len = Math.min(chars.length - i, 8);
      while (len > 1 && levelOf(chars.slice(i, i + len).join('')) === undefined) len--;
      const part = chars.slice(i, i + len).join('');
      const level = len > 1 ? levelOf(part) : (levelOf(part) ?? charLevel(part));
      if (level === undefined) return undefined;
      highest = Math.max(highest, level);
      i += len;
    }
    return highest;
  };
}

/**
 * The level at which a learner can read a word: its own HSK level; for a single character that is
 * no HSK word by itself (中, 俄), the level at which the learner has met it; for a compound the lists
 * lack (两国, 中俄关系), the highest level of the HSK words it splits into, longest first. Undefined
 * when some part is at no level (普京, 睦邻): such words are what the difficulty chart lists.
 */
export const learnerLevel = learnerLevelOf(hskLevel, () => loadLevels());
