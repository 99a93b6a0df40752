/**
 * `duizhao add`: a new document folder in corpus/, made from a file the user has. Finds the format
 * (extension or --format), the encoding (chardet, verified by the strict decoder) and the script
 * variant (opencc-js), reads the file through the pipeline's own stages so a bad file is refused
 * before anything is written, and writes the folder atomically: a temporary folder inside corpus/
 * (dot-named, so an ingest skips it), renamed into place. The caller then runs the ingest and
 * commits, or rolls back if the ingest fails, so a document that does not build is never left in
 * the corpus.
 */
import { TRANSLATION_NOTES } from '../base/translation-notes';
import { createHash } from 'node:crypto';
import { chmod, copyFile, mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DocMeta, ScriptVariant, SourceFormat, TextFormat, TranslationMeta } from '../model';
import { clean } from '../pipeline/clean';
import { decode } from '../pipeline/decode';
import { calendarDateProblem } from '../pipeline/calendar-date';
import { deriveDocId, isDocId, reservedIdProblem } from '../base/doc-id';
import { docxToHtml } from '../pipeline/docx';
import { parseMemory } from '../pipeline/memory';
import { SOURCE_FORMATS, TRANSLATION_FORMATS } from '../base/formats';
import { SCRIPT_VARIANTS } from '../base/script-variants';
import { parseMeta } from '../pipeline/meta';
import { detectEncoding, detectVariant, verifyEncoding } from './detect';

/** Larger than any one format's own cap (DOCX 32 MB): refused before it is read into memory. */
const ADD_MAX_BYTES = 64 * 1024 * 1024;

export class AddError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'AddError';
  }
}

export interface AddOptions {
  corpusDir: string;
  source: string;
  translation?: string;
  title?: string;
  titleEn?: string;
  publication?: string;
  /** Who translated it; left out of meta.json when not given (the reader says so). */
  translator?: string;
  date?: string;
  id?: string;
  encoding?: string;
  variant?: string;
  format?: string;
  force?: boolean;
  /** Today's date (YYYY-MM-DD), when --date is not given. */
  today?: string;
  /** The translation's provenance note in meta.json (default: brought in with duizhao add). */
  note?: string;
}

export interface AddResult {
  id: string;
  dir: string;
  meta: DocMeta;
  /** What was detected and why, one line each, for stderr. */
  report: string[];
  /** Keep the new folder (drops a replaced one). */
  commit(): Promise<void>;
  /** Remove the new folder (and put back a replaced one). */
  rollback(): Promise<void>;
}

const EXTENSIONS: Record<string, SourceFormat> = {
  '.txt': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.docx': 'docx',
  '.tmx': 'tmx',
  '.xlf': 'xliff',
  '.xliff': 'xliff',
};
const FILE_EXTENSION: Record<SourceFormat, string> = {
  text: '.txt',
  markdown: '.md',
  html: '.html',
  docx: '.docx',
  tmx: '.tmx',
  xliff: '.xlf',
};
const isMemory = (f: SourceFormat) => f === 'tmx' || f === 'xliff';

export function formatOf(file: string, given?: string): SourceFormat {
  if (given !== undefined) {
    if (!(SOURCE_FORMATS as readonly string[]).includes(given))
      throw new AddError(`--format must be one of ${SOURCE_FORMATS.join(', ')}`);
    return given as SourceFormat;
  }
  const format = EXTENSIONS[path.extname(file).toLowerCase()];
  if (!format)
    throw new AddError(
      `${file}: cannot tell the format from the extension (${Object.keys(EXTENSIONS).join(' ')}); name it with --format`,
    );
  return format;
}

async function readCapped(file: string): Promise<Uint8Array> {
  const info = await stat(file).catch((e: unknown) => {
    throw new AddError(`${file}: file not found`, { cause: e });
  });
  if (!info.isFile()) throw new AddError(`${file}: not a file`);
  if (info.size > ADD_MAX_BYTES)
    throw new AddError(`${file}: ${info.size} bytes is over the ${ADD_MAX_BYTES}-byte limit`);
  return new Uint8Array(await readFile(file));
}

/** The Chinese text of a source, read through the pipeline's own stages (so a bad file fails here). */
async function chineseText(file: string, bytes: Uint8Array, encoding: string, format: SourceFormat): Promise<string> {
  if (format === 'docx')
    return clean(decode((await docxToHtml(file, bytes)).file))
      .blocks.map((b) => b.text)
      .join('\n');
  const decoded = decode({ path: file, bytes, encoding, format });
  // Which Chinese side a memory is read from depends on the variant; any side tells the variant.
  if (isMemory(format))
    return parseMemory(decoded, 'simplified')
      .units.map((u) => u.zh)
      .join('\n');
  return clean(decoded)
    .blocks.map((b) => b.text)
    .join('\n');
}

export async function addDocument(options: AddOptions): Promise<AddResult> {
  const report: string[] = [];
  const source = options.source;
  const format = formatOf(source, options.format);
  const bytes = await readCapped(source);

  let encoding = 'utf-8';
  if (format === 'docx') report.push('encoding: none to detect (a DOCX is a ZIP archive of UTF-8 XML)');
  else if (options.encoding !== undefined) {
    verifyEncoding(source, bytes, options.encoding, 'check --encoding');
    encoding = options.encoding.trim().toLowerCase();
    report.push(`encoding: ${encoding} (given; decodes strictly)`);
  } else {
    const found = detectEncoding(source, bytes);
    encoding = found.encoding;
    const others = found.candidates
      .slice(1, 3)
      .map((c) => `${c.name} ${c.confidence}%`)
      .join(', ');
    report.push(
      `encoding: ${encoding} (chardet ${found.candidates[0]?.name}, ${found.confidence}% confidence${others ? `; next: ${others}` : ''}; decodes strictly)`,
    );
  }

  let text: string;
  try {
    text = await chineseText(source, bytes, encoding, format);
  } catch (e) {
    throw new AddError((e as Error).message, { cause: e });
  }
  let variant: ScriptVariant;
  if (options.variant !== undefined) {
    if (!(SCRIPT_VARIANTS as readonly string[]).includes(options.variant))
      throw new AddError(`--variant must be one of ${SCRIPT_VARIANTS.join(', ')}`);
    variant = options.variant as ScriptVariant;
    report.push(`variant: ${variant} (given)`);
  } else {
    const found = detectVariant(text);
    variant = found.variant;
    report.push(`variant: ${variant} (${found.evidence})`);
  }

  let translation: { file: string; format: TranslationMeta['format'] } | undefined;
  if (options.translation !== undefined) {
    if (isMemory(format))
      throw new AddError(
        `${source}: a ${format} translation memory holds its own translation; --translation is not needed`,
      );
    const tFormat = formatOf(options.translation);
    if (!(TRANSLATION_FORMATS as readonly string[]).includes(tFormat))
      throw new AddError(`${options.translation}: a translation must be ${TRANSLATION_FORMATS.join(', ')}`);
    const tBytes = await readCapped(options.translation);
    try {
      if (tFormat === 'docx') await docxToHtml(options.translation, tBytes);
      else
        clean(
          decode({
            path: options.translation,
            bytes: tBytes,
            encoding: verifyEncodingOrExplain(options.translation, tBytes),
            format: tFormat as TextFormat,
          }),
          { repairLayout: false },
        );
    } catch (e) {
      throw new AddError((e as Error).message, { cause: e });
    }
    translation = { file: options.translation, format: tFormat as TranslationMeta['format'] };
  }

  const date = options.date ?? options.today ?? new Date().toISOString().slice(0, 10);
  const dateProblem = calendarDateProblem(date);
  if (dateProblem !== null) throw new AddError(`--date: ${dateProblem}`);
  if (options.date === undefined) report.push(`date: ${date} (today; --date to set the publication date)`);
  const base = path.basename(source, path.extname(source));
  const hash = `doc-${createHash('sha256').update(bytes).digest('hex').slice(0, 8)}`;
  const id = options.id ?? deriveDocId(date, options.titleEn ?? base, hash);
  const reserved = reservedIdProblem(id);
  if (reserved !== null) throw new AddError(`document id ${reserved} (--id)`);
  if (!isDocId(id))
    throw new AddError(`document id "${id}" must be lowercase letters, digits and single hyphens (--id to choose one)`);

  const sourceName = `source${FILE_EXTENSION[format]}`;
  const credit = {
    ...(options.translator !== undefined ? { translator: options.translator } : {}),
    note: options.note ?? TRANSLATION_NOTES.added,
  };
  const raw: Record<string, unknown> = {
    id,
    title: { zh: options.title ?? base, en: options.titleEn ?? options.title ?? base },
    publication: { zh: options.publication ?? '未注明', en: options.publication ?? 'Not stated' },
    date,
    encoding,
    variant,
    source: sourceName,
    format,
  };
  if (isMemory(format)) raw.translation = { file: sourceName, format, ...credit };
  else if (translation)
    raw.translation = { file: `en${FILE_EXTENSION[translation.format]}`, format: translation.format, ...credit };
  const meta = parseMeta(raw, id, path.join(options.corpusDir, id, 'meta.json'));

  return { ...(await writeFolder(options, meta, translation?.file)), report };
}

/** A translation is read as UTF-8 (run.ts): anything else is refused with the encoding chardet saw. */
function verifyEncodingOrExplain(file: string, bytes: Uint8Array): string {
  verifyEncoding(file, bytes, 'utf-8', 'a translation must be UTF-8: convert it first (e.g. iconv -t utf-8)');
  return 'utf-8';
}

async function writeFolder(
  options: AddOptions,
  meta: DocMeta,
  translationFile: string | undefined,
): Promise<Omit<AddResult, 'report'>> {
  const corpusDir = path.resolve(options.corpusDir);
  await mkdir(corpusDir, { recursive: true });
  const dir = path.join(corpusDir, meta.id);
  const exists = await stat(dir).then(
    () => true,
    () => false,
  );
  if (exists && !options.force)
    throw new AddError(`${dir} already exists: choose another --id, or --force to replace it`);
  const tmp = await mkdtemp(path.join(corpusDir, `.add-${meta.id}-`));
  let old: string | undefined;
  try {
    await chmod(tmp, 0o755); // mkdtemp makes it private; a corpus folder is an ordinary one
    await copyFile(options.source, path.join(tmp, meta.source)); // byte for byte
    if (translationFile && meta.translation) await copyFile(translationFile, path.join(tmp, meta.translation.file));
    await writeFile(path.join(tmp, 'meta.json'), `${JSON.stringify(meta, null, 2)}\n`);
    if (exists) {
      old = path.join(corpusDir, `.add-old-${meta.id}-${process.pid}`);
      await rename(dir, old);
    }
    await rename(tmp, dir);
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    if (old) await rename(old, dir).catch(() => undefined);
    throw e;
  }
  return {
    id: meta.id,
    dir,
    meta,
    commit: async () => {
      if (old) await rm(old, { recursive: true, force: true });
    },
    rollback: async () => {
      await rm(dir, { recursive: true, force: true });
      if (old) await rename(old, dir);
    },
  };
}
