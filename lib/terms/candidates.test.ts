import { describe, expect, it } from 'vitest';
import { parseCedict } from '../dictionary/cedict';
import type { BuiltDoc, Pair, Word, ZhBlock } from '../model';
import { sampleMeta } from '../../tests/fixtures/meta';
import { collectCandidates, hasWholeEdges, isCandidate, namesTwoPeople } from './candidates';
import { rankByTermhood } from './termhood';

const dict = parseCedict(
  [
    '兩國 两国 [liang3 guo2] /both countries/',
    '元首 元首 [yuan2 shou3] /head of state/',
    '美元 美元 [Mei3 yuan2] /US dollar/',
    '習近平 习近平 [Xi2 Jin4 ping2] /Xi Jinping (1953-), PRC politician/',
    '普京 普京 [Pu3 jing1] /Vladimir Putin (1952-), Russian politician/',
    '俄羅斯 俄罗斯 [E2 luo2 si1] /Russia/',
  ].join('\n'),
);
const lookup = (word: string) => dict.lookup(word);

/** A document of one-sentence blocks, one pair per block; words separated by spaces, "original|simplified" where they differ. */
function doc(id: string, sentences: string[]): BuiltDoc {
  const zh = sentences.map((sentence): ZhBlock => {
    const words = sentence.split(' ').map((w): Word => {
      const [original, simplified = original] = w.split('|') as [string, string?];
      return { original, simplified, pinyin: `py(${simplified})`, key: null };
    });
    const simplified = words.map((w) => w.simplified).join('');
    const original = words.map((w) => w.original).join('');
    return { kind: 'paragraph', text: original, original, simplified, sentences: [{ original, simplified, words }] };
  });
  const pairs = zh.map((_, i): Pair => ({
    id: i,
    zh: [i],
    en: [],
    confidence: 1,
    unaligned: true,
    lowConfidence: false,
    sentences: [],
  }));
  return { meta: sampleMeta(id), zh, en: [], pairs, stats: {} as BuiltDoc['stats'], dropped: [], warnings: [] };
}

describe('isCandidate', () => {
  it('takes words and runs of words, not numbers, nor runs hung on or made of function words', () => {
    expect(isCandidate(['全面', '战略', '协作'])).toBe(true);
    expect(isCandidate(['合作'])).toBe(true);
    expect(isCandidate(['的', '合作'])).toBe(false);
    expect(isCandidate(['合作', '和'])).toBe(false);
    expect(isCandidate(['二〇二四年'])).toBe(false);
    expect(isCandidate(['中'])).toBe(false);
  });

  it('wants whole words at the edges, as the segmenter or the dictionary cuts them', () => {
    expect(hasWholeEdges(['两', '国', '元首'], lookup)).toBe(true);
    expect(hasWholeEdges(['亿', '美元'], lookup)).toBe(false);
  });
});

describe('runs across two phrases', () => {
  it('are no candidates when a preposition joins them (习近平同俄罗斯总统普京, 俄罗斯联邦在两国建交)', () => {
    expect(isCandidate(['习近平', '同', '俄罗斯', '总统', '普京'])).toBe(false);
    expect(isCandidate(['俄罗斯联邦', '在', '两国', '建交'])).toBe(false);
    // A coordinator joins the parts of one name, and a preposition at the edge is already refused.
    expect(isCandidate(['国际', '和', '地区'])).toBe(true);
    expect(isCandidate(['两国', '建交'])).toBe(true);
  });

  it('name two people when two words are persons in CC-CEDICT (name-title-name)', () => {
    expect(namesTwoPeople(['习近平', '主席', '和', '普京', '总统'], lookup)).toBe(true);
    expect(namesTwoPeople(['俄罗斯', '总统', '普京'], lookup)).toBe(false);
    expect(namesTwoPeople(['两国', '元首'], lookup)).toBe(false);
  });

  it('are left out of the candidates collected', () => {
    const d = doc('d', ['习近平 同 俄罗斯 总统 普京 会谈', '习近平 主席 和 普京 总统 会谈']);
    const terms = [...collectCandidates([d], lookup).keys()];
    expect(terms).toContain('俄罗斯总统普京');
    expect(terms).not.toContain('习近平同俄罗斯总统普京');
    expect(terms).not.toContain('习近平主席和普京总统');
  });
});

describe('collectCandidates', () => {
  const docs = [
    doc('a', ['中俄 的 合作 。', '深化 中俄 合作 ，', '中俄 合作|合作 。']),
    doc('b', ['中俄 合作 与 發展|发展 。']),
  ];
  const candidates = collectCandidates(docs, lookup);

  it('counts runs of words with their pairs, documents, readings and original forms', () => {
    const c = candidates.get('中俄合作')!;
    expect(c.frequency).toBe(3);
    expect([...c.pairs]).toEqual(['a#1', 'a#2', 'b#0']);
    expect([...c.documents]).toEqual(['a', 'b']);
    expect([...c.readings]).toEqual([['py(中俄) py(合作)', 3]]);
    expect([...candidates.get('发展')!.originals]).toEqual([['發展', 1]]);
    expect(candidates.has('的合作')).toBe(false);
  });

  it('with minPairs, keeps exactly the candidates found in that many pairs, each as collected in full', () => {
    for (const minPairs of [2, 3]) {
      const inPairs = [...candidates].filter(([, c]) => c.pairs.size >= minPairs);
      expect(inPairs.length).toBeGreaterThan(0);
      expect([...collectCandidates(docs, lookup, { minPairs })]).toEqual(inPairs);
    }
  });

  it('measures what stands on either side (accessor variety), an edge counting anew each time', () => {
    expect(candidates.get('中俄合作')).toMatchObject({ leftVariety: 3, rightVariety: 3 });
    expect(candidates.get('合作')).toMatchObject({ leftVariety: 2 });
  });
});

describe('rankByTermhood', () => {
  it('ranks by C-value: a long run that recurs above the words it is made of', () => {
    const docs = [
      doc('a', [
        '他们 说 战略 协作 伙伴 。',
        '我们 看 战略 协作 伙伴 ，',
        '你们 要 战略 协作 伙伴 ！',
        '战略 很 好 。',
        '还有 战略 呢 。',
      ]),
    ];
    const ranked = rankByTermhood(collectCandidates(docs, lookup));
    expect(ranked[0]!.candidate.term).toBe('战略协作伙伴');
    // 协作伙伴 always follows 战略 (a fragment); 战略协作 only ever occurs inside the longer run.
    expect(ranked.map((r) => r.candidate.term)).not.toContain('协作伙伴');
    expect(ranked.map((r) => r.candidate.term)).not.toContain('战略协作');
  });

  it('keeps only candidates in at least two pairs, and discounts everyday words', () => {
    const docs = [doc('a', ['他们 说 重要 伙伴 。', '我们 看 重要 伙伴 ，', '一 重要 伙伴 二', '唯一 词语 。'])];
    const plain = rankByTermhood(collectCandidates(docs, lookup));
    expect(plain.map((r) => r.candidate.term)).not.toContain('词语');
    const discounted = rankByTermhood(collectCandidates(docs, lookup), {
      generality: (t) => (t === '重要伙伴' ? 0.5 : 0),
    });
    const score = (ranked: typeof plain) => ranked.find((r) => r.candidate.term === '重要伙伴')!.termhood;
    expect(score(discounted)).toBeCloseTo(score(plain) / 2);
  });
});
