import { describe, expect, it } from 'vitest';
import { containedInLonger } from './contained';

/** The definition the index must agree with. */
const plainly = (keys: string[], texts: string[]) =>
  keys.map((k) => texts.some((t) => t.length > k.length && t.includes(k)));

describe('containedInLonger', () => {
  it('row 22.3: agrees with a plain search at every offset, for short and long keys', () => {
    const texts = [
      '要堅持世代友好，做百煉成鋼的真朋友。中俄關係',
      '中国的发展离不开世界。',
      '做百煉成鋼的真朋友。',
      'abc',
    ];
    const keys: string[] = [];
    for (const t of texts)
      for (let i = 0; i < t.length; i++) for (let j = i + 1; j <= t.length; j++) keys.push(t.slice(i, j));
    keys.push('不在其中的一句很长的话。', '世界。中国');
    expect(containedInLonger(keys, texts)).toEqual(plainly(keys, texts));
  });

  it('needs a strictly longer text: a key equal to every text is not inside one', () => {
    expect(containedInLonger(['中国的发展离不开世界。'], ['中国的发展离不开世界。', '中国的发展离不开世界。'])).toEqual(
      [false],
    );
  });

  it('agrees with a plain search on random texts over a small alphabet', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const word = (n: number) => Array.from({ length: n }, () => '中国人民'[rand(4)]).join('');
    const texts = Array.from({ length: 60 }, () => word(5 + rand(40)));
    const keys = [
      ...Array.from({ length: 300 }, () => word(1 + rand(14))),
      ...texts.map((t) => t.slice(rand(3), t.length - rand(3))),
    ];
    expect(containedInLonger(keys, texts)).toEqual(plainly(keys, texts));
  });
});
