import { availableParallelism } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BYTES_PER_WORKER, buildInWorkers, defaultWorkers } from './parallel';
import { readCorpus } from './read-corpus';

const corpus = path.resolve(import.meta.dirname, '../../corpus');

describe('defaultWorkers', () => {
  it('keeps a small corpus in one thread, however many documents it has', () => {
    expect(defaultWorkers(5, 260 * 1024)).toBe(1);
    expect(defaultWorkers(500, BYTES_PER_WORKER - 1)).toBe(1);
  });
  it('adds a thread per BYTES_PER_WORKER of sources, up to the cores and the documents', () => {
    const cores = availableParallelism();
    expect(defaultWorkers(2, 10 * BYTES_PER_WORKER)).toBe(Math.min(2, cores));
    expect(defaultWorkers(100, 2 * BYTES_PER_WORKER)).toBe(Math.min(2, cores));
    expect(defaultWorkers(100, 1000 * BYTES_PER_WORKER)).toBe(cores);
  });
  it('never gives less than one', () => {
    expect(defaultWorkers(0, 0)).toBe(1);
  });
});

describe('buildInWorkers', () => {
  it('starts documents in corpus order, never past the room it is given, and fails when the room is refused', async () => {
    const inputs = await readCorpus(corpus);
    const asked: number[] = [];
    const done: number[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    // Document 2 waits until document 0 is back: until then no thread may start it or any after it.
    const run = buildInWorkers(inputs, 2, {
      room: (i) => {
        asked.push(i);
        return i >= 2 ? held : Promise.resolve();
      },
      onDone: (i) => {
        done.push(i);
        if (i === 0) {
          expect(done.every((d) => d < 2)).toBe(true);
          release();
        }
      },
    });
    await run;
    expect(asked).toEqual(inputs.map((_, i) => i));
    expect([...done].sort((a, b) => a - b)).toEqual(inputs.map((_, i) => i));

    // A hand-over that failed (its room refused) fails the run with its error.
    await expect(
      buildInWorkers(inputs.slice(0, 3), 2, {
        room: (i) => (i === 2 ? Promise.reject(new Error('disk full')) : Promise.resolve()),
      }),
    ).rejects.toThrow('disk full');
  }, 300_000);
});
