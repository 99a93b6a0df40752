import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../tests/fixtures/random';
import type { PairRecord } from '../model';
import { searcherOver } from './index';
import { matchRecord, toParts } from './match';
import { pinyinLine } from './pinyin';
import { parseQuery } from './query';

/**
 * A corpus where 的 and the syllable de are in thousands of records (past the length from which a
 * common list carries the head of its ranking) and the English word "de" in a few dozen, some of
 * them with 的 too: the pages of `de` come from two heads and their intersection.
 */
const READINGS: Record<string, string> = { 我: 'wo', 的: 'de', 书: 'shu', 山: 'shan', 水: 'shui', 好: 'hao' };

function corpus(): PairRecord[] {
  const r = seededRandom(23);
  const out: PairRecord[] = [];
  for (let pair = 0; pair < 3000; pair++) {
    const des = r() < 0.9 ? 1 + Math.floor(r() * r() * 5) : 0;
    const zh = `${'我的书'.repeat(des)}山水${r() < 0.5 ? '好' : ''}`;
    const en =
      r() < 0.01 ? `Rue de ${r() < 0.5 ? 'la Paix de' : 'Rivoli'} and my book` : 'My book, mountains and water';
    out.push({
      docId: `doc-${Math.floor(pair / 500)}`,
      pair: pair % 500,
      zh,
      en,
      pinyin: pinyinLine(
        zh,
        Array.from(zh, (ch) => READINGS[ch] ?? null),
      ),
    });
  }
  return out;
}

/** The ranking by brute force: occurrences counted in the text (的 and the word "de"), then corpus order. */
function expected(records: PairRecord[], count: (r: PairRecord) => number): string[] {
  return records
    .map((rec, id) => ({ rec, id, n: count(rec) }))
    .filter((x) => x.n > 0)
    .sort((x, y) => y.n - x.n || x.id - y.id)
    .map((x) => `${x.rec.docId}#${x.rec.pair}`);
}

describe('pages of long lists, from the heads of their rankings', () => {
  const records = corpus();
  const searcher = searcherOver(records);
  const ids = (query: string, offset: number, limit: number) =>
    searcher.search(query, { offset, limit }).hits.map((h) => `${h.docId}#${h.pair}`);
  const des = (rec: PairRecord) => rec.zh.split('的').length - 1;
  const words = (rec: PairRecord) => rec.en.split(/\W+/).filter((w) => w.toLowerCase() === 'de').length;

  it('one term: every page and the total as a full ranking gives them, early pages and late', () => {
    const want = expected(records, des);
    expect(want.length).toBeGreaterThan(2048);
    expect(searcher.search('的').total).toBe(want.length);
    for (const [offset, limit] of [
      [0, 20],
      [20, 100],
      [180, 100],
      [want.length - 30, 100],
    ] as const)
      expect(ids('的', offset, limit), `${offset}+${limit}`).toEqual(want.slice(offset, offset + limit));
  });

  it('two readings united (the syllable de and the word "de"): counts summed, total exact, pages in order', () => {
    const want = expected(records, (rec) => des(rec) + words(rec));
    expect(searcher.search('de').total).toBe(want.length);
    for (const [offset, limit] of [
      [0, 20],
      [0, 100],
      [100, 100],
      [want.length - 10, 20],
    ] as const)
      expect(ids('de', offset, limit), `${offset}+${limit}`).toEqual(want.slice(offset, offset + limit));
  });

  it('marks each hit as matching the whole query against its record does, whichever readings it holds', () => {
    // The searcher skips a reading a hit is known not to hold; looking for every reading must agree.
    for (const [query, offset, limit] of [
      ['de', 0, 100],
      ['de', 100, 100],
      ['de 书', 0, 100],
      ['"de la" 书', 0, 20],
    ] as const) {
      const terms = parseQuery(query);
      const { hits } = searcher.search(query, { offset, limit });
      expect(hits.length, query).toBeGreaterThan(0);
      for (const hit of hits) {
        const record = records.find((r) => r.docId === hit.docId && r.pair === hit.pair)!;
        const match = matchRecord(record, terms)!;
        expect(hit.zhParts, `${query}: ${hit.docId}#${hit.pair}`).toEqual(toParts(record.zh, match.zh));
        expect(hit.enParts, `${query}: ${hit.docId}#${hit.pair}`).toEqual(toParts(record.en, match.en));
      }
    }
    // The pages above hold hits with both readings: some marks on both sides.
    const both = searcher
      .search('de', { limit: 100 })
      .hits.filter((h) => h.zhParts.some((p) => p.mark) && h.enParts.some((p) => p.mark));
    expect(both.length).toBeGreaterThan(0);
  });
});
