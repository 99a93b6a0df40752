import { describe, expect, it } from 'vitest';
import { allowedGrowthKb, isBackNearBaseline, parseStatPpid, parseVmRssKb, processTree, treeRss } from './proc-memory';

describe('parseStatPpid', () => {
  it('reads the field after the state', () => {
    expect(parseStatPpid('31592 (next-server (v1) S 1 31592 31592 0 -1 4194560 …')).toBe(1);
    expect(parseStatPpid('42 (a) b) c) R 7 42 42 0')).toBe(7);
  });
  it.each(['', 'garbage', '12 (x) S'])('null for %j', (text) => expect(parseStatPpid(text)).toBeNull());
});

describe('parseVmRssKb', () => {
  it('reads VmRSS in kB', () => {
    expect(parseVmRssKb('Name:\tnode\nVmHWM:\t  400000 kB\nVmRSS:\t  349732 kB\nRssAnon:\t 300000 kB\n')).toBe(349732);
  });
  it('null for a process without one (a kernel thread, a zombie)', () => {
    expect(parseVmRssKb('Name:\tkthreadd\nState:\tS (sleeping)\n')).toBeNull();
  });
});

describe('processTree', () => {
  it('finds every descendant, and only them', () => {
    const parentOf = new Map([
      [10, 1],
      [11, 10],
      [12, 10],
      [13, 12],
      [20, 1],
      [21, 20],
    ]);
    expect(processTree(10, parentOf).sort()).toEqual([10, 11, 12, 13]);
    expect(processTree(99, parentOf)).toEqual([99]);
  });
});

describe('treeRss', () => {
  it('counts this process', () => {
    const own = treeRss(process.pid);
    expect(own.pids).toContain(process.pid);
    expect(own.kb).toBeGreaterThan(1024);
  });
});

describe('isBackNearBaseline', () => {
  const tolerance = { fraction: 0.15, minKb: 40 * 1024 };
  it('allows the larger of the fraction and the floor', () => {
    expect(allowedGrowthKb(100 * 1024, tolerance)).toBe(40 * 1024);
    expect(allowedGrowthKb(400 * 1024, tolerance)).toBe(60 * 1024);
  });
  it('passes at or below the allowance, and below the baseline', () => {
    expect(isBackNearBaseline(400 * 1024, 460 * 1024, tolerance)).toBe(true);
    expect(isBackNearBaseline(400 * 1024, 300 * 1024, tolerance)).toBe(true);
    expect(isBackNearBaseline(400 * 1024, 461 * 1024, tolerance)).toBe(false);
  });
});
