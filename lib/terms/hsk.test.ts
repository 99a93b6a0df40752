import { describe, expect, it } from 'vitest';
import { hskLevel, parseHskLevels } from './hsk';

describe('parseHskLevels', () => {
  it('reads the six levels of the package file, a word listed twice keeping the lower', () => {
    const levels = parseHskLevels('let hsk = [\n["的", "我"],\n["还"],\n["还", "合作"]\n];\nmodule.exports = hsk;');
    expect([...levels]).toEqual([
      ['的', 1],
      ['我', 1],
      ['还', 2],
      ['合作', 3],
    ]);
  });

  it('refuses a file that is not a word list', () => {
    expect(() => parseHskLevels('module.exports = 1;')).toThrow(/word list/);
  });
});

describe('hskLevel', () => {
  it('gives the HSK 2.0 level of listed words and nothing for others', () => {
    expect(hskLevel('的')).toBe(1);
    expect(hskLevel('合作')).toBe(5);
    expect(hskLevel('普京')).toBeUndefined();
    expect(hskLevel('')).toBeUndefined();
  });
});
