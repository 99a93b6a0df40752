/**
 * The CLI's ingest with its cache and worker threads, in a process of its own: the summary line,
 * and ^C (SIGINT) while worker threads build.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readlink, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const DOCS = ['2026-05-20-xi-putin-talks', '2025-05-08-takungpao-moscow-talks'];
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'duizhao-ingest-cli-'));
  for (const d of DOCS) await cp(path.join(root, 'corpus', d), path.join(dir, 'corpus', d), { recursive: true });
  await mkdir(path.join(dir, 'elsewhere'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** `duizhao ingest ARGS` in `dir`, under tsx's loader like `npm run duizhao`, without npm in between (so a signal reaches it). */
function cli(args: string[], onStderr?: (seen: string, child: ReturnType<typeof spawn>) => void) {
  const tsx = pathToFileURL(path.join(root, 'node_modules/tsx/dist/loader.mjs')).href;
  const child = spawn(process.execPath, ['--import', tsx, path.join(root, 'lib/cli.ts'), 'ingest', ...args], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    onStderr?.(stderr, child);
  });
  return new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, stderr })),
  );
}

describe('duizhao ingest', () => {
  it('says how many documents it built, in how many threads, and how many came from the cache', async () => {
    const first = await cli(['--workers', '2']);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('2 documents: 2 built in 2 worker threads, 0 unchanged (cache)');
    const second = await cli([]);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('2 documents: 0 built, 2 unchanged (cache)');
    const full = await cli(['--full', '--workers', '1', '--cache', 'elsewhere/cache']);
    expect(full.code).toBe(0);
    expect(full.stderr).toContain('2 documents: 2 built, 0 unchanged (cache)');
    expect((await cli(['--workers', '0'])).stderr).toContain('--workers takes a whole number');
  }, 240_000);

  it('SIGINT while worker threads build: the threads stop, nothing is published, the run fails', async () => {
    const before = await readlink(path.join(dir, 'build'));
    let sent = false;
    let signalled = 0;
    const result = await cli(['--full', '--workers', '2'], (seen, child) => {
      // The documents are handed to the threads in the tick that prints this line.
      if (!sent && /ingest 0\/2/.test(seen)) {
        sent = true;
        signalled = performance.now();
        child.kill('SIGINT');
      }
    });
    expect(sent).toBe(true);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('interrupted (SIGINT)');
    expect(result.stderr).not.toContain('documents:');
    // Stopped, not finished: well before two documents could have been built (about 10 s here).
    expect(performance.now() - signalled).toBeLessThan(5_000);
    expect(await readlink(path.join(dir, 'build'))).toBe(before);
  }, 120_000);
});
