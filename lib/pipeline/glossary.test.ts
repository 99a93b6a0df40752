import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCedict } from '../dictionary/cedict';
import type { BuiltDoc, GlossaryEntry } from '../model';
import { termPairs, type TermPair } from '../terms/pairs';
import { termReport } from '../terms/report';
import type { Candidate } from '../terms/candidates';
import { buildGlossary, generality, GLOSSARY_SIZE, traditionalForms } from './glossary';
import { buildDocument } from './build-document';
import { readCorpus } from './read-corpus';

// Two documents of the real corpus, one of them traditional (Ta Kung Pao): small enough to build
// here in a few seconds, large enough for the corpus statistics to say something.
const DOCS = ['2025-05-08-takungpao-moscow-talks', '2026-05-20-xi-putin-talks'];
const dict = loadCedict();
const lookup = (word: string) => dict.lookup(word);
let docs: BuiltDoc[];
let pairs: TermPair[];
let glossary: GlossaryEntry[];

beforeAll(async () => {
  const inputs = (await readCorpus(path.resolve(import.meta.dirname, '../../corpus'))).filter((i) =>
    DOCS.includes(i.meta.id),
  );
  docs = inputs.map((input) => buildDocument(input, dict));
  pairs = docs.flatMap((doc) => termPairs(doc));
  glossary = buildGlossary(docs, lookup, { size: 150 });
}, 60_000);

const dominant = (term: string) => termReport(term, pairs, lookup).renderings[0];

describe('term reports on the corpus', () => {
  it.each([
    ['合作', 'cooperation'],
    ['普京', 'Putin'],
    ['习近平', 'Xi Jinping'],
    ['全面战略协作伙伴关系', 'comprehensive strategic partnership of coordination'],
    ['两国元首', 'two heads of state'],
  ])('%s is rendered above all as "%s"', (term, text) => {
    expect(dominant(term)?.text.toLowerCase()).toBe(text.toLowerCase());
  });

  it('renders 合作 as cooperation nine times in ten at least', () => {
    expect(dominant('合作')!.share).toBeGreaterThan(0.9);
  });
});

describe('buildGlossary', () => {
  it('lists terms most term-like first, within the size asked for', () => {
    expect(glossary.length).toBeGreaterThan(50);
    expect(glossary.length).toBeLessThanOrEqual(150);
    for (let i = 1; i < glossary.length; i++)
      expect(glossary[i - 1]!.termhood).toBeGreaterThanOrEqual(glossary[i]!.termhood);
    expect(GLOSSARY_SIZE).toBeGreaterThanOrEqual(300);
  });

  it('finds multi-word terms, with their traditional form, pinyin and renderings', () => {
    const entry = glossary.find((e) => e.term === '全面战略协作伙伴关系' || e.term === '新时代全面战略协作伙伴关系')!;
    expect(entry).toBeDefined();
    expect(entry.traditional.some((t) => t.includes('全面戰略協作夥伴關係'))).toBe(true);
    expect(entry.pinyin).toMatch(/quán miàn zhàn lüè xié zuò/);
    expect(entry.renderings[0]!.key).toMatch(/^comprehens strateg partnership of coordin/);
  });

  it('counts what the term page counts: the report over the same pairs and dictionary', () => {
    const terms = glossary.map((e) => e.term);
    for (const entry of glossary.slice(0, 20)) {
      const report = termReport(entry.term, pairs, lookup, terms);
      expect(entry.frequency).toBe(report.occurrences.length);
      expect(entry.unrendered).toBe(report.unrendered);
      expect(entry.documents).toBe(new Set(report.occurrences.map((o) => o.docId)).size);
    }
  });

  it('counts an occurrence inside a longer glossary term under that term, apart from its own renderings', () => {
    const terms = glossary.map((e) => e.term);
    const both = glossary.find((e) => e.within.length > 0 && e.renderings.length > 0)!;
    expect(both).toBeDefined();
    const report = termReport(both.term, pairs, lookup, terms);
    const inside = report.occurrences.filter((o) => o.within !== undefined);
    expect(inside.length).toBe(report.within.reduce((n, w) => n + w.count, 0));
    for (const w of report.within) {
      expect(terms).toContain(w.term);
      expect(w.term.includes(both.term) && w.term.length > both.term.length).toBe(true);
    }
    // Every occurrence inside a longer term lies in that term's text in its pair.
    for (const o of inside) {
      const zh = pairs.find((p) => p.docId === o.docId && p.pair === o.pair)!.zh;
      const from = Math.max(0, o.zhEnd - o.within!.length);
      const at = zh.indexOf(o.within!, from);
      expect(at >= from && at <= o.zhStart).toBe(true);
    }
    // Shares are of the term's own occurrences, so they add up to what was rendered of those.
    const own = report.occurrences.length - inside.length;
    const rendered = report.renderings.reduce((n, r) => n + r.count, 0);
    expect(rendered + report.unrendered).toBe(own);
    expect(report.renderings.reduce((n, r) => n + r.share, 0)).toBeCloseTo(rendered / own, 6);
  });

  it('keeps out function words, numbers and single characters', () => {
    const terms = glossary.map((e) => e.term);
    for (const t of ['的', '和', '我们', '进一步', '二〇二五年']) expect(terms).not.toContain(t);
    expect(terms.every((t) => [...t].length >= 2)).toBe(true);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(buildGlossary(docs, lookup, { size: 150 }))).toBe(JSON.stringify(glossary));
  });
});

describe('generality', () => {
  it('discounts everyday words by their HSK level and nothing else', () => {
    expect(generality(1)).toBe(0.75);
    expect(generality(6)).toBe(0.125);
    expect(generality(undefined)).toBe(0);
  });
});

describe('traditionalForms', () => {
  const candidate = (term: string, words: string[], originals: Array<[string, number]> = []): Candidate => ({
    term,
    words,
    frequency: 1,
    pairs: new Set(),
    documents: new Set(),
    readings: new Map(),
    originals: new Map(originals),
    leftVariety: 2,
    rightVariety: 2,
    fragment: false,
  });

  it("gives the sources' forms first, commonest first, then CC-CEDICT's", () => {
    expect(
      traditionalForms(
        candidate(
          '关系',
          ['关系'],
          [
            ['關系', 1],
            ['關係', 3],
          ],
        ),
        lookup,
      ),
    ).toEqual(['關係', '關系']);
    // CC-CEDICT's variant spelling 關系 is not offered on its own authority.
    expect(traditionalForms(candidate('关系', ['关系']), lookup)).toEqual(['關係']);
  });

  it("puts a run of words together from its words' forms when each has one", () => {
    expect(traditionalForms(candidate('两国元首', ['两国', '元首']), lookup)).toEqual(['兩國元首']);
    expect(traditionalForms(candidate('合作', ['合作']), lookup)).toEqual([]);
  });
});
