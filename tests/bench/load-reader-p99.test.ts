import { describe, expect, it } from 'vitest';
import { readerP99 } from './load.bench';
import { summarise } from './stats';

/** A run's figures per kind, as runMix gives them; `cut` reader pages timed out at 10 s. */
function runOf(readerMs: number[], connections = 100, cut = 0) {
  const kind = (ms: number[], timeouts: number) => ({
    ...summarise(ms),
    rps: 1,
    non2xx: 0,
    timeouts,
    p99WithTimeouts: summarise([...ms, ...Array<number>(timeouts).fill(10_000)]).p99,
  });
  return { connections, byKind: { search: kind([5, 6, 7], 0), reader: kind(readerMs, cut) } };
}

describe('the load test tracks the reader pages’ p99', () => {
  it('row 22.8: reports it beside its 1-connection baseline, and judges it only against a budget given', () => {
    const slow = runOf(Array.from({ length: 100 }, (_, i) => (i < 98 ? 800 : 13_500)));
    const base = runOf([40, 50, 60], 1);
    const tracked = readerP99(slow, base, null);
    expect(tracked).toMatchObject({ ms: 13_500, baselineMs: 60, budgetMs: null, within: null, connections: 100 });
    expect(tracked.line).toBe(
      'reader pages p99: 13500 ms at 100 connections (1 connection: 60 ms); tracked, no budget given',
    );
    expect(readerP99(slow, base, 2000)).toMatchObject({
      within: false,
      line: expect.stringMatching(/OVER the 2000 ms budget$/),
    });
    expect(readerP99(runOf([700, 800, 900]), null, 2000)).toMatchObject({
      within: true,
      baselineMs: null,
      line: 'reader pages p99: 900 ms at 100 connections; within the 2000 ms budget',
    });
    // Pages cut off by the timeout count at the timeout: 97 answered in 800 ms and 3 cut off is a p99 of at least 10 s.
    const cut = readerP99(runOf(Array<number>(97).fill(800), 100, 3), null, 2000);
    expect(cut).toMatchObject({ ms: 10_000, timeouts: 3, within: false });
    expect(cut.line).toBe(
      'reader pages p99: 10000 ms at 100 connections (≥: 3 pages timed out, counted at the timeout); OVER the 2000 ms budget',
    );
    // No reader page answered is never "within" a budget.
    expect(readerP99(runOf([]), null, 2000).within).toBe(false);
  });
});
