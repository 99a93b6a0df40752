import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DictEntry, GlossaryEntry } from '../model';

// A hand-made build of two files: the CC-CEDICT extract and the glossary.
let dir: string;
const savedBuildEnv = process.env.DUIZHAO_BUILD;

const entry = (simplified: string, pinyin: string, ...senses: string[]): DictEntry => ({
  traditional: simplified,
  simplified,
  pinyin,
  pinyinNumbered: '',
  senses,
});
const term = (t: string, pinyin: string, ...renderings: string[]) =>
  ({
    term: t,
    traditional: [],
    pinyin,
    frequency: 1,
    documents: 1,
    termhood: 1,
    renderings: renderings.map((text) => ({ key: text, text, count: 1, share: 1 })),
    unrendered: 0,
    within: [],
  }) as GlossaryEntry;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'duizhao-gloss-'));
  const gloss: Record<string, DictEntry[]> = {
    友好: [
      entry('友好', 'Yǒu hǎo', 'see 友好區'),
      entry('友好', 'yǒu hǎo', 'friendly; amicable', 'close friend', 'CL:个'),
    ],
    睦邻: [entry('睦邻', 'mù lín', 'good neighbour')],
    好: [entry('好', 'hǎo', 'good')],
    友: [entry('友', 'yǒu', 'friend')],
    报道: [
      {
        traditional: '報道',
        simplified: '报道',
        pinyin: 'bào dào',
        pinyinNumbered: 'bao4 dao4',
        senses: ['to report (news)'],
      },
    ],
  };
  await writeFile(path.join(dir, 'gloss.json'), JSON.stringify(gloss));
  await writeFile(
    path.join(dir, 'glossary.json'),
    JSON.stringify([term('睦邻友好', 'mù lín yǒu hǎo', 'good-neighbourliness', 'friendship', 'amity', 'fourth')]),
  );
  vi.resetModules();
  process.env.DUIZHAO_BUILD = dir;
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  if (savedBuildEnv === undefined) delete process.env.DUIZHAO_BUILD;
  else process.env.DUIZHAO_BUILD = savedBuildEnv;
});

describe('getGlossAnswer', () => {
  it('answers entries, HSK level, the words around (from the context) and inside', async () => {
    const { getGlossAnswer } = await import('./gloss');
    const answer = await getGlossAnswer({ word: '友好', context: { text: '中俄 睦邻 友好 合作', at: 6 } });
    expect(answer.entries).toHaveLength(2);
    expect(answer.hsk).toBe(4);
    // The common reading sums the word up, not the place name; classifier notes are left out.
    expect(answer.around).toEqual([
      { word: '睦邻友好', at: 3, pinyin: 'mù lín yǒu hǎo', senses: ['good-neighbourliness', 'friendship'] },
    ]);
    expect(answer.inside.map((w) => [w.word, w.at, w.pinyin, w.senses])).toEqual([
      ['友', 6, 'yǒu', ['friend']],
      ['好', 7, 'hǎo', ['good']],
    ]);
    expect(answer.inside[1]?.hsk).toBe(1);
  });
  it('gives a glossary term its renderings, and places the words inside it in the context', async () => {
    const { getGlossAnswer } = await import('./gloss');
    const answer = await getGlossAnswer({ word: '睦邻友好', context: { text: '中俄 睦邻 友好 合作', at: 3 } });
    expect(answer.entries).toEqual([]);
    expect(answer.term).toEqual({
      pinyin: 'mù lín yǒu hǎo',
      renderings: ['good-neighbourliness', 'friendship', 'amity'],
    });
    expect(answer.inside.map((w) => [w.word, w.at])).toEqual([
      ['睦邻', 3],
      ['友好', 6],
    ]);
  });
  it('without a context: no words around, offsets inside the word left out', async () => {
    const { getGlossAnswer } = await import('./gloss');
    const answer = await getGlossAnswer({ word: '友好' });
    expect(answer.around).toEqual([]);
    expect(answer.inside.every((w) => w.at === undefined)).toBe(true);
    for (const word of ['__proto__', 'constructor']) {
      expect(await getGlossAnswer({ word })).toMatchObject({ entries: [], around: [], inside: [] });
    }
  });
});

describe('getGlossAnswer in traditional characters', () => {
  it('finds the entry of a word asked in traditional characters, with or without its context', async () => {
    const { getGlossAnswer } = await import('./gloss');
    // 報道 is indexed by its entry's traditional form; 睦鄰 only by OpenCC (its test entry is simplified-only).
    const plain = await getGlossAnswer({ word: '報道' });
    expect(plain.word).toBe('报道');
    expect(plain.entries.map((e) => e.senses[0])).toEqual(['to report (news)']);
    const inContext = await getGlossAnswer({ word: '睦鄰', context: { text: '中俄 睦鄰 友好 合作', at: 3 } });
    expect(inContext.word).toBe('睦邻');
    expect(inContext.entries.map((e) => e.pinyin)).toEqual(['mù lín']);
    expect(inContext.around.map((w) => w.word)).toEqual(['睦邻友好']);
  });
  it('keeps a word found as it is, and answers nothing for a word in neither script', async () => {
    const { simplifiedHeadword } = await import('./gloss');
    const isWord = (w: string) => ['干', '乾', '报道'].includes(w);
    expect(simplifiedHeadword('乾', isWord, new Map([['乾', '干']]))).toBe('乾');
    expect(simplifiedHeadword('報道', isWord, new Map())).toBe('报道');
    expect(simplifiedHeadword('龘', isWord, new Map())).toBe('龘');
  });
});

describe('getGlossAnswer with the tapped character', () => {
  it('lists the words covering it, across the cuts, longest first, leaving out the word and the words around it', async () => {
    const { getGlossAnswer } = await import('./gloss');
    // Cut 中俄 睦 邻友 好, tapped on 邻: 睦邻友好 stands around the word; 睦邻 covers 邻 across a cut, 友好 does not.
    const answer = await getGlossAnswer({ word: '邻友', context: { text: '中俄 睦 邻友 好', at: 5, char: 5 } });
    expect(answer.around.map((w) => w.word)).toEqual(['睦邻友好']);
    expect(answer.covering?.char).toBe('邻');
    expect(answer.covering?.words.map((w) => [w.word, w.at])).toEqual([['睦邻', 3]]);
    // 友好 tapped on 好: 睦邻友好 is already around it, so only the character is left.
    const friendly = await getGlossAnswer({ word: '友好', context: { text: '中俄 睦邻 友好 合作', at: 6, char: 7 } });
    expect(friendly.around.map((w) => w.word)).toEqual(['睦邻友好']);
    expect(friendly.covering).toEqual({
      char: '好',
      words: [{ word: '好', at: 7, pinyin: 'hǎo', senses: ['good'], hsk: 1 }],
    });
    expect(
      (await getGlossAnswer({ word: '友好', context: { text: '中俄 睦邻 友好 合作', at: 6 } })).covering,
    ).toBeUndefined();
  });
});
