import { describe, expect, it } from 'vitest';
import { hskLevel, learnerLevel, parseHskLevels } from './hsk';

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

describe('learnerLevel', () => {
  it('reads characters and compounds the lists lack through the words a learner has met', () => {
    expect(learnerLevel('中国')).toBe(hskLevel('中国'));
    expect(learnerLevel('中')).toBe(1);
    expect(learnerLevel('两国关系')).toBeGreaterThanOrEqual(hskLevel('关系')!);
    expect(learnerLevel('中俄关系')).toBeUndefined(); // 俄 is in no HSK 2.0 word
    expect(learnerLevel('夯实')).toBeUndefined(); // 夯 is in no HSK word
  });
});
