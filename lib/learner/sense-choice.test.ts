import { describe, expect, it } from 'vitest';
import type { DictEntry } from '../model';
import { chooseSense } from './sense-choice';

const entry = (simplified: string, pinyin: string, senses: string[]): DictEntry => ({
  simplified,
  traditional: simplified,
  pinyin,
  pinyinNumbered: pinyin,
  senses,
});

// CC-CEDICT's entries as the corpus's extract holds them (order kept).
const E = [
  entry('俄', 'é', ['suddenly', 'very soon']),
  entry('俄', 'É', ['Russia', 'Russian', 'abbr. for 俄羅斯|俄罗斯[E2 luo2 si1]']),
];
const ZHONG = [
  entry('中', 'Zhōng', ['China', 'Chinese', 'surname Zhong']),
  entry('中', 'zhōng', ['within', 'among', 'in', 'middle', 'center', 'while (doing sth)', 'during']),
];
const YUE = [entry('月', 'yuè', ['moon', 'month', 'monthly', 'CL:個|个[ge4],輪|轮[lun2]'])];
const YANQI = [entry('延期', 'yán qī', ['to delay', 'to extend', 'to postpone', 'to defer'])];

describe('chooseSense', () => {
  it('puts the sense the aligned English supports first, entry and sense', () => {
    const r = chooseSense(E, 'Russian');
    expect(r.entries[0]!.pinyin).toBe('É');
    expect(r.entries[0]!.senses[0]).toBe('Russian');
    expect(r.chosen).toEqual({ english: 'Russian' });
    // The other entry is kept, below.
    expect(r.entries[1]!.senses).toEqual(['suddenly', 'very soon']);
  });

  it('reads 中, 月 and 延期 from their translations', () => {
    expect(chooseSense(ZHONG, 'China').entries[0]!.senses[0]).toBe('China');
    expect(chooseSense(ZHONG, 'in').entries[0]!.senses[0]).toBe('in');
    expect(chooseSense(YUE, 'months').entries[0]!.senses[0]).toBe('month');
    const r = chooseSense(YANQI, 'extended');
    expect(r.entries[0]!.senses).toEqual(['to extend', 'to delay', 'to postpone', 'to defer']);
  });

  it("keeps CC-CEDICT's order without aligned English or a match", () => {
    expect(chooseSense(E, '').entries).toEqual(E);
    expect(chooseSense(E, '').chosen).toBeUndefined();
    expect(chooseSense(YUE, 'the').entries).toEqual(YUE);
    expect(chooseSense(ZHONG, 'India').chosen).toBeUndefined();
  });
});
