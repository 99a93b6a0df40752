import { describe, expect, it } from 'vitest';
import { type IdPair, trainDirection } from './model';
import { DEFAULT_HMM_OPTIONS, trainHmm } from './hmm';

const noPrior = () => 0;

/** Monotone pairs over a vocabulary of ten words, target word k translating source word k. */
function monotonePairs(): IdPair[] {
  const pairs: IdPair[] = [];
  for (let s = 0; s < 60; s++) {
    const len = 3 + (s % 5);
    const words = Array.from({ length: len }, (_, k) => (s * 7 + k * 3) % 10);
    pairs.push({ src: words, tgt: words });
  }
  return pairs;
}

describe('trainHmm', () => {
  const pairs = monotonePairs();
  const diagonal = trainDirection(pairs, 10, noPrior);
  const hmm = trainHmm(pairs, diagonal, noPrior, 0);

  it('gives each target token posteriors that are probabilities and leave room for NULL', () => {
    const post = hmm.posteriors({ src: [1, 2, 3, 4], tgt: [1, 2, 3, 4, 5] });
    expect(post).toHaveLength(20);
    for (let j = 0; j < 5; j++) {
      let sum = 0;
      for (let i = 0; i < 4; i++) {
        expect(post[j * 4 + i]).toBeGreaterThanOrEqual(0);
        sum += post[j * 4 + i]!;
      }
      expect(sum).toBeLessThanOrEqual(1 + 1e-9);
    }
  });

  it('links each copy of a repeated word to the copy in its own place, following its neighbours', () => {
    // 5 appears twice on both sides; only the neighbours tell which copy renders which.
    const best = hmm.viterbi({ src: [5, 1, 2, 3, 5, 4], tgt: [5, 1, 2, 3, 5, 4] });
    expect([...best]).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('keeps the diagonal model for a pair longer than maxTokens', () => {
    const long: IdPair = {
      src: Array.from({ length: DEFAULT_HMM_OPTIONS.maxTokens + 1 }, (_, k) => k % 10),
      tgt: [1, 2, 3],
    };
    expect([...hmm.posteriors(long)]).toEqual([...diagonal.posteriors(long)]);
  });

  it('is deterministic', () => {
    const again = trainHmm(pairs, trainDirection(pairs, 10, noPrior), noPrior, 0);
    const pair = { src: [3, 1, 4, 1, 5], tgt: [3, 1, 4, 1, 5, 9] };
    expect([...again.posteriors(pair)]).toEqual([...hmm.posteriors(pair)]);
  });

  it('keeps its starting jumps when no training pair is within maxTokens', () => {
    const options = { ...DEFAULT_HMM_OPTIONS, maxTokens: 2 };
    const untrained = trainHmm(pairs, diagonal, noPrior, 0, { ...options, iterations: 0 });
    const trainedOnNothing = trainHmm(pairs, diagonal, noPrior, 0, options);
    const pair = { src: [1, 2], tgt: [2, 1] };
    expect([...trainedOnNothing.posteriors(pair)]).toEqual([...untrained.posteriors(pair)]);
  });
});
