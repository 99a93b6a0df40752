import { describe, expect, it } from 'vitest';
import { entryForms, hsk3EntryCounts, hsk3Level, learner3Level, parseHsk3List } from './hsk30';

describe('entryForms', () => {
  it('reads variants, part-of-speech marks, examples, optional characters and patterns', () => {
    expect(entryForms('爸爸｜爸')).toEqual(['爸爸', '爸']);
    expect(entryForms('白（形）')).toEqual(['白']);
    expect(entryForms('把（名、量）')).toEqual(['把']);
    expect(entryForms('第（第二）')).toEqual(['第']);
    expect(entryForms('有（一）些')).toEqual(['有一些', '有些']);
    expect(entryForms('茅台（酒）')).toEqual(['茅台酒', '茅台']);
    expect(entryForms('…极了')).toEqual(['极了']);
  });
});

describe('parseHsk3List', () => {
  it('gives each word the level of its header, the lower when listed twice', () => {
    const { levels, entries } = parseHsk3List(
      '# c\n一级词汇表\n1 爱\n2 爸爸｜爸\n二级词汇表\n1 爱\n2 帮助\n七一九级词汇表\n1 夯实\n',
    );
    expect([...levels]).toEqual([
      ['爱', 1],
      ['爸爸', 1],
      ['爸', 1],
      ['帮助', 2],
      ['夯实', 7],
    ]);
    expect(entries).toEqual([2, 2, 0, 0, 0, 0, 1]);
  });

  it('names a line it cannot read', () => {
    expect(() => parseHsk3List('一级词汇表\n爱 1 2\n')).toThrow(/cannot read line "爱 1 2"/);
    expect(() => parseHsk3List('1 爱\n')).toThrow(/cannot read/);
  });
});

describe('the shipped list', () => {
  it('has the standard’s count at every level (the OCR is not proofread: this is the check)', () => {
    expect(hsk3EntryCounts()).toEqual([500, 772, 973, 1000, 1071, 1140, 5636]);
  });

  it('places words as the 2021 standard does, differently from HSK 2.0', () => {
    expect(hsk3Level('爱')).toBe(1);
    expect(hsk3Level('北京')).toBe(1);
    expect(hsk3Level('爸')).toBe(1);
    expect(hsk3Level('有些')).toBeDefined();
    expect(hsk3Level('普京')).toBeUndefined();
    expect(learner3Level('中')).toBe(1);
  });
});
