import { once } from 'node:events';
import { createDeflateRaw, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { makeDocx, makeRawZip } from '../../tests/fixtures/formats/make-docx';
import { DOCX_LIMITS, DocxError, docxToHtml } from './docx';
import { checkZipLimits } from './zip-limits';

/** `chunk` repeated `times` times, deflated as it streams: the inflated text is never in memory. */
async function deflatedRepeat(chunk: string, times: number): Promise<Uint8Array> {
  const z = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  z.on('data', (c: Buffer) => out.push(c));
  const block = Buffer.from(chunk.repeat(Math.ceil((1 << 20) / chunk.length)));
  // Whole chunks only, and exactly `times` of them.
  if (block.length % Buffer.byteLength(chunk) !== 0) throw new Error('a block holds whole chunks');
  const total = Buffer.byteLength(chunk) * times;
  for (let written = 0; written < total; written += block.length)
    if (!z.write(block.subarray(0, total - written))) await once(z, 'drain');
  z.end();
  await once(z, 'end');
  return new Uint8Array(Buffer.concat(out));
}

/** The cost of `work`: wall time and how far the resident set grew over it. */
async function cost<T>(work: () => Promise<T>): Promise<{ ms: number; grewMb: number; result: T | Error }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const start = performance.now();
  let result: T | Error;
  try {
    result = await work();
  } catch (e) {
    result = e as Error;
  }
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { ms: performance.now() - start, grewMb: (peak - before) / 1e6, result };
}

const docxPart = (body: string) =>
  `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;

describe('DOCX limits before the work', () => {
  it('row 22.3: millions of empty elements are refused before mammoth, in bounded time and memory', async () => {
    // As the adversarial test's file: 5,000,000 empty paragraphs, 30 MB of XML in a small archive.
    const deflated = await deflatedRepeat('<w:p/>', 5_000_000);
    const bytes = makeRawZip([{ name: 'word/document.xml', deflated, declaredSize: 5_000_000 * 6 }]);
    expect(bytes.length).toBeLessThan(1024 * 1024);
    const { ms, grewMb, result } = await cost(() => docxToHtml('empty-nodes.docx', bytes));
    expect(result).toBeInstanceOf(DocxError);
    expect((result as Error).message).toMatch(/empty-nodes\.docx: the document has over 250,000 XML elements/);
    // Loose for a loaded two-core machine: the work refused took 69 s and 5.4 GB before.
    expect(ms).toBeLessThan(10_000);
    expect(grewMb).toBeLessThan(200);
  });

  it('row 22.3: an archive that inflates to 300 MB is refused by its declared size, without inflating', async () => {
    const deflated = await deflatedRepeat(
      '<w:p><w:r><w:t>中国</w:t></w:r></w:p>',
      Math.floor((300 * 1024 * 1024) / 39),
    );
    const honest = makeRawZip([{ name: 'word/document.xml', deflated, declaredSize: 300 * 1024 * 1024 }]);
    const { ms, grewMb, result } = await cost(() => docxToHtml('bomb.docx', honest));
    expect((result as Error).message).toMatch(
      /bomb\.docx: the document's text parts would unpack to 300 MB, over the 64 MB limit/,
    );
    expect(ms).toBeLessThan(2_000);
    expect(grewMb).toBeLessThan(50);
  });

  it('row 22.3: an archive that lies about its size stops inflating as soon as it passes the declared size', async () => {
    const deflated = await deflatedRepeat(
      '<w:p><w:r><w:t>中国</w:t></w:r></w:p>',
      Math.floor((300 * 1024 * 1024) / 39),
    );
    const lying = makeRawZip([{ name: 'word/document.xml', deflated, declaredSize: 4096 }]);
    const { ms, grewMb, result } = await cost(() => docxToHtml('liar.docx', lying));
    expect((result as Error).message).toMatch(
      /liar\.docx: word\/document\.xml unpacks to more than the 4096 bytes its archive declares/,
    );
    expect(ms).toBeLessThan(2_000);
    expect(grewMb).toBeLessThan(50);
  });

  it('passes a real document, and counts its parts and elements', async () => {
    const bytes = await makeDocx([{ text: '两国元首举行会谈。', style: 'Heading1' }, { text: '双方同意深化合作。' }]);
    const found = checkZipLimits(bytes, DOCX_LIMITS);
    expect(found.elements).toBeGreaterThan(8);
    expect(found.xmlBytes).toBeGreaterThan(500);
    expect(() => checkZipLimits(bytes, { ...DOCX_LIMITS, maxElements: 5 })).toThrow(/over 5 XML elements/);
    const small = makeRawZip([
      {
        name: 'word/document.xml',
        deflated: deflateRawSync(docxPart('<w:p/>')),
        declaredSize: docxPart('<w:p/>').length,
      },
    ]);
    expect(checkZipLimits(small, DOCX_LIMITS).elements).toBe(3);
  });
});
