/**
 * Chinese numerals read as numbers (二〇二四 → 2024, 三十五 → 35, 两千亿 → 2 × 10¹¹): the digits,
 * the units that multiply them, and the reading both aligners share. Each aligner decides what
 * else it accepts around them (第, a measure word, a lone 〇); see lib/align/features.ts and
 * lib/wordalign/prior.ts.
 */

/** Chinese digits and their values. */
export const ZH_DIGITS: ReadonlyMap<string, number> = new Map([
  ['〇', 0],
  ['零', 0],
  ['一', 1],
  ['二', 2],
  ['两', 2],
  ['兩', 2],
  ['三', 3],
  ['四', 4],
  ['五', 5],
  ['六', 6],
  ['七', 7],
  ['八', 8],
  ['九', 9],
]);
/** The units that multiply the digit before them; from 万 up they also multiply the section before. */
export const ZH_UNITS: ReadonlyMap<string, number> = new Map([
  ['十', 10],
  ['百', 100],
  ['千', 1000],
  ['万', 1e4],
  ['萬', 1e4],
  ['亿', 1e8],
  ['億', 1e8],
]);

/** Digits read one by one, as years are written (二〇二四 → 2024); undefined when one is not a digit. */
export function digitByDigit(chars: readonly string[]): number | undefined {
  return chars.every((c) => ZH_DIGITS.has(c)) ? Number(chars.map((c) => ZH_DIGITS.get(c)).join('')) : undefined;
}

/**
 * Digits times units (三十五 → 35, 一百二十 → 120, 十一 → 11, 两千亿 → 2 × 10¹¹); undefined when a
 * character is neither a digit nor a unit. Zero (零 alone, 万 without a digit) comes out as 0.
 */
export function unitsValue(chars: readonly string[]): number | undefined {
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const c of chars) {
    const d = ZH_DIGITS.get(c);
    if (d !== undefined) {
      digit = d;
      continue;
    }
    const unit = ZH_UNITS.get(c);
    if (unit === undefined) return undefined;
    if (unit >= 1e4) {
      total += (section + digit) * unit;
      section = 0;
    } else section += (digit === 0 ? 1 : digit) * unit;
    digit = 0;
  }
  return total + section + digit;
}
