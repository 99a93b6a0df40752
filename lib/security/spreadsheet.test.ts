import { describe, expect, it } from 'vitest';
import { neutraliseFormula } from './spreadsheet';

describe('neutraliseFormula', () => {
  it('row 22.6: quotes a cell a spreadsheet would run (=, +, -, @, tab, CR, their full-width forms)', () => {
    for (const cell of [
      '=HYPERLINK("https://evil.example","x")',
      '+1+2',
      '-2+3',
      '@SUM(A1)',
      '\t=1',
      '\r=1',
      '＝1',
      '＋1',
      '－1',
      '＠x',
    ]) {
      expect(neutraliseFormula(cell), JSON.stringify(cell)).toBe(`'${cell}`);
    }
  });

  it('leaves every other cell as it is', () => {
    for (const cell of ['', '中国', 'a = b', "'quoted", ' =1', '1-2', 'x@y', '#合作'])
      expect(neutraliseFormula(cell)).toBe(cell);
  });
});
