import { describe, expect, it } from 'vitest';
import {
  contextWindow,
  flattenNested,
  positionsInContext,
  wordsAround,
  wordsCovering,
  wordsInside,
  type NestedSpan,
} from './nested';

const words = new Set([
  '睦邻',
  '友好',
  '合作',
  '条约',
  '睦邻友好',
  '友好合作',
  '睦邻友好合作',
  '睦邻友好合作条约',
  '中俄睦邻友好合作条约',
  '中俄',
  '好时',
  '时期',
  '睦',
  '邻',
  '𠀀𠀁',
]);
const isWord = (w: string) => words.has(w);

/** A tree as "word(inner, inner)" for readable expectations. */
const show = (spans: NestedSpan[]): string =>
  spans.map((s) => (s.inside.length ? `${s.word}(${show(s.inside)})` : s.word)).join(', ');

describe('wordsInside', () => {
  it('takes the longest part first, then the rest, recursively (the issue’s example)', () => {
    expect(show(wordsInside('睦邻友好合作条约', isWord))).toBe('睦邻友好合作(睦邻友好(睦邻, 友好), 合作), 条约');
    expect(show(wordsInside('中俄睦邻友好合作条约', isWord))).toBe(
      '中俄, 睦邻友好合作条约(睦邻友好合作(睦邻友好(睦邻, 友好), 合作), 条约)',
    );
  });
  it('gives offsets in the word, in code points', () => {
    const [first, second] = wordsInside('睦邻友好合作条约', isWord);
    expect(first).toMatchObject({ word: '睦邻友好合作', at: 0 });
    expect(second).toMatchObject({ word: '条约', at: 6 });
    expect(first?.inside[1]).toMatchObject({ word: '合作', at: 4 });
    expect(wordsInside('甲𠀀𠀁', isWord)).toEqual([{ word: '𠀀𠀁', at: 1, inside: [] }]);
  });
  it('never returns the word itself, and parts never overlap', () => {
    const all = flattenNested(wordsInside('睦邻友好', isWord));
    expect(all).toEqual(['睦邻', '友好']);
    expect(all).not.toContain('睦邻友好');
  });
  it('falls back to the characters that are words, at the top only', () => {
    expect(show(wordsInside('睦邻', isWord))).toBe('睦, 邻');
    expect(wordsInside('睦', isWord)).toEqual([]);
    expect(wordsInside('', isWord)).toEqual([]);
  });
  it('stops at the given depth and refuses absurdly long input', () => {
    expect(show(wordsInside('睦邻友好合作条约', isWord, 1))).toBe('睦邻友好合作, 条约');
    expect(wordsInside('睦'.repeat(65), () => true)).toEqual([]);
  });
});

describe('wordsAround', () => {
  const ctx = '中俄 睦邻 友好 合作 条约';
  it('finds the longer words containing the word, longest first, across the segmenter’s words', () => {
    expect(wordsAround(ctx, 6, '友好', isWord).map((s) => s.word)).toEqual([
      '中俄睦邻友好合作条约',
      '睦邻友好合作条约',
      '睦邻友好合作',
      '睦邻友好',
      '友好合作',
    ]);
  });
  it('gives each word’s start in the context, so it can be followed', () => {
    const around = wordsAround(ctx, 6, '友好', isWord);
    expect(around.find((s) => s.word === '睦邻友好')?.at).toBe(3);
    expect(around[0]?.at).toBe(0);
    // Following 睦邻友好 (across a separator) finds the longer ones again.
    expect(wordsAround(ctx, 3, '睦邻友好', isWord).map((s) => s.word)).toEqual([
      '中俄睦邻友好合作条约',
      '睦邻友好合作条约',
      '睦邻友好合作',
    ]);
  });
  it('keeps to the words’ edges: 好时 is not around 好 in 友好 时期', () => {
    expect(wordsAround('友好 时期', 1, '好', isWord)).toEqual([{ word: '友好', at: 0 }]);
  });
  it('respects maxLength and limit', () => {
    expect(wordsAround(ctx, 6, '友好', isWord, { maxLength: 4 }).map((s) => s.word)).toEqual(['睦邻友好', '友好合作']);
    expect(wordsAround(ctx, 6, '友好', isWord, { limit: 1 })).toHaveLength(1);
  });
  it('answers nothing when the word does not stand at the offset, or the offset is bad', () => {
    for (const at of [0, 5, 99, -1, 1.5, Number.NaN]) expect(wordsAround(ctx, at, '友好', isWord)).toEqual([]);
  });
  it('counts code points: an Extension-B word', () => {
    expect(wordsAround('甲 𠀀 𠀁', 2, '𠀀', isWord)).toEqual([{ word: '𠀀𠀁', at: 2 }]);
  });
});

describe('positionsInContext', () => {
  it('maps a word onto the context, skipping separators between its characters', () => {
    expect(positionsInContext('中俄 睦邻 友好', 3, '睦邻友好')).toEqual([3, 4, 6, 7]);
    expect(positionsInContext('中俄 睦邻 友好', 2, '睦邻')).toBeNull();
    expect(positionsInContext('中俄', 0, '中俄关系')).toBeNull();
  });
});

describe('contextWindow', () => {
  it('joins whole pieces either side of the word, up to the radius', () => {
    const pieces = ['两国', '元首', '签署', '了', '中俄', '睦邻', '友好', '合作', '条约', '。', '双方', '同意'];
    expect(contextWindow(pieces, 6)).toEqual({ ctx: '两国 元首 签署 了 中俄 睦邻 友好 合作 条约', at: 17 });
    expect(contextWindow(pieces, 6, 4)).toEqual({ ctx: '中俄 睦邻 友好 合作 条约', at: 6 });
  });
  it('never crosses the end of a sentence, and folds whitespace', () => {
    expect(contextWindow(['条约', '。', '双方\n', ' ', '同意'], 2)).toEqual({ ctx: '双方 同意', at: 0 });
    expect(contextWindow(['一'], 0)).toEqual({ ctx: '一', at: 0 });
  });
  it('counts code points', () => {
    expect(contextWindow(['𠀀𠀀', '甲'], 1, 2)).toEqual({ ctx: '𠀀𠀀 甲', at: 3 });
  });
});

describe('wordsCovering', () => {
  const words = new Set(['北京', '北京人', '人民', '人民大会堂', '大会', '大会堂', '民', '堂', '会']);
  const isWord = (w: string) => words.has(w);

  it("offers every word covering the tapped character, across the segmenter's cuts, longest first", () => {
    // 北京人 民 大会 堂, tapping 民 (position 4).
    expect(wordsCovering('北京人 民 大会 堂', 4, isWord)).toEqual([
      { word: '人民大会堂', at: 2 },
      { word: '人民', at: 2 },
      { word: '民', at: 4 },
    ]);
    expect(wordsCovering('北京 人民大会堂', 6, isWord).map((s) => s.word)).toEqual([
      '人民大会堂',
      '大会堂',
      '大会',
      '会',
    ]);
  });

  it('answers nothing for a separator, a position outside the text or a fraction', () => {
    expect(wordsCovering('北京 人民', 2, isWord)).toEqual([]);
    expect(wordsCovering('北京 人民', 9, isWord)).toEqual([]);
    expect(wordsCovering('北京 人民', 1.5, isWord)).toEqual([]);
  });

  it('counts code points (Extension B)', () => {
    expect(wordsCovering('𠀀北京', 2, isWord)).toEqual([{ word: '北京', at: 1 }]);
  });
});
