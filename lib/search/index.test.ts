import { describe, expect, it } from 'vitest';
import { stemmer } from 'stemmer';
import type { IndexBundle, PairRecord } from '../model';
import { toSimplified } from './encode';
import {
  MAX_LIMIT,
  QueryError,
  buildIndexBundle,
  loadSearcher,
  searcherOver,
  type SearchResult,
  type Searcher,
} from './index';
import { pinyinLine } from './pinyin';

/** Records of one document, pair numbers in order; each entry is [zh, en]. */
function records(docId: string, pairs: Array<[string, string]>): PairRecord[] {
  return pairs.map(([zh, en], pair) => ({ docId, pair, zh, en }));
}

const CORPUS: PairRecord[] = [
  ...records('talks', [
    ['中俄全面战略协作伙伴关系', 'The China-Russia comprehensive strategic partnership of coordination'],
    ['双方同意深化合作，推进合作共赢。', 'Both sides agreed to deepen cooperation and pursue win-win cooperation.'],
    ['合则两利，斗则俱伤，要作出选择。', 'Cooperation benefits both; confrontation hurts both.'],
    ['两国元首在莫斯科举行会谈。', 'The two heads of state held talks in Moscow.'],
    ['', 'An English paragraph with no Chinese counterpart: they will cooperate.'],
    ['一个没有译文的段落，谈到合作。', ''],
  ]),
  ...records('statement', [
    [
      '双方愿加强在二十国集团（G20）框架内的合作。',
      'The two sides will strengthen cooperation within the G20 framework.',
    ],
    ['关系稳定发展。', 'Relations develop steadily.'],
    ['𠀁𠐀是两个扩展B区汉字。', 'Two Extension B characters.'],
    ['页面显示<img src=x onerror=alert(1)>这段文字。', 'The page shows <img src=x onerror=alert(1)> as text.'],
    ['constructor 与 __proto__ 是普通词。', 'constructor and __proto__ are ordinary words.'],
    ['诸葛\u{E0100}亮是古人。', 'Zhuge Liang lived long ago.'],
    ['乾隆皇帝', 'The Qianlong Emperor'],
  ]),
];

let shared: Promise<Searcher> | undefined;
function searcher(): Promise<Searcher> {
  shared ??= buildIndexBundle(CORPUS).then(loadSearcher);
  return shared;
}

/** The hits as "docId#pair", in ranked order. */
function ids(result: SearchResult): string[] {
  return result.hits.map((h) => `${h.docId}#${h.pair}`);
}

function marked(parts: Array<{ text: string; mark: boolean }>): string[] {
  return parts.filter((p) => p.mark).map((p) => p.text);
}

describe('Chinese search', () => {
  it('finds 合作 only where the two characters stand together, with an exact total', async () => {
    const result = (await searcher()).search('合作');
    expect(ids(result)).toEqual(['talks#1', 'talks#5', 'statement#0']);
    expect(result.total).toBe(3);
    expect(marked(result.hits[0]?.zhParts ?? [])).toEqual(['合作', '合作']);
  });

  it('finds nothing when 合 and 作 are apart', async () => {
    const s = await searcher();
    expect(s.search('合作', { docId: 'talks' }).hits.map((h) => h.pair)).not.toContain(2);
    expect(s.search('则两利作').total).toBe(0);
  });

  it('finds 关系 from traditional 關係', async () => {
    const result = (await searcher()).search('關係');
    expect(ids(result)).toEqual(['talks#0', 'statement#1']);
    expect(marked(result.hits[1]?.zhParts ?? [])).toEqual(['关系']);
  });

  it('finds a single character everywhere it occurs', async () => {
    const result = (await searcher()).search('合');
    expect(result.total).toBe(CORPUS.filter((r) => r.zh.includes('合')).length);
  });

  it('finds a character kept as written in simplified text (乾 of 乾隆)', async () => {
    const s = await searcher();
    expect(ids(s.search('乾隆'))).toEqual(['statement#6']);
    expect(ids(s.search('乾'))).toEqual(['statement#6']);
  });

  it('finds Latin inside Chinese text', async () => {
    expect(ids((await searcher()).search('（G20）框架'))).toEqual(['statement#0']);
  });

  it('matches through a variation selector', async () => {
    const result = (await searcher()).search('诸葛亮');
    expect(marked(result.hits[0]?.zhParts ?? [])).toEqual(['诸葛\u{E0100}亮']);
  });
});

describe('English search', () => {
  it('finds cooperation and its variants, case-insensitively', async () => {
    const s = await searcher();
    const result = s.search('cooperation');
    expect(ids(result)).toEqual(['talks#1', 'talks#2', 'talks#4', 'statement#0']);
    expect(marked(result.hits[0]?.enParts ?? [])).toEqual(['cooperation', 'cooperation']);
    expect(s.search('COOPERATE').total).toBe(4);
    expect(marked(s.search('cooperate').hits[2]?.enParts ?? [])).toEqual(['cooperate']);
  });

  it('matches whole words, not parts of words', async () => {
    expect((await searcher()).search('coop').total).toBe(0);
  });
});

describe('several terms', () => {
  it('requires every term (Chinese, English, mixed)', async () => {
    const s = await searcher();
    expect(ids(s.search('合作 共赢'))).toEqual(['talks#1']);
    expect(ids(s.search('cooperation G20'))).toEqual(['statement#0']);
    expect(ids(s.search('合作 framework'))).toEqual(['statement#0']);
    expect(s.search('合作 莫斯科').total).toBe(0);
  });

  it('ranks by occurrences, then corpus order', async () => {
    const result = (await searcher()).search('合作 cooperation');
    expect(ids(result)).toEqual(['talks#1', 'statement#0']);
  });
});

describe('options', () => {
  it('filters by document', async () => {
    const s = await searcher();
    expect(ids(s.search('合作', { docId: 'statement' }))).toEqual(['statement#0']);
    expect(s.search('合作', { docId: 'nope' })).toMatchObject({ total: 0, hits: [] });
    expect(s.search('合作', { docId: '__proto__' })).toMatchObject({ total: 0, hits: [] });
  });

  it('pages with an exact total', async () => {
    const s = await searcher();
    const page = s.search('cooperation', { limit: 2, offset: 1 });
    expect(page.total).toBe(4);
    expect(ids(page)).toEqual(['talks#2', 'talks#4']);
    expect(s.search('cooperation', { offset: 99 })).toMatchObject({ total: 4, hits: [] });
    expect(s.search('cooperation', { limit: 0 }).hits).toEqual([]);
  });

  it('refuses bad options', async () => {
    const s = await searcher();
    const bad: unknown[] = [{ limit: -1 }, { limit: 1.5 }, { limit: '10' }, { offset: Number.NaN }, { docId: 3 }, 'x'];
    for (const opts of bad) {
      expect(() => s.search('合作', opts as never)).toThrow(QueryError);
    }
  });

  it('caps the page size', async () => {
    const many = records(
      'big',
      Array.from({ length: 250 }, (_, i): [string, string] => [`第${i}次合作`, `cooperation ${i}`]),
    );
    const s = await loadSearcher(await buildIndexBundle(many));
    const result = s.search('合作', { limit: 1000 });
    expect(result.total).toBe(250);
    expect(result.hits).toHaveLength(MAX_LIMIT);
    expect(s.search('合作', { offset: 200, limit: 100 }).hits).toHaveLength(50);
  });
});

describe('hostile input', () => {
  it('answers empty, whitespace and punctuation queries with nothing', async () => {
    const s = await searcher();
    for (const q of ['', '   ', '\u3000', '*', '\\', '，。'])
      expect(s.search(q)).toEqual({ total: 0, hits: [], terms: [] });
  });

  it('refuses a query that is not a string, before FlexSearch sees it', async () => {
    const s = await searcher();
    for (const q of [42, null, undefined, { q: '合作' }, ['合作']]) {
      expect(() => s.search(q as never)).toThrow(QueryError);
    }
  });

  it('refuses an over-long query', async () => {
    const s = await searcher();
    expect(() => s.search('合作'.repeat(101))).toThrow(QueryError);
    expect(() => s.search('a'.repeat(100_000))).toThrow(QueryError);
  });

  it('treats __proto__ and constructor as ordinary words', async () => {
    const s = await searcher();
    expect(ids(s.search('__proto__'))).toEqual(['statement#4']);
    expect(ids(s.search('constructor'))).toEqual(['statement#4']);
    expect(s.search('toString').total).toBe(0);
    expect(s.search('hasOwnProperty valueOf').total).toBe(0);
  });

  it('never matches 𠀀 against 𠀁 or 𠐀', async () => {
    expect((await searcher()).search('𠀀').total).toBe(0);
    expect((await searcher()).search('𠀁𠐀').total).toBe(1);
  });

  it('returns markup as plain text parts', async () => {
    const result = (await searcher()).search('onerror');
    expect(ids(result)).toEqual(['statement#3']);
    const parts = result.hits[0]?.enParts ?? [];
    expect(parts.map((p) => p.text).join('')).toBe('The page shows <img src=x onerror=alert(1)> as text.');
    expect(marked(parts)).toEqual(['onerror']);
    expect((await searcher()).search('<script>').total).toBe(0);
  });

  it('refuses lone surrogates', async () => {
    const s = await searcher();
    expect(() => s.search('\uD840')).toThrow(QueryError);
    expect(() => s.search('合\uDC00作')).toThrow(QueryError);
  });
});

describe('long words', () => {
  it('finds a word longer than the index term limit, and only that word', async () => {
    const word = 'q'.repeat(100) + 'end';
    const other = 'q'.repeat(100) + 'other';
    const s = await loadSearcher(
      await buildIndexBundle(
        records('long', [
          ['', word],
          ['', other],
          ['', `x ${'z'.repeat(5000)}`],
        ]),
      ),
    );
    expect(ids(s.search(word))).toEqual(['long#0']);
    expect(ids(s.search(other))).toEqual(['long#1']);
    expect(ids(s.search('z'.repeat(200)))).toEqual([]);
  });
});

describe('bundle', () => {
  it('survives a JSON round trip with the same results', async () => {
    const bundle = await buildIndexBundle(CORPUS);
    const direct = await loadSearcher(bundle);
    const reloaded = await loadSearcher(JSON.parse(JSON.stringify(bundle)) as IndexBundle);
    expect(Object.keys(bundle.zh).length).toBeGreaterThan(0);
    expect(Object.keys(bundle.en).length).toBeGreaterThan(0);
    for (const q of [
      '合作',
      '關係',
      '合',
      'cooperation',
      '合作 cooperation',
      '𠀁𠐀',
      '__proto__',
      'G20',
      '诸葛亮',
      '乾',
    ]) {
      expect(reloaded.search(q, { limit: 100 })).toEqual(direct.search(q, { limit: 100 }));
      expect(reloaded.search(q).total).toBeGreaterThan(0);
    }
  });

  it('is the same when built twice', async () => {
    expect(JSON.stringify(await buildIndexBundle(CORPUS))).toBe(JSON.stringify(await buildIndexBundle(CORPUS)));
  });

  it('works when empty', async () => {
    const s = await loadSearcher(await buildIndexBundle([]));
    expect(s.search('合作')).toMatchObject({ total: 0, hits: [] });
    expect(s.search('合')).toMatchObject({ total: 0, hits: [] });
  });

  it('refuses a malformed bundle', async () => {
    await expect(loadSearcher({ records: 'x', zh: {}, en: {} } as never)).rejects.toThrow(/records/);
    await expect(loadSearcher({ records: [{ docId: 1 }], zh: {}, en: {} } as never)).rejects.toThrow(/record 0/);
    await expect(loadSearcher({ records: [], zh: { '1.map': 5 }, en: {} } as never)).rejects.toThrow(/zh/);
  });
});

describe('exactness against a brute-force scan', () => {
  // A small alphabet makes near misses common: characters apart, surrogate neighbours, stems.
  const HAN = ['合', '作', '关', '系', '中', '俄', '𠀀', '𠀁', '𠐀', '，'];
  const WORDS = ['cooperate', 'cooperation', 'Cooperative', 'state', 'owned', 'China', 'g20', 'talks'];

  function rng(seed: number): () => number {
    let s = seed;
    return () => {
      s = (s * 1103515245 + 12345) % 2147483648;
      return s / 2147483648;
    };
  }

  function pick<T>(xs: readonly T[], r: () => number): T {
    return xs[Math.floor(r() * xs.length)] as T;
  }

  function bruteForce(corpus: PairRecord[], query: string): number {
    const terms = query.split(' ').filter(Boolean);
    return corpus.filter((rec) =>
      terms.every((t) => {
        if (/\p{Script=Han}/u.test(t)) return rec.zh.includes(toSimplified(t)) || rec.zh.includes(t);
        const words = rec.en.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
        const want = t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
        return words.some((_, i) =>
          want.every((w, j) => words[i + j] !== undefined && stemmer(words[i + j] ?? '') === stemmer(w)),
        );
      }),
    ).length;
  }

  it('agrees on random corpora and queries', async () => {
    const r = rng(7);
    const corpus = records(
      'rand',
      Array.from({ length: 300 }, (): [string, string] => [
        Array.from({ length: 1 + Math.floor(r() * 12) }, () => pick(HAN, r)).join(''),
        Array.from({ length: Math.floor(r() * 6) }, () => pick(WORDS, r)).join(' '),
      ]),
    );
    const s = await loadSearcher(JSON.parse(JSON.stringify(await buildIndexBundle(corpus))) as IndexBundle);
    for (let n = 0; n < 300; n++) {
      const query =
        r() < 0.6
          ? Array.from({ length: 1 + Math.floor(r() * 2) }, () =>
              Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(HAN.slice(0, 9), r)).join(''),
            ).join(' ')
          : Array.from({ length: 1 + Math.floor(r() * 2) }, () => pick(WORDS, r)).join(' ');
      const result = s.search(query, { limit: MAX_LIMIT });
      expect(result.total, query).toBe(bruteForce(corpus, query));
      for (const hit of result.hits)
        expect(marked(hit.zhParts).length + marked(hit.enParts).length, query).toBeGreaterThan(0);
    }
  });
});

describe('pinyin search', () => {
  /** [zh, en, pinyin line] */
  const rows: Array<[string, string, string]> = [
    ['双方同意深化合作。', 'Both sides agreed to deepen cooperation.', 'shuang fang tong yi shen hua he zuo'],
    ['合则两利，作出选择。', 'Cooperation benefits both.', 'he ze liang li|zuo chu xuan ze'],
    ['西安是古都。', "Xi'an is an ancient capital.", 'xi an shi gu du'],
    ['先进技术', 'advanced technology', 'xian jin ji shu'],
    ['龙门石窟很长。', 'The Longmen Grottoes are long.', 'long men shi ku hen chang'],
    ['我们的人民', 'Our people, men and women.', 'wo men de ren min'],
    ['战略协作', 'strategic coordination', 'zhan lve xie zuo'],
    ['绿色', 'green', 'lv se'],
  ];
  const PY: PairRecord[] = rows.map(([zh, en, pinyin], pair) => ({
    docId: pair < 4 ? 'a' : 'b',
    pair,
    zh,
    en,
    pinyin,
  }));
  let loaded: Promise<Searcher> | undefined;
  const py = () =>
    (loaded ??= buildIndexBundle(PY).then((b) => loadSearcher(JSON.parse(JSON.stringify(b)) as IndexBundle)));

  it('finds 合作 typed every way, marking the characters', async () => {
    const s = await py();
    for (const q of ['hezuo', 'hé zuò', 'he2 zuo4', 'HeZuo', 'he zuo', 'hé zuo', 'he2zuo4']) {
      const result = s.search(q);
      expect(ids(result), q).toEqual(['a#0']);
      expect(marked(result.hits[0]?.zhParts ?? []), q).toEqual(['合作']);
    }
  });

  it('respects syllable boundaries: xian is not xi + an unless typed so', async () => {
    const s = await py();
    expect(ids(s.search('xian'))).toEqual(['a#3']);
    for (const q of ["xi'an", 'XiAn', 'xi1an1']) expect(ids(s.search(q)), q).toEqual(['a#2']);
    expect(marked(s.search('xi1an1').hits[0]?.zhParts ?? [])).toEqual(['西安']);
  });

  it('never joins syllables across punctuation', async () => {
    expect(ids((await py()).search('he ze'))).toEqual(['a#1']);
    expect((await py()).search('li zuo').total).toBe(0);
  });

  it('counts a toneless word that is also English either way, and reports how it was read', async () => {
    const s = await py();
    const long = s.search('long');
    expect(ids(long)).toEqual(['b#4']);
    expect(marked(long.hits[0]?.zhParts ?? [])).toEqual(['龙']);
    expect(marked(long.hits[0]?.enParts ?? [])).toEqual(['long']);
    expect(long.terms).toEqual([{ raw: 'long', kind: 'english-or-pinyin', quoted: false }]);
    expect(ids(s.search('men'))).toEqual(['b#5', 'b#4']); // 们 and "men": two occurrences
    expect(s.search('hezuo').terms[0]?.kind).toBe('pinyin');
    expect(s.search('green').terms[0]?.kind).toBe('english');
  });

  it('reads ü typed as v, u: or ü, and lue for lüe', async () => {
    const s = await py();
    for (const q of ['zhanlve', 'zhanlüe', 'zhan lu:e4', 'zhanlue']) expect(ids(s.search(q)), q).toEqual(['b#6']);
    expect(ids(s.search('lvse'))).toEqual(['b#7']);
    expect(s.search('luse').total).toBe(0);
  });

  it('filters by document', async () => {
    expect(ids((await py()).search('men', { docId: 'b' }))).toEqual(['b#5', 'b#4']);
    expect((await py()).search('hezuo', { docId: 'b' }).total).toBe(0);
  });

  it('never returns the pinyin line itself', async () => {
    expect((await py()).search('hezuo').hits[0]).not.toHaveProperty('pinyin');
  });
});

describe('quoted phrases', () => {
  it('match English words in order, unstemmed, case-insensitive', async () => {
    const s = await searcher();
    expect(ids(s.search('"strategic partnership"'))).toEqual(['talks#0']);
    expect(ids(s.search('"STRATEGIC PARTNERSHIP of"'))).toEqual(['talks#0']);
    expect(s.search('"strategic partnerships"').total).toBe(0);
    expect(s.search('"partnership strategic"').total).toBe(0);
    expect(ids(s.search('strategic partnerships'))).toEqual(['talks#0']);
    expect(s.search('"cooperate"').total).toBe(1);
    expect(s.search('cooperate').total).toBe(4);
  });

  it('match Chinese as typed, as one term', async () => {
    const s = await searcher();
    expect(ids(s.search('"深化合作"'))).toEqual(['talks#1']);
    expect(s.search('"合作 共赢"').total).toBe(0);
    expect(ids(s.search('合作 共赢'))).toEqual(['talks#1']);
  });

  it('are reported with the other terms', async () => {
    expect((await searcher()).search('合作 "strategic partnership" 關係').terms).toEqual([
      { raw: '合作', kind: 'simplified', quoted: false },
      { raw: 'strategic partnership', kind: 'english', quoted: true },
      { raw: '關係', kind: 'traditional', quoted: false },
    ]);
  });
});

describe('common terms', () => {
  function rng(seed: number): () => number {
    let s = seed;
    return () => {
      s = (s * 1103515245 + 12345) % 2147483648;
      return s / 2147483648;
    };
  }
  const pick = <T>(xs: readonly T[], r: () => number): T => xs[Math.floor(r() * xs.length)] as T;

  // A small vocabulary makes every term common, doubled bigrams (天天天) and repeated pairs frequent.
  const HAN: Array<[string, string]> = [
    ['天', 'tian'],
    ['合', 'he'],
    ['作', 'zuo'],
    ['和', 'he'],
    ['人', 'ren'],
    ['𠀀', 'qiu'],
    ['，', ''],
  ];
  const WORDS = ['to', 'be', 'the', 'of', 'very', 'cooperate', 'cooperation', 'He', 'zuo', 'long', 'Long'];

  function corpus(n: number, r: () => number): PairRecord[] {
    return Array.from({ length: n }, (_, pair) => {
      const chars = Array.from({ length: 1 + Math.floor(r() * 14) }, () => pick(HAN, r));
      const zh = chars.map(([c]) => c).join('');
      const syllables = chars.filter(([c]) => c !== '，').map(([, p]) => p);
      const en = Array.from({ length: Math.floor(r() * 10) }, () => pick(WORDS, r)).join(r() < 0.5 ? ' ' : ', ');
      return { docId: pair % 3 === 0 ? 'x' : 'y', pair, zh, en, pinyin: pinyinLine(zh, syllables) };
    });
  }

  it('give the same totals, ranking and marks as verifying every candidate', async () => {
    const r = rng(3);
    // Over PAIRED_WORD_MIN_RECORDS, so that quoted phrases of common words go through word pairs.
    const records = corpus(1200, r);
    const tables = searcherOver(records, { commonTermRecords: 2 });
    const flex = searcherOver(records, { commonTermRecords: Number.MAX_SAFE_INTEGER });
    // Commonness estimated on every 12th record: it moves lists between tables and FlexSearch only.
    const sampled = searcherOver(records, { commonTermRecords: 8, sampledRecords: 100 });
    const bundle = await buildIndexBundle(records, { commonTermRecords: 2 });
    expect(bundle.common.enPairs.length).toBeGreaterThan(0);
    const reloaded = await loadSearcher(JSON.parse(JSON.stringify(bundle)) as IndexBundle);
    const queries = [
      '天',
      '天天',
      '天天天',
      '合作',
      'tian',
      'tian tian',
      'tiantian',
      'he',
      'hezuo',
      'ren ren',
      '"to be"',
      '"very very"',
      '"the of to"',
      'to',
      'be the',
      'long',
      'Long',
      '"long"',
      'cooperation',
      '"cooperate"',
      '𠀀',
      '𠀀𠀀',
      'qiu',
      '天 to',
      'he zuo "to be"',
      '合作 long',
      '"very very very"',
    ];
    for (const q of queries) {
      for (const docId of [undefined, 'x']) {
        const want = flex.search(q, { limit: MAX_LIMIT, docId });
        expect(tables.search(q, { limit: MAX_LIMIT, docId }), `${q} in ${docId}`).toEqual(want);
        expect(reloaded.search(q, { limit: MAX_LIMIT, docId }), `${q} in ${docId}`).toEqual(want);
        expect(sampled.search(q, { limit: MAX_LIMIT, docId }), `${q} in ${docId}`).toEqual(want);
      }
    }
    expect(flex.search('天').total).toBeGreaterThan(50);
  });

  it('answer a term typed in traditional form by form, with the totals of verifying every candidate', () => {
    // 关系 in 600 records (a common, counted list), 關係 kept as written in 275 (rare at a bar of
    // 300: more candidates than are verified alone on principle, fewer than 关系's list), 係 alone
    // in others, so that both forms' lookups propose records that do not hold them.
    const records: PairRecord[] = Array.from({ length: 1200 }, (_, pair) => {
      const zh = `${pair % 2 === 0 ? '关系' : '关心'}${pair % 4 === 1 && pair < 1100 ? '關係' : '係數'}${pair % 3 === 0 ? '关系' : '系'}`;
      return { docId: pair % 3 === 0 ? 'x' : 'y', pair, zh, en: pair % 5 === 0 ? 'relations to' : 'to' };
    });
    const split = searcherOver(records, { commonTermRecords: 300 });
    const verified = searcherOver(records, { commonTermRecords: Number.MAX_SAFE_INTEGER });
    for (const q of ['關係', '关系', '關係 to', '關係 relations', '"關係"', '係', '關心'])
      for (const docId of [undefined, 'x']) {
        const want = verified.search(q, { limit: MAX_LIMIT, docId });
        expect(split.search(q, { limit: MAX_LIMIT, docId }), `${q} in ${docId}`).toEqual(want);
      }
    const holding = records.filter((r) => r.zh.includes('关系') || r.zh.includes('關係')).length;
    expect(split.search('關係').total).toBe(holding);
    expect(holding).toBeGreaterThan(800);
  });

  it('are checked when a bundle is loaded', async () => {
    const bundle = await buildIndexBundle(records('c', [['天天', 'the day']]), { commonTermRecords: 1 });
    const broken = JSON.parse(JSON.stringify(bundle)) as IndexBundle;
    broken.common.zhChars = [['天', [5], [2]]];
    await expect(loadSearcher(broken)).rejects.toThrow(/not ascending record ids/);
    broken.common.zhChars = [['天', [0], [0]]];
    await expect(loadSearcher(broken)).rejects.toThrow(/not positive/);
  });
});
