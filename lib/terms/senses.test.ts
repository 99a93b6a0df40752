import { describe, expect, it } from 'vitest';
import { parseCedict } from '../dictionary/cedict';
import { dictionaryWords, senseParts, termProfile } from './senses';

const dict = parseCedict(
  [
    '普京 普京 [Pu3 jing1] /Vladimir Putin (1952–), Russian president/',
    '京 京 [Jing1] /abbr. for Beijing/surname Jing/',
    '普 普 [pu3] /general/popular/',
    '中俄 中俄 [Zhong1 E2] /China-Russia/',
    '中 中 [Zhong1] /(bound form) China; Chinese/surname Zhong/',
    '中 中 [zhong1] /within; among; in/middle; center/',
    '俄 俄 [E2] /Russia/Russian/',
    '上海合作組織 上海合作组织 [Shang4 hai3 He2 zuo4 Zu3 zhi1] /Shanghai Cooperation Organization (SCO)/',
    '新時代 新时代 [xin1 shi2 dai4] /new age/',
    '時代 时代 [shi2 dai4] /age; era; epoch/',
    "睦鄰 睦邻 [mu4 lin2] /to be on good terms with one's neighbors/good-neighborly/",
    '友好 友好 [you3 hao3] /friendly; amicable; close friend/',
    '好合 好合 [hao3 he2] /harmonious/',
    '合作 合作 [he2 zuo4] /to cooperate; to collaborate; to work together/',
    '條約 条约 [tiao2 yue1] /treaty; pact; CL:個|个[ge4]/',
    '夥伴 伙伴 [huo3 ban4] /partner; companion/',
  ].join('\n'),
);
const lookup = (word: string) => dict.lookup(word);

describe('senseParts', () => {
  it('splits a sense into renderings, each into the head and the rest at its first comma', () => {
    expect(senseParts('Vladimir Putin (1952–), Russian president')).toEqual([
      { head: 'Vladimir Putin  ', rest: ' Russian president' },
    ]);
    expect(senseParts('to cooperate; to collaborate').map((p) => p.head.trim())).toEqual([
      'to cooperate',
      'to collaborate',
    ]);
  });

  it('keeps a bracketed acronym and drops classifiers and cross-references', () => {
    expect(senseParts('Shanghai Cooperation Organization (SCO)').map((p) => p.head.trim())).toContain('SCO');
    expect(senseParts('CL:個|个[ge4]')).toEqual([]);
    expect(senseParts('variant of 關係|关系[guan1 xi5]')).toEqual([]);
  });
});

describe('dictionaryWords', () => {
  it('segments into the fewest words, not greedily from the left', () => {
    expect(dictionaryWords('睦邻友好合作条约', lookup).map((w) => w.word)).toEqual(['睦邻', '友好', '合作', '条约']);
  });

  it('gives UTF-16 offsets, characters the dictionary lacks one by one, and skips other text', () => {
    const words = dictionaryWords('A伙伴𠀀', lookup);
    expect(words.map((w) => [w.word, w.start, w.end, w.entries.length])).toEqual([
      ['伙伴', 1, 3, 1],
      ['𠀀', 3, 5, 0],
    ]);
  });

  it('gives the same words when the lookup says where the longest headword ends, asking fewer strings', () => {
    const asked: string[] = [];
    const counting = (word: string) => (asked.push(word), dict.lookup(word));
    const withLongest = Object.assign((word: string) => (asked.push(word), dict.lookup(word)), {
      longestAt: (chars: readonly string[], from: number) => [...(dict.longestMatch(chars, from) ?? '')].length,
    });
    for (const text of ['睦邻友好合作条约', '上海合作组织和中俄新时代伙伴', 'A伙伴𠀀普京。時代']) {
      asked.length = 0;
      const plain = dictionaryWords(text, counting);
      const everyLength = asked.length;
      asked.length = 0;
      expect(dictionaryWords(text, withLongest)).toEqual(plain);
      expect(asked.length).toBeLessThan(everyLength);
    }
  });
});

describe('termProfile', () => {
  it('counts the head of a sense fully and the rest of it little', () => {
    const { stems } = termProfile('普京', lookup);
    expect(stems.get('putin')).toBe(1);
    expect(stems.get('presid')).toBeLessThan(0.5);
    // The 京 of 普京 is a sound: its "Beijing" is not read into the name.
    expect(stems.has('beij')).toBe(false);
  });

  it('reads a known compound through its inner words and the proper nouns its senses use', () => {
    expect(termProfile('新时代', lookup).stems.get('era')).toBeGreaterThan(0.5);
    const zhongE = termProfile('中俄', lookup).stems;
    expect(zhongE.get('chines')).toBeGreaterThan(0.5);
    expect(zhongE.get('russian')).toBeGreaterThan(0.5);
    expect(zhongE.has('middl')).toBe(false);
  });

  it('reads an unknown compound through its pieces, each with its share of the term', () => {
    const profile = termProfile('睦邻友好', lookup);
    expect(profile.stems.get('friendli')).toBeGreaterThan(0.5);
    expect(profile.pieces.map((p) => p.share)).toEqual([0.5, 0.5]);
  });

  it('matches the pinyin of a name, but not of a word', () => {
    expect(termProfile('普京', lookup).names.has('pujing')).toBe(true);
    expect(termProfile('友好', lookup).names.size).toBe(0);
  });
});
