/** `ingest`: corpus/ → build/, with a progress bar and a report on stderr. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import type { DocReport } from '../pipeline/report';
import { UsageError, type Command } from './command';
import { publishTo } from './publish';
import { databaseUrl } from './store';

/** What one ingest from the command line is asked to do; paths absolute, absent for the defaults under the working directory. */
export interface IngestRequest {
  corpusDir?: string;
  buildDir?: string;
  cacheDir?: string;
  full: boolean;
  workers: number | 'auto';
  /** Then publish the build to this database too (its tables in `pgSchema`). */
  databaseUrl?: string;
  pgSchema?: string;
}

/**
 * Runs the ingest (lib/pipeline/run.ts) with a progress bar (a line per document when stderr is
 * not a terminal), reports each document and the run on stderr, then publishes to the database
 * when one is given. `add` runs this very function after writing the corpus folder.
 */
export async function ingestWithProgress(request: IngestRequest): Promise<void> {
  // Loaded here, not at the top: `clean` and `export` need neither jieba nor the dictionary.
  const [{ ingest }, { docReport, ingestReport }, { loadCedict }] = await Promise.all([
    import('../pipeline/run'),
    import('../pipeline/report'),
    import('../dictionary/cedict'),
  ]);
  const root = process.cwd();
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar(
        { format: 'ingest [{bar}] {value}/{total} {doc}', stream: process.stderr, hideCursor: true },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  let started = false;
  const t0 = performance.now();
  const reports: DocReport[] = [];
  const result = await ingest({
    root,
    corpusDir: request.corpusDir,
    buildDir: request.buildDir,
    loadDictionary: loadCedict,
    cacheDir: request.cacheDir,
    full: request.full,
    workers: request.workers,
    onDocument: (doc) => reports.push(docReport(doc)),
    // Another ingest of this build (a second terminal, a save from the import page) is waited for.
    lock: { waitMs: Infinity, onWait: (message) => process.stderr.write(`${message}\n`), what: 'duizhao ingest' },
    onProgress: ({ doc, done, total }) => {
      if (bar) {
        if (!started) bar.start(total, 0, { doc });
        started = true;
        bar.update(done, { doc });
      } else process.stderr.write(`ingest ${done}/${total} ${doc}\n`);
    },
  });
  if (bar) {
    bar.update(result.documents, { doc: 'done' });
    bar.stop();
  }
  process.stderr.write(ingestReport(reports, path.relative(root, result.buildDir), performance.now() - t0));
  const threads = result.workers > 1 ? ` in ${result.workers} worker threads` : '';
  process.stderr.write(
    `${result.documents} documents: ${result.built.length} built${threads}, ${result.cached.length} unchanged (cache)\n`,
  );
  const totalMs = performance.now() - t0;
  process.stderr.write(
    `word alignment: ${(result.wordAlignMs / 1000).toFixed(1)} s of the ingest's ${(totalMs / 1000).toFixed(1)} s (${((100 * result.wordAlignMs) / totalMs).toFixed(0)}%)\n`,
  );
  // The build folder is written and published first; the database gets the same build after it.
  if (request.databaseUrl !== undefined) await publishTo(request.databaseUrl, result.buildDir, request.pgSchema);
}

export const ingest: Command = {
  name: 'ingest',
  synopsis: 'ingest [options]',
  description: `Build the corpus in corpus/ into build/: decode, clean, convert,
segment, gloss, align and index every document. Written to a new
folder and swapped in atomically; on error the previous build stays.
One ingest at a time per build: a second one (another terminal, a
save from the import page) waits for the first; a lock left by a
crashed run (its process gone) is taken over.
Incremental: a document whose input (meta.json, source, translation)
and pipeline (code, dictionary and library versions) are unchanged
is read back from the cache instead of rebuilt; the search index is
always redone, the glossary and gloss file when any document changed.
Same bytes either way.`,
  options: `  --corpus DIR             corpus folder (default: corpus)
  --build DIR              build link to publish (default: build)
  --cache DIR              per-document cache (default: .cache/ingest)
  --full                   rebuild every document, ignoring the cache (it is refreshed)
  --workers N              threads building documents (default: one per MB of sources to
                           build, at most the cores and the documents; 1 builds in the main
                           thread: below that a thread's dictionary load costs more than it saves)
  --database URL           then publish the build to PostgreSQL too (default: DATABASE_URL
                           when set; see publish)`,
  async run(args, config) {
    const { values } = parseArgs({
      args,
      options: {
        corpus: { type: 'string' },
        build: { type: 'string' },
        cache: { type: 'string' },
        full: { type: 'boolean' },
        workers: { type: 'string' },
        database: { type: 'string' },
      },
      strict: true,
    });
    const workers = values.workers === undefined ? 'auto' : Number(values.workers);
    if (workers !== 'auto' && !(Number.isInteger(workers) && workers >= 1 && workers <= 64))
      throw new UsageError('--workers takes a whole number from 1 to 64');
    await ingestWithProgress({
      corpusDir: values.corpus ? path.resolve(values.corpus) : undefined,
      buildDir: values.build ? path.resolve(values.build) : undefined,
      cacheDir: values.cache ? path.resolve(values.cache) : undefined,
      full: values.full ?? false,
      workers,
      databaseUrl: databaseUrl(values.database, config),
      pgSchema: config.pgSchema,
    });
    return 0;
  },
};
