/**
 * Builds documents in worker threads. Documents are independent, so each is one task; piscina
 * keeps `workers` threads alive for the run, so each thread loads CC-CEDICT and jieba once.
 *
 * piscina rather than a hand-written pool: it already does the queue, the per-task promise, the
 * error of a task with its message, and `destroy()` terminating every thread.
 *
 * Loading TypeScript in a worker: a thread starts with the `execArgv` it is given, and the module
 * hooks of its parent are not inherited. The CLI runs under tsx's CLI (whose process.execArgv
 * carries tsx's loader) but vitest runs the same code under its own vite transform (no loader in
 * execArgv at all), so the thread is always started with `--import <tsx's loader>`, resolved to
 * a file URL from this module (tsx is a dependency), which works whatever the working directory.
 * tsx's loader registers its hooks inside the thread, so piscina's `import(filename)` of the
 * worker's .ts file and every relative import under it load as they do in the CLI.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { DocumentInput } from './build-document';

const WORKER = new URL('./ingest-worker.ts', import.meta.url).href;

function tsxLoader(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
}

/**
 * Source bytes a thread must have to build before another thread pays for itself. Each thread
 * loads CC-CEDICT and jieba (about 1 s on a quiet core, 3-5 s at load 12) and the glossary stays on
 * the main thread: on the 5-document corpus (260 kB of sources, 1.3 s of document building) two
 * threads were 1.28× slower than one. The document stage builds about 40,000 Chinese characters
 * (120 kB) a second, so 1 MB a thread is some 8 s of work against one dictionary load.
 */
export const BYTES_PER_WORKER = 1024 * 1024;

/**
 * The number of threads for documents of `bytesToBuild` source bytes in all: the machine's
 * parallelism, never more threads than documents, and one more thread only per BYTES_PER_WORKER.
 */
export function defaultWorkers(toBuild: number, bytesToBuild: number): number {
  const worthIt = Math.max(1, Math.floor(bytesToBuild / BYTES_PER_WORKER));
  return Math.max(1, Math.min(availableParallelism(), toBuild, worthIt));
}

export class DocumentBuildError extends Error {
  constructor(
    readonly docId: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(`${docId}: ${message}`, options);
    this.name = 'DocumentBuildError';
  }
}

/**
 * Builds every input in `workers` threads, starting them in the order of `inputs`: `onStart`
 * fires once the threads are starting, `onDone` as each document comes back, with its index in
 * `inputs` and its text, which is not kept here. `room(index)`, when given, is awaited before that
 * document starts: the caller's back-pressure (run.ts hands documents over in corpus order, and
 * holds the texts that came back early until then).
 *
 * The documents are fed one per thread as threads come free, rather than all queued in piscina at
 * once: piscina 5 does not start queued tasks in the order they were queued (measured: of 20 tasks
 * on 2 threads, the even ones first), so a corpus-order hand-over would hold about half the
 * corpus's texts until the end; and every result stayed alive in `Promise.all`.
 *
 * The first failure rejects with the failing document's id and message, and terminates every
 * thread (the documents still running are abandoned). SIGINT during the run does the same, so a
 * ^C stops the threads and the ingest publishes nothing. A rejected `room` fails the run too.
 */
export async function buildInWorkers(
  inputs: readonly DocumentInput[],
  workers: number,
  events: {
    onStart?: () => void;
    onDone?: (index: number, text: string) => void;
    room?: (index: number) => Promise<void>;
  } = {},
): Promise<void> {
  let failed: Error | undefined;
  let stop!: (e: Error) => void;
  const stopped = new Promise<never>((_, reject) => {
    stop = reject;
  });
  const fail = (e: Error) => {
    if (failed) return;
    failed = e;
    stop(e);
  };
  const onSigint = () => fail(new Error('interrupted (SIGINT): no build written'));
  // Listening before anything is announced (onStart), so that a ^C sent on seeing the progress
  // line cannot fall in a window where Node's default handler would still kill the process.
  process.once('SIGINT', onSigint);
  let pool: Piscina<DocumentInput, string>;
  try {
    pool = new Piscina<DocumentInput, string>({
      filename: WORKER,
      minThreads: workers,
      maxThreads: workers,
      concurrentTasksPerWorker: 1,
      execArgv: ['--import', tsxLoader()],
    });
  } catch (e) {
    process.removeListener('SIGINT', onSigint);
    throw e;
  }
  try {
    events.onStart?.();
    let next = 0;
    // One lane per thread, each with one document in flight: nothing waits in piscina's queue.
    const lane = async () => {
      while (!failed && next < inputs.length) {
        const index = next++;
        try {
          await events.room?.(index);
        } catch (e) {
          fail(e instanceof Error ? e : new Error(String(e)));
          return;
        }
        if (failed) return;
        let text: string;
        try {
          text = await pool.run(inputs[index]!);
        } catch (e) {
          fail(
            new DocumentBuildError(inputs[index]!.meta.id, e instanceof Error ? e.message : String(e), { cause: e }),
          );
          return;
        }
        if (!failed) events.onDone?.(index, text);
      }
    };
    await Promise.race([Promise.all(Array.from({ length: workers }, lane)), stopped]);
  } finally {
    process.removeListener('SIGINT', onSigint);
    await pool.destroy();
  }
}
