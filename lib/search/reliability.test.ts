/**
 * Rows 17–24 of ../shared/RELIABILITY.md (bad search input), at the searcher: what the API answers
 * with 400 is a QueryError here, thrown before any index is consulted; everything else is a normal
 * answer. The same rows at the HTTP level are in tests/e2e.
 */
import { describe, expect, it } from 'vitest';
import type { PairRecord } from '../model';
import { buildIndexBundle, loadSearcher, QueryError, type Searcher } from './index';
import { pinyinLine } from './pinyin';
import { parseQuery } from './query';

const RECORDS: PairRecord[] = [
  {
    docId: 'd',
    pair: 0,
    zh: '合则两利，斗则俱伤，要作出选择。',
    en: 'Cooperation benefits both.',
    pinyin: pinyinLine('合则两利，斗则俱伤，要作出选择。', [
      'he',
      'ze',
      'liang',
      'li',
      'dou',
      'ze',
      'ju',
      'shang',
      'yao',
      'zuo',
      'chu',
      'xuan',
      'ze',
    ]),
  },
  { docId: 'd', pair: 1, zh: '𠀁𠐀是两个汉字。', en: 'Two characters.' },
  {
    docId: 'd',
    pair: 2,
    zh: '页面显示<img src=x onerror=alert(1)>这段文字。',
    en: 'The page shows <img src=x onerror=alert(1)> as text.',
  },
  { docId: 'd', pair: 3, zh: '深化合作。', en: 'Deeper cooperation.', pinyin: 'shen hua he zuo' },
];

let shared: Promise<Searcher> | undefined;
const searcher = () => (shared ??= buildIndexBundle(RECORDS).then((b) => loadSearcher(JSON.parse(JSON.stringify(b)))));

describe('RELIABILITY 17: q missing, empty or whitespace', () => {
  it('is an empty result or a 400, never a crash', async () => {
    const s = await searcher();
    for (const q of ['', ' ', '\t\n', '\u3000', '\u200B'])
      expect(s.search(q)).toEqual({ total: 0, hits: [], terms: [] });
    expect(() => s.search(undefined as never)).toThrow(QueryError);
  });
});

describe('RELIABILITY 18: a query of 100,000 characters, or 10 MB', () => {
  it('is refused in bounded time', async () => {
    const s = await searcher();
    for (const q of ['合'.repeat(100_000), 'a'.repeat(10 * 1024 * 1024), 'hezuo '.repeat(20_000)]) {
      const started = performance.now();
      expect(() => s.search(q)).toThrow(QueryError);
      expect(performance.now() - started).toBeLessThan(100);
    }
  });
});

describe('RELIABILITY 19: q repeated, or not a string', () => {
  it('is refused before the index is touched: by parseQuery, which has no index', async () => {
    const s = await searcher();
    for (const q of [['a', 'b'], 42, { q: '合作' }, null, true]) {
      expect(() => parseQuery(q)).toThrow(QueryError);
      expect(() => s.search(q as never)).toThrow(QueryError);
    }
  });
});

describe('RELIABILITY 20: broken encodings, lone surrogates, NUL', () => {
  it('refuses lone surrogates and treats NUL as a space', async () => {
    const s = await searcher();
    for (const q of ['\uD800', '合\uDC00作', 'he\uD83Dzuo']) expect(() => s.search(q)).toThrow(QueryError);
    expect(s.search('合作\u0000').total).toBe(1);
    expect(s.search('%E4%B8').total).toBe(0); // undecoded text is just text
  });
});

describe('RELIABILITY 21: __proto__, constructor, *, \\, <script>', () => {
  it('answers normally, with no prototype lookups', async () => {
    const s = await searcher();
    for (const q of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '*', '\\', '<script>', '"__proto__"']) {
      expect(s.search(q).total, q).toBe(0);
    }
    expect(s.search('合作', { docId: '__proto__' }).total).toBe(0);
    expect(s.search('合作', { docId: 'constructor' }).total).toBe(0);
  });
});

describe('RELIABILITY 22: 𠀀 against text holding 𠀁 and 𠐀', () => {
  it('finds nothing (no surrogate halves)', async () => {
    const s = await searcher();
    expect(s.search('𠀀').total).toBe(0);
    expect(s.search('"𠀀"').total).toBe(0);
    expect(s.search('𠀁𠐀').total).toBe(1);
  });
});

describe('RELIABILITY 23: markup in the corpus inside a highlighted hit', () => {
  it('comes back as plain text parts that join to the text', async () => {
    const s = await searcher();
    const [hit] = s.search('onerror 页面').hits;
    expect(hit?.enParts.map((p) => p.text).join('')).toBe('The page shows <img src=x onerror=alert(1)> as text.');
    expect(hit?.enParts.filter((p) => p.mark).map((p) => p.text)).toEqual(['onerror']);
    expect(hit?.zhParts.map((p) => p.text).join('')).toBe(RECORDS[2]?.zh);
  });
});

describe('RELIABILITY 24: 合 and 作 far apart, query 合作', () => {
  it('finds no hit there, typed as characters or as pinyin', async () => {
    const s = await searcher();
    for (const q of ['合作', '"合作"', 'hezuo', 'hé zuò', 'he2zuo4']) {
      expect(
        s.search(q).hits.map((h) => h.pair),
        q,
      ).toEqual([3]);
    }
  });
});
