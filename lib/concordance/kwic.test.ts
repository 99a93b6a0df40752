import { describe, expect, it } from 'vitest';
import type { PairRecord, TermReport } from '../model';
import { kwicLines, sortKwic } from './kwic';

const records: PairRecord[] = [
  { docId: 'a', pair: 0, zh: '双方同意加强合作。', en: 'Both sides agreed to strengthen cooperation.' },
  {
    docId: 'a',
    pair: 1,
    zh: '标题\n两国开展务实合作，成果丰硕',
    en: 'Title\nThe two countries pursue practical cooperation, with rich results',
  },
  { docId: 'b', pair: 0, zh: '合作<img onerror=x>', en: '<img src=x onerror=alert(1)> working together' },
];

const report: TermReport = {
  term: '合作',
  occurrences: [
    { docId: 'a', pair: 0, zhStart: 6, zhEnd: 8, rendering: { start: 32, end: 43, key: 'cooper' } },
    { docId: 'a', pair: 1, zhStart: 9, zhEnd: 11, rendering: { start: 39, end: 50, key: 'cooper' } },
    { docId: 'b', pair: 0, zhStart: 0, zhEnd: 2 },
  ],
  renderings: [{ key: 'cooper', text: 'cooperation', count: 2, share: 2 / 3, occurrences: [0, 1] }],
  unrendered: 1,
  within: [],
};

describe('kwicLines', () => {
  it('centres each occurrence, cuts context at block breaks and marks the rendering', () => {
    const lines = kwicLines(report, records);
    expect(lines.map((l) => [l.left, l.match, l.right])).toEqual([
      ['双方同意加强', '合作', '。'],
      ['两国开展务实', '合作', '，成果丰硕'],
      ['', '合作', '<img onerror=x>'],
    ]);
    expect(lines[1]!.leftCut).toBe(true); // the heading line before it is not shown
    expect(lines[0]!.en.filter((p) => p.mark).map((p) => p.text)).toEqual(['cooperation']);
    expect(lines[2]!.en).toEqual([{ text: '<img src=x onerror=alert(1)> working together', mark: false }]);
    expect(lines[2]!.rendering).toBeNull();
  });

  it('limits the context and keeps only the requested occurrences', () => {
    const lines = kwicLines(report, records, [1], 3);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      left: '开展务实'.slice(1),
      right: '，成果',
      leftCut: true,
      rightCut: true,
      index: 1,
    });
  });
  it('marks the pieces of a rendering split by other words, not the words between them', () => {
    const en = 'a comprehensive strategic partnership of coordination';
    const split: TermReport = {
      term: '全面战略协作',
      occurrences: [
        {
          docId: 'c',
          pair: 0,
          zhStart: 0,
          zhEnd: 6,
          rendering: {
            start: 2,
            end: 53,
            key: 'k',
            parts: [
              [2, 25],
              [41, 53],
            ],
          },
        },
      ],
      renderings: [{ key: 'k', text: 'comprehensive strategic … coordination', count: 1, share: 1, occurrences: [0] }],
      unrendered: 0,
      within: [],
    };
    const [line] = kwicLines(split, [{ docId: 'c', pair: 0, zh: '全面战略协作伙伴关系', en }]);
    expect(line!.en.filter((p) => p.mark).map((p) => p.text)).toEqual(['comprehensive strategic', 'coordination']);
    expect(line!.en.map((p) => p.text).join('')).toBe(en);
  });
});

describe('sortKwic', () => {
  it('sorts by the left context read backwards, or by the right context', () => {
    const lines = kwicLines(report, records);
    // Left contexts end in 强 (qiáng) and 实 (shí); the empty one sorts first.
    expect(sortKwic(lines, 'left').map((l) => l.index)).toEqual([2, 0, 1]);
    const right = sortKwic(lines, 'right').map((l) => l.right);
    expect(right).toEqual([...right].sort(new Intl.Collator('zh-Hans-CN-u-co-pinyin').compare));
    expect(sortKwic(sortKwic(lines, 'left'), 'corpus').map((l) => l.index)).toEqual([0, 1, 2]);
  });
});
