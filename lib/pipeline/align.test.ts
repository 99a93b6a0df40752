import { describe, expect, it } from 'vitest';
import { align } from './align';

/** Every index of both sides in exactly one bead, in order. */
function expectTotal(beads: ReturnType<typeof align>, n: number, m: number) {
  expect(beads.flatMap((b) => b.zh)).toEqual(Array.from({ length: n }, (_, i) => i));
  expect(beads.flatMap((b) => b.en)).toEqual(Array.from({ length: m }, (_, i) => i));
  for (const b of beads) expect(b.confidence).toBeGreaterThanOrEqual(0);
}

const zh = (n: number, len: number) => Array.from({ length: n }, (_, i) => ({ text: `${'中'.repeat(len)}${i}` }));
const en = (n: number, len: number) => Array.from({ length: n }, (_, i) => ({ text: `${'e'.repeat(len)} ${i}` }));

describe('align', () => {
  it('pairs units of matching length one to one', () => {
    const beads = align(zh(5, 30), en(5, 100));
    expect(beads.map((b) => [b.zh, b.en])).toEqual([0, 1, 2, 3, 4].map((i) => [[i], [i]]));
    expectTotal(beads, 5, 5);
  });

  it('uses numbers as anchors to find the pair that has no counterpart', () => {
    const z = [{ text: '两国贸易额2023年达到2401亿美元，同比增长26.3%。' }, { text: '双方同意继续深化合作，推动关系发展。' }, { text: '会谈于5月20日举行。' }];
    const e = [{ text: 'Trade reached a record in 2023, with 26.3% growth.' }, { text: 'The talks were held on 20 May.' }];
    const beads = align(z, e);
    expectTotal(beads, 3, 2);
    expect(beads.find((b) => b.zh.includes(2))?.en).toEqual([1]);
    expect(beads.find((b) => b.zh.includes(1))?.en).not.toContain(1);
  });

  it('row 10: 40 Chinese paragraphs against 38 English ones keep all 78, two unaligned', () => {
    const z = zh(40, 40);
    const e = en(38, 130);
    const beads = align(z, e);
    expectTotal(beads, 40, 38);
    const zhOnly = beads.filter((b) => b.en.length === 0).flatMap((b) => b.zh);
    const merged = beads.filter((b) => b.zh.length > 1).length;
    expect(zhOnly.length + merged).toBeGreaterThanOrEqual(2);
  });

  it('is total on empty input, one empty side and wildly different lengths', () => {
    expectTotal(align([], []), 0, 0);
    expectTotal(align(zh(3, 10), []), 3, 0);
    expectTotal(align([], en(4, 10)), 0, 4);
    expectTotal(align(zh(1, 2000), en(30, 5)), 1, 30);
  });

  it('gives a lower confidence to a bead whose lengths disagree', () => {
    const good = align([{ text: '中'.repeat(30) }], [{ text: 'e'.repeat(100) }])[0]!;
    const bad = align([{ text: '中'.repeat(30) }], [{ text: 'e'.repeat(10) }])[0]!;
    expect(good.confidence).toBeGreaterThan(bad.confidence);
  });
});
