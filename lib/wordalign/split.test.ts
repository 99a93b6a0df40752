import { describe, expect, it } from 'vitest';
import { loadCedict } from '../dictionary/cedict';
import { Priors } from './prior';
import { joinParts, splitUnknownWords } from './split';

const priors = new Priors(loadCedict());

describe('splitUnknownWords', () => {
  it('cuts a word CC-CEDICT lacks into its dictionary parts, remembering where each came from', () => {
    // 滤去 is not in CC-CEDICT; 滤 and 去 are.
    expect(priors.unknownParts('滤去')).toEqual(['滤', '去']);
    const { pair, origin } = splitUnknownWords({ zh: ['他', '滤去', '杂质'], en: ['he', 'filtered', 'out'] }, priors);
    expect(pair.zh).toEqual(['他', '滤', '去', '杂质']);
    expect(origin).toEqual([0, 1, 1, 2]);
    expect(pair.en).toEqual(['he', 'filtered', 'out']);
  });

  it('leaves dictionary words, single characters, numbers, Latin words and blanks as they are', () => {
    const zh = ['战略', '俄', '二十八', 'G20', ' ', '，'];
    const { pair, origin } = splitUnknownWords({ zh, en: ['strategic'] }, priors);
    expect(pair.zh).toEqual(zh);
    expect(origin).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('keeps a name whole where the English writes its pinyin, and cuts it where it does not', () => {
    expect(priors.unknownParts('王小明')).toBeDefined();
    expect(splitUnknownWords({ zh: ['王小明', '来', '了'], en: ['Wang', 'Xiaoming', 'came'] }, priors).pair.zh).toEqual(
      ['王小明', '来', '了'],
    );
    expect(splitUnknownWords({ zh: ['王小明'], en: ['the', 'boy'] }, priors).pair.zh.length).toBeGreaterThan(1);
  });
});

describe('joinParts', () => {
  it('gives a word every link of its parts, once each, sorted', () => {
    expect(
      joinParts(
        [
          [2, 1],
          [1, 1],
          [0, 0],
          [2, 2],
        ],
        [0, 1, 1, 2],
      ),
    ).toEqual([
      [0, 0],
      [1, 1],
      [1, 2],
    ]);
  });
});
