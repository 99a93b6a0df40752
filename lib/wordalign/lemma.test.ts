import { describe, expect, it } from 'vitest';
import { loadCedict } from '../dictionary/cedict';
import { stemOf } from '../text/english-words';
import { oneCopy } from './align';
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

describe('oneCopy', () => {
  const score = (i: number, j: number) => [[0.9, 0.2, 0.6, 0.1]][i]?.[j] ?? 0.5;
  it('keeps one of the links a word written once has to equal tokens the other side repeats', () => {
    // 他 once; "He … ; he …": only the likelier "he" stays, other words untouched.
    const links = oneCopy(
      [
        [0, 0],
        [0, 2],
        [1, 1],
      ],
      ['他', '笑'],
      ['he', 'laugh', 'he', ';'],
      score,
    );
    expect(links).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });
  it("keeps the copy beside the word's other links, whatever the posteriors prefer", () => {
    // 两国 once; "the two countries … the two heads": the "two" of "two countries" stays.
    const en = ['the', 'two', 'countries', 'and', 'the', 'two', 'heads'];
    const links = oneCopy(
      [
        [0, 1],
        [0, 2],
        [0, 5],
      ],
      ['两国'],
      en,
      (_i, j) => (j === 5 ? 0.9 : 0.6),
    );
    expect(links).toEqual([
      [0, 1],
      [0, 2],
    ]);
  });
  it('leaves repeated words on both sides paired as linked', () => {
    const links: Array<[number, number]> = [
      [0, 0],
      [1, 2],
    ];
    expect(oneCopy(links, ['俄', '俄'], ['russian', 'and', 'russian'], () => 1)).toEqual(links);
  });
});
