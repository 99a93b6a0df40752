import { describe, expect, it } from 'vitest';
import { formatBead, mergeByVerse, parseBeads, scoreAlignments, scoreVerseMerged } from './score';

describe('scoreAlignments', () => {
  const gold = parseBeads('[0]:[0]\n[1,2]:[1]\n[3]:[2,3]\n[4]:[]\n');

  it('scores a perfect alignment 1', () => {
    const s = scoreAlignments([{ gold, test: gold }]);
    expect(s.strict).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(s.lax.f1).toBe(1);
  });

  it('counts strict misses, lax hits and swaps test and gold for recall', () => {
    const test = parseBeads('[0]:[0]\n[1]:[1]\n[2]:[]\n[3]:[2,3]\n[4]:[]\n');
    const s = scoreAlignments([{ gold, test }]);
    // precision: 3 of 5 test beads are gold beads ([0]:[0], [3]:[2,3], [4]:[]).
    expect(s.strict.precision).toBeCloseTo(3 / 5);
    // recall: gold beads with both sides non-empty (3), of which 2 are in the test.
    expect(s.strict.recall).toBeCloseTo(2 / 3);
    // lax: [1]:[1] overlaps gold [1,2]:[1]; [2]:[] does not.
    expect(s.lax.precision).toBeCloseTo(4 / 5);
  });

  it('parses and formats beads, and refuses what is not a bead', () => {
    expect(parseBeads('[8, 9]:[8]\n[]:[9]').map(formatBead)).toEqual(['[8, 9]:[8]', '[]:[9]']);
    expect(() => parseBeads('8:9')).toThrow(/not a bead/);
  });
});

describe('scoreVerseMerged (the Bible set, as bible/score.py)', () => {
  // Chinese lines 0-1 are verse a, 2-4 verse b; English line 0 is a, 1-2 are b.
  const zhVerses = ['a', 'a', 'b', 'b', 'b'];
  const enVerses = ['a', 'b', 'b'];
  const gold = parseBeads('[0,1]:[0]\n[2,3,4]:[1,2]');

  it('merges consecutive beads within one verse before scoring', () => {
    const test = parseBeads('[0]:[0]\n[1]:[]\n[2]:[1]\n[3,4]:[2]');
    expect(mergeByVerse(test, zhVerses, enVerses).merged.map(formatBead)).toEqual(['[0, 1]:[0]', '[2, 3, 4]:[1, 2]']);
    expect(scoreVerseMerged(gold, test, zhVerses, enVerses).f1).toBe(1);
  });

  it('never merges a bead that spans verses with the bead after it', () => {
    const test = parseBeads('[0,1,2]:[0]\n[3]:[1]\n[4]:[2]');
    const { merged, origin } = mergeByVerse(parseBeads('[0,1,2]:[0,1]\n[3]:[]\n[4]:[2]'), zhVerses, enVerses);
    expect(merged.map(formatBead)).toEqual(['[0, 1, 2]:[0, 1]', '[3, 4]:[2]']);
    expect(origin).toEqual([0, 1, 1]);
    const s = scoreVerseMerged(gold, test, zhVerses, enVerses);
    expect(s.precision).toBe(0);
    expect(s.recall).toBe(0);
  });
});
