/**
 * How hard a text is for a learner: the share of its running words at each HSK level, the words
 * outside every level, and an estimated level — the lowest at which a reader knows enough of the
 * running words (KNOWN_SHARE) to read with a dictionary at hand.
 */
import type { Difficulty } from '../model';
import { HAN } from '../base/han';

/** Share of running words a reader should know to read the text (Hu & Nation put unassisted reading at 98%; with glosses one tap away, less). */
const KNOWN_SHARE = 0.9;
/** Words outside every level listed, most frequent first. */
const OUTSIDE_LISTED = 12;

export function difficulty(
  words: Iterable<string>,
  levelOf: (word: string) => number | undefined,
  levels = 6,
): Difficulty {
  const byLevel = new Array<number>(levels).fill(0);
  let outside = 0;
  const outsideCounts = new Map<string, number>();
  for (const word of words) {
    if (!HAN.test(word)) continue;
    const level = levelOf(word);
    if (level !== undefined && level >= 1 && level <= levels) byLevel[level - 1]!++;
    else {
      outside++;
      outsideCounts.set(word, (outsideCounts.get(word) ?? 0) + 1);
    }
  }
  const tokens = byLevel.reduce((a, b) => a + b, 0) + outside;
  let known = 0;
  let estimated: number | null = null;
  for (let l = 0; l < levels && tokens > 0; l++) {
    known += byLevel[l]!;
    if (known / tokens >= KNOWN_SHARE) {
      estimated = l + 1;
      break;
    }
  }
  const outsideWords = [...outsideCounts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, OUTSIDE_LISTED)
    .map(([word, count]) => ({ word, count }));
  return { tokens, byLevel, outside, estimated, outsideWords };
}
