/**
 * Long pairs with a known gold, for the word aligner's pairs over the HMM's limit: consecutive
 * gold pairs of one set joined, tokens and links end to end, until a side is over `overTokens`.
 * The golds are of single beads, mostly short, so the path a long sentence takes (clause pieces,
 * lib/wordalign/long-pairs.ts) is otherwise barely measured. The joins fall at sentence ends,
 * where a cut is easiest to find: the figures are a bound on how well a long pair can be cut,
 * not a sample of long sentences.
 */
import type { Link } from '../../lib/wordalign/index';
import type { GoldPair } from './wordalign-gold';

const shift = (links: readonly Link[], di: number, dj: number): Link[] => links.map(([i, j]) => [i + di, j + dj]);

export function joinedGold(gold: readonly GoldPair[], overTokens: number): GoldPair[] {
  const out: GoldPair[] = [];
  let open: GoldPair | undefined;
  for (const g of gold) {
    open = open
      ? {
          id: `${open.id}+${g.id}`,
          zh: [...open.zh, ...g.zh],
          en: [...open.en, ...g.en],
          sure: [...open.sure, ...shift(g.sure, open.zh.length, open.en.length)],
          possible: [...open.possible, ...shift(g.possible, open.zh.length, open.en.length)],
        }
      : { ...g };
    if (Math.max(open.zh.length, open.en.length) > overTokens) {
      out.push(open);
      open = undefined;
    }
  }
  return out; // a last group still short is left out: it would not take the long path
}
