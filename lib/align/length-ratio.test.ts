import { describe, expect, it } from 'vitest';
import { measuredRatio, textLengthRatio } from './length-ratio';

describe('textLengthRatio', () => {
  it('is the English characters per Han character, the Chinese side’s other characters taken off the English', () => {
    const zh = ['中'.repeat(300) + '2024'];
    const en = ['a'.repeat(1504)];
    expect(textLengthRatio(zh, en)).toBeCloseTo(1500 / 300);
  });

  it('gives no ratio for a text too short to measure (a paragraph of a few sentences)', () => {
    expect(
      textLengthRatio(['中俄关系处于历史最好时期。'], ['China–Russia relations are at their best in history.']),
    ).toBe(undefined);
    expect(measuredRatio(299, 0, 2000)).toBe(undefined);
    expect(measuredRatio(400, 0, 299)).toBe(undefined);
  });
});
