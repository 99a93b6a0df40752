import { describe, expect, it } from 'vitest';
import type { BuiltDoc, EnBlock, Pair, ZhBlock } from '@/lib/model';
import { PLOT_PAD, PLOT_SIZE, plotBeads } from './plot';

const zh = (text: string): ZhBlock => ({ kind: 'paragraph', text, original: text, simplified: text, sentences: [] });
const en = (text: string): EnBlock => ({ kind: 'paragraph', text, sentences: [text] });
const pair = (id: number, zhIds: number[], enIds: number[], confidence: number, unaligned = false): Pair =>
  ({ id, zh: zhIds, en: enIds, confidence, unaligned, lowConfidence: confidence < 0.4, sentences: [] }) as Pair;

/** Three Chinese paragraphs (10, 30, 60 characters) against two English ones (50, 50). */
const doc = {
  zh: [zh('中'.repeat(10)), zh('文'.repeat(30)), zh('字'.repeat(60))],
  en: [en('a'.repeat(50)), en('b'.repeat(50))],
  pairs: [pair(0, [0, 1], [0], 0.9), pair(1, [2], [], 0, true), pair(2, [], [1], 0.5), pair(3, [], [], 0.2)],
} as unknown as BuiltDoc;

describe('plotBeads', () => {
  const beads = plotBeads(doc);

  it('draws one box per pair, numbered as the reader numbers pairs, banded by confidence', () => {
    expect(beads.map((b) => [b.n, b.band])).toEqual([
      [1, 'high'],
      [2, 'unaligned'],
      [3, 'medium'],
      [4, 'low'],
    ]);
  });

  it('places each box by character position on both axes', () => {
    // 40 of 100 Chinese characters across, 50 of 100 English characters down.
    expect(beads[0]).toMatchObject({ x: PLOT_PAD, y: PLOT_PAD, width: 0.4 * PLOT_SIZE, height: 0.5 * PLOT_SIZE });
    // Unaligned: its Chinese span, on the English axis where the previous pair ended, grown to be seen.
    expect(beads[1]).toMatchObject({ x: PLOT_PAD + 0.4 * PLOT_SIZE - 1.5, width: 0.6 * PLOT_SIZE + 3, height: 3 });
    expect(beads[1]!.y).toBeCloseTo(PLOT_PAD + 0.5 * PLOT_SIZE - 1.5);
    // No side at all: a box of the least size where the path stands.
    expect(beads[3]).toMatchObject({ width: 2.5, height: 2.5 });
  });

  it('keeps every box inside the frame', () => {
    for (const b of beads) {
      expect(b.x).toBeGreaterThanOrEqual(PLOT_PAD - 1.5);
      expect(b.x + b.width).toBeLessThanOrEqual(PLOT_PAD + PLOT_SIZE + 3);
      expect(b.y + b.height).toBeLessThanOrEqual(PLOT_PAD + PLOT_SIZE + 3);
    }
  });
});
