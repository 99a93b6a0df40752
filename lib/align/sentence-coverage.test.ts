import { describe, expect, it } from 'vitest';
import { fMeasure, meanWeight, shrunkCoverage } from './sentence-coverage';

describe('shrunkCoverage', () => {
  it('is the bead coverage for a sentence with no weight of its own', () => {
    expect(shrunkCoverage(0, 0, 0.6, 2)).toBe(0.6);
    expect(shrunkCoverage(0, 0, 0.6, 0)).toBe(0.6);
  });

  it('lies between the sentence’s own coverage and its bead’s', () => {
    const own = 1 / 4;
    const c = shrunkCoverage(1, 4, 0.9, 2);
    expect(c).toBeGreaterThan(own);
    expect(c).toBeLessThan(0.9);
    expect(c).toBeCloseTo((1 + 2 * 0.9) / 6, 12);
  });

  it('follows a long sentence’s own words more than a short one’s', () => {
    // The same own coverage (nothing found) in a short and a long sentence of a well explained bead.
    const short = shrunkCoverage(0, 1, 0.8, 2);
    const long = shrunkCoverage(0, 40, 0.8, 2);
    expect(long).toBeLessThan(short);
    expect(long).toBeLessThan(0.05);
  });

  it('is the own coverage without a prior', () => {
    expect(shrunkCoverage(3, 6, 0.1, 0)).toBe(0.5);
  });
});

describe('fMeasure and meanWeight', () => {
  it('F-measure is 0 for no coverage and symmetric', () => {
    expect(fMeasure(0, 0)).toBe(0);
    expect(fMeasure(0.5, 1)).toBeCloseTo(2 / 3, 12);
    expect(fMeasure(1, 0.5)).toBe(fMeasure(0.5, 1));
  });

  it('mean of none is 0', () => {
    expect(meanWeight([])).toBe(0);
    expect(meanWeight([1, 2, 6])).toBe(3);
  });
});
