/** buildDocument and readCorpus on the source formats beyond text and Markdown. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDocx } from '../../tests/fixtures/formats/make-docx';
import { sampleMeta } from '../../tests/fixtures/meta';
import { loadCedict } from '../dictionary/cedict';
import { exportTmx, sentenceUnits } from '../export/tmx';
import type { DocMeta, RawFile } from '../model';
import { buildDocument } from './build-document';
import { readCorpus } from './read-corpus';

const dict = loadCedict();
const utf8 = (text: string) => new TextEncoder().encode(text);
const raw = (p: string, text: string, format: RawFile['format']): RawFile => ({
  path: p,
  bytes: utf8(text),
  encoding: 'utf-8',
  format,
});
let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'duizhao-formats-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const ZH =
  '中俄元首会谈\n\n国家主席习近平同俄罗斯总统普京举行会谈。双方同意深化合作。\n\n两国将加强人文交流，推动睦邻友好。\n\n这一段没有译文。\n';
const EN =
  "Chinese and Russian heads of state hold talks\n\nPresident Xi Jinping held talks with Russia's President Putin. Both sides agreed to deepen cooperation.\n\nThe two countries will strengthen people-to-people exchanges and promote good-neighbourliness.\n";

describe('buildDocument: a translation memory', () => {
  it('TMX round trip: our export, imported as a document, gives back the same sentence pairs, paired as given', () => {
    const meta = sampleMeta('talks', { translation: { file: 'en.txt', format: 'text', translator: 't', note: 'n' } });
    const original = buildDocument(
      { meta, source: raw('source.txt', ZH, 'text'), translation: raw('en.txt', EN, 'text') },
      dict,
    );
    const units = sentenceUnits(original);
    expect(units.length).toBeGreaterThanOrEqual(3);
    const memoryMeta: DocMeta = {
      ...meta,
      id: 'talks-tm',
      source: 'source.tmx',
      format: 'tmx',
      translation: { file: 'source.tmx', format: 'tmx', translator: 't', note: 'n' },
    };
    const imported = buildDocument(
      { meta: memoryMeta, source: raw('source.tmx', exportTmx([original], { toolVersion: 'test' }), 'tmx') },
      dict,
    );
    // One pair per translation unit, in order, each with its Chinese and English paragraph.
    expect(imported.pairs.map((p) => [p.zh, p.en, p.confidence, p.unaligned])).toEqual(
      units.map((_, i) => [[i], [i], 1, false]),
    );
    expect(imported.zh.map((b) => b.simplified)).toEqual(units.map((u) => u.zh));
    expect(imported.en.map((b) => b.text)).toEqual(units.map((u) => u.en));
    // And exporting the imported document again gives the same units.
    expect(sentenceUnits(imported).map(({ zh, en }) => ({ zh, en }))).toEqual(units.map(({ zh, en }) => ({ zh, en })));
  });

  it('a unit with an empty side stays as an unaligned pair; words are segmented and glossed', () => {
    const tmx =
      '<tmx version="1.4"><header srclang="zh-CN"/><body>' +
      '<tu><tuv xml:lang="zh-CN"><seg>双方同意深化合作。</seg></tuv><tuv xml:lang="en"><seg>Both sides agreed to deepen cooperation.</seg></tuv></tu>' +
      '<tu><tuv xml:lang="zh-CN"><seg>尚未翻译的句子。</seg></tuv></tu>' +
      '<tu><tuv xml:lang="en"><seg>An added English sentence.</seg></tuv></tu>' +
      '</body></tmx>';
    const doc = buildDocument(
      { meta: sampleMeta('tm', { source: 'm.tmx', format: 'tmx' }), source: raw('m.tmx', tmx, 'tmx') },
      dict,
    );
    expect(doc.pairs.map((p) => [p.zh, p.en, p.unaligned])).toEqual([
      [[0], [0], false],
      [[1], [], true],
      [[], [1], true],
    ]);
    expect(doc.stats).toMatchObject({ blocks: 2, enBlocks: 2, aligned: 1, unaligned: 2, translated: 0.5 });
    expect(doc.zh[0]?.sentences[0]?.words.find((w) => w.simplified === '合作')?.pinyin).toBe('hé zuò');
  });

  it('a traditional XLIFF: the original kept beside the simplified form', () => {
    const xlf =
      '<xliff version="2.0" srcLang="zh-HK" trgLang="en-GB"><file id="f"><unit id="1"><segment>' +
      '<source>兩國元首舉行會談。</source><target>The two heads of state held talks.</target></segment></unit></file></xliff>';
    const doc = buildDocument(
      {
        meta: sampleMeta('x', { source: 'm.xlf', format: 'xliff', variant: 'traditional-HK' }),
        source: raw('m.xlf', xlf, 'xliff'),
      },
      dict,
    );
    expect(doc.zh[0]).toMatchObject({ original: '兩國元首舉行會談。', simplified: '两国元首举行会谈。' });
    expect(doc.pairs[0]).toMatchObject({ zh: [0], en: [0], unaligned: false });
  });
});

describe('buildDocument: HTML', () => {
  it('an HTML source with a Markdown translation aligns like any text', () => {
    const html =
      '<h1>中俄元首会谈</h1><p>国家主席习近平同俄罗斯总统普京举行会谈。双方同意深化合作。</p><p>两国将加强人文交流，推动睦邻友好。</p>';
    const doc = buildDocument(
      {
        meta: sampleMeta('h', { format: 'html' }),
        source: raw('s.html', html, 'html'),
        translation: raw('en.md', EN, 'markdown'),
      },
      dict,
    );
    expect(doc.zh.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'paragraph']);
    expect(doc.stats.aligned).toBe(3);
  });
});

describe('readCorpus: DOCX at the file-system edge', () => {
  it('a DOCX source and a DOCX translation arrive as HTML; a bad DOCX is refused naming the file', async () => {
    const dir = path.join(work, 'corpus', 'docx-doc');
    await mkdir(dir, { recursive: true });
    await writeFile(
      path.join(dir, 'source.docx'),
      await makeDocx([
        { text: '中俄元首会谈', style: 'Heading1' },
        { text: '国家主席习近平同俄罗斯总统普京举行会谈。' },
      ]),
    );
    await writeFile(
      path.join(dir, 'en.docx'),
      await makeDocx([
        { text: 'Chinese and Russian heads of state hold talks', style: 'Heading1' },
        { text: "President Xi Jinping held talks with Russia's President Putin." },
      ]),
    );
    const meta = sampleMeta('docx-doc', {
      source: 'source.docx',
      format: 'docx',
      translation: { file: 'en.docx', format: 'docx', translator: 't', note: 'n' },
    });
    await writeFile(path.join(dir, 'meta.json'), JSON.stringify(meta));
    const [input] = await readCorpus(path.join(work, 'corpus'));
    expect(input?.source).toMatchObject({ path: path.join(dir, 'source.docx'), format: 'html' });
    expect(input?.translation).toMatchObject({ format: 'html' });
    const doc = buildDocument(input!, dict);
    expect(doc.zh.map((b) => [b.kind, b.text])).toEqual([
      ['heading', '中俄元首会谈'],
      ['paragraph', '国家主席习近平同俄罗斯总统普京举行会谈。'],
    ]);
    expect(doc.pairs.map((p) => [p.zh, p.en])).toEqual([
      [[0], [0]],
      [[1], [1]],
    ]);
    await writeFile(path.join(dir, 'en.docx'), 'not a zip');
    await expect(readCorpus(path.join(work, 'corpus'))).rejects.toThrow(/docx-doc\/en\.docx: not a DOCX file/);
  });
});
