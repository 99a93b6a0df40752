import { describe, expect, it } from 'vitest';
import { parseCedict } from '../dictionary/cedict';
import type { TermPair } from './pairs';
import { termReport } from './report';

const dict = parseCedict(
  [
    '合作 合作 [he2 zuo4] /to cooperate; to collaborate; to work together/',
    '普京 普京 [Pu3 jing1] /Vladimir Putin (1952–), Russian president/',
    '總統 总统 [zong3 tong3] /president (of a country)/CL:個|个[ge4]/',
    '戰略 战略 [zhan4 lu:e4] /strategy/',
    '夥伴 伙伴 [huo3 ban4] /partner; companion/',
    '關係 关系 [guan1 xi5] /relation/relationship/',
    '中俄 中俄 [Zhong1 E2] /China-Russia/',
    '雙方 双方 [shuang1 fang1] /bilateral; both sides/',
    '加強 加强 [jia1 qiang2] /to reinforce; to strengthen/',
    '民心 民心 [min2 xin1] /popular sentiment/',
    '相通 相通 [xiang1 tong1] /interlinked/',
    '人民 人民 [ren2 min2] /the people/',
    '深化 深化 [shen1 hua4] /to deepen/',
    '發展 发展 [fa1 zhan3] /development; growth/',
  ].join('\n'),
);
const lookup = (word: string) => dict.lookup(word);

let nextPair = 0;
const pair = (zh: string, en: string, links?: TermPair['links']): TermPair => ({
  docId: 'd',
  pair: nextPair++,
  zh,
  en,
  ...(links ? { links } : {}),
});

describe('termReport', () => {
  it('finds every occurrence and the English word that renders it', () => {
    const pairs = [
      pair('双方加强合作。', 'The two sides strengthen cooperation.'),
      pair('中俄合作。', 'China–Russia cooperation.'),
    ];
    const report = termReport('合作', pairs, lookup);
    expect(report.occurrences).toEqual([
      { docId: 'd', pair: pairs[0]!.pair, zhStart: 4, zhEnd: 6, rendering: { start: 25, end: 36, key: 'cooper' } },
      { docId: 'd', pair: pairs[1]!.pair, zhStart: 2, zhEnd: 4, rendering: { start: 13, end: 24, key: 'cooper' } },
    ]);
    expect(report.renderings).toEqual([
      { key: 'cooper', text: 'cooperation', count: 2, share: 1, occurrences: [0, 1] },
    ]);
    expect(report.unrendered).toBe(0);
  });

  it('groups renderings by their normalised key, and shows the commonest surface form', () => {
    const pairs = [
      pair('战略伙伴。', 'Strategic partnerships.'),
      pair('战略伙伴。', 'A strategic partnership.'),
      pair('战略伙伴。', 'The strategic partnership.'),
    ];
    const report = termReport('战略伙伴', pairs, lookup);
    expect(report.renderings.map(({ key, text, count }) => ({ key, text, count }))).toEqual([
      { key: 'strateg partnership', text: 'strategic partnership', count: 3 },
    ]);
  });

  it('leaves an occurrence unrendered rather than guess', () => {
    const report = termReport('普京', [pair('普京抵达。', 'The visit began on time.')], lookup);
    expect(report.unrendered).toBe(1);
    expect(report.renderings).toEqual([]);
  });

  it('leaves to another Chinese word the English it translates better', () => {
    const report = termReport(
      '普京',
      [pair('普京总统讲话。', 'President Putin spoke.'), pair('普京总统发言。', 'President Putin said so.')],
      lookup,
    );
    expect(report.renderings.map((r) => r.text)).toEqual(['Putin']);
  });

  it('takes the linked rendering where the links give the spotted words to another Chinese word (人民, not the people-to-people of 民心相通)', () => {
    const words = ['加强', '民心', '相通', '和', '人民', '福祉', '。'];
    const zh = words.join('');
    const en = 'strengthen people-to-people bonds and the well-being of the peoples.';
    const starts = words.reduce<number[]>((acc, w) => [...acc, acc[acc.length - 1]! + w.length], [0]);
    // Elsewhere in the corpus 人民 goes with "people-to-people", so spotting takes it here too.
    const corpus = () => [1, 2, 3].map(() => pair('人民交流。', 'People-to-people exchanges.'));
    const last = (report: ReturnType<typeof termReport>) => {
      const o = report.occurrences[report.occurrences.length - 1]!;
      return o.rendering ? en.slice(o.rendering.start, o.rendering.end) : null;
    };
    expect(last(termReport('人民', [...corpus(), pair(zh, en)], lookup))).toBe('people-to-people');
    // The links give "people-to-people" (token 1) to 民心 and "peoples" (token 8) to 人民.
    const links = '0-0 1-1 2-2 3-3 4-8 5-5 6-9';
    const linked = pair(zh, en, [{ zh: [0, zh.length], en: [0, en.length], words: { starts, links } }]);
    expect(last(termReport('人民', [...corpus(), linked], lookup))).toBe('peoples');
  });

  it('gives one English word to one occurrence: the second 关系 of a sentence rendered once stays unrendered', () => {
    const report = termReport('关系', [pair('关系的关系。', 'Relations.')], lookup);
    expect(report.occurrences.filter((o) => o.rendering)).toHaveLength(1);
    expect(report.unrendered).toBe(1);
  });

  it('learns a rendering the dictionary lacks from the corpus (an n-gram that goes with the term)', () => {
    const pairs = [
      pair('民心相通。', 'People-to-people bonds.'),
      pair('加强民心相通。', 'Strengthen people-to-people bonds.'),
      pair('深化民心相通。', 'Deepen people-to-people bonds.'),
      pair('人民发展。', 'The people develop.'),
    ];
    const report = termReport('民心相通', pairs, lookup);
    expect(report.renderings[0]).toMatchObject({ text: 'people-to-people bonds', count: 3 });
  });

  it('looks in the aligned English sentence when the pair has sentence beads', () => {
    const zh = '合作。你好。';
    const en = 'Hello. Cooperation.';
    const links: TermPair['links'] = [
      { zh: [0, 3], en: [0, 6] },
      { zh: [3, 6], en: [7, 19] },
    ];
    expect(termReport('合作', [pair(zh, en)], lookup).renderings[0]?.text).toBe('Cooperation');
    // The beads say 合作。 is translated by "Hello.": there is no rendering there to find.
    expect(termReport('合作', [pair(zh, en, links)], lookup).unrendered).toBe(1);
  });

  it('is safe on hostile input: an empty or malformed term, Extension B, no English', () => {
    const pairs = [pair('𠀁𠀀合作', ''), pair('', 'Cooperation.')];
    expect(termReport('', pairs, lookup).occurrences).toEqual([]);
    expect(termReport('\uD840', pairs, lookup).occurrences).toEqual([]);
    const ext = termReport('𠀀', pairs, lookup);
    expect(ext.occurrences.map((o) => [o.zhStart, o.zhEnd])).toEqual([[2, 4]]);
    expect(ext.unrendered).toBe(1);
  });
});

describe('occurrences inside longer terms', () => {
  const pairs = [
    pair('两国元首会谈。两国元首签署声明。', 'The two heads of state held talks and signed a statement.'),
    pair('两国人民友好。两国合作。', 'The two peoples are friends. The two countries cooperate.'),
  ];
  const longer = ['两国元首签署', '两国元首', '两国人民', '合作'];

  it('are counted under the shortest longer term holding them, the rest as the term own', () => {
    const report = termReport('两国', pairs, lookup, longer);
    expect(report.occurrences.map((o) => o.within)).toEqual(['两国元首', '两国元首', '两国人民', undefined]);
    expect(report.within).toEqual([
      { term: '两国元首', count: 2, occurrences: [0, 1] },
      { term: '两国人民', count: 1, occurrences: [2] },
    ]);
  });

  it('leave the shares to the term own occurrences', () => {
    const report = termReport('两国', pairs, lookup, longer);
    const counted = report.renderings.reduce((n, r) => n + r.count, 0) + report.unrendered;
    expect(counted).toBe(1);
    for (const r of report.renderings) expect(r.share).toBe(r.count);
  });

  it('change nothing without longer terms', () => {
    const report = termReport('两国', pairs, lookup);
    expect(report.within).toEqual([]);
    expect(report.occurrences.every((o) => o.within === undefined)).toBe(true);
  });
});
