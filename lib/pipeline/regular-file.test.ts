import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileTooLargeError, NotRegularFileError, readRegularFile } from './regular-file';
import { IngestError } from './ingest-error';
import { ingest } from './run';

const root = path.resolve(import.meta.dirname, '../..');
let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'duizhao-regular-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

function mkfifo(file: string): void {
  const r = spawnSync('mkfifo', [file]);
  if (r.status !== 0) throw new Error(`mkfifo failed: ${r.stderr}`);
}

describe('row 22.5b: only ordinary files are read', () => {
  it('row 22.5b: a FIFO, a folder and a device are refused at once, naming what they are', async () => {
    const fifo = path.join(work, 'pipe');
    mkfifo(fifo);
    const started = performance.now();
    await expect(readRegularFile(fifo)).rejects.toThrow(/is a named pipe \(FIFO\), not an ordinary file/);
    await expect(readRegularFile(work)).rejects.toThrow(NotRegularFileError);
    await expect(readRegularFile('/dev/zero')).rejects.toThrow(/is a device/);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('row 22.5b: a size cap is checked before anything is read', async () => {
    const file = path.join(work, 'big.txt');
    await writeFile(file, 'x'.repeat(2048));
    await expect(readRegularFile(file, { bytes: 1024, advice: 'split it' })).rejects.toThrow(FileTooLargeError);
    await expect(readRegularFile(file, { bytes: 1024, advice: 'split it' })).rejects.toThrow(
      /0\.0 MiB is over the limit .*; split it/,
    );
    expect((await readRegularFile(file, { bytes: 4096 })).length).toBe(2048);
  });

  it('row 22.5b: an ingest whose source.txt is a FIFO fails clearly instead of waiting for ever', async () => {
    const dir = path.join(work, 'fifo-corpus');
    const doc = '2026-05-20-xi-putin-talks';
    await mkdir(path.join(dir, 'corpus'), { recursive: true });
    await cp(path.join(root, 'corpus', doc), path.join(dir, 'corpus', doc), { recursive: true });
    await rm(path.join(dir, 'corpus', doc, 'source.txt'));
    mkfifo(path.join(dir, 'corpus', doc, 'source.txt'));
    const run = ingest({
      root: dir,
      cacheDir: false,
      loadDictionary: () => {
        throw new Error('not reached');
      },
    });
    await expect(run).rejects.toThrow(IngestError);
    await expect(run).rejects.toThrow(`${path.join(dir, 'corpus', doc, 'source.txt')}: is a named pipe (FIFO)`);
  }, 30_000);
});
