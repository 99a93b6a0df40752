import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { BYTES_PER_WORKER, defaultWorkers } from './parallel';

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
