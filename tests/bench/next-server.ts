/**
 * `next start` of the production build in `.next/`, for the benchmarks that measure a real server:
 * on loopback, in its own process group (stopping the group stops any child it forks), stopped when
 * the benchmark ends however it ends.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** Whether `next build` has written a production build that `next start` can serve. */
export const hasProductionBuild = (root = ROOT) => existsSync(path.join(root, '.next', 'BUILD_ID'));

/** The server could not be started: the port is taken, or it exited or did not answer in time. */
export class ServerStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServerStartError';
  }
}

export async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
      .once('error', () => resolve(false))
      .once('listening', () => probe.close(() => resolve(true)))
      .listen(port, '127.0.0.1');
  });
}

/** Resolves once `url` answers 2xx; throws when the server exits first or the time runs out. */
export async function waitForServer(url: string, server: ChildProcess | null, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server && server.exitCode !== null)
      throw new ServerStartError(`next start exited with ${server.exitCode} (has \`npx next build\` run?)`);
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new ServerStartError(`${url} did not answer within ${timeoutMs / 1000} s`);
}

export interface NextServer {
  url: string;
  /** The pid of `next start` itself, the root of its process tree. */
  pid: number;
  /** SIGTERM to the process group, SIGKILL after `graceMs`; resolves once the server has exited. */
  stop: (graceMs?: number) => Promise<void>;
}

/**
 * Starts `next start -H 127.0.0.1 -p <port>` and waits until `readyPath` answers. The environment
 * is passed on (with `env` over it), so the server reads the build named by DUIZHAO_BUILD, as the
 * bench does.
 */
export async function startNextServer(
  port: number,
  { readyPath = '/en', env = {} }: { readyPath?: string; env?: Record<string, string> } = {},
): Promise<NextServer> {
  if (!(await isPortFree(port))) throw new ServerStartError(`port ${port} is taken: pass --port N`);
  const child = spawn(path.join(ROOT, 'node_modules/.bin/next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...env },
  });
  const pid = child.pid;
  if (pid === undefined) throw new ServerStartError('could not start next start');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-pid, sig);
    } catch {
      // the group has gone already
    }
  };
  // The last resort when the bench exits without calling stop (an uncaught error): synchronous.
  const onExit = () => signal('SIGKILL');
  process.once('exit', onExit);
  const stop = async (graceMs = 5000) => {
    if (child.exitCode === null && child.signalCode === null) {
      signal('SIGTERM');
      const timer = setTimeout(() => signal('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    }
    // A child the server forked may outlive it; the group is gone only when all of it is.
    signal('SIGKILL');
    process.off('exit', onExit);
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForServer(`${url}${readyPath}`, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, pid, stop };
}
