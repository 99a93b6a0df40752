/**
 * How much work one side of an import may ask for, counted before any stage runs. The byte cap
 * (4 MB a side) is not enough: the cost of a build grows with the blocks it makes (each is parsed,
 * cleaned, segmented, glossed, aligned and written), and 4 MB of `- 中国。` lines is 350,000
 * list items; previews of such files ran for minutes and took gigabytes (issue 22). A preview now
 * shows only a window of a long side (PREVIEW_WINDOW, window.ts) and merely reports these limits;
 * a save, which takes the whole text, is held to them. So the lines
 * that hold text (for plain text and Markdown) or the elements (for HTML, and DOCX once converted)
 * are counted first, and a side over the limit is refused with a 422 that says what to do. Plain text
 * has no parser to pay for (cleaning 4 MB of it takes seconds), and its lines may wrap into few
 * paragraphs (4 MB of `中国。` lines at one width is one paragraph, which previews in seconds), so
 * the Chinese side's blocks are counted once cleaned, before segmenting, glossing and aligning
 * (`checkBlocks`). A translation in plain text is still counted by its lines.
 *
 * The limits: a long report of 1 MB has some 3,500 paragraphs, or some 9,000 lines when a PDF
 * extraction wraps them; 20,000 lines leave room for that twice over. Measured at the limit on a
 * loaded two-core machine: 20,000 list items build in under a minute, in ~200 MB (docs/import.md).
 */
import type { RawFile } from '../model';
import type { ImportSideName } from './error-detail';
import { ImportError } from './wire';

const MAX_IMPORT_LINES = 20_000;
/**
 * Plain text's lines, counted before cleaning: cleaning costs ~25 µs a line on a loaded two-core
 * machine (381,300 short lines: ~9 s), so past this a side is refused before it; under it, the
 * blocks it cleans into are what count (MAX_IMPORT_LINES, checkBlocks).
 */
const MAX_TEXT_LINES = 100_000;
/** HTML carries markup around its text: a page of 20,000 paragraphs has several elements each. */
const MAX_IMPORT_ELEMENTS = 100_000;

/** Lines with anything but white space in them. */
function linesWithText(text: string): number {
  let count = 0;
  let start = 0;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    for (let i = start; i < stop; i++) {
      const c = text.charCodeAt(i);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x3000 && c !== 0xfeff) {
        count++;
        break;
      }
    }
    if (end === -1) break;
    start = end + 1;
  }
  return count;
}

/** Start tags (`<` and a letter): what an HTML parser makes an element of. */
function htmlElements(text: string): number {
  return text.match(/<[a-z]/gi)?.length ?? 0;
}

function decoded(file: RawFile): string {
  try {
    return new TextDecoder(file.encoding).decode(file.bytes);
  } catch {
    // A label TextDecoder does not know: count as UTF-8; the strict decoder refuses it later.
    return new TextDecoder().decode(file.bytes);
  }
}

/** Refuses (422) a side whose text would make more blocks than a preview can afford. */
export function checkWorkload(file: RawFile, which: string, side: ImportSideName, textCountedByBlocks = false): void {
  const text = decoded(file);
  const fmt = (n: number) => n.toLocaleString('en');
  if (file.format === 'html') {
    const elements = htmlElements(text);
    if (elements > MAX_IMPORT_ELEMENTS) {
      throw new ImportError(
        422,
        `${which} has ${fmt(elements)} HTML elements; the import page takes at most ${fmt(MAX_IMPORT_ELEMENTS)}. Split it into several documents.`,
        { detail: { code: 'tooManyElements', params: { side, count: elements, limit: MAX_IMPORT_ELEMENTS } } },
      );
    }
    return;
  }
  const lines = linesWithText(text);
  const limit = file.format === 'text' && textCountedByBlocks ? MAX_TEXT_LINES : MAX_IMPORT_LINES;
  if (lines > limit) {
    throw new ImportError(
      422,
      `${which} has ${fmt(lines)} lines of text; the import page takes at most ${fmt(limit)} (each line may become a paragraph, heading or list item to align). Split it into several documents.`,
      { detail: { code: 'tooManyLines', params: { side, count: lines, limit } } },
    );
  }
}

/** Refuses (422) a side that cleaned into more blocks than a preview can afford (plain text; see checkWorkload). */
export function checkBlocks(blocks: number, which: string, side: ImportSideName): void {
  if (blocks > MAX_IMPORT_LINES) {
    const fmt = (n: number) => n.toLocaleString('en');
    throw new ImportError(
      422,
      `${which} has ${fmt(blocks)} paragraphs; the import page takes at most ${fmt(MAX_IMPORT_LINES)} (each is segmented, glossed and aligned). Split it into several documents.`,
      { detail: { code: 'tooManyParagraphs', params: { side, count: blocks, limit: MAX_IMPORT_LINES } } },
    );
  }
}

/**
 * The preview's window (window.ts): at most this much of a side goes through the stages. 1,000
 * lines with text (or HTML block elements) and 60,000 characters (some 180 kB of Chinese, a few
 * hundred paragraphs of prose) show how a text is read, cleaned and paired; every block costs
 * parsing, cleaning, segmenting, glossing, aligning and sending, and on a loaded two-core machine
 * 2,000 one-line blocks took 10–14 s (docs/import.md, `npm run bench:import-shapes`).
 */
export const PREVIEW_WINDOW = { chars: 60_000, units: 1_000 } as const;
