import { describe, expect, it } from 'vitest';
import { makeDocx } from '../../tests/fixtures/formats/make-docx';
import { clean } from './clean';
import { decode } from './decode';
import { DOCX_MAX_BYTES, DocxError, docxToHtml } from './docx';

describe('DOCX sources', () => {
  it('mammoth reads a real DOCX; its HTML takes the HTML path into blocks', async () => {
    const bytes = await makeDocx([
      { text: '中俄睦邻友好', style: 'Heading1' },
      { text: '两国元首举行会谈，双方同意深化合作。' },
      { text: '<script>alert(1)</script>是文字，不是脚本。' },
    ]);
    const { file } = await docxToHtml('corpus/x/source.docx', bytes);
    expect(file).toMatchObject({ path: 'corpus/x/source.docx', format: 'html', encoding: 'utf-8' });
    const doc = clean(decode(file));
    expect(doc.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['heading', '中俄睦邻友好'],
      ['paragraph', '两国元首举行会谈，双方同意深化合作。'],
      // Text that looks like markup is text: mammoth escapes it and it stays text.
      ['paragraph', '<script>alert(1)</script>是文字，不是脚本。'],
    ]);
    expect(doc.blocks.every((b) => b.html === undefined || !/<script/.test(b.html))).toBe(true);
  });

  it('a corrupt or non-DOCX file is a clear error naming the file', async () => {
    await expect(docxToHtml('corpus/x/source.docx', new TextEncoder().encode('两国元首举行会谈'))).rejects.toThrow(
      /corpus\/x\/source\.docx: not a DOCX file/,
    );
    const good = await makeDocx([{ text: '正文。' }]);
    const cut = good.subarray(0, Math.floor(good.length / 2));
    await expect(docxToHtml('corpus/x/cut.docx', cut)).rejects.toThrow(DocxError);
    await expect(docxToHtml('corpus/x/cut.docx', cut)).rejects.toThrow(/corpus\/x\/cut\.docx: not a readable DOCX/);
  });

  it('an empty document and an oversized file are refused', async () => {
    await expect(docxToHtml('e.docx', await makeDocx([]))).rejects.toThrow(/e\.docx: no text/);
    const big = new Uint8Array(DOCX_MAX_BYTES + 1);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    await expect(docxToHtml('big.docx', big)).rejects.toThrow(/byte limit/);
  });
});
