import { describe, expect, it } from 'vitest';
import { findOccurrences, isSearchableTerm } from './occurrences';

describe('findOccurrences', () => {
  it('finds every occurrence, left to right, without overlap', () => {
    expect(findOccurrences('合作', '合作共赢的合作')).toEqual([0, 5]);
    expect(findOccurrences('一一', '一一一')).toEqual([0]);
  });

  it('works on code points: an Extension-B term is found whole and never inside its neighbours', () => {
    const text = '𠀁𠀀合作𠀀';
    expect(findOccurrences('𠀀', text)).toEqual([2, 6]);
    expect(findOccurrences('\uDC00', text)).toEqual([]);
  });

  it('finds nothing for an empty or malformed term', () => {
    expect(findOccurrences('', '合作')).toEqual([]);
    expect(isSearchableTerm('\uD840')).toBe(false);
    expect(isSearchableTerm('合作')).toBe(true);
  });
});
