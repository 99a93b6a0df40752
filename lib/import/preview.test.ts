import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDocx } from '../../tests/fixtures/formats/make-docx';
import { loadCedict } from '../dictionary/cedict';
import { blocksFingerprint } from '../pipeline/corrections';
import { preview, resolveInput } from './preview';
import { PREVIEW_WINDOW } from './workload';
import { ImportError } from './wire';

const root = path.resolve(import.meta.dirname, '../..');
const dict = loadCedict();
const bytes = (file: string) => new Uint8Array(readFileSync(path.join(root, file)));
const ZH = { bytes: bytes('tests/fixtures/import/zh.txt'), name: 'zh.txt' };
const EN = { bytes: bytes('tests/fixtures/import/en.md'), name: 'en.md' };

describe('import preview', () => {
  it('cleans and aligns as the ingest would, and says what a correction must carry', async () => {
    const result = await preview({ zh: ZH, en: EN }, dict);
    expect(result.zh).toMatchObject({ format: 'text', encoding: 'utf-8', variant: 'simplified' });
    expect(result.zh.blocks.map((b) => b.kind)).toEqual([
      'heading',
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
    ]);
    expect(result.en?.format).toBe('markdown');
    expect(result.en?.blocks[0]).toMatchObject({ kind: 'heading', text: 'China–Russia Relations' });
    // Every block in exactly one pair, in order; the sentences inside aligned.
    expect(result.pairs.flatMap((p) => p.zh)).toEqual([0, 1, 2, 3, 4]);
    expect(result.pairs.flatMap((p) => p.en)).toEqual([0, 1, 2, 3]);
    expect(result.pairs[1]!.sentences.flatMap((s) => s.zh)).toEqual([0, 1]);
    expect(result.fingerprints.zh).toEqual(blocksFingerprint(result.zh.blocks.map((b) => b.text)));
  });

  it('with corrections: the given pairs, sentences aligned inside them; corrections of other text are a 409', async () => {
    const first = await preview({ zh: ZH, en: EN }, dict);
    const pairs = [
      { zh: [0, 1], en: [0, 1] },
      { zh: [2], en: [2] },
      { zh: [3], en: [] },
      { zh: [4], en: [3] },
    ];
    const corrected = await preview(
      { zh: ZH, en: EN, corrections: { version: 1, ...first.fingerprints, pairs } },
      dict,
    );
    expect(corrected.pairs.map((p) => ({ zh: p.zh, en: p.en }))).toEqual(pairs);
    expect(corrected.pairs[0]!.sentences.flatMap((s) => s.en)).toEqual([0, 1, 2]);
    const other = {
      version: 1 as const,
      zh: blocksFingerprint(['别的']),
      en: first.fingerprints.en,
      pairs: [{ zh: [0], en: [0, 1, 2, 3] }],
    };
    await expect(preview({ zh: ZH, en: EN, corrections: other }, dict)).rejects.toMatchObject({ status: 409 });
  });

  it('detects GB18030 and traditional (HK) sources as duizhao add does; reads a DOCX', async () => {
    const gb = await preview(
      { zh: { bytes: bytes('tests/fixtures/formats/simplified.gb18030.txt'), name: 'a.txt' } },
      dict,
    );
    expect(gb.zh.encoding).toBe('gb18030');
    expect(gb.zh.encodingConfidence).toBeGreaterThanOrEqual(50);
    expect(gb.en).toBeNull();
    expect(gb.pairs.every((p) => p.unaligned && p.en.length === 0)).toBe(true);
    const big5 = await preview(
      { zh: { bytes: bytes('tests/fixtures/formats/traditional-hk.big5.txt'), name: 'b.txt' } },
      dict,
    );
    // As duizhao add finds it (lib/add/add.test.ts): no clear Hong Kong forms in this short text, so TW.
    expect(big5.zh).toMatchObject({ encoding: 'big5', variant: 'traditional-TW' });
    // The counts behind it, for the page to say in its language.
    const counts = big5.zh.variantCounts!;
    expect(counts.traditional.n).toBeGreaterThan(counts.simplified.n);
    expect(counts.hongKong!.n).toBeLessThan(2);
    const simplified = gb.zh.variantCounts!;
    expect(simplified.hongKong).toBeUndefined();
    expect(simplified.traditional.n).toBeLessThan(simplified.simplified.n);
    expect(big5.zh.blocks.some((b) => b.simplified !== undefined && b.simplified !== b.text)).toBe(true);
    const docx = await makeDocx([
      { text: '中俄元首会谈', style: 'Heading1' },
      { text: '国家主席习近平同俄罗斯总统普京举行会谈。' },
    ]);
    const fromDocx = await preview({ zh: { bytes: docx, name: 'talks.docx' } }, dict);
    expect(fromDocx.zh).toMatchObject({ format: 'docx', encodingConfidence: null });
    expect(fromDocx.zh.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph']);
  });

  it('refuses bad input with a 4xx and the stage’s own words', async () => {
    const refusal = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: unknown) => (e instanceof ImportError ? { status: e.status, message: e.message, detail: e.detail } : e),
      );
    const gbAsUtf8 = await refusal(
      preview(
        { zh: { bytes: bytes('tests/fixtures/formats/simplified.gb18030.txt'), name: 'a.txt' }, encoding: 'utf-8' },
        dict,
      ),
    );
    expect(gbAsUtf8).toMatchObject({
      status: 422,
      message: expect.stringMatching(/a\.txt.*byte/),
      // What the page says in its own language (messages' ImportErrors).
      detail: { code: 'wrongEncoding', params: { side: 'zh', encoding: 'utf-8' } },
    });
    const enNotUtf8 = await refusal(
      preview({ zh: ZH, en: { bytes: bytes('tests/fixtures/formats/simplified.gb18030.txt'), name: 'en.txt' } }, dict),
    );
    expect(enNotUtf8).toMatchObject({
      status: 422,
      message: expect.stringMatching(/translation must be UTF-8/),
      detail: { code: 'wrongEncoding', params: { side: 'en', encoding: 'utf-8' } },
    });
    expect(await refusal(preview({ zh: { bytes: new TextEncoder().encode(' \n \n') } }, dict))).toMatchObject({
      status: 422,
      detail: { code: 'emptySide', params: { side: 'zh' } },
    });
    expect(
      await refusal(
        preview({ zh: { bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), name: 'x.docx' } }, dict),
      ),
    ).toMatchObject({ status: 422, detail: { code: 'unreadable', params: { side: 'zh' } } });
    expect(await refusal(preview({ zh: { ...ZH, name: 'memory.tmx' } }, dict))).toMatchObject({
      status: 422,
      message: expect.stringMatching(/duizhao add/),
      detail: { code: 'memoryFormat', params: { side: 'zh', format: 'tmx' } },
    });
  });

  describe('row 22.3: 4 MB of any shape previews its first part, in bounded work; the save’s limits are said up front', () => {
    const FOUR_MB = 4 * 1024 * 1024;
    const fill = (line: string) => new TextEncoder().encode(line.repeat(Math.floor(FOUR_MB / Buffer.byteLength(line))));
    /** A preview with its cost: how far the resident set grew (wall time is bounded by the test's timeout). */
    async function previewed(req: Parameters<typeof preview>[0]) {
      const before = process.memoryUsage().rss;
      const result = await preview(req, dict);
      return { result, grewMb: (process.memoryUsage().rss - before) / 1e6 };
    }
    const cases: Array<[string, Parameters<typeof preview>[0], RegExp | null]> = [
      [
        'list lines',
        { zh: { bytes: fill('- 中国。\n'), name: 'list.md' } },
        /list\.md has 349,525 lines of text; the import page takes at most 20,000/,
      ],
      ['headings', { zh: { bytes: fill('# 中国\n'), name: 'headings.md' } }, /headings\.md has 466,033 lines of text/],
      [
        'short paragraphs',
        { zh: { bytes: fill('中国。\n\n'), name: 'short.txt' } },
        /short\.txt has 381,300 lines of text; the import page takes at most 100,000/,
      ],
      [
        'HTML paragraphs',
        { zh: { bytes: fill('<p>中国</p>'), name: 'page.html' } },
        /page\.html has 322,638 HTML elements; the import page takes at most 100,000/,
      ],
      // One paragraph of 4 MB: no line to cut at, so the window ends after a sentence.
      ['one long paragraph', { zh: { bytes: fill('中国的发展离不开世界。'), name: 'long.txt' } }, null],
      [
        'an English side of list lines',
        { zh: ZH, en: { bytes: fill('- China.\n'), name: 'en.md' } },
        /en\.md has 466,033 lines of text/,
      ],
    ];
    for (const [shape, req, saveRefused] of cases) {
      it(
        `${shape}: a preview of the first part that says so (and why a save would be refused)`,
        { timeout: 120_000 },
        async () => {
          const { result, grewMb } = await previewed(req);
          // The work is bounded by the window, whatever the shape: before, these were refused (or ran
          // 193–279 s in 3.7–4.5 GB when allowed).
          expect(result.window).not.toBeNull();
          const side = req.en && req.zh === ZH ? result.window!.en! : result.window!.zh;
          expect(side.shownChars).toBeLessThanOrEqual(PREVIEW_WINDOW.chars);
          expect(side.shownChars).toBeLessThan(side.totalChars);
          expect(side.totalChars).toBeGreaterThan(1_000_000);
          expect(result.zh.blocks.length).toBeLessThanOrEqual(PREVIEW_WINDOW.units);
          expect(result.en?.blocks.length ?? 0).toBeLessThanOrEqual(PREVIEW_WINDOW.units);
          expect(result.zh.blocks.length).toBeGreaterThan(0);
          if (saveRefused) {
            expect(result.window!.saveRefused).toMatch(saveRefused);
            // The same refusal as the page says it in its language: its code, the side and the counts.
            const count = Number(/has ([\d,]+)/.exec(result.window!.saveRefused!)![1]!.replace(/,/g, ''));
            expect(result.window!.saveRefusedDetail).toMatchObject({
              code: /HTML elements/.test(result.window!.saveRefused!) ? 'tooManyElements' : 'tooManyLines',
              params: { side: req.en && req.zh === ZH ? 'en' : 'zh', count },
            });
          } else expect(result.window!.saveRefused).toBeNull();
          expect(grewMb).toBeLessThan(600);
        },
      );
    }
    it('the long paragraph is cut after a sentence, so every sentence shown is whole', async () => {
      const { result } = await previewed(cases[4]![1]);
      const sentences = result.zh.blocks.flatMap((b) => b.sentences);
      expect(sentences.length).toBeGreaterThan(1000);
      for (const s of sentences) expect(s).toBe('中国的发展离不开世界。');
    }, 120_000);
  });

  it('a long text and its translation: the same share of each is shown, and the pairs are of that part', async () => {
    const n = PREVIEW_WINDOW.units * 3;
    const zh = Array.from({ length: n }, (_, i) => `第${i + 1}段。中国的发展离不开世界。`).join('\n\n');
    const en = Array.from({ length: n }, (_, i) => `Paragraph ${i + 1}. China's development needs the world.`).join(
      '\n\n',
    );
    const encode = (t: string) => new TextEncoder().encode(t);
    const result = await preview(
      { zh: { bytes: encode(zh), name: 'zh.md' }, en: { bytes: encode(en), name: 'en.md' } },
      dict,
    );
    const w = result.window!;
    const zhShare = w.zh.shownChars / w.zh.totalChars;
    const enShare = w.en!.shownChars / w.en!.totalChars;
    expect(zhShare).toBeLessThan(0.5);
    expect(Math.abs(enShare - zhShare)).toBeLessThan(0.05);
    // Paragraph k pairs with paragraph k, up to the window's edge.
    const first = result.pairs.slice(0, 100);
    for (const p of first) expect(p.en).toEqual(p.zh);
  }, 120_000);

  it('a text that fits the window is previewed whole, with no window', async () => {
    const result = await preview({ zh: ZH, en: EN }, dict);
    expect(result.window).toBeNull();
  });

  it('row 22.3: the save holds plain text to its paragraphs once cleaned, not its lines', async () => {
    // 90,000 lines at one width wrap into one paragraph: more lines than Markdown may have, and it is taken.
    const meta = { id: 'x', title: { zh: '预览', en: 'Preview' }, publication: { zh: '', en: '' }, date: '2000-01-01' };
    const text = '中国。\n'.repeat(90_000);
    const resolved = await resolveInput({ zh: { bytes: new TextEncoder().encode(text), name: 'lines.txt' } }, meta);
    expect(resolved.zhCleaned?.blocks).toHaveLength(1);
    expect(resolved.window).toBeUndefined();
    // 30,000 lines that clean into 30,000 paragraphs are refused once cleaned, before segmentation.
    const short = new TextEncoder().encode('中国。\n\n'.repeat(30_000));
    await expect(resolveInput({ zh: { bytes: short, name: 'short.txt' } }, meta)).rejects.toMatchObject({
      status: 422,
      message: expect.stringMatching(/short\.txt has 30,000 paragraphs; the import page takes at most 20,000/),
      detail: { code: 'tooManyParagraphs', params: { side: 'zh', count: 30_000, limit: 20_000 } },
    });
  });

  it('row 22.7a: the page never names a command-line flag; only spaces is "no text", not an encoding problem', async () => {
    const refusal = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: unknown) => (e instanceof ImportError ? { status: e.status, message: e.message, detail: e.detail } : e),
      );
    const latin1 = await refusal(
      preview({ zh: { bytes: new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x61, 0xef, 0x76, 0x65]) } }, dict),
    );
    expect(latin1).toMatchObject({
      status: 422,
      message: expect.stringContaining('choose the encoding in the form'),
      detail: { code: 'unknownEncoding' },
    });
    expect((latin1 as { message: string }).message).not.toContain('--');
    for (const blank of ['     ', ' \n\t\n', '\u3000\u3000', '\uFEFF  ']) {
      const r = await refusal(preview({ zh: { bytes: new TextEncoder().encode(blank) } }, dict));
      expect(r, JSON.stringify(blank)).toMatchObject({
        status: 422,
        message: expect.stringContaining('no text'),
        detail: { code: 'emptySide', params: { side: 'zh' } },
      });
      expect((r as { message: string }).message).not.toMatch(/ASCII|decode cleanly|--encoding/);
    }
  });
});
