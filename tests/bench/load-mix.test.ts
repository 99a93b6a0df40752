import { describe, expect, it } from 'vitest';
import type { GlossaryEntry } from '../../lib/model';
import { readPinyin } from '../../lib/search/pinyin';
import {
  describeMix,
  glossaryQueries,
  readerPath,
  partition,
  requestSequence,
  searchPath,
  tonelessPinyin,
} from './load-mix';

const entry = (term: string, pinyin: string, renderings: string[], traditional: string[] = []): GlossaryEntry => ({
  term,
  traditional,
  pinyin,
  frequency: 10,
  documents: 1,
  termhood: 1,
  renderings: renderings.map((text, i) => ({ key: text.toLowerCase(), text, count: 10 - i, share: 0.5 })),
  unrendered: 0,
  within: [],
});

const GLOSSARY = [
  entry('中俄', 'Zhōng É', ['China–Russia', 'China and Russia']),
  entry('合作', 'hé zuò', ['cooperation']),
  entry('两国', 'liǎng guó', ['two countries'], ['兩國']),
  entry('西安', 'Xī ān', []),
];

describe('tonelessPinyin', () => {
  it.each([
    ['hé zuò', 'hezuo'],
    ['Zhōng É', "zhong'e"],
    ['Xī ān', "xi'an"],
    ['lǜ shī', 'lvshi'],
  ])('%s → %s', (marked, plain) => expect(tonelessPinyin(marked)).toBe(plain));
  it('is read back as the same syllables by the search', () => {
    for (const marked of ['Zhōng É liǎng guó', 'Xī ān', 'É luó sī']) {
      expect(readPinyin(tonelessPinyin(marked)!)?.syllables).toEqual(marked.split(' ').map((s) => tonelessPinyin(s)));
    }
  });
  it.each(['', 'K', 'Zhōng · É'])('null for %j', (marked) => expect(tonelessPinyin(marked)).toBeNull());
});

describe('glossaryQueries', () => {
  const queries = glossaryQueries(GLOSSARY, 10);
  it('gives every form of an entry that it has', () => {
    expect(queries.filter((q) => q.query.includes('合作') || /hezuo|hé zuò|cooperation/.test(q.query))).toEqual([
      { form: 'zh', query: '合作' },
      { form: 'pinyin (tones)', query: 'hé zuò' },
      { form: 'pinyin', query: 'hezuo' },
      { form: 'english', query: 'cooperation' },
      { form: 'multi-term', query: '合作 cooperation' },
    ]);
  });
  it('quotes only renderings of more than one word, and names the traditional form', () => {
    expect(queries).toContainEqual({ form: 'quoted', query: '"two countries"' });
    expect(queries).toContainEqual({ form: 'traditional', query: '兩國' });
    expect(queries.some((q) => q.query === '"cooperation"')).toBe(false);
  });
  it('takes the first word of a rendering for a multi-term query, dashes and all', () => {
    expect(queries).toContainEqual({ form: 'multi-term', query: '中俄 China' });
  });
  it('keeps no repeats and stops at the number of terms asked for', () => {
    const all = glossaryQueries([...GLOSSARY, ...GLOSSARY], 100);
    expect(new Set(all.map((q) => q.query)).size).toBe(all.length);
    expect(glossaryQueries(GLOSSARY, 1).map((q) => q.query)).toEqual([
      '中俄',
      'Zhōng É',
      "zhong'e",
      'China–Russia',
      '中俄 China',
    ]);
  });
});

describe('requestSequence', () => {
  const queries = Array.from({ length: 40 }, (_, i) => `q${i}`);
  const docs = ['a', 'b', 'c'];
  it('has each query once and reader pages at the share asked for, spread out', () => {
    const seq = requestSequence(queries, docs, 0.2);
    expect(seq).toHaveLength(50);
    expect(seq.filter((r) => r.kind === 'search').map((r) => r.path)).toEqual(queries.map(searchPath));
    const readers = seq.flatMap((r, i) => (r.kind === 'reader' ? [i] : []));
    expect(readers).toHaveLength(10);
    // Evenly: one in every five.
    expect(readers).toEqual([4, 9, 14, 19, 24, 29, 34, 39, 44, 49]);
    expect(
      seq
        .filter((r) => r.kind === 'reader')
        .map((r) => r.path)
        .slice(0, 4),
    ).toEqual(['a', 'b', 'c', 'a'].map((d) => readerPath(d)));
  });
  it('has no reader pages without documents or at share 0', () => {
    expect(requestSequence(queries, [], 0.2).every((r) => r.kind === 'search')).toBe(true);
    expect(requestSequence(queries, docs, 0)).toHaveLength(40);
  });
  it('refuses a share of 1 or more', () => expect(() => requestSequence(queries, docs, 1)).toThrow(RangeError));
  it('percent-encodes queries and ids', () => {
    expect(searchPath('"two countries" 合作')).toBe('/api/search?q=%22two%20countries%22%20%E5%90%88%E4%BD%9C');
    expect(readerPath('a b')).toBe('/en/read/a%20b');
  });
});

describe('partition', () => {
  it('cuts the whole sequence into contiguous runs of nearly equal length', () => {
    const xs = Array.from({ length: 10 }, (_, i) => i);
    const parts = partition(xs, 3);
    expect(parts).toEqual([
      [0, 1, 2],
      [3, 4, 5],
      [6, 7, 8, 9],
    ]);
    expect(partition(xs, 1)).toEqual([xs]);
  });
  it('shares requests when there are more connections than requests', () => {
    expect(partition(['a', 'b'], 5)).toEqual([['a'], ['b'], ['a'], ['b'], ['a']]);
  });
  it('is empty for nothing to send or no connections', () => {
    expect(partition([], 3)).toEqual([]);
    expect(partition([1], 0)).toEqual([]);
  });
});

describe('describeMix', () => {
  it('says the shares and the forms', () => {
    const queries = glossaryQueries(GLOSSARY, 10);
    const text = describeMix(
      queries,
      ['a', 'b'],
      requestSequence(
        queries.map((q) => q.query),
        ['a', 'b'],
        0.2,
      ),
    );
    expect(text).toMatch(/^80% search \(\d+ queries: \d+ zh, .*\), 20% reader page \(2 documents/);
  });
});
