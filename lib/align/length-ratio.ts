/**
 * The length ratio of a text pair: English characters per Chinese one. A pair's own ratio is only
 * trusted over enough text; a paragraph's few sentences are too short, and the fitted default
 * (fiction's 3.3) is far from a report's or a news article's (5 to 7), where it made a long English
 * sentence cost more as the translation of its own Chinese sentence than as a skip: the document's
 * ratio, measured over all its paragraphs, is the better guess for each of them.
 */
import { codePointLength } from '../base/unicode';
import { countHan } from '../text/text-width';

/** Less text than this on either side gives no ratio of its own (Han characters; English characters). */
const MIN_MEASURED = 300;

/**
 * The ratio measured from a text's totals: Han characters, the other characters of the Chinese
 * (digits, Latin letters: counted as English characters, as they are carried over), and English
 * characters. Undefined when the text is too short to say.
 */
export function measuredRatio(han: number, other: number, chars: number): number | undefined {
  return han >= MIN_MEASURED && chars - other >= MIN_MEASURED ? (chars - other) / han : undefined;
}

/** `measuredRatio` of two lists of sentences (or paragraphs). */
export function textLengthRatio(zh: readonly string[], en: readonly string[]): number | undefined {
  let han = 0;
  let other = 0;
  for (const s of zh) {
    const h = countHan(s);
    han += h;
    other += codePointLength(s) - h;
  }
  const chars = en.reduce((sum, s) => sum + codePointLength(s), 0);
  return measuredRatio(han, other, chars);
}
