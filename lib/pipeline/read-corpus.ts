/**
 * The file-system edge of the ingest: a corpus folder read into the inputs the pure build takes
 * (build-document.ts). Every file is read inside its document folder (no symlink leads out), as an
 * ordinary file of bounded size, and a DOCX becomes HTML here; the stages never touch a file.
 */
import { lstat, readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { RawFile, SourceFormat } from '../model';
import { isMemoryFormat, type DocumentInput } from './build-document';
import { CORRECTIONS_FILE, CorrectionsError, parseCorrections, type AlignmentCorrections } from './corrections';
import { docxToHtml } from './docx';
import { IngestError } from './ingest-error';
import { parseMeta } from './meta';
import { isDocId, reservedIdProblem } from '../base/doc-id';
import { NotRegularFileError, readRegularFile } from './regular-file';

/** Reads a file that must sit inside `dir`: no symlink may lead out of it. */
async function readInside(dir: string, name: string): Promise<Uint8Array> {
  const file = path.join(dir, name);
  const real = await realpath(file).catch((e: unknown) => {
    throw new IngestError(`${file}: file not found`, { cause: e });
  });
  const realDir = await realpath(dir);
  if (!real.startsWith(realDir + path.sep))
    throw new IngestError(`${file}: leads outside its document folder (symlink?); refused`);
  try {
    return await readRegularFile(real);
  } catch (e) {
    if (e instanceof NotRegularFileError) throw new IngestError(e.message.replace(real, file), { cause: e });
    throw e;
  }
}

/** One file of a document as the stages take it: a DOCX is converted to HTML here, at the edge. */
async function readRaw(
  dir: string,
  name: string,
  encoding: string,
  format: SourceFormat,
  warnings: string[],
): Promise<RawFile> {
  const file = path.join(dir, name);
  const bytes = await readInside(dir, name);
  if (format !== 'docx') return { path: file, bytes, encoding, format };
  const html = await docxToHtml(file, bytes).catch((e: Error) => {
    throw new IngestError(e.message, { cause: e });
  });
  warnings.push(...html.warnings);
  return html.file;
}

/** A document's alignment.json, when it has one; a broken one fails the ingest with the file named. */
async function readCorrections(dir: string): Promise<AlignmentCorrections | undefined> {
  const file = path.join(dir, CORRECTIONS_FILE);
  const exists = await lstat(file).then(
    () => true,
    () => false,
  );
  if (!exists) return undefined;
  try {
    return parseCorrections(
      JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await readInside(dir, CORRECTIONS_FILE))),
      file,
    );
  } catch (e) {
    throw new IngestError(
      e instanceof IngestError || e instanceof CorrectionsError
        ? e.message
        : `${file}: not valid JSON (${(e as Error).message})`,
      { cause: e },
    );
  }
}

/** One document folder of the corpus as the stages take it (its meta, files and corrections). */
export async function readDocumentFolder(corpusDir: string, name: string): Promise<DocumentInput> {
  const dir = path.join(corpusDir, name);
  if (!isDocId(name))
    throw new IngestError(
      `${dir}: ${reservedIdProblem(name) ?? `"${name}" is not a valid document id (lowercase letters, digits, hyphens)`}`,
    );
  const metaPath = path.join(dir, 'meta.json');
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await readInside(dir, 'meta.json')));
  } catch (e) {
    throw new IngestError(
      `${metaPath}: ${e instanceof IngestError ? e.message : `not valid JSON (${(e as Error).message})`}`,
      { cause: e },
    );
  }
  const meta = parseMeta(raw, name, metaPath);
  const warnings: string[] = [];
  const input: DocumentInput = {
    meta,
    source: await readRaw(dir, meta.source, meta.encoding, meta.format, warnings),
    warnings,
  };
  // A translation memory holds its own translation: meta.translation then only credits it.
  if (meta.translation && !isMemoryFormat(meta.format)) {
    const t = meta.translation;
    input.translation = await readRaw(dir, t.file, 'utf-8', t.format, warnings);
  }
  const corrections = await readCorrections(dir);
  if (corrections) input.corrections = corrections;
  return input;
}

export async function readCorpus(corpusDir: string): Promise<DocumentInput[]> {
  const realCorpus = await realpath(corpusDir).catch((e: unknown) => {
    throw new IngestError(`${corpusDir}: no corpus folder`, { cause: e });
  });
  const entries = (await readdir(corpusDir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  const inputs: DocumentInput[] = [];
  const seen = new Map<string, string>();
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.isFile()) continue; // README, glossary.tsv and dotfiles
    const dir = path.join(corpusDir, entry.name);
    if (entry.isSymbolicLink()) {
      const target = await realpath(dir).catch(() => '');
      if (!target.startsWith(realCorpus + path.sep))
        throw new IngestError(`${dir}: a symlink out of corpus/ is refused`);
    }
    const input = await readDocumentFolder(corpusDir, entry.name);
    const metaPath = path.join(dir, 'meta.json');
    const other = seen.get(input.meta.id.toLowerCase());
    if (other) throw new IngestError(`${metaPath}: document id "${input.meta.id}" is also used by ${other}`);
    seen.set(input.meta.id.toLowerCase(), metaPath);
    inputs.push(input);
  }
  if (inputs.length === 0) throw new IngestError(`${corpusDir}: no documents`);
  return inputs;
}
