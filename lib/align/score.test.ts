import { describe, expect, it } from 'vitest';
import { formatBead, parseBeads, scoreAlignments } from './score';

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
