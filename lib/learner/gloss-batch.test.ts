import { describe, expect, it } from 'vitest';
import type { DictEntry } from '../model';
import type { ViewWord, ViewZhBlock } from '../reader/view';
import { glossAnswer, isWordIn, type GlossDict, type GlossTerm } from './gloss-answer';
import { batchDict, batchWords } from './gloss-batch';
import { contextWindow } from './nested';

const entry = (simplified: string, pinyin: string, ...senses: string[]): DictEntry => ({
  traditional: simplified,
  simplified,
  pinyin,
  pinyinNumbered: '',
  senses,
});

// A dictionary with the shapes that matter: a surname entry before the common one, measure words,
// a glossary-only term, words spanning the segmenter's cuts (人民, 人民大会堂 over 北京人|民|大会|堂).
const ENTRIES: Record<string, DictEntry[]> = {
  北京: [entry('北京', 'Běi jīng', 'Beijing')],
  北京人: [entry('北京人', 'Běi jīng rén', 'Beijing resident', 'Peking man')],
  人: [entry('人', 'rén', 'person', 'CL:个[ge4]')],
  人民: [entry('人民', 'rén mín', 'the people', 'CL:个[ge4]')],
  民: [entry('民', 'Mín', 'surname Min'), entry('民', 'mín', 'the people', 'nationality', 'citizen')],
  大会: [entry('大会', 'dà huì', 'general assembly', 'general meeting', 'CL:个[ge4],次[ci4]')],
  大会堂: [entry('大会堂', 'dà huì táng', 'great hall')],
  人民大会堂: [entry('人民大会堂', 'Rén mín Dà huì táng', 'Great Hall of the People')],
  堂: [entry('堂', 'táng', '(main) hall', 'relationship between cousins')],
  会: [entry('会', 'huì', 'can', 'meeting'), entry('会', 'kuài', 'to balance an account')],
  举行: [entry('举行', 'jǔ xíng', 'to hold (a meeting, ceremony etc)')],
  会谈: [entry('会谈', 'huì tán', 'talks', 'discussions', 'CL:次[ci4]')],
  俄: [entry('俄', 'é', 'suddenly', 'very soon'), entry('俄', 'È', 'Russia', 'Russian', 'abbr. for 俄羅斯|俄罗斯')],
  在: [entry('在', 'zài', 'to exist', 'in', 'at')],
};
const TERMS: Record<string, GlossTerm> = {
  中俄: { pinyin: 'Zhōng É', renderings: ['China and Russia', 'Sino-Russian', 'Chinese and Russian'] },
};
const HSK: Record<string, number> = { 人民: 2, 举行: 4, 在: 1 };
const dict: GlossDict = {
  entries: (w) => (Object.hasOwn(ENTRIES, w) ? ENTRIES[w]! : []),
  term: (w) => (Object.hasOwn(TERMS, w) ? TERMS[w] : undefined),
  hsk: (w) => (Object.hasOwn(HSK, w) ? HSK[w] : undefined),
};

const w = (text: string): ViewWord => [text, '', 0];
// 中俄 在 北京人 民 大会 堂 举行 会谈 。 (a glossary term, a wrong cut, a word the dictionary lacks: 俄方X)
const BLOCK: ViewZhBlock = {
  kind: 'paragraph',
  sentences: [
    [0, [w('中俄'), w('在'), w('北京人'), w('民'), w('大会'), w('堂'), w('举行'), w('会谈'), '。', w('俄方')]],
  ],
};
const keys = BLOCK.sentences[0]![1].filter((x): x is Exclude<ViewWord, string> => typeof x !== 'string');

/** Every query the popover can make in the block: each word, with and without context, each character tapped, with aligned English or not. */
function queries() {
  const pieces = BLOCK.sentences[0]![1].map((x) => (typeof x === 'string' ? x : x[0]));
  const out: Parameters<typeof glossAnswer>[0][] = [];
  pieces.forEach((piece, index) => {
    if (piece === '。') return;
    const { ctx, at } = contextWindow(pieces, index);
    out.push({ word: piece });
    for (let c = 0; c < Array.from(piece).length; c++) {
      out.push({ word: piece, context: { text: ctx, at, char: at + c } });
      out.push({ word: piece, context: { text: ctx, at, char: at + c }, aligned: 'Russian talks in the Great Hall' });
    }
  });
  return out;
}

const withoutNumbered = (answer: ReturnType<typeof glossAnswer>) =>
  JSON.parse(JSON.stringify(answer, (k, v: unknown) => (k === 'pinyinNumbered' ? undefined : v))) as unknown;

describe('batchWords', () => {
  const batch = batchWords([BLOCK], dict, (k) => k);
  const local = batchDict(JSON.parse(JSON.stringify(batch.words)) as typeof batch.words);

  it('answers every tap in the block as the whole dictionary does', () => {
    const qs = queries();
    expect(qs.length).toBeGreaterThan(30);
    for (const q of qs)
      expect(withoutNumbered(glossAnswer(q, local)), JSON.stringify(q)).toEqual(withoutNumbered(glossAnswer(q, dict)));
  });

  it('holds the block words in full and the stretches across cuts in brief', () => {
    for (const [text] of keys) expect(batch.brief).not.toContain(text);
    expect(batch.brief).toEqual(expect.arrayContaining(['人民', '人民大会堂', '大会堂', '北京', '人', '会']));
    expect(batch.words['民']![0]).toHaveLength(2);
    // A brief word keeps its main entry only, with its first senses and no measure words.
    expect(batch.words['人民']![0]).toEqual([['人民', 'rén mín', ['the people']]]);
    expect(isWordIn(local)('人民大会堂')).toBe(true);
    expect(isWordIn(local)('俄方')).toBe(false);
  });

  it('leaves to the server a key the dictionary knows under another headword', () => {
    const traditional: ViewZhBlock = { kind: 'paragraph', sentences: [[0, [['會談', '', 0, '会谈', '會談']]]] };
    const other = batchWords([traditional], dict, (k) => (k === '會談' ? '会谈' : k));
    expect(other.elsewhere).toEqual(['會談']);
    expect(Object.keys(other.words)).not.toContain('會談');
  });
});
