/**
 * DOCX sources and translations: mammoth turns the document into HTML (headings from Word's
 * heading styles, lists, links, footnotes), which then takes the HTML path like any web page.
 * mammoth is asynchronous and the stages are synchronous pure functions, so run.ts calls this at
 * the file-system edge, right after reading the file, and the stages only ever see the HTML.
 */
import mammoth from 'mammoth';
import type { RawFile } from '../model';
import { checkZipLimits, ZipLimitError, type ZipLimits } from './zip-limits';

/** A Word document of prose is a few hundred kilobytes; 32 MB leaves room for embedded images. */
export const DOCX_MAX_BYTES = 32 * 1024 * 1024;

/**
 * What mammoth may be given. It keeps a DOM of every element, about 2 kB each (measured: 100,000
 * empty paragraphs, 217 MB), so 250,000 elements is about half a gigabyte at worst; a document of
 * prose has 5–30 elements a paragraph, so this is 8,000–50,000 paragraphs. 64 MB of XML is well
 * above what that many elements take.
 */
export const DOCX_LIMITS: ZipLimits = { maxXmlBytes: 64 * 1024 * 1024, maxElements: 250_000 };

export class DocxError extends Error {
  constructor(
    readonly path: string,
    problem: string,
    options?: ErrorOptions,
  ) {
    super(`${path}: ${problem}`, options);
    this.name = 'DocxError';
  }
}

/** A DOCX is a ZIP archive: it starts with a local file header, "PK\x03\x04". */
function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export interface DocxHtml {
  /** The HTML as a raw UTF-8 file, ready for decode → clean. */
  file: RawFile;
  /** What mammoth could not convert (unknown styles, unsupported elements). */
  warnings: string[];
}

export async function docxToHtml(path: string, bytes: Uint8Array): Promise<DocxHtml> {
  if (bytes.length > DOCX_MAX_BYTES)
    throw new DocxError(path, `DOCX of ${bytes.length} bytes is over the ${DOCX_MAX_BYTES}-byte limit`);
  if (!looksLikeZip(bytes))
    throw new DocxError(path, 'not a DOCX file (a DOCX is a ZIP archive; this file does not start like one)');
  try {
    checkZipLimits(bytes, DOCX_LIMITS);
  } catch (e) {
    if (e instanceof ZipLimitError) throw new DocxError(path, e.message, { cause: e });
    throw e;
  }
  let result: { value: string; messages: Array<{ type: string; message: string }> };
  try {
    // Images are left out: the corpus keeps text, and a data: URL per image would bloat the HTML.
    result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
  } catch (e) {
    throw new DocxError(path, `not a readable DOCX file (${(e as Error).message})`, { cause: e });
  }
  if (result.value.trim() === '') throw new DocxError(path, 'no text: the document is empty');
  return {
    file: { path, bytes: new TextEncoder().encode(result.value), encoding: 'utf-8', format: 'html' },
    warnings: result.messages
      .filter((m) => m.type === 'warning' || m.type === 'error')
      .map((m) => `${path}: ${m.message}`),
  };
}
