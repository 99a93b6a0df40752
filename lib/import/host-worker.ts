/**
 * The import host: a child process of the app server (started by host.ts with tsx's loader) that
 * owns the pipeline. It loads CC-CEDICT and jieba once, answers previews, and performs saves
 * (lib/import/save.ts), including the ingest, one at a time. Why a process of its own rather than
 * the route handler: the pipeline is native code and data files read at run time (@node-rs/jieba,
 * hanzi, the pipeline's own fingerprint of its source files), which the app's bundle does not
 * carry; here it runs exactly as `duizhao ingest` runs it. A crash here costs one request, not the
 * server, and the next request starts a fresh host.
 *
 * Messages: {id, op: 'preview' | 'create' | 'correct' | 'fingerprints', ...} → {id, ok, value | status+message}.
 */
import { config, type Config } from '../config';
import { loadCedict, type Dictionary } from '../dictionary/cedict';
import { parseCorrections } from '../pipeline/corrections';
import { preview, type PreviewRequest } from './preview';
import { documentFingerprints, saveCorrections, saveNewDocument, type SaveContext } from './save';
import type { ImportErrorDetail } from './error-detail';
import { ImportError, type ImportForm } from './wire';

export type HostRequest =
  | { id: number; op: 'preview'; form: ImportForm }
  | { id: number; op: 'create'; form: ImportForm }
  | { id: number; op: 'correct'; doc: string; body: unknown }
  | { id: number; op: 'fingerprints'; doc: string };

export type HostReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; status: number; message: string; detail?: ImportErrorDetail };

/** The host quits after this long without a request, giving back the dictionary's memory. */
const IDLE_MS = 15 * 60 * 1000;

let dict: Dictionary | undefined;
const dictionary = () => (dict ??= loadCedict());

/** The save context of a configuration: where the corpus and build are, and the database a build goes to too. */
function saveContext(cfg: Config): SaveContext {
  return {
    root: process.cwd(),
    corpusDir: cfg.corpusDir,
    buildDir: cfg.buildDir,
    dictionary,
    async afterPublish(buildDir) {
      // The app reads PostgreSQL when DATABASE_URL is set: the new build goes there too.
      if (!cfg.databaseUrl) return;
      const { publishBuildFolder } = await import('../store/pg-store');
      await publishBuildFolder(cfg.databaseUrl, buildDir, { schema: cfg.pgSchema });
    },
  };
}

// The host is a process of its own: its configuration is read here, at its entry, from the environment the server passed on.
const context = saveContext(config());

async function previewOf(form: ImportForm) {
  const request: PreviewRequest = { zh: form.zh };
  if (form.en) request.en = form.en;
  if (form.encoding) request.encoding = form.encoding;
  if (form.variant) request.variant = form.variant;
  if (form.corrections !== undefined) {
    try {
      request.corrections = parseCorrections(form.corrections, 'corrections');
    } catch (e) {
      throw new ImportError(422, (e as Error).message, { cause: e });
    }
  }
  return preview(request, dictionary());
}

async function handle(request: HostRequest): Promise<unknown> {
  switch (request.op) {
    case 'preview':
      return previewOf(request.form);
    case 'create':
      return saveNewDocument(request.form, context);
    case 'correct':
      return saveCorrections(request.doc, request.body, context);
    case 'fingerprints':
      return documentFingerprints(request.doc, context.corpusDir);
  }
}

let idle: NodeJS.Timeout | undefined;
function resetIdle() {
  clearTimeout(idle);
  idle = setTimeout(() => process.exit(0), IDLE_MS);
  idle.unref();
}

process.on('message', (message: HostRequest) => {
  resetIdle();
  handle(message).then(
    (value) => process.send?.({ id: message.id, ok: true, value } satisfies HostReply),
    (error: unknown) => {
      const reply: HostReply =
        error instanceof ImportError
          ? {
              id: message.id,
              ok: false,
              status: error.status,
              message: error.message,
              ...(error.detail ? { detail: error.detail } : {}),
            }
          : { id: message.id, ok: false, status: 500, message: error instanceof Error ? error.message : String(error) };
      if (reply.ok === false && reply.status === 500) console.error(error);
      process.send?.(reply);
    },
  );
});
// The parent went away (the server stopped): so does the host.
process.on('disconnect', () => process.exit(0));
resetIdle();
// Warm up while the user is still pasting: the first preview then does not wait for CC-CEDICT.
setImmediate(() => dictionary());
process.send?.({ id: 0, ok: true, value: 'ready' } satisfies HostReply);
