import { describe, expect, it } from 'vitest';
import { chineseClauses, clauseCost, clauseRatio, englishClauses } from './clauses';

describe('clauses', () => {
  it('counts runs of clause punctuation', () => {
    expect(chineseClauses('韦小宝冲将上去，那男孩身子微斜，横脚钩扫。')).toBe(3);
    expect(chineseClauses('他说——好吧。')).toBe(2);
    expect(englishClauses('Trinket lunged after him, the boy leant a little to one side; he fell.')).toBe(3);
    expect(englishClauses('Never!')).toBe(1);
  });

  it('fits the ratio only on enough text', () => {
    expect(clauseRatio([1, 2], [1, 1])).toBe(1);
    expect(clauseRatio(Array(100).fill(2), Array(100).fill(1))).toBe(0.5);
  });

  it('costs nothing at the ratio and more the further from it', () => {
    expect(clauseCost(3, 3, 1)).toBe(0);
    expect(clauseCost(3, 1, 1)).toBeGreaterThan(clauseCost(3, 2, 1));
    expect(clauseCost(6, 1, 1)).toBeGreaterThan(clauseCost(3, 1, 1));
  });
});
