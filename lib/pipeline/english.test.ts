import { describe, expect, it } from 'vitest';
import { splitEnglishSentences } from './english';

describe('splitEnglishSentences', () => {
  it('splits at sentence ends and keeps closing quotes with their sentence', () => {
    expect(splitEnglishSentences('He said, "We agree." Then they left. Did they? Yes!')).toEqual([
      'He said, "We agree."',
      'Then they left.',
      'Did they?',
      'Yes!',
    ]);
  });

  it('does not split after abbreviations, initials or inside decimals', () => {
    expect(
      splitEnglishSentences(
        'Mr. Putin met Dr. Li at the U.S. embassy. Trade grew by 26.3 per cent. J. K. Smith agreed.',
      ),
    ).toEqual(['Mr. Putin met Dr. Li at the U.S. embassy.', 'Trade grew by 26.3 per cent.', 'J. K. Smith agreed.']);
  });

  it('keeps a footnote marker with the sentence it ends, even alone after it', () => {
    expect(splitEnglishSentences('Trade grew by 8 per cent in 2013.① The two sides met again.')).toEqual([
      'Trade grew by 8 per cent in 2013.①',
      'The two sides met again.',
    ]);
    expect(splitEnglishSentences('Trade grew.② ③ Then it fell.')).toEqual(['Trade grew.②③', 'Then it fell.']);
    expect(splitEnglishSentences('It was agreed. [12] Both sides signed.')).toEqual([
      'It was agreed.[12]',
      'Both sides signed.',
    ]);
  });

  it('does not end a sentence at a page reference ("p. 195")', () => {
    expect(splitEnglishSentences('See Selected Works, vol. 2, p. 195. It was reprinted later.')).toEqual([
      'See Selected Works, vol. 2, p. 195.',
      'It was reprinted later.',
    ]);
    expect(splitEnglishSentences('Ibid., pp. 12–14. Cf. ch. 3.')).toHaveLength(2);
  });

  it('does not end a sentence at a question mark inside a quoted title, but does inside quoted speech', () => {
    expect(
      splitEnglishSentences(
        '③ "How Do They Rate Each Other\'s People? Report on Public Opinion Survey Released", *Beijing Daily*, 28 January 2022. Next.',
      ),
    ).toEqual([
      '③ "How Do They Rate Each Other\'s People? Report on Public Opinion Survey Released", *Beijing Daily*, 28 January 2022.',
      'Next.',
    ]);
    expect(splitEnglishSentences('See “Why Now? The Case for Reform”, a paper of 2020.')).toHaveLength(1);
    expect(splitEnglishSentences('"Where were you? Nobody knew." He shrugged.')).toHaveLength(3);
  });

  it('loses nothing but the spaces between sentences', () => {
    const text = 'One. Two three? Four… five; six!';
    expect(splitEnglishSentences(text).join(' ')).toBe(text);
  });
});
