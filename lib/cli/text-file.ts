/** The text files `align` and `align-words` read: UTF-8, one side of a bounded size. */
import { decode } from '../pipeline/decode';
import { HTML_MAX_BYTES } from '../pipeline/html';
import { readRegularFile } from '../pipeline/regular-file';

/**
 * Most bytes `align` reads a side. It aligns whole texts at once (no paragraph pass first, as the
 * ingest has): 50 MB on one line ran the process out of memory (exit 134). The ingest's cap on one
 * HTML or Markdown document; a book larger than that aligns chapter by chapter.
 */
const ALIGN_MAX_BYTES = HTML_MAX_BYTES;

/** A UTF-8 file, decoded strictly; `lines` keeps every line (one sentence each), even empty ones. */
export async function readText(file: string): Promise<string> {
  const bytes = await readRegularFile(file, {
    bytes: ALIGN_MAX_BYTES,
    advice: 'align takes one text at a time: split it into chapters and align each',
  });
  return decode({ path: file, bytes, encoding: 'utf-8', format: 'text' }).text;
}

/** A text's lines, every one kept (empty ones too); a final newline ends the last line rather than starting another. */
export function sentenceLines(text: string): string[] {
  return (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
}
