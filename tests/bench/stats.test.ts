import { describe, expect, it } from 'vitest';
import { median, percentile, summarise } from './stats';

describe('percentile', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
  it('is the nearest rank', () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile([5, 7, 9], 50)).toBe(7);
  });
  it('is the smallest value at 0 and NaN for no values', () => {
    expect(percentile(hundred, 0)).toBe(1);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('summarise', () => {
  it('sorts first, and counts', () => {
    expect(summarise([30, 10, 20, 40])).toEqual({ n: 4, mean: 25, p50: 20, p90: 40, p99: 40, max: 40 });
  });
  it('gives NaN figures for nothing', () => {
    const s = summarise([]);
    expect(s.n).toBe(0);
    expect([s.mean, s.p50, s.p99, s.max].every(Number.isNaN)).toBe(true);
  });
});

describe('median', () => {
  it('is the lower middle of an even count and does not sort its input in place', () => {
    const values = [4, 1, 3, 2];
    expect(median(values)).toBe(2);
    expect(values).toEqual([4, 1, 3, 2]);
  });
});
