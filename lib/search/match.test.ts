import { describe, expect, it } from 'vitest';
import { matchRecord, toParts } from './match';
import { englishWords, stemWord } from './encode';
import { parseQuery } from './query';

function match(zh: string, en: string, query: string, pinyin?: string) {
  return matchRecord({ zh, en, pinyin }, parseQuery(query));
}

describe('toParts', () => {
  it('cuts a text into unmarked and marked runs that join back to it', () => {
    expect(toParts('中俄合作关系', [{ start: 2, end: 4 }])).toEqual([
      { text: '中俄', mark: false },
      { text: '合作', mark: true },
      { text: '关系', mark: false },
    ]);
  });

  it('merges overlapping and touching marks', () => {
    expect(
      toParts('abcdef', [
        { start: 3, end: 5 },
        { start: 0, end: 2 },
        { start: 1, end: 3 },
      ]),
    ).toEqual([
      { text: 'abcde', mark: true },
      { text: 'f', mark: false },
    ]);
  });

  it('gives no parts for an empty text and one unmarked part without matches', () => {
    expect(toParts('', [])).toEqual([]);
    expect(toParts('<img src=x onerror=alert(1)>', [])).toEqual([
      { text: '<img src=x onerror=alert(1)>', mark: false },
    ]);
  });

  it('always joins back to the text (random ranges)', () => {
    const text = '合作𠀀abc关系\u{E0100}xyz';
    for (let n = 0; n < 200; n++) {
      const ranges = Array.from({ length: 3 }, () => {
        const a = Math.floor(Math.random() * (text.length + 1));
        const b = Math.floor(Math.random() * (text.length + 1));
        return { start: Math.min(a, b), end: Math.max(a, b) };
      });
      const parts = toParts(text, ranges);
      expect(parts.map((p) => p.text).join('')).toBe(text);
      expect(parts.every((p) => p.text.length > 0)).toBe(true);
    }
  });

  it('marks exactly the maximal runs the ranges cover (random ranges, empty ones included)', () => {
    const text = 'abcdefghijklmnop';
    for (let n = 0; n < 500; n++) {
      const ranges = Array.from({ length: Math.floor(Math.random() * 6) }, () => {
        const a = Math.floor(Math.random() * (text.length + 1));
        const b = Math.floor(Math.random() * (text.length + 1));
        return { start: Math.min(a, b), end: Math.max(a, b) };
      });
      const covered = Array.from(text, (_, i) => ranges.some((r) => r.start <= i && i < r.end));
      const runs: Array<{ text: string; mark: boolean }> = [];
      covered.forEach((mark, i) => {
        const last = runs.at(-1);
        if (last && last.mark === mark) last.text += text[i];
        else runs.push({ text: text[i]!, mark });
      });
      expect(toParts(text, ranges)).toEqual(runs);
    }
  });
});

describe('matchRecord', () => {
  it('finds a Chinese term as a substring and marks it in the source text', () => {
    const m = match('中俄合作，合作共赢', '', '合作');
    expect(m?.count).toBe(2);
    expect(
      toParts('中俄合作，合作共赢', m?.zh ?? [])
        .filter((p) => p.mark)
        .map((p) => p.text),
    ).toEqual(['合作', '合作']);
  });

  it('does not find 合作 when 合 and 作 are apart', () => {
    expect(match('合，作', '', '合作')).toBeNull();
    expect(match('合力工作', '', '合作')).toBeNull();
  });

  it('does not find 𠀀 in text holding 𠀁 and 𠐀', () => {
    expect(match('𠀁𠐀', '', '𠀀')).toBeNull();
    expect(match('𠐀𠀀𠀁', '', '𠀀')?.count).toBe(1);
  });

  it('matches across a variation selector and marks it with its character', () => {
    const zh = '诸葛\u{E0100}亮说';
    const m = match(zh, '', '诸葛亮');
    expect(toParts(zh, m?.zh ?? [])).toEqual([
      { text: '诸葛\u{E0100}亮', mark: true },
      { text: '说', mark: false },
    ]);
  });

  it('matches Latin inside Chinese case-insensitively, full width included', () => {
    expect(match('二十国集团（Ｇ２０）峰会', '', 'g20）峰会')?.count).toBe(1);
  });

  it('matches English words by stem, as consecutive words', () => {
    const en = 'They pledged to cooperate. Cooperation grows; state-owned firms.';
    expect(match('', en, 'cooperation')?.count).toBe(2);
    expect(match('', en, 'State-Owned')?.count).toBe(1);
    expect(match('', en, 'state firms')?.count).toBe(2); // two terms, each found
    expect(match('', en, 'state-firms')).toBeNull(); // one term: the words must be adjacent
    expect(match('', en, 'coop')).toBeNull(); // not a word of the text
  });

  it('requires every term', () => {
    expect(match('中俄合作', 'cooperation', '合作 cooperation')?.count).toBe(2);
    expect(match('中俄合作', 'cooperation', '合作 friendship')).toBeNull();
    expect(match('中俄合作', 'cooperation', '合作 关系')).toBeNull();
  });
});

describe('English matching agrees with splitting the text into words', () => {
  const PIECES = [
    'cooperate',
    'Cooperation',
    'co',
    'operation',
    'İstanbul',
    'i\u0307stanbul',
    'happy',
    'Happiness',
    'filing',
    'file',
    'feed',
    'agreed',
    'relational',
    'yes',
    'y',
    's',
    '𠀀',
    '𠀀x',
    '葛\u{E0100}',
    'Ｇ２０',
    'g20',
    'state',
    'owned',
    'a',
  ];
  const SEPARATORS = [' ', ' ', ' ', '-', ', ', "'", '’', ''];

  function rng(seed: number): () => number {
    let s = seed;
    return () => {
      s = (s * 1103515245 + 12345) % 2147483648;
      return s / 2147483648;
    };
  }

  /** The plain definition: consecutive words of englishWords whose stems equal the term's. */
  function oracle(text: string, query: string): number {
    const words = englishWords(text).map((w) => stemWord(w.word));
    const want = englishWords(query).map((w) => stemWord(w.word));
    let n = 0;
    for (let i = 0; i + want.length <= words.length; i++) if (want.every((s, j) => words[i + j] === s)) n++;
    return n;
  }

  it('on random texts', () => {
    const r = rng(11);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
    for (let n = 0; n < 2000; n++) {
      const text = Array.from({ length: Math.floor(r() * 12) }, () => pick(PIECES) + pick(SEPARATORS)).join('');
      const query = Array.from({ length: 1 + Math.floor(r() * 2) }, () => pick(PIECES)).join('-');
      if (/\p{Script=Han}/u.test(query)) continue; // a Han term searches the Chinese side
      expect(match('', text, query)?.count ?? 0, `${query} in ${text}`).toBe(oracle(text, query));
    }
  });

  it('keeps the stem invariant verification relies on', () => {
    const words = [
      ...PIECES,
      'generalization',
      'conditional',
      'hopping',
      'valenci',
      'digitizer',
      'organization',
      'xies',
      'ies',
      'sky',
      'yelling',
      'cries',
      'conflated',
      'controlling',
    ].map((w) => englishWords(w)[0]?.word ?? '');
    for (const word of words) {
      const key = stemWord(word);
      expect(key.charCodeAt(0), word).toBe(word.charCodeAt(0));
      expect(word.startsWith(key.slice(0, -1)), word).toBe(true);
    }
    expect(stemWord('happiness')).toBe(stemWord('happy'));
  });
});
