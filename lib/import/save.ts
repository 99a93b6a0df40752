/**
 * Saving from the import page: a new document (its folder written by lib/add, so with the same
 * detection, checks and atomic write as `duizhao add`), or corrected pairs for an existing one
 * (its alignment.json). Then the incremental ingest, in this process with the dictionary it already
 * holds, and on failure the corpus is put back as it was (lib/add's rollback; the previous
 * alignment.json restored). One write at a time: a second one while one runs is refused with 409.
 */
import { mkdtemp, lstat, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addDocument, AddError } from '../add/add';
import { TRANSLATION_NOTES } from '../base/translation-notes';
import type { Dictionary } from '../dictionary/cedict';
import type { BuiltDoc, SourceFormat } from '../model';
import {
  applicableCorrections,
  blocksFingerprint,
  correctionsText,
  CORRECTIONS_FILE,
  CORRECTIONS_VERSION,
  parseCorrections,
  type AlignmentCorrections,
} from '../pipeline/corrections';
import { BuildBusyError, BuildLock } from '../pipeline/build-lock';
import { isDocId } from '../base/doc-id';
import { cleanedBlockTexts, type DocumentInput } from '../pipeline/build-document';
import { readDocumentFolder } from '../pipeline/read-corpus';
import { ingest } from '../pipeline/run';
import { resolveInput } from './preview';
import { ImportError, type ImportForm } from './wire';

export interface SaveContext {
  /** Project root: the ingest cache lives under it (.cache/ingest). */
  root: string;
  corpusDir: string;
  buildDir: string;
  dictionary: () => Dictionary;
  /** After the build folder is published (e.g. to PostgreSQL too). */
  afterPublish?: (buildDir: string) => Promise<void>;
  today?: string;
  /** How long to wait for another ingest's build lock (default SAVE_LOCK_WAIT_MS). */
  lockWaitMs?: number;
}

export interface SaveResult {
  id: string;
  /** Pairs and warnings of the document as built. */
  pairs: number;
  warnings: string[];
}

let writing = false;

/**
 * How long a save waits for an ingest run elsewhere (the CLI's `ingest` or `add`) to finish before
 * it answers 409: a short incremental ingest is waited for, a full one is not worth holding the page.
 */
const SAVE_LOCK_WAIT_MS = 15_000;

/**
 * Runs `write` unless another write is running (409): saves are serialised, never interleaved. The
 * build lock is taken before the corpus is touched and held through the ingest, so a CLI ingest
 * running meanwhile neither loses this document nor has its build pruned away.
 */
async function oneAtATime<T>(ctx: SaveContext, write: (lock: BuildLock) => Promise<T>): Promise<T> {
  if (writing)
    throw new ImportError(409, 'Another save is in progress: try again in a moment.', { detail: { code: 'busy' } });
  writing = true;
  try {
    let lock: BuildLock;
    try {
      lock = await BuildLock.acquire(ctx.buildDir, {
        waitMs: ctx.lockWaitMs ?? SAVE_LOCK_WAIT_MS,
        what: 'a save from the import page',
      });
    } catch (e) {
      if (e instanceof BuildBusyError)
        throw new ImportError(
          409,
          'The corpus is being rebuilt by another ingest right now, so nothing was saved: try again when it has finished.',
          { cause: e, detail: { code: 'rebuilding' } },
        );
      throw e;
    }
    try {
      return await write(lock);
    } finally {
      await lock.release();
    }
  } finally {
    writing = false;
  }
}

/** The ingest of the whole corpus (incremental: only the changed document is built), under the save's lock. */
async function runIngest(ctx: SaveContext, id: string, lock: BuildLock): Promise<BuiltDoc | undefined> {
  let saved: BuiltDoc | undefined;
  const result = await ingest({
    root: ctx.root,
    corpusDir: ctx.corpusDir,
    buildDir: ctx.buildDir,
    loadDictionary: ctx.dictionary,
    lock,
    onDocument: (doc) => {
      if (doc.meta.id === id) saved = doc;
    },
  });
  await ctx.afterPublish?.(result.buildDir);
  return saved;
}

/** Command-line flags named in lib/add's and the ingest's messages, and what the page calls them. */
const FLAGS_ON_THE_PAGE: ReadonlyArray<[RegExp, string]> = [
  [/--encoding\b/g, 'the encoding menu'],
  [/--format\b/g, 'the format menu'],
  [/--variant\b/g, 'the script menu'],
  [/--date\b/g, 'the date field'],
  [/--id\b/g, 'the id field'],
  [/,? or --force to replace it/g, ''],
];

/**
 * A message of lib/add or the ingest, said for the page: no server paths (the corpus folder, the
 * upload's temporary folder), no command-line flags.
 */
function forThePage(message: string, ctx: SaveContext, uploadDir?: string): string {
  let out = message;
  if (uploadDir !== undefined) out = out.split(`${uploadDir}${path.sep}`).join('').split(uploadDir).join('the upload');
  out = out
    .split(`${path.resolve(ctx.corpusDir)}${path.sep}`)
    .join('corpus/')
    .split(path.resolve(ctx.root))
    .join('.');
  for (const [flag, words] of FLAGS_ON_THE_PAGE) out = out.replace(flag, words);
  return out;
}

/** Writes a file by a temporary name and a rename: a reader sees the old file or the new one. */
async function writeAtomically(file: string, content: string): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}-${Date.now()}`;
  try {
    await writeFile(tmp, content);
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** Corrections from the page checked for shape and against the blocks they will be applied to. */
function checkedCorrections(raw: unknown, texts: { zh: string[]; en: string[] }, what: string): AlignmentCorrections {
  let corrections: AlignmentCorrections;
  try {
    corrections = parseCorrections(raw, what);
  } catch (e) {
    throw new ImportError(422, (e as Error).message, { cause: e });
  }
  const fit = applicableCorrections(corrections, texts.zh, texts.en, what);
  if ('warning' in fit)
    throw new ImportError(
      409,
      'The texts changed since these pairs were made: preview again and redo the corrections.',
      { detail: { code: 'textsChanged' } },
    );
  return corrections;
}

const EXT: Partial<Record<SourceFormat, string>> = { text: '.txt', markdown: '.md', html: '.html', docx: '.docx' };

/** A new document from the page: folder written, corrections checked and written, ingest, or nothing at all. */
export function saveNewDocument(form: ImportForm, ctx: SaveContext): Promise<SaveResult> {
  return oneAtATime(ctx, async (lock) => {
    const title = form.fields.title;
    if (title === undefined)
      throw new ImportError(400, 'A title is needed (the Chinese title, or the English one).', {
        detail: { code: 'needTitle' },
      });
    const request = {
      zh: form.zh,
      ...(form.en ? { en: form.en } : {}),
      ...(form.encoding ? { encoding: form.encoding } : {}),
      ...(form.variant ? { variant: form.variant } : {}),
    };
    const resolved = await resolveInput(request, {
      id: 'new',
      title: { zh: title, en: form.fields.titleEn ?? title },
      publication: { zh: '', en: '' },
      date: '2000-01-01',
    });
    let corrections: AlignmentCorrections | undefined;
    if (form.corrections !== undefined) {
      let texts: { zh: string[]; en: string[] };
      try {
        texts = cleanedBlockTexts(resolved.input);
      } catch (e) {
        throw new ImportError(422, (e as Error).message, { cause: e });
      }
      corrections = checkedCorrections(form.corrections, texts, 'corrections');
    }
    // lib/add reads files: the received bytes go to a private temporary folder, named by format.
    const tmp = await mkdtemp(path.join(tmpdir(), 'duizhao-import-'));
    try {
      const source = path.join(tmp, `source${EXT[resolved.report.format]}`);
      await writeFile(source, form.zh.bytes);
      let translation: string | undefined;
      if (form.en && resolved.report.enFormat) {
        translation = path.join(tmp, `en${EXT[resolved.report.enFormat]}`);
        await writeFile(translation, form.en.bytes);
      }
      let added;
      try {
        added = await addDocument({
          corpusDir: ctx.corpusDir,
          source,
          translation,
          title,
          titleEn: form.fields.titleEn,
          publication: form.fields.publication,
          translator: form.fields.translator,
          date: form.fields.date,
          id: form.fields.id,
          encoding: resolved.report.format === 'docx' ? undefined : resolved.report.encoding,
          variant: resolved.report.variant,
          format: resolved.report.format,
          today: ctx.today,
          note: TRANSLATION_NOTES.imported,
        });
      } catch (e) {
        if (e instanceof AddError && /already exists/.test(e.message))
          throw new ImportError(
            409,
            `A document with the id "${form.fields.id ?? ''}" exists already: choose another id.`.replace(' ""', ''),
            { detail: { code: 'idTaken' } },
          );
        throw new ImportError(422, forThePage((e as Error).message, ctx, tmp), { cause: e });
      }
      try {
        if (corrections) await writeAtomically(path.join(added.dir, CORRECTIONS_FILE), correctionsText(corrections));
        const doc = await runIngest(ctx, added.id, lock);
        await added.commit();
        return { id: added.id, pairs: doc?.pairs.length ?? 0, warnings: doc?.warnings ?? [] };
      } catch (e) {
        await added.rollback();
        throw new ImportError(
          422,
          `The document did not build, so it was not added (the corpus is as it was): ${forThePage((e as Error).message, ctx, tmp)}`,
          { cause: e, detail: { code: 'notBuilt', params: { reason: forThePage((e as Error).message, ctx, tmp) } } },
        );
      }
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  });
}

/** An existing document's folder, read as the ingest reads it; 404 when there is none. */
async function existingDocument(id: string, corpusDir: string): Promise<{ dir: string; input: DocumentInput }> {
  if (!isDocId(id)) throw new ImportError(404, `No document "${id.slice(0, 100)}".`);
  const dir = path.join(corpusDir, id);
  const info = await lstat(dir).catch(() => undefined);
  if (!info) throw new ImportError(404, `No document "${id}" in the corpus.`);
  // A symlinked folder may lead out of the corpus: never written through.
  if (!info.isDirectory())
    throw new ImportError(422, `${id}: not a plain folder in the corpus; its alignment cannot be saved here.`);
  try {
    return { dir, input: await readDocumentFolder(corpusDir, id) };
  } catch (e) {
    throw new ImportError(422, (e as Error).message, { cause: e });
  }
}

/** The blocks' fingerprints of an existing document, as its next ingest will see them. */
export async function documentFingerprints(id: string, corpusDir: string) {
  const { input } = await existingDocument(id, corpusDir);
  const texts = cleanedBlockTexts(input);
  return { zh: blocksFingerprint(texts.zh), en: blocksFingerprint(texts.en) };
}

/**
 * Corrected pairs of an existing document, as its alignment.json; `null` removes the corrections
 * (back to the automatic alignment). `raw` is {pairs, basedOn?: {zh, en}}: `basedOn`, the
 * fingerprints the page was shown, lets a document edited in the meantime be refused (409) rather
 * than corrected blind.
 */
export function saveCorrections(id: string, raw: unknown, ctx: SaveContext): Promise<SaveResult> {
  return oneAtATime(ctx, async (lock) => {
    const { dir, input } = await existingDocument(id, ctx.corpusDir);
    const file = path.join(dir, CORRECTIONS_FILE);
    let next: string | null = null;
    if (raw !== null) {
      if (typeof raw !== 'object' || Array.isArray(raw))
        throw new ImportError(400, 'Send {"pairs": [{"zh": [...], "en": [...]}, ...]}.');
      const body = raw as { pairs?: unknown; basedOn?: unknown };
      const texts = cleanedBlockTexts(input);
      const now = { zh: blocksFingerprint(texts.zh), en: blocksFingerprint(texts.en) };
      if (body.basedOn !== undefined && JSON.stringify(body.basedOn) !== JSON.stringify(now)) {
        throw new ImportError(409, `${id} changed since it was opened for correction: reload the page.`, {
          detail: { code: 'docChanged' },
        });
      }
      next = correctionsText(
        checkedCorrections(
          { version: CORRECTIONS_VERSION, ...now, pairs: body.pairs },
          texts,
          `${id}/${CORRECTIONS_FILE}`,
        ),
      );
    }
    const previous = await readFile(file, 'utf8').catch(() => null);
    if (next !== null) await writeAtomically(file, next);
    else await rm(file, { force: true });
    try {
      const doc = await runIngest(ctx, id, lock);
      return { id, pairs: doc?.pairs.length ?? 0, warnings: doc?.warnings ?? [] };
    } catch (e) {
      if (previous === null) await rm(file, { force: true });
      else await writeAtomically(file, previous);
      throw new ImportError(
        422,
        `The document did not build with these pairs, so they were not saved: ${forThePage((e as Error).message, ctx)}`,
        { cause: e, detail: { code: 'notBuilt', params: { reason: forThePage((e as Error).message, ctx) } } },
      );
    }
  });
}
