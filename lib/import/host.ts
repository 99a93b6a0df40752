/**
 * The app server's side of the import host (host-worker.ts): starts it on first use with tsx's
 * loader, sends it requests and waits for the answers. One host per server process, kept on
 * globalThis so that every route bundle that imports this module shares it. When the host exits
 * (crash, idle timeout), pending requests fail with 503 and the next request starts a new one.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { HostReply, HostRequest } from './host-worker';
import { isImportErrorDetail } from './error-detail';
import { ImportError } from './wire';

type Pending = { resolve: (v: unknown) => void; reject: (e: unknown) => void; timer: NodeJS.Timeout };
interface Host {
  child: ChildProcess;
  pending: Map<number, Pending>;
  next: number;
}

const KEY = Symbol.for('duizhao.importHost');
const shared = globalThis as typeof globalThis & { [KEY]?: Host };

/**
 * How long an answer may take: a preview works on a window of each side (window.ts), seconds even
 * under load, so its timeout is only a backstop; a save runs an ingest of the whole text (minutes
 * on a large corpus under load).
 */
const HOST_TIMEOUT_MS = { preview: 300_000, write: 600_000 };

function start(): Host {
  // turbopackIgnore: the host runs from the project's source with tsx, as `duizhao ingest` does;
  // it is not part of the app's bundle.
  const entry = path.join(/*turbopackIgnore: true*/ process.cwd(), 'lib', 'import', 'host-worker.ts');
  const child = fork(entry, [], {
    cwd: process.cwd(),
    execArgv: ['--import', 'tsx'],
    // Typed arrays (the uploaded bytes) cross as they are, not as JSON.
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const host: Host = { child, pending: new Map(), next: 1 };
  child.on('message', (reply: HostReply) => {
    const waiting = host.pending.get(reply.id);
    if (!waiting) return;
    host.pending.delete(reply.id);
    clearTimeout(waiting.timer);
    if (reply.ok) waiting.resolve(reply.value);
    else
      waiting.reject(
        reply.status === 500
          ? new Error(reply.message)
          : new ImportError(reply.status as ImportError['status'], reply.message, {
              detail: isImportErrorDetail(reply.detail) ? reply.detail : undefined,
            }),
      );
  });
  const gone = () => {
    if (shared[KEY] === host) shared[KEY] = undefined;
    for (const [, waiting] of host.pending) {
      clearTimeout(waiting.timer);
      waiting.reject(
        new ImportError(503, 'The import process stopped while working on this request; try again.', {
          detail: { code: 'hostStopped' },
        }),
      );
    }
    host.pending.clear();
  };
  child.on('exit', gone);
  child.on('error', gone);
  return host;
}

function host(): Host {
  const current = shared[KEY];
  if (current && current.child.exitCode === null && current.child.connected) return current;
  const fresh = start();
  shared[KEY] = fresh;
  return fresh;
}

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** Sends a request to the host and waits for its answer; ImportErrors carry the status to answer. */
export function callHost<T>(request: WithoutId<HostRequest>): Promise<T> {
  const h = host();
  const id = h.next++;
  const timeout =
    request.op === 'preview' || request.op === 'fingerprints' ? HOST_TIMEOUT_MS.preview : HOST_TIMEOUT_MS.write;
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      h.pending.delete(id);
      reject(
        new ImportError(503, `The import process did not answer within ${timeout / 1000} s.`, {
          detail: { code: 'hostTimeout', params: { seconds: timeout / 1000 } },
        }),
      );
    }, timeout);
    h.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
    h.child.send({ ...request, id } as HostRequest);
  });
}

/** Stops the host (tests). */
export function stopHost(): void {
  shared[KEY]?.child.kill();
}
