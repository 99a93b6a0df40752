import { describe, expect, it } from 'vitest';
import { circledNumbers, englishTokens, tokenOf } from './english';

describe('English tokens', () => {
  it('keeps one memo entry per token, and a token reads the same wherever it stands', () => {
    expect(tokenOf('Abraham')).toBe(tokenOf('Abraham'));
    expect(tokenOf("Abraham's")).toEqual({
      roman: undefined,
      word: 'abraham',
      number: undefined,
      capital: true,
      stems: ['abraham'],
    });
    // The place decides what the memo cannot: a name only after the first word, a lone I only alone.
    expect(englishTokens('Abraham begat Isaac.').names).toEqual(['isaac']);
    expect(englishTokens('And Abraham begat Isaac.').names).toEqual(['abraham', 'isaac']);
    expect(englishTokens('I').numbers).toEqual(['1']);
    expect(englishTokens('So I went.').numbers).toEqual([]);
    expect(englishTokens('Psalm XIV, verse three').numbers).toEqual(['14', '3']);
    expect(englishTokens('2 thousand and a thousand').numbers).toEqual(['2000', '1000']);
    expect(englishTokens('well-known re-entry').stems).toEqual(englishTokens('well-known re-entry').stems);
    expect(englishTokens('well-known re-entry').stems).toEqual(['known', 're', 'entri']);
  });

  it('reads circled numbers one UTF-16 unit at a time, supplementary characters around them too', () => {
    expect(circledNumbers('𠀀①𠀀⑳ ⑴')).toEqual(['1', '20']);
  });
});
