import { describe, expect, it } from 'vitest';
import { loadCedict } from '../dictionary/cedict';
import { stemOf } from '../text/english-words';
import { irregularStems } from './lemma';
import { englishKey, Priors } from './prior';

describe('irregular English forms', () => {
  it('reach the base form the stemmer cannot (went → go, children → child), and add nothing for regular ones', () => {
    expect(irregularStems('went')).toEqual([stemOf('go')]);
    expect(irregularStems('Children')).toEqual([stemOf('child')]);
    expect(irregularStems('felt')).toContain(stemOf('feel'));
    expect(irregularStems('extended')).toEqual([]);
    expect(irregularStems('cooperation')).toEqual([]);
  });
});

describe('a word CC-CEDICT lacks', () => {
  const priors = new Priors(loadCedict());
  it('takes the priors of the dictionary words it is made of (这话 → word, 滤去 → filter)', () => {
    expect(priors.strength('这话', englishKey('word'))).toBe(1);
    expect(priors.strength('滤去', englishKey('filter'))).toBe(1);
    // A word the dictionary has keeps its own senses (and its characters' weaker ones) only.
    expect(priors.strength('合作', englishKey('word'))).toBe(0);
  });
});
