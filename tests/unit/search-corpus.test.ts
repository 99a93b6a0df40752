/**
 * Search is exact on the real corpus, built end to end as the ingest builds it (as corpus.test.ts
 * does: a copy of corpus/ ingested into a temporary folder, then build/search.jsonl loaded the way
 * the app loads it). Random pieces of the pairs' own text — Chinese substrings, their traditional
 * originals, English word runs, the pinyin of Chinese words — are found in exactly the pairs a
 * plain scan over the records says hold them; random strings absent from the corpus find nothing.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCedict } from '../../lib/dictionary/cedict';
import type { BuiltDoc, PairRecord } from '../../lib/model';
import { ingest } from '../../lib/pipeline/run';
import { englishWords, foldForMatching, stemWord, toSimplified } from '../../lib/search/encode';
import { BUNDLE_FILE, loadSearcher, MAX_LIMIT, readBundleFile, type Searcher } from '../../lib/search/index';
import { readPinyin, wordSyllables } from '../../lib/search/pinyin';
import { seededRandom } from '../fixtures/random';

const root = path.resolve(import.meta.dirname, '../..');
let work: string;
let docs: BuiltDoc[];
let records: PairRecord[];
let searcher: Searcher;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'duizhao-search-corpus-'));
  await cp(path.join(root, 'corpus'), path.join(work, 'corpus'), { recursive: true });
  const built = await ingest({ root: work, loadDictionary: loadCedict, keepDocs: true });
  docs = built.docs;
  const bundle = await readBundleFile(path.join(built.buildDir, BUNDLE_FILE));
  records = bundle.records;
  searcher = await loadSearcher(bundle);
}, 180_000);
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const rng = seededRandom;
const pick = <T>(xs: readonly T[], r: () => number): T => xs[Math.floor(r() * xs.length)] as T;
const key = (r: { docId: string; pair: number }) => `${r.docId}#${r.pair}`;

/** Every hit of a query, all pages. */
function everyHit(query: string): string[] {
  const first = searcher.search(query, { limit: MAX_LIMIT });
  const hits = first.hits.map(key);
  while (hits.length < first.total) {
    const page = searcher.search(query, { limit: MAX_LIMIT, offset: hits.length });
    if (page.hits.length === 0) break;
    hits.push(...page.hits.map(key));
  }
  expect(hits.length, query).toBe(first.total);
  return hits.sort();
}

const scan = (keep: (r: PairRecord) => boolean) => records.filter(keep).map(key).sort();

// The plain definitions, written apart from the searcher's own matching code.
const HAN_RUN = /\p{Script=Han}+/gu;
const QUOTE_OR_SPACE = /["“”「」『』\s]/u;
/** Search folds case and full-width forms on both sides; the plain scan does the same with the library's fold. */
const folded = (s: string) => foldForMatching(s).text;
const holdsChinese = (r: PairRecord, q: string) =>
  folded(r.zh).includes(folded(toSimplified(q))) || folded(r.zh).includes(folded(q));
const words = (text: string) => englishWords(text).map((w) => w.word);
function holdsWords(r: PairRecord, want: string[], same: (a: string, b: string) => boolean): boolean {
  const have = words(r.en);
  for (let i = 0; i + want.length <= have.length; i++)
    if (want.every((w, j) => same(have[i + j] ?? '', w))) return true;
  return false;
}
const byStem = (a: string, b: string) => stemWord(a) === stemWord(b);
/** A contiguous run of syllables within one Han run of the pair's pinyin line. */
function holdsSyllables(r: PairRecord, syllables: string[]): boolean {
  for (const run of (r.pinyin ?? '').split('|')) {
    const tokens = run.split(' ');
    for (let i = 0; i + syllables.length <= tokens.length; i++)
      if (syllables.every((s, j) => tokens[i + j] === s)) return true;
  }
  return false;
}

/** Random substrings of the records' Han runs, of 1 to 6 characters, with the record they came from. */
function chineseSamples(n: number, r: () => number, side: 'zh' | 'zhOriginal'): Array<{ q: string; from: PairRecord }> {
  const withText = records.filter((rec) => (rec[side] ?? '') !== '');
  const out: Array<{ q: string; from: PairRecord }> = [];
  while (out.length < n) {
    const from = pick(withText, r);
    const runs = (from[side] ?? '').match(HAN_RUN) ?? [];
    if (runs.length === 0) continue;
    const chars = Array.from(pick(runs, r));
    const len = Math.min(chars.length, 1 + Math.floor(r() * 6));
    const at = Math.floor(r() * (chars.length - len + 1));
    out.push({ q: chars.slice(at, at + len).join(''), from });
  }
  return out;
}

describe('search on the real corpus', () => {
  it('finds random Chinese substrings in every pair that holds them, and only there', () => {
    const r = rng(1);
    for (const { q, from } of chineseSamples(300, r, 'zh')) {
      const hits = everyHit(q);
      expect(hits, q).toContain(key(from));
      expect(hits, q).toEqual(scan((rec) => holdsChinese(rec, q)));
    }
  });

  it('finds longer substrings with punctuation, Latin and digits inside', () => {
    const r = rng(2);
    let tried = 0;
    while (tried < 150) {
      const from = pick(records, r);
      const chars = Array.from(from.zh);
      const len = 2 + Math.floor(r() * 10);
      const at = Math.floor(r() * Math.max(1, chars.length - len));
      const q = chars.slice(at, at + len).join('');
      if (q === '' || QUOTE_OR_SPACE.test(q) || !/\p{Script=Han}/u.test(q)) continue;
      tried++;
      const hits = everyHit(q);
      expect(hits, q).toContain(key(from));
      expect(hits, q).toEqual(scan((rec) => holdsChinese(rec, q)));
    }
  });

  it('finds substrings of the traditional originals in the pair they came from, and only where they are', () => {
    const traditional = records.filter((rec) => rec.zhOriginal !== undefined);
    expect(traditional.length).toBeGreaterThan(20);
    for (const { q, from } of chineseSamples(200, rng(3), 'zhOriginal')) {
      const hits = everyHit(q);
      expect(hits, q).toContain(key(from));
      expect(hits, q).toEqual(scan((rec) => holdsChinese(rec, q)));
    }
  });

  it('finds English word runs: a quoted phrase as written, a single word by stem (and as pinyin when it reads so)', () => {
    const r = rng(4);
    const withEnglish = records.filter((rec) => words(rec.en).length > 0);
    for (let n = 0; n < 200; n++) {
      const from = pick(withEnglish, r);
      const all = words(from.en);
      const len = Math.min(all.length, 1 + Math.floor(r() * 3));
      const at = Math.floor(r() * (all.length - len + 1));
      const run = all.slice(at, at + len);
      const phrase = everyHit(`"${run.join(' ')}"`);
      expect(phrase, run.join(' ')).toContain(key(from));
      expect(phrase, run.join(' ')).toEqual(scan((rec) => holdsWords(rec, run, (a, b) => a === b)));
      const word = run[0] ?? '';
      const pinyin = readPinyin(word);
      expect(everyHit(word), word).toEqual(
        scan((rec) => holdsWords(rec, [word], byStem) || (pinyin !== null && holdsSyllables(rec, pinyin.syllables))),
      );
    }
  });

  it('finds the pinyin of Chinese words, typed with tones or run together, in every pair that reads so', () => {
    const r = rng(5);
    const pairsOf = new Map(records.map((rec) => [key(rec), rec]));
    let tried = 0;
    while (tried < 200) {
      const doc = pick(docs, r);
      const pair = pick(doc.pairs, r);
      const block = doc.zh[pick(pair.zh.length > 0 ? pair.zh : [-1], r)];
      const word =
        block &&
        pick(
          block.sentences.flatMap((s) => s.words),
          r,
        );
      const syllables = word && wordSyllables(word.simplified, word.pinyin);
      if (!word || !syllables || syllables.length === 0 || syllables.some((s) => s === null)) continue;
      tried++;
      const from = key({ docId: doc.meta.id, pair: pair.id });
      const want = syllables as string[];
      // As the gloss writes it (hé zuò, Xí Jìn píng): tones make it pinyin only.
      const toned = everyHit(word.pinyin);
      expect(toned, word.pinyin).toContain(from);
      expect(toned, word.pinyin).toEqual(scan((rec) => holdsSyllables(rec, want)));
      // Run together without tones (hezuo): also an English word, in principle.
      const plain = want.join('');
      const reading = readPinyin(plain);
      if (reading === null || reading.syllables.join(' ') !== want.join(' ')) continue; // xi'an needs its apostrophe
      const hits = everyHit(plain);
      expect(hits, plain).toContain(from);
      expect(hits, plain).toEqual(scan((rec) => holdsSyllables(rec, want) || holdsWords(rec, [plain], byStem)));
      expect(pairsOf.has(from)).toBe(true);
    }
  });

  it('finds nothing for random strings that are not in the corpus', () => {
    const r = rng(6);
    let tried = 0;
    while (tried < 200) {
      const han = Array.from({ length: 2 + Math.floor(r() * 3) }, () =>
        String.fromCodePoint(0x4e00 + Math.floor(r() * 0x5000)),
      ).join('');
      const latin = `zq${Math.floor(r() * 1e9).toString(36)}x`;
      const syllables = Array.from({ length: 3 }, () =>
        pick(['zhuang', 'nve', 'ceng', 'pou', 'sou', 'rua', 'kei', 'diu'], r),
      );
      if (records.some((rec) => holdsChinese(rec, han) || holdsSyllables(rec, syllables))) continue;
      tried++;
      expect(searcher.search(han).total, han).toBe(0);
      expect(searcher.search(latin).total, latin).toBe(0);
      expect(searcher.search(syllables.join(' ')).total, syllables.join(' ')).toBe(0);
    }
  });

  it('does not find 合作 where 合 and 作 stand apart, as characters or as pinyin', () => {
    const apart = records.filter((rec) => rec.zh.includes('合') && rec.zh.includes('作') && !rec.zh.includes('合作'));
    expect(apart.length).toBeGreaterThan(0);
    const hits = new Set(everyHit('合作'));
    for (const rec of apart) expect(hits.has(key(rec)), key(rec)).toBe(false);
    const pinyin = new Set(everyHit('hé zuò'));
    for (const rec of apart) expect(pinyin.has(key(rec)) && !holdsSyllables(rec, ['he', 'zuo']), key(rec)).toBe(false);
  });
});
