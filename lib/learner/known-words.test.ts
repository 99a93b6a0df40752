import { describe, expect, it } from 'vitest';
import {
  knownCount,
  knownShare,
  markNewKnown,
  mergeKnownWords,
  parseKnownWords,
  serialiseKnownWords,
  statusOf,
  withStatus,
  MAX_KNOWN_WORDS,
} from './known-words';

describe('parseKnownWords', () => {
  it('reads its own shape back', () => {
    const words = withStatus(withStatus(withStatus({}, '人民', 'known'), '合作', 2), '普京', 'ignored');
    expect(parseKnownWords(serialiseKnownWords(words))).toEqual({ 人民: 'known', 合作: 2, 普京: 'ignored' });
  });

  it('reads a bare word → status object (a hand-made list)', () => {
    expect(parseKnownWords('{"中国":"known","发展":4}')).toEqual({ 中国: 'known', 发展: 4 });
  });

  it('drops what cannot be a status or a word, and never throws', () => {
    for (const bad of [null, '', 'not json', '[]', '42', 'null', '"x"']) expect(parseKnownWords(bad)).toEqual({});
    const parsed = parseKnownWords(
      JSON.stringify({
        中国: 'KNOWN',
        发展: 5,
        abc: 'known',
        '': 'known',
        ['中'.repeat(40)]: 'known',
        'a b中': 1,
        人民: 0,
        合作: 1,
        __proto__: 'known',
      }),
    );
    expect(parsed).toEqual({ 合作: 1 });
    expect(Object.getPrototypeOf(parseKnownWords('{"__proto__": "known"}'))).toBe(Object.prototype);
  });

  it('keeps at most MAX_KNOWN_WORDS', () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < MAX_KNOWN_WORDS + 10; i++) many[`字${i}`] = 'known';
    expect(Object.keys(parseKnownWords(JSON.stringify(many)))).toHaveLength(MAX_KNOWN_WORDS);
  });
});

describe('statuses', () => {
  it('sets, changes and clears a status (new is the absence of one)', () => {
    let words = withStatus({}, '合作', 1);
    expect(statusOf(words, '合作')).toBe(1);
    words = withStatus(words, '合作', 'known');
    expect(statusOf(words, '合作')).toBe('known');
    const same = withStatus(words, '合作', 'known');
    expect(same).toBe(words);
    expect(statusOf(withStatus(words, '合作', 'new'), '合作')).toBe('new');
    expect(withStatus(words, 'abc', 'known')).toBe(words);
  });

  it('marks only the new words of a page known', () => {
    const words = markNewKnown({ 合作: 2, 普京: 'ignored' }, ['合作', '普京', '人民', '人民', '，']);
    expect(words).toEqual({ 合作: 2, 普京: 'ignored', 人民: 'known' });
    expect(knownCount(words)).toBe(1);
  });

  it('merges an import over the learner’s own statuses', () => {
    expect(mergeKnownWords({ 合作: 2, 人民: 'known' }, { 合作: 'known' })).toEqual({ 合作: 'known', 人民: 'known' });
  });
});

describe('knownShare', () => {
  it('counts running words, leaving ignored words out', () => {
    const counts = { 人民: [6, 1], 合作: [2, 2], 普京: [2, 0] } as const;
    expect(knownShare({}, counts)).toBe(0);
    expect(knownShare({ 人民: 'known', 普京: 'ignored' }, counts)).toBe(6 / 8);
    expect(knownShare({ 人民: 'known', 合作: 4 }, counts)).toBe(6 / 10);
    expect(knownShare({ 人民: 'ignored', 合作: 'ignored', 普京: 'ignored' }, counts)).toBeNull();
  });
});
