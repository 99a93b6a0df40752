import { describe, expect, it } from 'vitest';
import type { EnFeatures, ZhFeatures, ZhWord } from './features';
import { PairHits } from './pair-hits';

/** A small random text pair over `ids` English ids: words with overlapping id lists (a word hit through several ids). */
function randomTexts(seed: number, ids: number): { zh: ZhFeatures[]; en: EnFeatures[]; idWeight: Float64Array } {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = (k: number) => Math.floor(random() * k);
  const idWeight = Float64Array.from({ length: ids }, () => 0.1 + random() * 3);
  const types: ZhWord[] = Array.from({ length: 30 }, (_, type) => ({
    ids: Int32Array.from({ length: 1 + pick(6) }, () => pick(ids)),
    weight: 0.2 + random() * 4,
    type,
    single: false,
  }));
  const zh = Array.from({ length: 12 }, () => {
    const words = Array.from({ length: 1 + pick(15) }, () => types[pick(types.length)]!);
    return { han: 10, other: 0, words, wordWeight: words.reduce((s, w) => s + w.weight, 0), numbers: [], questions: 0 };
  });
  const en = Array.from({ length: 12 }, () => {
    const unique = [...new Set(Array.from({ length: 1 + pick(20) }, () => pick(ids)))];
    return {
      chars: 40,
      ids: Int32Array.from(unique),
      weights: Float64Array.from(unique, (id) => idWeight[id]!),
      names: new Int32Array(0),
      numbers: [],
      questions: 0,
    };
  });
  return { zh, en, idWeight };
}

describe('pair hits', () => {
  it("keeps each pair's sums as the union of its hits summed in list order (a 1-1 bead's evidence, to the last bit)", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const { zh, en, idWeight } = randomTexts(seed, 40);
      const hits = new PairHits(zh, en, 40, idWeight);
      // Rows taken out of order and again after they were evicted: the same answer each time.
      for (const x of [0, 3, 11, 2, 0, 9, 11, 5])
        for (let y = 0; y < en.length; y++) {
          hits.find(x, y);
          let enSum = 0;
          const ids = new Set<number>();
          for (let q = hits.idFrom; q < hits.idTo; q++) {
            ids.add(hits.ids[q]!);
            enSum += idWeight[hits.ids[q]!]!;
          }
          let zhSum = 0;
          const seen = new Set<number>();
          for (let q = hits.wordFrom; q < hits.wordTo; q++) {
            const w = hits.words[q]!;
            if (!seen.has(w)) zhSum += zh[x]!.words[w]!.weight;
            seen.add(w);
          }
          // The hits are what the two sentences share: ids of y that some word of x may render.
          const rendered = new Set(zh[x]!.words.flatMap((w) => [...w.ids]));
          expect([...ids].sort()).toEqual([...en[y]!.ids].filter((id) => rendered.has(id)).sort());
          expect(hits.zhSum).toBe(zhSum);
          expect(hits.enSum).toBe(enSum);
          expect(hits.sumsAt(x, y).zhSum[y]).toBe(zhSum);
        }
    }
  });
});
