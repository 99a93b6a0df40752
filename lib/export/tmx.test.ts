import { describe, expect, it } from 'vitest';
import { sampleMeta } from '../../tests/fixtures/meta';
import { texts, tmxErrors, withXml } from '../../tests/fixtures/export/validate';
import type { Bead, BuiltDoc, DocMeta, EnBlock, Pair, ZhBlock } from '../model';
import { exportTmx, sentenceUnits } from './tmx';

/** A Chinese block of sentences given as [original, simplified] (or one string for both). */
function zhBlock(sentences: Array<string | [string, string]>): ZhBlock {
  const pairs = sentences.map((s): [string, string] => (typeof s === 'string' ? [s, s] : s));
  const original = pairs.map(([o]) => o).join('');
  const simplified = pairs.map(([, s]) => s).join('');
  return {
    kind: 'paragraph',
    text: original,
    original,
    simplified,
    sentences: pairs.map(([o, s]) => ({ original: o, simplified: s, words: [] })),
  };
}

const enBlock = (sentences: string[]): EnBlock => ({ kind: 'paragraph', text: sentences.join(' '), sentences });

function pair(id: number, zh: number[], en: number[], sentences: Bead[]): Pair {
  return {
    id,
    zh,
    en,
    confidence: 0.9,
    unaligned: zh.length === 0 || en.length === 0,
    lowConfidence: false,
    sentences,
  };
}

function builtDoc(meta: DocMeta, zh: ZhBlock[], en: EnBlock[], pairs: Pair[]): BuiltDoc {
  const stats = {
    blocks: zh.length,
    enBlocks: en.length,
    sentences: 0,
    enSentences: 0,
    words: 0,
    characters: 0,
    pairs: pairs.length,
    aligned: 0,
    unaligned: 0,
    lowConfidence: 0,
    translated: 1,
    warnings: 0,
  };
  return { meta, zh, en, pairs, stats, dropped: [], warnings: [] };
}

const bead = (zh: number[], en: number[], confidence = 0.8): Bead => ({ zh, en, confidence });

/** Two paragraphs: a 2-1 merge and a left-out sentence in the first, an unaligned pair after. */
const simplifiedDoc = builtDoc(
  sampleMeta('doc-a'),
  [zhBlock(['两国元首举行会谈。', '双方同意加强合作。', '会谈后共同会见记者。']), zhBlock(['没有译文的段落。'])],
  [enBlock(['The two heads of state held talks and agreed to strengthen cooperation.', 'An added sentence.'])],
  [pair(0, [0], [0], [bead([0, 1], [0], 0.91234), bead([2], []), bead([], [1])]), pair(1, [1], [], [bead([0], [])])],
);

/** Hostile text on both sides: markup, ampersands, a CDATA end, controls XML cannot carry, Extension B. */
const hostileDoc = builtDoc(
  sampleMeta('doc-hostile'),
  [zhBlock(['<img src=x onerror=alert(1)>研发&合作]]>𠀀\u0001\uFFFE。', '第二句。'])],
  [enBlock(['<img src=x onerror=alert(1)> R&D & "co" ]]> 𠀀\u0008\uD800 end.', 'Second.'])],
  [pair(0, [0], [0], [bead([0], [0]), bead([1], [1])])],
);

/** A Taipei source: its original is kept as zh-TW beside the simplified text. */
const traditionalDoc = builtDoc(
  sampleMeta('doc-tw', { variant: 'traditional-TW' }),
  [zhBlock([['雙方發表聯合聲明。', '双方发表联合声明。']])],
  [enBlock(['The two sides issued a joint statement.'])],
  [pair(0, [0], [0], [bead([0], [0])])],
);

const tmx = (docs: BuiltDoc[]) => exportTmx(docs, { toolVersion: '9.8.7' });

describe('sentenceUnits', () => {
  it('keeps beads with text on both sides, joins merged sentences and numbers pairs and beads from 1', () => {
    expect(sentenceUnits(simplifiedDoc)).toEqual([
      {
        docId: 'doc-a',
        pair: 1,
        bead: 1,
        zh: '两国元首举行会谈。双方同意加强合作。',
        en: 'The two heads of state held talks and agreed to strengthen cooperation.',
        confidence: 0.91234,
      },
    ]);
  });

  it('carries the original of a traditional document', () => {
    expect(sentenceUnits(traditionalDoc)[0]).toMatchObject({
      zh: '双方发表联合声明。',
      original: '雙方發表聯合聲明。',
    });
  });
});

describe('exportTmx', () => {
  it('is valid against the TMX 1.4 DTD', () => {
    expect(tmxErrors(tmx([simplifiedDoc, hostileDoc, traditionalDoc]))).toEqual([]);
  });

  it('the validator really checks: a header without segtype and a tuv with two segs are refused', () => {
    const broken = tmx([simplifiedDoc]).replace(' segtype="sentence"', '').replace('</seg>', '</seg><seg>again</seg>');
    const errors = tmxErrors(broken);
    expect(errors.join('\n')).toMatch(/does not carry attribute segtype/);
    expect(errors.join('\n')).toMatch(/tuv content does not follow the DTD/);
  });

  it('writes the header CAT tools read', () => {
    withXml(tmx([simplifiedDoc]), (doc) => {
      const header = doc.get('/tmx/header');
      const attrs = Object.fromEntries(
        ['creationtool', 'creationtoolversion', 'segtype', 'o-tmf', 'adminlang', 'srclang', 'datatype'].map((a) => [
          a,
          doc.eval(`string(/tmx/header/@${a})`),
        ]),
      );
      expect(header).not.toBeNull();
      expect(doc.eval('string(/tmx/@version)')).toBe('1.4');
      expect(attrs).toEqual({
        creationtool: 'Duizhao',
        creationtoolversion: '9.8.7',
        segtype: 'sentence',
        'o-tmf': 'Duizhao',
        adminlang: 'en',
        srclang: 'zh-CN',
        datatype: 'plaintext',
      });
    });
  });

  it('writes one tu per exported sentence bead, with document and pair as props', () => {
    const docs = [simplifiedDoc, hostileDoc, traditionalDoc];
    const units = docs.flatMap(sentenceUnits);
    withXml(tmx(docs), (doc) => {
      expect(doc.find('/tmx/body/tu')).toHaveLength(units.length);
      expect(texts(doc, '/tmx/body/tu/prop[@type="x-doc"]')).toEqual(units.map((u) => u.docId));
      expect(texts(doc, '/tmx/body/tu/prop[@type="x-pair"]')).toEqual(units.map((u) => String(u.pair)));
      expect(texts(doc, '/tmx/body/tu/@tuid')).toEqual([
        'doc-a/p1/s1',
        'doc-hostile/p1/s1',
        'doc-hostile/p1/s2',
        'doc-tw/p1/s1',
      ]);
      expect(texts(doc, '/tmx/body/tu[1]/prop[@type="x-confidence"]')).toEqual(['0.912']);
      // tuid values are unique, as translation memories key on them.
      expect(new Set(texts(doc, '//tu/@tuid')).size).toBe(units.length);
    });
  });

  it('tags Chinese zh-CN and English en-GB, and adds the traditional original as zh-TW', () => {
    withXml(tmx([simplifiedDoc, traditionalDoc]), (doc) => {
      expect(texts(doc, '//tu[1]/tuv/@xml:lang')).toEqual(['zh-CN', 'en-GB']);
      expect(texts(doc, '//tu[2]/tuv/@xml:lang')).toEqual(['zh-CN', 'zh-TW', 'en-GB']);
      expect(texts(doc, '//tu[2]/tuv[@xml:lang="zh-TW"]/seg')).toEqual(['雙方發表聯合聲明。']);
      expect(texts(doc, '//tu[2]/tuv[@xml:lang="zh-CN"]/seg')).toEqual(['双方发表联合声明。']);
    });
  });

  it('escapes markup and ampersands so they read back as the same text, and drops what XML 1.0 cannot hold', () => {
    const xml = tmx([hostileDoc]);
    expect(xml).not.toContain('<img');
    withXml(xml, (doc) => {
      expect(doc.find('//img')).toHaveLength(0);
      expect(texts(doc, '//tu[1]/tuv[@xml:lang="zh-CN"]/seg')).toEqual([
        '<img src=x onerror=alert(1)>研发&合作]]>𠀀。',
      ]);
      expect(texts(doc, '//tu[1]/tuv[@xml:lang="en-GB"]/seg')).toEqual([
        '<img src=x onerror=alert(1)> R&D & "co" ]]> 𠀀 end.',
      ]);
    });
  });

  it('is a valid, empty memory when nothing is aligned, and identical from one run to the next', () => {
    const empty = tmx([
      builtDoc(sampleMeta('doc-empty'), [zhBlock(['孤句。'])], [], [pair(0, [0], [], [bead([0], [])])]),
    ]);
    expect(tmxErrors(empty)).toEqual([]);
    withXml(empty, (doc) => expect(doc.find('//tu')).toHaveLength(0));
    expect(tmx([simplifiedDoc, traditionalDoc])).toBe(tmx([simplifiedDoc, traditionalDoc]));
  });
});
