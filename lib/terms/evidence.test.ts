import { describe, expect, it } from 'vitest';
import { termCorpus } from './corpus';
import { releaseStats, termStats } from './evidence';
import type { TermPair } from './pairs';

const pair = (n: number, zh: string, en: string): TermPair => ({ docId: 'd', pair: n, zh, en });

const pairs: TermPair[] = [
  pair(0, '两国加强合作。', 'The two countries strengthen cooperation.'),
  pair(1, '两国合作发展。', 'The two countries develop cooperation.'),
  pair(2, '双方合作。', 'Both sides cooperate.'),
  pair(3, '两国元首会谈。', 'The two heads of state held talks.'),
];

/** A term's joint counts as a fresh array would hold them: every key id of every unit holding it. */
function freshJoint(term: string): Uint32Array {
  const corpus = termCorpus(pairs);
  const joint = new Uint32Array(corpus.keyCount);
  for (const unit of corpus.unitsWith(term)) for (const id of unit.keyIds) joint[id]!++;
  return joint;
}

describe('term statistics over a lent counting array', () => {
  it('counts each term as a fresh array would, whichever term counted before it', () => {
    const corpus = termCorpus(pairs);
    for (const order of [
      ['合作', '两国', '双方', '合作'],
      ['两国', '合作', '元首', '两国'],
    ]) {
      for (const term of order) {
        const stats = termStats(term, corpus);
        expect(Array.from(stats.joint)).toEqual(Array.from(freshJoint(term)));
        expect(stats.units).toBe(corpus.unitsWith(term).size);
        releaseStats(term, corpus, stats);
      }
    }
  });

  it('gives a term counted while another holds the array an array of its own', () => {
    const corpus = termCorpus(pairs);
    const first = termStats('合作', corpus);
    const second = termStats('两国', corpus);
    expect(second.joint).not.toBe(first.joint);
    expect(Array.from(first.joint)).toEqual(Array.from(freshJoint('合作')));
    expect(Array.from(second.joint)).toEqual(Array.from(freshJoint('两国')));
    releaseStats('两国', corpus, second);
    releaseStats('合作', corpus, first);
    expect(Array.from(termStats('双方', corpus).joint)).toEqual(Array.from(freshJoint('双方')));
  });

  it('numbers n-gram keys densely and counts each in the units that hold it', () => {
    const corpus = termCorpus(pairs);
    const ids = new Set(corpus.units.flatMap((u) => Array.from(u.keyIds)));
    expect([...ids].sort((a, b) => a - b)).toEqual([...Array(corpus.keyCount).keys()]);
    for (let id = 0; id < corpus.keyCount; id++) {
      const holding = corpus.units.filter((u) => u.keyIds.includes(id)).length;
      expect(corpus.unitFrequency[id]).toBe(holding);
    }
    // "two countries" is in the first two units, once each.
    const twoCountries = corpus.keyId('two countri');
    expect(twoCountries).toBeGreaterThanOrEqual(0);
    expect(corpus.unitFrequency[twoCountries]).toBe(2);
  });
});
