import { describe, expect, it } from 'vitest';
import type { MarkedSentence } from '../model';
import type { TermPair } from './pairs';
import { sentenceHit } from './sentence-hit';

/** Two sentence beads in one pair: words laid end to end per sentence, English sentences joined by a space. */
function twoBeads(): TermPair {
  const s1 = ['两国', '合作', '。'];
  const s2 = ['双方', '同意', '延期', '。'];
  const e1 = 'The two countries cooperate.';
  const e2 = 'Both sides agreed to extend it.';
  const zh = s1.join('') + s2.join('');
  const en = `${e1} ${e2}`;
  const starts = (words: string[], from: number) => {
    const out: number[] = [];
    let at = from;
    for (const w of words) {
      out.push(at);
      at += w.length;
    }
    out.push(at);
    return out;
  };
  const z1 = s1.join('').length;
  return {
    docId: 'd',
    pair: 3,
    zh,
    en,
    links: [
      // the(0) two(1) countries(2) cooperate(3) .(4)
      { zh: [0, z1], en: [0, e1.length], words: { starts: starts(s1, 0), links: '0-1 0-2 1-3 2-4' } },
      // Both(0) sides(1) agreed(2) to(3) extend(4) it(5) .(6)
      {
        zh: [z1, zh.length],
        en: [e1.length + 1, en.length],
        words: { starts: starts(s2, z1), links: '0-0 0-1 1-2 2-4 3-6' },
      },
    ],
  };
}

const marked = (s: MarkedSentence, key: 'match' | 'linked') => s[key].map(([a, b]) => s.text.slice(a, b));

describe('sentenceHit', () => {
  it('shows the sentence pair holding a Chinese match, with its aligned English marked whole', () => {
    const p = twoBeads();
    const hit = sentenceHit(p, [[0, 2]], []);
    expect(hit.sentences).toHaveLength(1);
    const [s] = hit.sentences;
    expect(s!.bead).toBe(0);
    expect(s!.zh.text).toBe('两国合作。');
    expect(s!.en.text).toBe('The two countries cooperate.');
    expect(marked(s!.zh, 'match')).toEqual(['两国']);
    // Neighbouring linked tokens are one span, and the unlinked "The" stays out.
    expect(marked(s!.en, 'linked')).toEqual(['two countries']);
    expect(hit.more).toBe(0);
  });

  it('marks the Chinese words aligned to an English match, in the second sentence', () => {
    const p = twoBeads();
    const at = p.en.indexOf('extend');
    const hit = sentenceHit(p, [], [[at, at + 'extend'.length]]);
    const [s] = hit.sentences;
    expect(s!.bead).toBe(1);
    expect(s!.en.text).toBe('Both sides agreed to extend it.');
    expect(marked(s!.en, 'match')).toEqual(['extend']);
    expect(marked(s!.zh, 'linked')).toEqual(['延期']);
  });

  it('never marks a punctuation mark as a counterpart', () => {
    const p = twoBeads();
    const at = p.zh.indexOf('合作。');
    const [s] = sentenceHit(p, [[at, at + 3]], []).sentences;
    expect(marked(s!.en, 'linked')).toEqual(['cooperate']);
  });

  it('shows at most `max` sentence pairs and counts the rest', () => {
    const p = twoBeads();
    const hit = sentenceHit(
      p,
      [
        [0, 2],
        [5, 7],
      ],
      [],
      1,
    );
    expect(hit.sentences.map((s) => s.bead)).toEqual([0]);
    expect(hit.more).toBe(1);
  });

  it('falls back on the whole pair when it has no sentence beads', () => {
    const hit = sentenceHit({ docId: 'd', pair: 0, zh: '中俄关系', en: 'China-Russia relations' }, [[2, 4]], []);
    expect(hit.sentences).toEqual([
      {
        bead: -1,
        zh: { text: '中俄关系', match: [[2, 4]], linked: [] },
        en: { text: 'China-Russia relations', match: [], linked: [] },
      },
    ]);
  });

  it('keeps every mark inside its sentence text', () => {
    const p = twoBeads();
    const hit = sentenceHit(p, [[0, p.zh.length]], [[0, p.en.length]]);
    for (const s of hit.sentences)
      for (const side of [s.zh, s.en])
        for (const [a, b] of [...side.match, ...side.linked]) {
          expect(a).toBeGreaterThanOrEqual(0);
          expect(b).toBeLessThanOrEqual(side.text.length);
          expect(a).toBeLessThan(b);
        }
  });
});
