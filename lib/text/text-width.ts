/**
 * Character classes and display widths of Chinese text. Hand-written because they are a few
 * Unicode ranges; a package (e.g. east-asian-width) would add a dependency for two functions.
 */
import { HAN } from '../base/han';

/** Han of every block (Extension B+ too), CJK punctuation, fullwidth forms, circled numbers (①). */
const CJK_RANGES = '\\p{Script=Han}\\u3000-\\u303F\\uFF00-\\uFFEF\\u2460-\\u24FF\\u3200-\\u32FF';
/** Quotes, dashes and ellipses are shared with English, so they glue nothing, but on a Chinese page they are full width. */
const SHARED_WIDE = '\\u2018-\\u201F\\u2014\\u2026';

const CJK = new RegExp(`[${CJK_RANGES}]`, 'u');
const WIDE = new RegExp(`[${CJK_RANGES}${SHARED_WIDE}]`, 'u');
/** A space between two Chinese characters, or between Chinese and a digit. */
const SPACE_IN_CHINESE = new RegExp(`(?<=[${CJK_RANGES}]) (?=[${CJK_RANGES}\\d])|(?<=\\d) (?=[${CJK_RANGES}])`, 'gu');

export function isCjk(ch: string): boolean {
  return CJK.test(ch);
}

/** Number of Han code points in a string. */
export function countHan(text: string): number {
  let n = 0;
  for (const ch of text) if (HAN.test(ch)) n++;
  return n;
}

/** Columns a line takes on the page: a Han or fullwidth character counts 2, anything else 1. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

/**
 * Joins two pieces of a wrapped line: nothing between Chinese characters, one space between
 * words of Latin script (an English or pinyin word wrapped at the line end).
 */
export function joinWrapped(left: string, right: string): string {
  const a = [...left.trimEnd()].at(-1) ?? '';
  const b = [...right.trimStart()][0] ?? '';
  if (!a || !b) return left.trimEnd() + right.trimStart();
  const glue = isCjk(a) || isCjk(b) ? '' : ' ';
  return left.trimEnd() + glue + right.trimStart();
}

/**
 * Collapses whitespace runs to one space and removes the spaces between Chinese characters (and
 * between Chinese and digits: "2019 年 6 月" is a PDF artefact), keeping those next to Latin words.
 */
export function normaliseSpaces(text: string): string {
  return text
    .replace(/[\s\u3000]+/gu, ' ')
    .replace(SPACE_IN_CHINESE, '')
    .trim();
}

/** Spaces a PDF puts between Chinese and digits ("2019 年 6 月"); a headline keeps those between clauses. */
const SPACE_BY_DIGIT = new RegExp(`(?<=[${CJK_RANGES}]) (?=\\d)|(?<=\\d) (?=[${CJK_RANGES}])`, 'gu');

/**
 * A headline's spaces: a headline sets its clauses apart with a space or a line break
 * (中俄世代友好 做百煉成鋼真朋友), which stays as one space; spaces beside digits still go.
 */
export function normaliseHeadlineSpaces(text: string): string {
  return text
    .replace(/[\s\u3000]+/gu, ' ')
    .replace(SPACE_BY_DIGIT, '')
    .trim();
}
