import { describe, expect, it } from 'vitest';
import { classifyExit, extrapolate, formatSize, logLogSlopes, parseSize, parseSizes } from './growth';

describe('logLogSlopes', () => {
  it('finds the exponent of a power law, per step and overall', () => {
    const points = [1e6, 3e6, 1e7].map((size) => ({ size, value: 5 * size ** 1.5 }));
    const { steps, overall } = logLogSlopes(points);
    expect(steps).toHaveLength(2);
    for (const s of steps) expect(s.k).toBeCloseTo(1.5, 10);
    expect(overall).toBeCloseTo(1.5, 10);
  });

  it('is 1 for linear growth and 0 for a constant, whatever the order of the points', () => {
    expect(
      logLogSlopes([
        { size: 4, value: 8 },
        { size: 2, value: 4 },
        { size: 1, value: 2 },
      ]).overall,
    ).toBeCloseTo(1, 10);
    expect(
      logLogSlopes([
        { size: 1, value: 3 },
        { size: 10, value: 3 },
      ]).overall,
    ).toBeCloseTo(0, 10);
  });

  it('leaves out points whose log means nothing, and gives no slope from fewer than two', () => {
    expect(
      logLogSlopes([
        { size: 1, value: 0 },
        { size: 2, value: Number.NaN },
        { size: 3, value: 1 },
      ]).overall,
    ).toBeNull();
    expect(logLogSlopes([]).steps).toEqual([]);
  });

  it('fits the least-squares line through noisy points', () => {
    // log2 sizes 0,1,2 with log2 values 0,2,2: slope 1 by least squares, steps 2 and 0.
    const { steps, overall } = logLogSlopes([
      { size: 1, value: 1 },
      { size: 2, value: 4 },
      { size: 4, value: 4 },
    ]);
    expect(steps.map((s) => s.k)).toEqual([2, 0]);
    expect(overall).toBeCloseTo(1, 10);
  });
});

describe('extrapolate', () => {
  it('continues the power law from the last point', () => {
    expect(extrapolate({ size: 10, value: 7 }, 1, 100)).toBeCloseTo(70, 10);
    expect(extrapolate({ size: 10, value: 7 }, 2, 100)).toBeCloseTo(700, 10);
  });
});

describe('sizes', () => {
  it('reads k and M suffixes and plain numbers', () => {
    expect(parseSize('500k')).toBe(500_000);
    expect(parseSize('2.5M')).toBe(2_500_000);
    expect(parseSize('100000')).toBe(100_000);
    expect(parseSize('1G')).toBeNaN();
    expect(parseSizes('1M, 3M', '--sizes')).toEqual([1e6, 3e6]);
    expect(parseSizes('', '--sizes')).toEqual([]);
  });

  it('refuses a bad size naming it', () => {
    expect(() => parseSizes('1M,lots', '--sizes')).toThrow(/--sizes: "lots"/);
    expect(() => parseSizes('0', '--sizes')).toThrow(/not a size/);
  });

  it('prints sizes short', () => {
    expect(formatSize(100e6)).toBe('100M');
    expect(formatSize(2.5e6)).toBe('2.5M');
    expect(formatSize(300_000)).toBe('300k');
    expect(formatSize(12)).toBe('12');
  });
});

describe('classifyExit', () => {
  it('tells an out-of-memory from a failure, a timeout and success', () => {
    expect(classifyExit(0, null, '', false)).toBe('ok');
    expect(
      classifyExit(
        134,
        null,
        'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory',
        false,
      ),
    ).toBe('out of memory');
    expect(
      classifyExit(
        null,
        'SIGABRT',
        '<--- JS stacktrace --->\nFATAL ERROR: Ineffective mark-compacts near heap limit Allocation failed - JavaScript heap out of memory',
        false,
      ),
    ).toBe('out of memory');
    expect(classifyExit(null, 'SIGKILL', '', false)).toBe('out of memory');
    expect(classifyExit(null, 'SIGKILL', '', true)).toBe('timeout');
    expect(classifyExit(1, null, 'Error: connect ECONNREFUSED', false)).toBe('failed');
  });
});
