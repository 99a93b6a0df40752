import { describe, expect, it } from 'vitest';
import { ClauseTerms } from './clause-terms';
import { clauseCost } from './clauses';

describe('ClauseTerms', () => {
  it('gives the weighted clause cost to the last bit, from the table and beyond it', () => {
    const terms = new ClauseTerms(0.2, 1.37);
    for (let round = 0; round < 2; round++)
      // the second round reads the table
      for (const zh of [0, 1, 2, 5, 17, 63, 64, 200])
        for (const en of [0, 1, 3, 8, 40, 63, 64, 99])
          expect(Object.is(terms.cost(zh, en), 0.2 * clauseCost(zh, en, 1.37))).toBe(true);
  });

  it('works out what is not a small whole count instead of reading a wrong cell', () => {
    const terms = new ClauseTerms(1, 1.2);
    expect(terms.cost(2.5, 3)).toBe(clauseCost(2.5, 3, 1.2));
    expect(terms.cost(-1, 3)).toBe(clauseCost(-1, 3, 1.2));
    expect(terms.cost(3, 2.5)).toBe(clauseCost(3, 2.5, 1.2));
  });

  it('keeps tables of different weights and ratios apart', () => {
    const a = new ClauseTerms(0.2, 1);
    const b = new ClauseTerms(0.2, 2);
    expect(a.cost(3, 5)).toBe(0.2 * clauseCost(3, 5, 1));
    expect(b.cost(3, 5)).toBe(0.2 * clauseCost(3, 5, 2));
    expect(a.cost(3, 5)).not.toBe(b.cost(3, 5));
  });
});
