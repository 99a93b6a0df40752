import { describe, expect, it } from 'vitest';
import { loadCedict } from '../dictionary/cedict';
import { linkSensePhrases } from './phrases';
import { Priors } from './prior';
import type { Link } from './symmetrize';

const priors = new Priors(loadCedict());
const sorted = (links: readonly Link[]) => [...links].sort((a, b) => a[0] - b[0] || a[1] - b[1]);

describe('Priors.sensePhrases', () => {
  it('reads each rendering of a sense as English keys, without a leading "to" or article', () => {
    // 两国: "both countries; the two countries"; 为了: "in order to; for the purpose of; so as to".
    expect(priors.sensePhrases('两国')).toEqual([
      ['both', 'countri'],
      ['#2', 'countri'],
    ]);
    expect(priors.sensePhrases('为了')).toContainEqual(['in', 'order', 'to']);
  });

  it('keeps no single word, no description of use and no pattern with sb or sth', () => {
    expect(priors.sensePhrases('战略')).toEqual([]);
    // 的: "of; ~'s (possessive particle)", "used after an attribute", …
    expect(priors.sensePhrases('的').flat()).not.toContain('noun');
    expect(priors.sensePhrases('不存在的词')).toEqual([]);
  });
});

describe('linkSensePhrases', () => {
  // 一转眼(0) 就(1) 过去(2) 了(3) | in(0) the(1) blink(2) of(3) an(4) eye(5) it(6) was(7) gone(8)
  const pair = {
    zh: ['一转眼', '就', '过去', '了'],
    en: ['in', 'the', 'blink', 'of', 'an', 'eye', 'it', 'was', 'gone'],
  };

  it('gives a word linked into a dictionary phrase of its the whole phrase', () => {
    const links: Link[] = [
      [0, 2],
      [2, 8],
    ];
    expect(sorted(linkSensePhrases(links, pair, priors))).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
      [0, 3],
      [0, 4],
      [0, 5],
      [2, 8],
    ]);
  });

  it('leaves a phrase the word is not linked into, and each copy but the linked one', () => {
    expect(linkSensePhrases([[2, 8]], pair, priors)).toEqual([[2, 8]]);
    // 两国(0) … 两国(2) | the(0) two(1) countries(2) and(3) the(4) two(5) countries(6)
    const twice = { zh: ['两国', '和', '两国'], en: ['the', 'two', 'countries', 'and', 'the', 'two', 'countries'] };
    expect(
      sorted(
        linkSensePhrases(
          [
            [0, 1],
            [2, 6],
          ],
          twice,
          priors,
        ),
      ),
    ).toEqual([
      [0, 1],
      [0, 2],
      [2, 5],
      [2, 6],
    ]);
  });
});
