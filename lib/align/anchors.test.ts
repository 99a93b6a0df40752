import { describe, expect, it } from 'vitest';
import { type Anchor, anchorPath, consistentAnchors, findAnchors, heaviestChain } from './anchors';
import type { EnFeatures, ZhFeatures } from './features';

const a = (zh: number, en: number, score = 1): Anchor => ({ zh, en, score });

describe('anchors', () => {
  it('keeps the heaviest chain that is in order on both sides', () => {
    // (3, 40) is out of order with the rest; (5, 6) and (6, 6) cannot both be kept.
    const chain = heaviestChain([a(1, 1), a(2, 3), a(3, 40, 1.5), a(5, 6), a(6, 6), a(7, 9)], 50);
    expect(chain.map((x) => [x.zh, x.en])).toEqual([
      [1, 1],
      [2, 3],
      [5, 6],
      [7, 9],
    ]);
  });

  it('drops a link far off the line through its neighbours', () => {
    const kept = consistentAnchors([a(10, 10), a(20, 20), a(30, 70), a(40, 40)], 100, 100);
    expect(kept.map((x) => x.zh)).toEqual([10, 20, 40]);
  });

  it('drops a stray link between sparse neighbours that the wider line would hold (the Bible, Psalm 78)', () => {
    // As found on the Bible's first 20,000 English sentences: the good links are hundreds of
    // sentences apart, and the stray one, 114 sentences off its neighbours' line, fits the line
    // through the next ones out only because that line's tolerance grows with its span.
    const chain = [
      a(22137, 16475),
      a(22185, 16507),
      a(22346, 16609),
      a(22530, 16622),
      a(22707, 16858),
      a(22747, 16884),
    ];
    const kept = consistentAnchors(chain, 30000, 21000);
    expect(kept.map((x) => x.zh)).toEqual([22137, 22185, 22346, 22707, 22747]);
  });

  it('keeps a good link beside a stray one, on the line through the next ones out', () => {
    const kept = consistentAnchors([a(10, 10), a(20, 20), a(30, 30), a(40, 90), a(50, 50), a(60, 60)], 100, 100);
    expect(kept.map((x) => x.zh)).toEqual([10, 20, 30, 50, 60]);
  });

  it('lays the path through the anchors and widens it with the stretch between them', () => {
    const { center, stretch } = anchorPath([a(10, 30)], 20, 40);
    expect(center[0]).toBe(0);
    expect(center[5]).toBe(15);
    expect(center[10]).toBe(30);
    expect(center[11]).toBe(31);
    expect(center[20]).toBe(40);
    expect(stretch[5]).toBe(30);
    expect(stretch[15]).toBe(9);
  });

  it('nominates by rare ids only: a common id, or one no English sentence holds, points at nothing', () => {
    // 40 English sentences, each with its own id (100 + j) and one common id (0); Chinese sentence i
    // shares its own id with English sentence 2i, the rest only the common id and ids past the index.
    const en: EnFeatures[] = Array.from({ length: 40 }, (_, j) => ({
      chars: 30,
      ids: Int32Array.of(0, 100 + j),
      weights: Float64Array.of(0.1, 3),
      names: new Int32Array(0),
      numbers: [],
      questions: 0,
    }));
    const word = (...ids: number[]) => ({ ids: Int32Array.from(ids), weight: 1, type: 0, single: false });
    const zh: ZhFeatures[] = Array.from({ length: 20 }, (_, i) => ({
      han: 10,
      other: 0,
      words: i % 5 === 4 ? [word(0, 500)] : [word(0), word(100 + 2 * i, 500, 100 + 2 * i)],
      wordWeight: 1,
      numbers: [],
      questions: 0,
    }));
    const asked: Array<[number, number]> = [];
    const anchors = findAnchors(zh, en, 140, (i, j) => {
      asked.push([i, j]);
      return j === 2 * i ? 0.9 : 0;
    });
    const expected = [...Array(20).keys()].filter((i) => i % 5 !== 4);
    expect(anchors.map((a) => [a.zh, a.en])).toEqual(expected.map((i) => [i, 2 * i]));
    expect(asked).toEqual(expected.map((i) => [i, 2 * i]));
    // A sentence of more rare ids than the reused buffer first holds (it grows).
    const many = Array.from({ length: 300 }, (_, k) => 1000 + k);
    en[39] = { ...en[39]!, ids: Int32Array.from([0, 139, ...many]), weights: new Float64Array(302).fill(1) };
    const last = [...zh.slice(0, 19), { ...zh[19]!, words: [word(...many.reverse())] }];
    expect(findAnchors(last, en, 1300, (i, j) => (j === 2 * i || (i === 19 && j === 39) ? 0.9 : 0)).at(-1)).toEqual({
      zh: 19,
      en: 39,
      score: 0.9,
    });
  });
});
