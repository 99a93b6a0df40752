import { describe, expect, it } from 'vitest';
import type { Bead } from '../model';
import { type Coverage, splitUntranslated } from './untranslated';

/**
 * A toy coverage: a Chinese unit renders the English words listed for it. Each unit is written
 * "汉字…|word word", the part after the bar being what it means.
 */
const meaning = (unit: string) => (unit.split('|')[1] ?? '').split(' ').filter(Boolean);
const coverage: Coverage = (zh, en) => {
  const enWords = en.flatMap((e) => e.split(' '));
  const zhWords = zh.flatMap(meaning);
  const found = zhWords.filter((w) => enWords.includes(w)).length;
  return {
    zh: zhWords.length ? found / zhWords.length : 0,
    en: enWords.length ? enWords.filter((w) => zhWords.includes(w)).length / enWords.length : 0,
  };
};

const han = (n: number) => '中'.repeat(n);
const bead = (zh: number[], en: number[]): Bead => ({ zh, en, confidence: 0.9 });

describe('splitUntranslated', () => {
  const a = `${han(20)}|leaders met in Moscow`;
  const b = `${han(20)}|treaty signed twenty years ago`;
  const middleEast = `${han(20)}|middle east views exchanged`;

  it('splits out a paragraph that adds nothing to the English it was merged with', () => {
    const zh = [middleEast, a];
    const en = ['leaders met in Moscow'];
    expect(splitUntranslated([bead([0, 1], [0])], zh, en, coverage)).toEqual([
      { zh: [0], en: [], confidence: 0 },
      { zh: [1], en: [0], confidence: 0.9 },
    ]);
  });

  it('keeps a true two-into-one merge, where each paragraph renders its share', () => {
    const zh = [a, b];
    const en = ['leaders met in Moscow and treaty signed twenty years ago'];
    const beads = [bead([0, 1], [0])];
    expect(splitUntranslated(beads, zh, en, coverage)).toEqual(beads);
  });

  it('works at the far end and on the English side too, keeping every unit once and in order', () => {
    const zh = [a];
    const en = ['leaders met in Moscow', 'an English paragraph about something else entirely'];
    const out = splitUntranslated([bead([0], [0, 1])], zh, en, coverage);
    expect(out).toEqual([
      { zh: [0], en: [0], confidence: 0.9 },
      { zh: [], en: [1], confidence: 0 },
    ]);
  });

  it('never splits a unit too short to judge, unless it is a heading across from no heading', () => {
    const zh = ['一', a];
    const en = ['leaders met in Moscow'];
    const beads = [bead([0, 1], [0])];
    expect(splitUntranslated(beads, zh, en, coverage)).toEqual(beads);
    const headings = { zh: (i: number) => i === 0, en: () => false };
    expect(splitUntranslated(beads, zh, en, coverage, headings)[0]).toEqual({ zh: [0], en: [], confidence: 0 });
    // Across from a heading, the short one stays: its translation is there.
    expect(splitUntranslated(beads, zh, en, coverage, { zh: (i) => i === 0, en: () => true })).toEqual(beads);
  });
});
