import { describe, expect, it } from 'vitest';
import { loadCedict } from '../dictionary/cedict';
import {
  alignWords,
  englishTokens,
  formatLinks,
  parseLinks,
  addAer,
  aerScores,
  NO_COUNTS,
  englishKey,
  Priors,
} from './index';
import { chineseNumber, englishNumber } from './prior';
import { growDiagFinalAnd } from './symmetrize';

const dict = loadCedict();

describe('englishTokens', () => {
  it('keeps hyphenated words and numbers whole, splits the possessive and marks, with offsets', () => {
    const s = "China's good-neighbourliness rose 3.5% in 2,024 cases②.";
    const tokens = englishTokens(s);
    expect(tokens.map((t) => t.text)).toEqual([
      'China',
      "'s",
      'good-neighbourliness',
      'rose',
      '3.5%',
      'in',
      '2,024',
      'cases',
      '②',
      '.',
    ]);
    for (const t of tokens) expect(s.slice(t.start, t.end)).toBe(t.text);
  });
});

describe('numbers', () => {
  it('reads Chinese and English numerals alike', () => {
    expect(chineseNumber('二十八')).toBe(28);
    expect(chineseNumber('二〇二四')).toBe(2024);
    expect(chineseNumber('三千五百万')).toBe(35_000_000);
    expect(chineseNumber('2024年')).toBe(2024);
    expect(chineseNumber('合作')).toBeUndefined();
    expect(englishNumber('twenty-eight')).toBe(28);
    expect(englishNumber('1,200')).toBe(1200);
    expect(englishNumber('cooperation')).toBeUndefined();
  });
});

describe('priors', () => {
  const priors = new Priors(dict);
  it('know dictionary senses, names, numbers, Latin words and marks', () => {
    expect(priors.strength('俄', englishKey('Russia'))).toBeGreaterThan(0);
    expect(priors.strength('习近平', englishKey('Jinping'))).toBeGreaterThan(0);
    expect(priors.strength('二十八', englishKey('twenty-eight'))).toBe(1);
    expect(priors.strength('G20', englishKey('G20'))).toBe(1);
    expect(priors.strength('，', englishKey(','))).toBe(1);
    expect(priors.strength('她', englishKey('her'))).toBeGreaterThan(0);
    expect(priors.strength('俄', englishKey('cooperation'))).toBe(0);
  });
  it("read a person's entry as the name, not the biography after the dates", () => {
    // CC-CEDICT: "Xi Jinping (1953-), PRC politician, …, president of PRC from 2013".
    expect(priors.strength('习近平', englishKey('Xi'))).toBe(1);
    expect(priors.strength('习近平', englishKey('President'))).toBe(0);
    expect(priors.strength('普京', englishKey('Putin'))).toBe(1);
    expect(priors.strength('普京', englishKey('politician'))).toBe(0);
  });
  it('do not lend a compound its characters\' surname senses (席 "surname Xi" in 主席)', () => {
    expect(priors.strength('主席', englishKey('Xi'))).toBe(0);
    expect(priors.strength('主席', englishKey('chairman'))).toBe(1);
  });
});
describe('Pharaoh links and AER', () => {
  it('formats sorted and parses sure and possible links', () => {
    expect(
      formatLinks([
        [2, 1],
        [0, 3],
        [0, 1],
      ]),
    ).toBe('0-1 0-3 2-1');
    expect(parseLinks('0-1 2?3')).toEqual({ sure: [[0, 1]], possible: [[2, 3]] });
    expect(() => parseLinks('0-1 x')).toThrow(/not a link: "x"/);
  });
  it('computes Och & Ney AER: possible links count for precision only', () => {
    const c = addAer(
      NO_COUNTS,
      [
        [0, 0],
        [1, 1],
        [2, 2],
      ],
      [
        [0, 0],
        [1, 2],
      ],
      [[1, 1]],
    );
    // A = 3, S = 2, |A∩S| = 1, |A∩P| = 2 → AER = 1 − 3/5 = 40%.
    expect(aerScores(c)).toEqual({ precision: (100 * 2) / 3, recall: 50, aer: 40 });
  });
});

describe('growDiagFinalAnd', () => {
  it('keeps the intersection and grows into neighbouring union links', () => {
    // zh→en: e0←z0, e1←z1, e2←z1; en→zh: z0←e0, z1←e1.
    const links = growDiagFinalAnd([0, 1, 1], [0, 1], 2, 3);
    expect(links).toEqual([
      [0, 0],
      [1, 1],
      [1, 2],
    ]);
  });
});

describe('alignWords', () => {
  const pairs = [
    {
      zh: ['中', '俄', '两国', '举行', '了', '战略', '协作', '会谈', '。'],
      en: englishTokens('China and Russia held strategic coordination talks.').map((t) => t.text),
    },
    { zh: ['习近平', '会见', '普京', '。'], en: englishTokens('Xi Jinping met Putin.').map((t) => t.text) },
    {
      zh: ['两国', '加强', '战略', '协作', '。'],
      en: englishTokens('The two countries strengthen strategic coordination.').map((t) => t.text),
    },
  ];
  const key = (links: readonly (readonly [number, number])[]) => new Set(links.map(([i, j]) => `${i}-${j}`));

  it('links the words a reader would link, from priors and counts', () => {
    const [first, second, third] = alignWords(pairs, dict).map(key);
    for (const l of ['0-0', '1-2', '5-4', '6-5', '7-6', '8-7']) expect(first).toContain(l);
    for (const l of ['0-0', '0-1', '1-2', '2-3', '3-4']) expect(second).toContain(l);
    for (const l of ['0-2', '1-3', '2-4', '3-5', '4-6']) expect(third).toContain(l);
    expect(first).not.toContain('0-4');
  });

  it('links 习近平 to "Xi Jinping", not to the title before the name in English', () => {
    const [links] = alignWords(
      [
        {
          zh: ['习近平', '主席', '指出', '。'],
          en: englishTokens('President Xi Jinping pointed out.').map((t) => t.text),
        },
      ],
      dict,
      { training: pairs },
    );
    const found = key(links!);
    for (const l of ['0-1', '0-2']) expect(found).toContain(l);
    for (const l of ['0-0', '1-1', '1-2']) expect(found).not.toContain(l);
  });

  it('is deterministic and ignores blank tokens', () => {
    expect(alignWords(pairs, dict)).toEqual(alignWords(pairs, dict));
    const [links] = alignWords([{ zh: ['俄罗斯', ' ', '总统'], en: ['Russian', 'President'] }], dict);
    expect(key(links!)).toEqual(new Set(['0-0', '2-1']));
  });

  it('gives no links to a pair with an empty side, and training pairs add no output', () => {
    const out = alignWords(
      [
        { zh: [], en: ['a'] },
        { zh: ['中'], en: [] },
      ],
      dict,
      { training: pairs },
    );
    expect(out).toEqual([[], []]);
  });
});
