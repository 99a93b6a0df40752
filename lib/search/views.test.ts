import { describe, expect, it } from 'vitest';
import type { PairRecord } from '../model';
import { parseQuery, type Needle } from './query';
import { englishPairs, needleLookups, recordTerms, termCount } from './views';

const record = (zh: string, en: string, pinyin?: string): PairRecord => ({ docId: 'd', pair: 0, zh, en, pinyin });
const veryCommon = new Set(['to', 'the', 'of']);
const ctx = { pairsIndexed: (stem: string) => veryCommon.has(stem) };
const needle = (q: string): Needle => parseQuery(q)[0]?.alternatives[0]?.[0] as Needle;

describe('recordTerms', () => {
  it('gives each view its terms, repeats kept', () => {
    const r = record('合作，合作', 'To return to the city', 'he zuo|he zuo');
    expect(recordTerms('zh', r, ctx)).toEqual(['合作', '合作']);
    expect(recordTerms('zhChars', r, ctx)).toEqual(['合', '作', '合', '作']);
    expect(recordTerms('en', r, ctx)).toEqual(['to', 'return', 'to', 'the', 'citi']);
    expect(recordTerms('enPairs', r, ctx)).toEqual(['to+return', 'return+to', 'to+the', 'the+city']);
    expect(recordTerms('py', r, ctx)).toEqual(['he', 'he_zuo', 'zuo', 'he', 'he_zuo', 'zuo']);
  });
});

describe('englishPairs', () => {
  it('pairs neighbours where one word is very common, and none with an over-long word', () => {
    expect(englishPairs(['strategic', 'partnership', 'of', 'the', 'new', 'era'], ctx.pairsIndexed)).toEqual([
      null,
      'partnership+of',
      'of+the',
      'the+new',
      null,
    ]);
    expect(englishPairs(['to', 'x'.repeat(65)], ctx.pairsIndexed)).toEqual([null]);
  });
});

describe('termCount', () => {
  it('counts a doubled bigram without overlaps, as verification does', () => {
    expect(termCount('zh', record('天天天', ''), '天天', 2)).toBe(1);
    expect(termCount('zh', record('天天天天', ''), '天天', 3)).toBe(2);
    expect(termCount('py', record('人人人', '', 'ren ren ren'), 'ren_ren', 2)).toBe(1);
    expect(termCount('zh', record('合作合作', ''), '合作', 2)).toBe(2);
    expect(termCount('en', record('', 'very very very'), 'veri', 3)).toBe(3);
  });
});

describe('needleLookups', () => {
  it('marks a needle exact only when one index term is all it is', () => {
    expect(needleLookups(needle('的'), ctx)).toEqual([{ terms: [{ view: 'zhChars', term: '的' }], exact: true }]);
    expect(needleLookups(needle('合作'), ctx)).toEqual([{ terms: [{ view: 'zh', term: '合作' }], exact: true }]);
    expect(needleLookups(needle('合作伙伴'), ctx)[0]?.exact).toBe(false);
    expect(needleLookups(needle('hé'), ctx)).toEqual([{ terms: [{ view: 'py', term: 'he' }], exact: true }]);
    expect(needleLookups(needle('hé zuò'), ctx)).toEqual([{ terms: [{ view: 'py', term: 'he_zuo' }], exact: true }]);
    expect(needleLookups(needle('hé zuò huǒ'), ctx)[0]?.exact).toBe(false);
    expect(needleLookups(needle('cooperation'), ctx)).toEqual([
      { terms: [{ view: 'en', term: 'cooper' }], exact: true },
    ]);
    expect(needleLookups(needle('"cooperation"'), ctx)[0]?.exact).toBe(false);
  });

  it('looks a quoted phrase up by its pairs when they are indexed', () => {
    expect(needleLookups(needle('"to return"'), ctx)).toEqual([
      { terms: [{ view: 'enPairs', term: 'to+return' }], exact: true },
    ]);
    expect(needleLookups(needle('"return to the city"'), ctx)).toEqual([
      {
        terms: [
          { view: 'enPairs', term: 'return+to' },
          { view: 'enPairs', term: 'to+the' },
          { view: 'enPairs', term: 'the+city' },
        ],
        exact: false,
      },
    ]);
    expect(needleLookups(needle('"strategic partnership"'), ctx)).toEqual([
      {
        terms: [
          { view: 'en', term: 'strateg' },
          { view: 'en', term: 'partnership' },
        ],
        exact: false,
      },
    ]);
  });

  it('gives one lookup per spelling of a traditional term', () => {
    expect(needleLookups(needle('關係'), ctx).map((l) => l.terms)).toEqual([
      [{ view: 'zh', term: '关系' }],
      [{ view: 'zh', term: '關係' }],
    ]);
  });
});
