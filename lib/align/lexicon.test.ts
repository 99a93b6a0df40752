import { describe, expect, it } from 'vitest';
import { loadCedict } from '../dictionary/cedict';
import { Lexicon } from './lexicon';

describe('Lexicon', () => {
  const dict = loadCedict();

  it('answers for a single character CC-CEDICT lacks (it used to recurse until the stack overflowed)', () => {
    for (const ch of ['丆', '𠀀']) {
      expect(dict.lookup(ch)).toEqual([]);
      const t = new Lexicon(dict).translations(ch);
      expect([...t.stems]).toEqual([]);
    }
  });

  it('still reads a compound CC-CEDICT lacks through the words inside it', () => {
    const word = '合作丆';
    expect(dict.lookup(word)).toEqual([]);
    const stems = new Lexicon(dict).translations(word).stems;
    expect([...new Lexicon(dict).translations('合作').stems].every((s) => stems.has(s))).toBe(true);
    expect(stems.size).toBeGreaterThan(0);
  });
});
