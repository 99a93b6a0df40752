import { describe, expect, it } from 'vitest';
import { isHanCodePoint } from './encode';
import { PINYIN_SYLLABLES } from './pinyin-syllables';
import {
  countPinyin,
  findPinyin,
  hanSlots,
  joinPinyinLookup,
  pinyinLine,
  pinyinQueryTerms,
  pinyinTerms,
  readPinyin,
  tonelessSyllable,
  wordSyllables,
} from './pinyin';

describe('tonelessSyllable', () => {
  it('drops tones and case, writes ü as v, reads the erhua r as er', () => {
    expect(['hé', 'Zuò', 'Xí', 'lǜ', 'nüè', 'r', 'ér', 'lüe', 'de'].map(tonelessSyllable)).toEqual([
      'he',
      'zuo',
      'xi',
      'lv',
      'nve',
      'er',
      'er',
      'lve',
      'de',
    ]);
  });

  it('refuses what is not a syllable', () => {
    expect(['K', '·', 'abc', '', 'xx'].map(tonelessSyllable)).toEqual([null, null, null, null, null]);
  });
});

describe('wordSyllables', () => {
  it('gives one syllable per Han character of the word', () => {
    expect(wordSyllables('合作', 'hé zuò')).toEqual(['he', 'zuo']);
    expect(wordSyllables('一点儿', 'yī diǎn r')).toEqual(['yi', 'dian', 'er']);
    expect(wordSyllables('，', '')).toEqual([]);
  });

  it('drops the spelled-out Latin letters of a mixed word', () => {
    expect(wordSyllables('卡拉OK', 'kǎ lā O K')).toEqual(['ka', 'la']);
  });

  it('gives null when the reading does not line up', () => {
    expect(wordSyllables('合作', 'hé')).toBeNull();
  });
});

describe('pinyinLine', () => {
  it('puts a space within a Han run, | between runs, ? for a character without a reading', () => {
    expect(pinyinLine('中俄合作，共赢', ['zhong', 'e', 'he', 'zuo', 'gong', null])).toBe('zhong e he zuo|gong ?');
  });

  it('keeps a run across a variation selector and breaks it at a newline or Latin', () => {
    expect(pinyinLine('诸葛\u{E0100}亮\nG20峰会', ['zhu', 'ge', 'liang', 'feng', 'hui'])).toBe('zhu ge liang|feng hui');
  });

  it('is absent when no character has a reading', () => {
    expect(pinyinLine('没有', [null, null])).toBeUndefined();
    expect(pinyinLine('abc', [])).toBeUndefined();
  });
});

describe('readPinyin', () => {
  const syllables = (term: string) => readPinyin(term)?.syllables ?? null;

  it('reads the ways people type 合作', () => {
    for (const typed of ['hezuo', 'HeZuo', 'hé', 'he2zuo4', 'HEZUO', "he'zuo"])
      expect(readPinyin(typed), typed).not.toBeNull();
    expect(syllables('hezuo')).toEqual(['he', 'zuo']);
    expect(syllables('HeZuo')).toEqual(['he', 'zuo']);
    expect(syllables('he2zuo4')).toEqual(['he', 'zuo']);
    expect(syllables('hézuò')).toEqual(['he', 'zuo']);
  });

  it('tells toned input (pinyin only) from toneless (maybe English too)', () => {
    expect(readPinyin('hé')?.toned).toBe(true);
    expect(readPinyin('he2')?.toned).toBe(true);
    expect(readPinyin('he')?.toned).toBe(false);
    expect(readPinyin("xi'an")?.toned).toBe(false);
  });

  it('follows the apostrophe rule: a, o, e start a syllable only after a boundary', () => {
    expect(syllables('xian')).toEqual(['xian']);
    expect(syllables("xi'an")).toEqual(['xi', 'an']);
    expect(syllables('xi’an')).toEqual(['xi', 'an']);
    expect(syllables('XiAn')).toEqual(['xi', 'an']);
    expect(syllables('xi1an1')).toEqual(['xi', 'an']);
    expect(syllables('fangan')).toEqual(['fan', 'gan']);
    expect(syllables("fang'an")).toEqual(['fang', 'an']);
    expect(syllables('zhanlve')).toEqual(['zhan', 'lve']);
    expect(syllables('zhanlüe')).toEqual(['zhan', 'lve']);
    expect(syllables('zhanlue')).toEqual(['zhan', 'lve']);
    expect(syllables('lu:4')).toEqual(['lv']);
    expect(syllables('erhua')).toEqual(['er', 'hua']);
  });

  it('refuses English words and other text that is not pinyin', () => {
    for (const word of [
      'cooperation',
      'strategic',
      'g20',
      '2026',
      'state-owned',
      'hello',
      'café',
      'x',
      "don't",
      '2he',
      '',
    ]) {
      expect(readPinyin(word), word).toBeNull();
    }
  });

  it('reads some English words as pinyin too: those are the ambiguous ones', () => {
    expect(syllables('long')).toEqual(['long']);
    expect(syllables('women')).toEqual(['wo', 'men']);
    expect(syllables('China')).toEqual(['chi', 'na']);
  });

  it('has exactly one reading for every spelling of two syllables (the rule leaves no ambiguity)', () => {
    const all = [...PINYIN_SYLLABLES];
    const consonantInitial = all.filter((s) => !/^[aoe]/.test(s));
    for (const a of all) {
      for (const b of consonantInitial) expect(syllables(a + b), a + b).toEqual([a, b]);
    }
  });

  it('stays fast on long input', () => {
    const started = performance.now();
    expect(readPinyin('zhong'.repeat(40) + 'q')).toBeNull();
    expect(readPinyin('a'.repeat(200))).toBeNull();
    expect(performance.now() - started).toBeLessThan(50);
  });
});

describe('index terms', () => {
  it('are every syllable and every neighbouring pair within a run', () => {
    expect(pinyinTerms('zhong e he zuo|gong ?')).toEqual([
      'zhong',
      'zhong_e',
      'e',
      'e_he',
      'he',
      'he_zuo',
      'zuo',
      'gong',
    ]);
  });

  it('of a query are its pairs, or its one syllable, and survive the index encoder', () => {
    expect(pinyinQueryTerms(['he', 'zuo', 'gong'])).toEqual(['he_zuo', 'zuo_gong']);
    expect(pinyinQueryTerms(['shi'])).toEqual(['shi']);
    const terms = pinyinQueryTerms(['zhan', 'lve', 'xie', 'zuo']);
    expect(pinyinTerms(joinPinyinLookup(terms))).toEqual(terms);
  });
});

describe('findPinyin', () => {
  const zh = '中俄合作，合力工作，和作者';
  const line = 'zhong e he zuo|he li gong zuo|he zuo zhe';

  it('finds a contiguous run of syllables and marks its characters', () => {
    const ranges = findPinyin(zh, line, ['he', 'zuo']);
    expect(ranges.map((r) => zh.slice(r.start, r.end))).toEqual(['合作', '和作']);
  });

  it('respects syllable and run boundaries', () => {
    expect(findPinyin('先', 'xian', ['xi', 'an'])).toEqual([]);
    expect(findPinyin('西安', 'xi an', ['xian'])).toEqual([]);
    expect(findPinyin('合，作', 'he|zuo', ['he', 'zuo'])).toEqual([]);
    expect(findPinyin('和好', 'he hao', ['e', 'hao'])).toEqual([]);
    expect(countPinyin(line, ['zuo'])).toBe(3);
  });

  it('maps onto Extension-B characters and across variation selectors', () => {
    const text = '𠀀诸葛\u{E0100}亮';
    const found = findPinyin(text, pinyinLine(text, [null, 'zhu', 'ge', 'liang']), ['zhu', 'ge', 'liang']);
    expect(found.map((r) => text.slice(r.start, r.end))).toEqual(['诸葛\u{E0100}亮']);
  });

  it('counts non-overlapping occurrences, like Chinese matching', () => {
    expect(countPinyin('ren ren ren', ['ren', 'ren'])).toBe(1);
    expect(countPinyin(undefined, ['ren'])).toBe(0);
  });

  it('gives nothing rather than a wrong mark when the line does not fit the text', () => {
    expect(findPinyin('合', 'he zuo', ['he', 'zuo'])).toEqual([]);
  });

  /** The mapping as it was written over hanSlots' arrays: the reference the one-pass walk must agree with. */
  function bySlots(text: string, line: string | undefined, syllables: string[]): Array<{ start: number; end: number }> {
    const runs = (line ?? '').split('|').map((run) => run.split(' '));
    const tokens = runs.flat();
    const needle = syllables.join(' ');
    const found: number[] = [];
    let token = 0;
    for (const run of runs) {
      const joined = ` ${run.join(' ')} `;
      for (
        let at = joined.indexOf(` ${needle} `);
        at !== -1;
        at = joined.indexOf(` ${needle} `, at + needle.length + 1)
      )
        found.push(token + joined.slice(0, at + 1).split(' ').length - 2);
      token += run.length;
    }
    if (found.length === 0 || tokens.length === 0) return [];
    const slots = hanSlots(text);
    const out: Array<{ start: number; end: number }> = [];
    for (const first of found) {
      const last = first + syllables.length - 1;
      const start = slots.start[first];
      const end = slots.end[last];
      if (start === undefined || end === undefined) return [];
      if (slots.runStart.slice(first + 1, last + 1).some(Boolean)) continue;
      out.push({ start, end });
    }
    return out;
  }

  it('agrees with the mapping over hanSlots on random texts and lines, stale lines included', () => {
    let seed = 7;
    const r = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pieces = ['合', '作', '𠀀', '，', 'a', ' ', '\u{E0100}', '和'];
    const syllables = ['he', 'zuo', 'ge'];
    for (let n = 0; n < 2000; n++) {
      const text = Array.from({ length: Math.floor(r() * 12) }, () => pieces[Math.floor(r() * pieces.length)]).join('');
      const slots = hanSlots(text);
      // Mostly the line that fits the text; sometimes one syllable short or long (a stale bundle).
      const drift = r() < 0.2 ? (r() < 0.5 ? -1 : 1) : 0;
      const count = Math.max(0, slots.start.length + drift);
      const tokens = Array.from({ length: count }, () => syllables[Math.floor(r() * syllables.length)]!);
      const line =
        count === 0
          ? undefined
          : tokens.map((t, k) => (k === 0 ? t : `${slots.runStart[k] === false ? ' ' : '|'}${t}`)).join('');
      const query = Array.from(
        { length: 1 + Math.floor(r() * 2) },
        () => syllables[Math.floor(r() * syllables.length)]!,
      );
      expect(findPinyin(text, line, query), `${text} / ${line} / ${query}`).toEqual(bySlots(text, line, query));
    }
  });
});

describe('isHanCodePoint', () => {
  it('is \\p{Script=Han} on every code point', () => {
    const han = /^\p{Script=Han}$/u;
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      if (isHanCodePoint(cp) !== han.test(String.fromCodePoint(cp))) expect(cp.toString(16)).toBe('agreeing');
    }
  });
});

describe('hanSlots', () => {
  it('lists Han code points with UTF-16 offsets', () => {
    expect(hanSlots('a𠀀b合')).toEqual({ start: [1, 4], end: [3, 5], runStart: [true, true] });
  });
});
