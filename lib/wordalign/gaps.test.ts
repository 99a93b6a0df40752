import { describe, expect, it } from 'vitest';
import { fillEnglishGaps } from './gaps';
import type { Link } from './symmetrize';

const sorted = (links: readonly Link[]) => [...links].sort((a, b) => a[0] - b[0] || a[1] - b[1]);

describe('fillEnglishGaps', () => {
  it('fills the unlinked tokens between two links of one Chinese word', () => {
    // 一转眼 → "in the blink of an eye": linked to "blink" (2) and "eye" (5), "of an" between.
    expect(
      sorted(
        fillEnglishGaps(
          [
            [0, 2],
            [0, 5],
          ],
          6,
          2,
        ),
      ),
    ).toEqual([
      [0, 2],
      [0, 3],
      [0, 4],
      [0, 5],
    ]);
  });

  it('does not cross a token linked to another word, nor a gap longer than the limit', () => {
    // comprehensive(0) strategic(1) partnership(2) of(3) coordination(4): "partnership" is 伙伴关系's (1).
    const across: Link[] = [
      [0, 0],
      [0, 1],
      [1, 2],
      [0, 4],
    ];
    expect(sorted(fillEnglishGaps(across, 5, 2))).toEqual(sorted(across));
    const far: Link[] = [
      [0, 0],
      [0, 4],
    ];
    expect(sorted(fillEnglishGaps(far, 5, 2))).toEqual(far);
    expect(fillEnglishGaps(far, 5, 3)).toHaveLength(5);
  });

  it('fills nothing with a limit of 0 and leaves adjacent links as they are', () => {
    const links: Link[] = [
      [0, 0],
      [0, 1],
      [1, 3],
    ];
    expect(fillEnglishGaps(links, 4, 0)).toEqual(links);
    expect(fillEnglishGaps(links, 4, 2)).toEqual(links);
  });
});
