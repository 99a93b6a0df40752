import { describe, expect, it } from 'vitest';
import { INCONSISTENT_BELOW, isInconsistent, wholePercent } from './consistency';

describe('isInconsistent', () => {
  it('follows the rule as shown: a dominant rendering shown as 60% is not under 60%', () => {
    expect(wholePercent(0.596)).toBe(60);
    expect(isInconsistent([{ share: 0.596 }, { share: 0.3 }], 0.6)).toBe(false);
    expect(isInconsistent([{ share: 0.594 }, { share: 0.3 }], 0.6)).toBe(true);
  });

  it('never flags a term rendered one way', () => {
    expect(isInconsistent([{ share: 0.2 }])).toBe(false);
    expect(isInconsistent([])).toBe(false);
  });

  it('uses the stated threshold by default', () => {
    expect(isInconsistent([{ share: INCONSISTENT_BELOW - 0.01 }, { share: 0.1 }])).toBe(true);
    expect(isInconsistent([{ share: INCONSISTENT_BELOW }, { share: 0.1 }])).toBe(false);
  });
});
