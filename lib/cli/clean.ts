/** `clean FILE`: the cleaned blocks of one raw file, one per line. */
import { parseArgs } from 'node:util';
import type { TextFormat } from '../model';
import { clean as cleanDoc } from '../pipeline/clean';
import { decode } from '../pipeline/decode';
import { HTML_MAX_BYTES } from '../pipeline/html';
import { describeDropped, describeRepair, listedDrops } from '../pipeline/report';
import { readRegularFile } from '../pipeline/regular-file';
import { UsageError, type Command } from './command';

/** What `clean` reads of one file: the cap the pipeline puts on an HTML (and a Markdown) document. */
const CLEAN_MAX_BYTES = HTML_MAX_BYTES;

/** What a file clean cannot read is, by its first bytes or its extension; null for text. */
function binaryKind(file: string, bytes: Uint8Array): string | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04) || /\.docx$/i.test(file)) return 'a DOCX or another ZIP archive';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'a PDF';
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return 'an old Word (.doc) or other OLE file';
  return null;
}

export const clean: Command = {
  name: 'clean',
  synopsis: 'clean FILE',
  description: `Print the cleaned blocks of one raw text file, one block per line,
in the file's own script. Markdown when FILE ends in .md, HTML when
it ends in .html or .htm. Text, Markdown and HTML only (a DOCX goes
through add), an ordinary file of at most 8 MiB.`,
  options: `  --encoding ENC           encoding of FILE (default: utf-8; also gb18030, big5, utf-16le)
  --format text|markdown|html  override the format guessed from the file name`,
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      options: { encoding: { type: 'string' }, format: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new UsageError('clean takes exactly one FILE');
    const format = (values.format ??
      (/\.(md|markdown)$/i.test(file) ? 'markdown' : /\.html?$/i.test(file) ? 'html' : 'text')) as TextFormat;
    if (format !== 'text' && format !== 'markdown' && format !== 'html')
      throw new UsageError('--format must be text, markdown or html');
    // The pipeline's own cap on one document; a FIFO or a device is refused, not waited on.
    const bytes = await readRegularFile(file, { bytes: CLEAN_MAX_BYTES });
    // A DOCX (a ZIP archive), a PDF or an old Word file read as text fails on its first binary byte
    // ("invalid utf-8 byte 0x9b"), which says nothing of the real problem.
    const binary = binaryKind(file, bytes);
    if (binary !== null)
      throw new UsageError(
        `clean reads text, Markdown and HTML; ${file} is ${binary} (for a DOCX, duizhao add converts it)`,
      );
    const cleaned = cleanDoc(decode({ path: file, bytes, encoding: values.encoding ?? 'utf-8', format }));
    process.stdout.write(cleaned.blocks.map((b) => `${b.text}\n`).join(''));
    for (const r of cleaned.repairs) process.stderr.write(`${describeRepair(r)}\n`);
    for (const x of listedDrops(cleaned.dropped)) process.stderr.write(`${describeDropped(x)}\n`);
    for (const w of cleaned.warnings) process.stderr.write(`warning: ${w}\n`);
    return 0;
  },
};
