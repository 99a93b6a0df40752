import { describe, expect, it } from 'vitest';
import { alignWords, alignPosteriors, type TokenPair } from './index';

/** A toy corpus: each Chinese word has one English rendering. */
const PAIRS: TokenPair[] = [
  ['猫 吃 鱼', 'the cat eats fish'],
  ['狗 吃 肉', 'the dog eats meat'],
  ['猫 睡', 'the cat sleeps'],
  ['狗 睡', 'the dog sleeps'],
  ['鱼 游', 'the fish swims'],
  ['狗 吃 鱼', 'the dog eats fish'],
  ['猫 吃 肉', 'the cat eats meat'],
].map(([zh, en]) => ({ zh: zh!.split(' '), en: en!.split(' ') }));

describe('alignment by agreement (trainAgreement)', () => {
  it('links each word to its rendering from the counts alone', () => {
    const links = alignWords(PAIRS, null, { agreement: true, hmm: false });
    expect(links[0]).toEqual(
      expect.arrayContaining([
        [0, 1],
        [1, 2],
        [2, 3],
      ]),
    );
    expect(links[4]).toEqual(
      expect.arrayContaining([
        [0, 1],
        [1, 2],
      ]),
    );
    expect(links[2]).toEqual(
      expect.arrayContaining([
        [0, 1],
        [1, 2],
      ]),
    );
    expect(links[3]).toEqual(
      expect.arrayContaining([
        [0, 1],
        [1, 2],
      ]),
    );
  });

  it('gives each target token a distribution over its sources (NULL takes the rest)', () => {
    for (const agreement of [true, false]) {
      const { posteriors } = alignPosteriors(PAIRS, null, { agreement });
      for (const { zh, en, forward, backward } of posteriors) {
        const m = zh.length;
        const n = en.length;
        for (let j = 0; j < n; j++) {
          let sum = 0;
          for (let i = 0; i < m; i++) sum += forward[j * m + i]!;
          expect(sum).toBeLessThanOrEqual(1 + 1e-9);
        }
        for (let i = 0; i < m; i++) {
          let sum = 0;
          for (let j = 0; j < n; j++) sum += backward[i * n + j]!;
          expect(sum).toBeLessThanOrEqual(1 + 1e-9);
        }
      }
    }
  });

  it('is deterministic and differs from training the directions apart', () => {
    const a = alignPosteriors(PAIRS, null, { agreement: true }).posteriors;
    const b = alignPosteriors(PAIRS, null, { agreement: true }).posteriors;
    const apart = alignPosteriors(PAIRS, null, { agreement: false }).posteriors;
    expect(a.map((p) => [...p.forward])).toEqual(b.map((p) => [...p.forward]));
    expect(a.map((p) => [...p.forward])).not.toEqual(apart.map((p) => [...p.forward]));
  });
});
