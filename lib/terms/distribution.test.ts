import { describe, expect, it } from 'vitest';
import type { TermReport } from '../model';
import { longerTermsContaining, termDistribution } from './distribution';

describe('longerTermsContaining', () => {
  it('lists the longer words that contain the term, each once, the most frequent first', () => {
    const words = ['合作', '务实合作', '合作伙伴', '务实合作', '关系', '经贸合作', '合作伙伴', '务实合作'];
    expect(longerTermsContaining('合作', words)).toEqual(['务实合作', '合作伙伴', '经贸合作']);
  });

  it('breaks ties by length, then by code point order', () => {
    expect(longerTermsContaining('合作', ['经贸合作', '合作社', '务实合作'])).toEqual([
      '合作社',
      '务实合作',
      '经贸合作',
    ]);
  });

  it('finds nothing for an empty term', () => {
    expect(longerTermsContaining('', ['合作'])).toEqual([]);
  });
});

describe('termDistribution', () => {
  const report: TermReport = {
    term: '合作',
    occurrences: [
      { docId: 'a', pair: 0, zhStart: 0, zhEnd: 2 },
      { docId: 'a', pair: 4, zhStart: 0, zhEnd: 2 },
      { docId: 'a', pair: 2, zhStart: 3, zhEnd: 5 },
      { docId: 'c', pair: 0, zhStart: 0, zhEnd: 2 },
      { docId: 'gone', pair: 0, zhStart: 0, zhEnd: 2 },
    ],
    renderings: [],
    unrendered: 5,
    within: [],
  };
  const docs = [
    { meta: { id: 'a' }, stats: { pairs: 5 } },
    { meta: { id: 'b' }, stats: { pairs: 3 } },
    { meta: { id: 'c' }, stats: { pairs: 1 } },
  ];

  it('gives every document, in order, its occurrences and their positions from 0 to 1', () => {
    expect(termDistribution(report, docs)).toEqual([
      { docId: 'a', occurrences: 3, positions: [0, 0.5, 1] },
      { docId: 'b', occurrences: 0, positions: [] },
      { docId: 'c', occurrences: 1, positions: [0] },
    ]);
  });
});
