import { describe, expect, it } from 'vitest';
import { placePopover } from './placement';

const viewport = { width: 1440, height: 900 };
const pop = { width: 360, height: 300 };

describe('placePopover', () => {
  it('goes below the word, or above when only above has room', () => {
    expect(placePopover({ top: 100, left: 200, width: 40, height: 30 }, pop, viewport, [], 6, 8)).toEqual({
      top: 136,
      left: 200,
      above: false,
    });
    expect(placePopover({ top: 700, left: 200, width: 40, height: 30 }, pop, viewport, [], 6, 8)).toEqual({
      top: 394,
      left: 200,
      above: true,
    });
  });

  it('keeps off the English sentence sync marked beside the word (desktop: columns side by side)', () => {
    const word = { top: 200, left: 600, width: 40, height: 30 };
    const english = { top: 190, left: 760, width: 560, height: 120 };
    const placed = placePopover(word, pop, viewport, [english], 6, 8);
    expect(placed.left + pop.width).toBeLessThanOrEqual(english.left);
  });

  it('keeps off the English sentence below the word (phone: stacked), going above', () => {
    const phone = { width: 390, height: 844 };
    const word = { top: 420, left: 40, width: 40, height: 30 };
    const english = { top: 520, left: 16, width: 358, height: 90 };
    const placed = placePopover(word, { width: 358, height: 260 }, phone, [english], 6, 8);
    expect(placed.above).toBe(true);
    expect(placed.top + 260).toBeLessThanOrEqual(word.top);
  });

  it('falls back to the plain placement when nothing avoids every box', () => {
    const word = { top: 400, left: 20, width: 40, height: 30 };
    const everywhere = { top: 0, left: 0, width: 1440, height: 900 };
    expect(placePopover(word, pop, viewport, [everywhere], 6, 8)).toEqual({ top: 436, left: 20, above: false });
  });
});
