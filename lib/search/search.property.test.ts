/**
 * Property: search never throws on any string. Whatever a user types or a client sends (any code
 * points, lone surrogates, control characters, query syntax half-written), the searcher answers
 * with hits, or refuses with a QueryError, which the API turns into a 400. Nothing else escapes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PairRecord } from '../model';
import { QueryError, searcherOver } from './index';
import { pinyinLine } from './pinyin';

const RECORDS: PairRecord[] = [
  {
    docId: 'a',
    pair: 0,
    zh: '中俄双方愿深化全面战略协作伙伴关系。',
    en: 'China and Russia will deepen their comprehensive strategic partnership of coordination.',
    pinyin: pinyinLine('中俄双方愿深化全面战略协作伙伴关系。', [
      'zhong',
      'e',
      'shuang',
      'fang',
      'yuan',
      'shen',
      'hua',
      'quan',
      'mian',
      'zhan',
      'lve',
      'xie',
      'zuo',
      'huo',
      'ban',
      'guan',
      'xi',
    ]),
  },
  { docId: 'a', pair: 1, zh: '𠀁𠐀、葛󠄀和🙂都是字符。', en: 'Rare characters, variation selectors and emoji 🙂.' },
  {
    docId: 'b',
    pair: 0,
    zh: '當地時間5月8日，兩國元首會談。',
    en: 'On May 8 local time, the two heads of state held talks.',
  },
];
const searcher = searcherOver(RECORDS);

/** Text a user might type: query syntax, Han, pinyin, English, controls and surrogate halves mixed. */
const typed = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '"',
        '“',
        '「',
        '」',
        ' ',
        '\u3000',
        'doc=',
        '--doc',
        'a',
        'he',
        'zuo',
        "xi'an",
        '合',
        '作',
        '關係',
        '战略',
        '*',
        '\\',
        '%',
        '__proto__',
        'constructor',
        '<script>',
        '\u0000',
        '\u200b',
        '\ud800',
        '\udc00',
        '𠀀',
        '󠄀',
      ),
      fc.string({ unit: 'grapheme', maxLength: 4 }),
      fc.string({ unit: 'binary', maxLength: 4 }),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

function answersOrRefuses(q: string): void {
  try {
    const result = searcher.search(q);
    expect(result.total).toBeGreaterThanOrEqual(result.hits.length);
    for (const hit of result.hits) expect(RECORDS.some((r) => r.docId === hit.docId && r.pair === hit.pair)).toBe(true);
  } catch (error) {
    expect(error).toBeInstanceOf(QueryError);
  }
}

describe('search', () => {
  it('property: never throws anything but a QueryError, on any string of code units', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), answersOrRefuses), { numRuns: 2000 });
  });

  it('property: never throws anything but a QueryError, on typed-looking queries', () => {
    fc.assert(fc.property(typed, answersOrRefuses), { numRuns: 2000 });
  });

  it('property: any well-formed text of a sane length is answered, not refused', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (q) => {
        expect(() => searcher.search(q)).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });
});
