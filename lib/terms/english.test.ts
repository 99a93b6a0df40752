import { describe, expect, it } from 'vitest';
import { isSpanEdge, joins, keyOf, stemKey, tokenize } from './english';

describe('tokenize', () => {
  it('gives words with offsets into the whole text, stems for content words', () => {
    const text = 'xx The Strategic Partnerships of coordination';
    const tokens = tokenize(text, 3);
    expect(tokens.map((t) => [text.slice(t.start, t.end), t.word, t.stem, t.content])).toEqual([
      ['The', 'the', 'the', false],
      ['Strategic', 'strategic', 'strateg', true],
      ['Partnerships', 'partnerships', 'partnership', true],
      ['of', 'of', 'of', false],
      ['coordination', 'coordination', 'coordin', true],
    ]);
  });

  it('cuts footnote markers off words and drops bare ones', () => {
    const text = 'relations② and ① trade';
    expect(tokenize(text).map((t) => text.slice(t.start, t.end))).toEqual(['relations', 'and', 'trade']);
  });

  it('brings British and American spellings to one stem', () => {
    expect(stemKey('neighbourliness')).toBe(stemKey('neighborliness'));
    expect(stemKey('organisation')).toBe(stemKey('organization'));
  });
});

describe('phrases', () => {
  const text = 'people-to-people bonds, China–Russia Primorye-1';
  const tokens = tokenize(text);
  const at = (word: string, nth = 0) => tokens.map((t, k) => [t.word, k] as const).filter(([w]) => w === word)[nth]![1];

  it('runs on over hyphens and dashes, not over commas', () => {
    expect(joins(text, tokens[at('people')]!, tokens[at('to')]!)).toBe(true);
    expect(joins(text, tokens[at('bonds')]!, tokens[at('china')]!)).toBe(false);
    expect(joins(text, tokens[at('china')]!, tokens[at('russia')]!)).toBe(true);
  });

  it('never cuts a span out of a hyphenated word, but may out of a dashed pair or before a number', () => {
    expect(isSpanEdge(text, tokens, at('people', 1), at('bonds'))).toBe(false);
    expect(isSpanEdge(text, tokens, at('people'), at('bonds'))).toBe(true);
    expect(isSpanEdge(text, tokens, at('russia'), at('russia'))).toBe(true);
    expect(isSpanEdge(text, tokens, at('primorye'), at('primorye'))).toBe(true);
  });

  it('keys keep stop words inside and stem the rest', () => {
    expect(keyOf(tokenize('partnership of coordination'))).toBe('partnership of coordin');
  });
});
