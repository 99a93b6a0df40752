import { describe, expect, it } from 'vitest';
import { readerP99 } from './load.bench';
import { summarise } from './stats';

const runOf = (readerMs: number[], connections = 100) => ({ connections, byKind: { search: summarise([5, 6, 7]), reader: summarise(readerMs) } });

describe('the load test tracks the reader pages’ p99', () => {
  it('row 22.8: reports it beside its 1-connection baseline, and judges it only against a budget given', () => {
    const slow = runOf(Array.from({ length: 100 }, (_, i) => (i < 98 ? 800 : 13_500)));
    const base = runOf([40, 50, 60], 1);
    const tracked = readerP99(slow, base, null);
    expect(tracked).toMatchObject({ ms: 13_500, baselineMs: 60, budgetMs: null, within: null, connections: 100 });
    expect(tracked.line).toBe('reader pages p99: 13500 ms at 100 connections (1 connection: 60 ms); tracked, no budget given');
    expect(readerP99(slow, base, 2000)).toMatchObject({ within: false, line: expect.stringMatching(/OVER the 2000 ms budget$/) });
    expect(readerP99(runOf([700, 800, 900]), null, 2000)).toMatchObject({ within: true, baselineMs: null, line: 'reader pages p99: 900 ms at 100 connections; within the 2000 ms budget' });
    // No reader page answered is never "within" a budget.
    expect(readerP99(runOf([]), null, 2000).within).toBe(false);
  });
});
