import { describe, expect, it } from 'vitest';
import { digitByDigit, unitsValue } from './chinese-numerals';

const chars = (s: string) => [...s];

describe('digitByDigit', () => {
  it('reads a year written digit by digit', () => {
    expect(digitByDigit(chars('二〇二四'))).toBe(2024);
    expect(digitByDigit(chars('一九四九'))).toBe(1949);
  });

  it('gives undefined when a character is not a digit', () => {
    expect(digitByDigit(chars('二十'))).toBeUndefined();
    expect(digitByDigit(chars('二x'))).toBeUndefined();
  });
});

describe('unitsValue', () => {
  it('multiplies digits by their units, sections by 万 and 亿', () => {
    expect(unitsValue(chars('三十五'))).toBe(35);
    expect(unitsValue(chars('十一'))).toBe(11);
    expect(unitsValue(chars('一百二十'))).toBe(120);
    expect(unitsValue(chars('两千亿'))).toBe(2e11);
    expect(unitsValue(chars('三万五千'))).toBe(35_000);
  });

  it('gives 0 for a unit without a digit before it and undefined for a character that is neither', () => {
    expect(unitsValue(chars('万'))).toBe(0);
    expect(unitsValue(chars('三十x'))).toBeUndefined();
  });
});
