import { describe, expect, it } from 'vitest';
import { keyOf } from './english';
import { seededRandom } from '../../tests/fixtures/random';
import { sortedIntersectionSize, termCorpus } from './corpus';

/** Distinct ascending integers below `range`, about `size` of them. */
function sortedSample(random: () => number, size: number, range: number): Int32Array {
  const set = new Set<number>();
  while (set.size < Math.min(size, range)) set.add(Math.floor(random() * range));
  return Int32Array.from(set).sort();
}

describe('sortedIntersectionSize', () => {
  it('counts the shared values as a Set would, for sizes alike (merge) and far apart (binary search)', () => {
    const random = seededRandom(7);
    for (let k = 0; k < 300; k++) {
      const a = sortedSample(random, Math.floor(random() * 50), 400);
      const b = sortedSample(random, Math.floor(random() * (k % 2 ? 2000 : 60)), 4000);
      const inB = new Set(b);
      const expected = [...a].filter((v) => inB.has(v)).length;
      expect(sortedIntersectionSize(a, b)).toBe(expected);
      expect(sortedIntersectionSize(b, a)).toBe(expected);
    }
  });

  it('is 0 with an empty side and counts a value at either end', () => {
    expect(sortedIntersectionSize(new Int32Array(0), Int32Array.of(1, 2))).toBe(0);
    const large = Int32Array.from({ length: 100 }, (_, i) => i);
    expect(sortedIntersectionSize(Int32Array.of(0, 99), large)).toBe(2);
    expect(sortedIntersectionSize(Int32Array.of(-1, 100), large)).toBe(0);
  });
});

describe('Unit.stemIds', () => {
  it('holds the key id of each content token’s stem, as keyId finds it, and −1 for the others', () => {
    const en = 'The two countries signed the cooperation treaty; cooperation grows.';
    const corpus = termCorpus([
      { docId: 'd', pair: 0, zh: '两国签署合作条约', en },
      { docId: 'd', pair: 1, zh: '合作', en: 'Cooperation of the two countries.' },
    ]);
    let checked = 0;
    for (const unit of corpus.units) {
      expect(unit.stemIds).toHaveLength(unit.tokens.length);
      unit.tokens.forEach((t, k) => {
        expect(unit.stemIds[k]).toBe(t.content ? corpus.keyId(t.stem) : -1);
        if (t.content && unit.stemIds[k]! >= 0) checked++;
      });
    }
    expect(checked).toBeGreaterThan(4);
  });
});

describe('UnitSpan.id', () => {
  it('is the id of the span’s key as keyOf makes it from its tokens', () => {
    const corpus = termCorpus([
      {
        docId: 'd',
        pair: 0,
        zh: '中俄睦邻友好合作条约',
        en: 'The China–Russia Treaty of Good-Neighbourliness and Friendly Cooperation.',
      },
      {
        docId: 'd',
        pair: 1,
        zh: '两国元首',
        en: 'The two heads of state, and the heads of the two states, met; cooperation grows.',
      },
    ]);
    let spans = 0;
    for (const unit of corpus.units) {
      for (const span of unit.spans) {
        expect(span.id).toBe(corpus.keyId(keyOf(unit.tokens.slice(span.first, span.last + 1))));
        spans++;
      }
    }
    expect(spans).toBeGreaterThan(10);
  });
});
