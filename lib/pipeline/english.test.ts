import { describe, expect, it } from 'vitest';
import { splitEnglishSentences } from './english';

describe('splitEnglishSentences', () => {
  it('splits at sentence ends and keeps closing quotes with their sentence', () => {
    expect(splitEnglishSentences('He said, "We agree." Then they left. Did they? Yes!')).toEqual(['He said, "We agree."', 'Then they left.', 'Did they?', 'Yes!']);
  });

  it('does not split after abbreviations, initials or inside decimals', () => {
    expect(splitEnglishSentences('Mr. Putin met Dr. Li at the U.S. embassy. Trade grew by 26.3 per cent. J. K. Smith agreed.')).toEqual([
      'Mr. Putin met Dr. Li at the U.S. embassy.',
      'Trade grew by 26.3 per cent.',
      'J. K. Smith agreed.',
    ]);
  });

  it('loses nothing but the spaces between sentences', () => {
    const text = 'One. Two three? Four… five; six!';
    expect(splitEnglishSentences(text).join(' ')).toBe(text);
  });
});
