import { describe, expect, it } from 'vitest';
import { codePointLength, LONE_SURROGATE } from './unicode';

describe('codePointLength', () => {
  it('counts an Extension-B character as one', () => {
    expect(codePointLength('𠀀')).toBe(1);
    expect('𠀀'.length).toBe(2);
    expect(codePointLength('中文𠀀a')).toBe(4);
    expect(codePointLength('')).toBe(0);
  });
});

describe('LONE_SURROGATE', () => {
  it('finds a lone high or low half, wherever it stands', () => {
    for (const text of ['\uD840', 'a\uD840', '\uDC00b', '中\uDC00文', '𠀀\uD840', '\uDC00𠀀'])
      expect(LONE_SURROGATE.test(text), JSON.stringify(text)).toBe(true);
  });

  it('passes well-formed text, pairs included', () => {
    for (const text of ['', 'abc', '中文', '𠀀', '𠀀𠀁中', '\uD840\uDC00'])
      expect(LONE_SURROGATE.test(text), JSON.stringify(text)).toBe(false);
  });
});
