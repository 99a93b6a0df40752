import { describe, expect, it } from 'vitest';
import { loadCedict } from '../dictionary/cedict';
import { alignWords } from './align';
import { clausePieces } from './long-pairs';
import { englishTokens } from './tokens';

/** Mass on the diagonal blocks [zh0, zh1) × [en0, en1) given, nothing elsewhere. */
const blocks =
  (...spans: Array<[number, number, number, number]>) =>
  (i: number, j: number): number =>
    spans.some(([a0, a1, b0, b1]) => i >= a0 && i < a1 && j >= b0 && j < b1) ? 1 : 0;

describe('clausePieces', () => {
  it('leaves a pair within the limit whole', () => {
    expect(
      clausePieces(
        10,
        12,
        () => 1,
        () => true,
        () => true,
        12,
      ),
    ).toEqual([[0, 10, 0, 12]]);
  });

  it('cuts where the clause marks of both sides meet and nothing links across', () => {
    // Clauses 0–5 × 0–7 and 6–11 × 8–15; marks after zh 2, 5, 8 and en 3, 7, 11.
    const pieces = clausePieces(
      12,
      16,
      blocks([0, 6, 0, 8], [6, 12, 8, 16]),
      (i) => [2, 5, 8].includes(i),
      (j) => [3, 7, 11].includes(j),
      10,
    );
    expect(pieces).toEqual([
      [0, 6, 0, 8],
      [6, 12, 8, 16],
    ]);
  });

  it('cuts again a piece still over the limit, and keeps a piece with no mark whole', () => {
    const three = clausePieces(
      9,
      9,
      blocks([0, 3, 0, 3], [3, 6, 3, 6], [6, 9, 6, 9]),
      (i) => i === 2 || i === 5,
      (j) => j === 2 || j === 5,
      4,
    );
    expect(three).toEqual([
      [0, 3, 0, 3],
      [3, 6, 3, 6],
      [6, 9, 6, 9],
    ]);
    expect(
      clausePieces(
        9,
        9,
        () => 1,
        () => false,
        () => false,
        4,
      ),
    ).toEqual([[0, 9, 0, 9]]);
  });

  it('covers both sides exactly once, in order', () => {
    const pieces = clausePieces(
      40,
      50,
      (i, j) => 1 / (1 + Math.abs(i / 40 - j / 50) * 40),
      (i) => i % 7 === 6,
      (j) => j % 9 === 8,
      12,
    );
    let zh = 0;
    let en = 0;
    for (const [a0, a1, b0, b1] of pieces) {
      expect([a0, b0]).toEqual([zh, en]);
      expect(a1).toBeGreaterThan(a0);
      expect(b1).toBeGreaterThan(b0);
      [zh, en] = [a1, b1];
    }
    expect([zh, en]).toEqual([40, 50]);
  });
});

describe('alignWords on a pair over the HMM limit', () => {
  const dict = loadCedict();
  const clause = {
    zh: ['两', '国', '加强', '战略', '协作', '，'],
    en: englishTokens('the two countries strengthen strategic coordination,').map((t) => t.text),
  };
  // Fourteen clauses: 84 Chinese and 98 English tokens, over the limit of 60 on both sides.
  const long = {
    zh: Array.from({ length: 14 }, () => clause.zh).flat(),
    en: Array.from({ length: 14 }, () => clause.en).flat(),
  };
  const training = Array.from({ length: 20 }, () => clause);

  it('links it clause by clause as well as the HMM links a short pair', () => {
    const [pieces] = alignWords([long], dict, { training });
    const [diagonal] = alignWords([long], dict, { training, clausePieces: false });
    const [short] = alignWords([clause], dict, { training });
    // Every clause gets the short pair's links, shifted to where it stands.
    const expected = new Set(
      Array.from({ length: 14 }, (_, k) => short!.map(([i, j]) => `${i + 6 * k}-${j + 7 * k}`)).flat(),
    );
    const found = new Set(pieces!.map(([i, j]) => `${i}-${j}`));
    for (const link of expected) expect(found).toContain(link);
    expect(pieces!.length).toBeGreaterThan(diagonal!.length);
  });
});
