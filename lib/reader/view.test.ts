import { describe, expect, it } from 'vitest';
import type { BuiltDoc, Word, ZhBlock } from '@/lib/model';
import { contentsIn, contentsOf, firstViewEnd, viewPairs, wordParts, type ViewZhBlock } from './view';

const word = (original: string, simplified = original, pinyin = '', key: string | null = simplified): Word => ({
  original,
  simplified,
  pinyin,
  key,
});

function zhBlock(kind: ZhBlock['kind'], sentences: Word[][], level?: number): ZhBlock {
  const text = sentences
    .flat()
    .map((w) => w.original)
    .join('');
  return {
    kind,
    ...(level ? { level } : {}),
    text,
    original: text,
    simplified: sentences
      .flat()
      .map((w) => w.simplified)
      .join(''),
    sentences: sentences.map((words) => ({
      original: words.map((w) => w.original).join(''),
      simplified: words.map((w) => w.simplified).join(''),
      words,
    })),
  };
}

/** A traditional document: a heading, and a paragraph of two sentences translated by three. */
const doc = {
  meta: { id: 'd', variant: 'traditional-HK' },
  zh: [
    zhBlock('heading', [[word('會談', '会谈', 'huì tán')]], 2),
    zhBlock('paragraph', [
      [word('兩國', '两国', 'liǎng guó', null), word('合作', '合作', 'hé zuò'), word('。')],
      [word('中國', '中国', 'Zhōng guó'), word('，'), word('2024'), word('年', '年', 'nián', '年')],
    ]),
  ],
  en: [
    { kind: 'heading', level: 2, text: 'Talks', sentences: ['Talks'] },
    { kind: 'paragraph', text: 'A. B. C.', sentences: ['A.', 'B.', 'C.'] },
  ],
  pairs: [
    {
      id: 0,
      zh: [0],
      en: [0],
      confidence: 0.9,
      unaligned: false,
      lowConfidence: false,
      sentences: [{ zh: [0], en: [0], confidence: 0.9 }],
    },
    {
      id: 1,
      zh: [1],
      en: [1],
      confidence: 0.4,
      unaligned: false,
      lowConfidence: true,
      sentences: [
        { zh: [0], en: [0, 1], confidence: 0.8 },
        { zh: [1], en: [2], confidence: 0.7 },
      ],
    },
  ],
} as unknown as BuiltDoc;

const hsk = (w: string) => ({ 合作: 5, 中国: 1 })[w];

describe('viewPairs', () => {
  const [heading, paragraph] = viewPairs(doc, 0, 2, hsk);

  it('keeps kinds, levels and flags', () => {
    expect(heading).toMatchObject({ id: 0, zh: [{ kind: 'heading', level: 2 }], en: [{ kind: 'heading', level: 2 }] });
    expect(paragraph).toMatchObject({ id: 1, confidence: 0.4, lowConfidence: true, unaligned: false });
  });

  it('gives each sentence of both sides its bead', () => {
    expect(paragraph!.zh[0]!.sentences.map(([bead]) => bead)).toEqual([0, 1]);
    expect(paragraph!.en[0]!.sentences).toEqual([
      [0, 'A.'],
      [0, 'B.'],
      [1, 'C.'],
    ]);
  });

  it('encodes words compactly and decodes them back', () => {
    const words = paragraph!.zh[0]!.sentences.flatMap(([, w]) => w);
    // Punctuation and digits are plain strings, runs of them merged.
    expect(words.filter((w) => typeof w === 'string')).toEqual(['。', '，2024']);
    const parts = words.filter((w) => typeof w !== 'string').map((w) => wordParts(w as Exclude<typeof w, string>));
    expect(parts).toEqual([
      { original: '兩國', pinyin: 'liǎng guó', hsk: 0, simplified: '两国', key: null },
      { original: '合作', pinyin: 'hé zuò', hsk: 5, simplified: '合作', key: '合作' },
      { original: '中國', pinyin: 'Zhōng guó', hsk: 1, simplified: '中国', key: '中国' },
      { original: '年', pinyin: 'nián', hsk: 0, simplified: '年', key: '年' },
    ]);
    // A word written as its simplified headword carries neither form again.
    expect(words[1]).toEqual(['合作', 'hé zuò', 5]);
  });

  it('slices by pair range', () => {
    expect(viewPairs(doc, 1, 2, hsk).map((p) => p.id)).toEqual([1]);
    expect(viewPairs(doc, 2, 9, hsk)).toEqual([]);
  });
});

describe('firstViewEnd and contentsOf', () => {
  it('ends the first view once the character budget is reached, after at least one pair', () => {
    expect(firstViewEnd(doc, 1)).toBe(1);
    expect(firstViewEnd(doc, 4)).toBe(2);
    expect(firstViewEnd(doc, 10_000)).toBe(2);
  });

  it('leaves a kicker out of the contents, and sets the English of a kicker or byline like the Chinese', () => {
    const kicker = {
      ...zhBlock('heading', [[word('專家解讀', '专家解读', 'zhuān jiā jiě dú')]], 1),
      role: 'kicker' as const,
    };
    const byline = zhBlock('byline', [[word('記者王一', '记者王一', 'jì zhě Wáng Yī')]]);
    const page = {
      ...doc,
      zh: [kicker, ...doc.zh, byline],
      en: [
        { kind: 'paragraph', text: 'Expert view', sentences: ['Expert view'] },
        ...doc.en,
        { kind: 'paragraph', text: 'Wang Yi', sentences: ['Wang Yi'] },
      ],
      pairs: [
        { ...doc.pairs[0]!, id: 0, zh: [0], en: [0] },
        { ...doc.pairs[0]!, id: 1, zh: [1], en: [1] },
        { ...doc.pairs[1]!, id: 2, zh: [2], en: [2] },
        { ...doc.pairs[0]!, id: 3, zh: [3], en: [3] },
      ],
    } as unknown as BuiltDoc;
    expect(contentsOf(page).map((e) => e.zh)).toEqual(['會談']);
    const pairs = viewPairs(page, 0, 4, hsk);
    expect(pairs[0]!.en[0]).toMatchObject({ kind: 'heading', role: 'kicker' });
    expect(pairs[3]!.en[0]).toMatchObject({ kind: 'byline' });
    expect(pairs[2]!.en[0]!.kind).toBe('paragraph');
  });

  it('sets the English of a sidebar block (its title too) and of a pull quote like the Chinese', () => {
    const title = {
      ...zhBlock('sidebar', [[word('相關鏈接', '相关链接', 'xiāng guān liàn jiē')]]),
      role: 'headline' as const,
    };
    const quote = zhBlock('pullquote', [[word('合作', '合作', 'hé zuò')]]);
    const page = {
      ...doc,
      zh: [title, quote],
      en: [
        { kind: 'paragraph', text: 'Related links', sentences: ['Related links'] },
        { kind: 'paragraph', text: 'Cooperation', sentences: ['Cooperation'] },
      ],
      pairs: [
        { ...doc.pairs[0]!, id: 0, zh: [0], en: [0] },
        { ...doc.pairs[0]!, id: 1, zh: [1], en: [1] },
      ],
    } as unknown as BuiltDoc;
    const pairs = viewPairs(page, 0, 2, hsk);
    expect(pairs[0]!.en[0]).toMatchObject({ kind: 'sidebar', role: 'headline' });
    expect(pairs[1]!.en[0]).toMatchObject({ kind: 'pullquote' });
    // A sidebar's title is no entry of the contents.
    expect(contentsOf(page)).toEqual([]);
  });

  it('lists headings with their pair and translation', () => {
    expect(contentsOf(doc)).toEqual([{ pair: 0, level: 2, zh: '會談', en: 'Talks' }]);
  });

  it('reads the headings in the script the pairs are drawn in', () => {
    const contents = contentsOf(doc);
    const pairs = viewPairs(doc, 0, 2, hsk);
    expect(contentsIn(contents, pairs, true)).toEqual([{ pair: 0, level: 2, zh: '会谈', en: 'Talks' }]);
    expect(contentsIn(contents, pairs, false)).toEqual(contents);
    // Pairs converted on the server (here by hand): the heading follows the characters drawn.
    const converted = pairs.map((p) =>
      p.id === 0
        ? {
            ...p,
            zh: [
              {
                kind: 'heading' as const,
                level: 2,
                sentences: [[0, [['会談', 'huì tán', 0, '会谈']]]],
              } satisfies ViewZhBlock,
            ],
          }
        : p,
    );
    expect(contentsIn(contents, converted, false)[0]!.zh).toBe('会談');
    // A heading whose pair has not arrived keeps the document's own text.
    expect(contentsIn(contents, pairs.slice(1), true)).toEqual(contents);
  });
});
